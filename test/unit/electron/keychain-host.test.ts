import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createIsolatedStore } from '../../../core/secrets/isolated-store.js';
import type { UtilityProcessLike, UtilityProcessModule } from '../../../electron/electron-types.js';
import { utilityHostLauncher } from '../../../electron/keychain-host.js';

/** A utility process that answers like core/secrets/host.ts, from an in-memory keychain. */
class FakeHelper extends EventEmitter implements UtilityProcessLike {
  readonly stderr = new PassThrough();
  readonly secrets = new Map<string, string>();
  killed = false;
  postMessage(message: unknown): void {
    const request = message as { id: number; op: string; account: string; password?: string };
    setImmediate(() => {
      let value: string | boolean | null = null;
      if (request.op === 'set') this.secrets.set(request.account, request.password ?? '');
      else if (request.op === 'get') value = this.secrets.get(request.account) ?? null;
      else value = this.secrets.delete(request.account);
      this.emit('message', { id: request.id, ok: true, value });
    });
  }
  kill(): boolean {
    this.killed = true;
    setImmediate(() => this.emit('exit', 9));
    return true;
  }
}

function fakeUtilityProcess() {
  const forks: { modulePath: string; args: string[]; options: object; child: FakeHelper }[] = [];
  const module: UtilityProcessModule = {
    fork(modulePath, args, options) {
      const child = new FakeHelper();
      forks.push({ modulePath, args, options, child });
      return child;
    },
  };
  return { module, forks };
}

describe('utilityHostLauncher', () => {
  it('forks the helper as a utility process with piped stderr', () => {
    const { module, forks } = fakeUtilityProcess();
    utilityHostLauncher(module, '/app/dist/core/secrets/host.js')();
    expect(forks).toHaveLength(1);
    expect(forks[0]).toMatchObject({
      modulePath: '/app/dist/core/secrets/host.js',
      args: [],
      options: { execArgv: ['--expose-gc'], stdio: 'pipe' },
    });
  });

  it('carries the isolated store: set, get, delete through the helper', async () => {
    const { module } = fakeUtilityProcess();
    const store = createIsolatedStore({ launch: utilityHostLauncher(module, '/host.js'), service: 'test' });
    await store.setPassword('max@gmx.de', 'app-pass-1');
    expect(await store.getPassword('max@gmx.de')).toBe('app-pass-1');
    expect(await store.deletePassword('max@gmx.de')).toBe(true);
    expect(await store.getPassword('max@gmx.de')).toBeNull();
    await store.close();
  });

  it('reports the exit and the end of stderr', async () => {
    const { module, forks } = fakeUtilityProcess();
    const host = utilityHostLauncher(module, '/host.js')();
    const exited = new Promise<string>((resolve) => host.onExit(resolve));
    forks[0]?.child.stderr.write('x'.repeat(3000));
    forks[0]?.child.stderr.write('the end');
    host.kill();
    expect(await exited).toBe('exit code 9');
    expect(forks[0]?.child.killed).toBe(true);
    expect(host.output()).toHaveLength(2000);
    expect(host.output().endsWith('the end')).toBe(true);
  });
});
