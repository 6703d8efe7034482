// The process-wide default launcher of core/secrets/isolated-store.ts: what Electron sets so that code
// creating its own keychain (the CLI's commands, run by the packaged app with --cli) never forks Node.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostRequest } from '../../../core/secrets/host-protocol.js';
import {
  createIsolatedStore,
  type HostLauncher,
  type HostProcess,
  setDefaultHostLauncher,
} from '../../../core/secrets/isolated-store.js';
import { createKeychain } from '../../../core/secrets/keychain.js';
import { createSavedIndex } from '../../../core/secrets/saved-index.js';

/** A launcher whose helpers answer from one in-memory keychain, and which counts its launches. */
function memoryLauncher(name: string) {
  const secrets = new Map<string, string>();
  const requests: string[] = [];
  let launches = 0;
  const launch: HostLauncher = (): HostProcess => {
    launches++;
    const listeners: ((message: unknown) => void)[] = [];
    return {
      send: (request: HostRequest) => {
        requests.push(`${name}:${request.op}:${request.account}`);
        let value: string | boolean | null = null;
        if (request.op === 'set') secrets.set(request.account, request.password);
        else if (request.op === 'get') value = secrets.get(request.account) ?? null;
        else value = secrets.delete(request.account);
        setImmediate(() => {
          for (const listener of listeners) listener({ id: request.id, ok: true, value });
        });
      },
      onMessage: (listener) => listeners.push(listener),
      onExit: () => {},
      kill: () => {},
      setBusy: () => {},
      output: () => '',
    };
  };
  return { launch, secrets, requests, launches: () => launches };
}

afterEach(() => setDefaultHostLauncher(undefined));

describe('setDefaultHostLauncher', () => {
  it('is what a store created without a launcher uses, also inside createKeychain()', async () => {
    const host = memoryLauncher('default');
    setDefaultHostLauncher(host.launch);
    const store = createIsolatedStore({ service: 'test' });
    await store.setPassword('max@gmx.de', 'app-pass-1');
    expect(await store.getPassword('max@gmx.de')).toBe('app-pass-1');
    expect(host.launches()).toBe(1);

    // As the CLI's keychain command creates it: no store given.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-index-'));
    try {
      const keychain = createKeychain({ index: createSavedIndex(dataDir), hostname: 'pc' });
      await keychain.set({ address: 'eva@web.de', label: 'Outlook', password: 'app-pass-2' });
      expect([...host.secrets.values()]).toContain('app-pass-2');
      expect(await keychain.getPassword({ address: 'eva@web.de', label: 'Outlook' })).toBe('app-pass-2');
      expect(host.launches()).toBe(2);
      await keychain.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('leaves a store with its own launcher, and a store keeps the launcher it was created with', async () => {
    const first = memoryLauncher('first');
    const own = memoryLauncher('own');
    setDefaultHostLauncher(first.launch);
    const early = createIsolatedStore({ service: 'test' });
    const explicit = createIsolatedStore({ service: 'test', launch: own.launch });
    const second = memoryLauncher('second');
    setDefaultHostLauncher(second.launch);
    await early.getPassword('a@b.de');
    await explicit.getPassword('a@b.de');
    await createIsolatedStore({ service: 'test' }).getPassword('a@b.de');
    expect([...first.requests, ...own.requests, ...second.requests]).toEqual([
      'first:get:a@b.de',
      'own:get:a@b.de',
      'second:get:a@b.de',
    ]);
  });
});
