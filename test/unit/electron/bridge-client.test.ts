import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../core/api.js';
import { createBridgedApi, ipcRendererTransport } from '../../../electron/bridge-client.js';
import { bundleBridge } from '../../../electron/bundle.js';
import { FakeIpcRenderer } from './fakes.js';

describe('createBridgedApi', () => {
  it('has one function per API method plus onProgress, frozen', () => {
    const api = createBridgedApi({ call: vi.fn(), subscribe: vi.fn() });
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onProgress'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('passes only string request ids on', async () => {
    const call = vi.fn(async () => ({ ok: true as const, value: 1 }));
    const api = createBridgedApi({ call, subscribe: vi.fn() });
    await api.detect({ address: 'max@gmx.de' }, 'r1');
    await (api.detect as (request: unknown, requestId: unknown) => Promise<unknown>)(
      { address: 'x' },
      { evil: 1 },
    );
    expect(call.mock.calls).toEqual([
      ['detect', { address: 'max@gmx.de' }, 'r1'],
      ['detect', { address: 'x' }, undefined],
    ]);
  });

  it('wants a function for onProgress', () => {
    const api = createBridgedApi({ call: vi.fn(), subscribe: vi.fn() });
    expect(() => api.onProgress('x' as never)).toThrow(TypeError);
  });
});

describe('the preload transport', () => {
  it('invokes the method channel with request and request id', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createBridgedApi(ipcRendererTransport(ipc));
    expect(await api.keychainList(undefined, 'r2')).toEqual({ ok: true, value: 'mailsetup:keychainList' });
    expect(ipc.invoked).toEqual([{ channel: 'mailsetup:keychainList', args: [undefined, 'r2'] }]);
  });

  it('gives listeners the message only (never the IPC event) and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = createBridgedApi(ipcRendererTransport(ipc));
    const listener = vi.fn();
    const off = api.onProgress(listener);
    const message = { requestId: 'r1', method: 'detect', event: { state: 'started' } };
    ipc.emit('mailsetup:progress', message);
    expect(listener.mock.calls).toEqual([[message]]);
    off();
    ipc.emit('mailsetup:progress', message);
    expect(listener).toHaveBeenCalledOnce();
    expect(ipc.listeners.get('mailsetup:progress')?.size).toBe(0);
  });
});

describe('the preload bundle', () => {
  const entry = path.resolve(import.meta.dirname, '..', '..', '..', 'electron', 'preload.ts');

  it('is small, requires only electron, and exposes window.mailsetup', async () => {
    const code = await bundleBridge({ entry, format: 'cjs' });
    expect(code.length).toBeLessThan(4000);
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
    for (const method of API_METHODS) expect(code).toContain(`"${method}"`);

    // Run it as a sandboxed preload would: `require` knows 'electron' only.
    const exposed = new Map<string, unknown>();
    const ipc = new FakeIpcRenderer();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: ipc,
    };
    const require = (name: string) => {
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return electron;
    };
    vm.runInNewContext(code, { require, module: { exports: {} }, exports: {} });
    expect([...exposed.keys()]).toEqual(['mailsetup']);
    const api = exposed.get('mailsetup') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await api.test?.({ address: 'max@gmx.de' }, 'r3');
    expect(ipc.invoked).toEqual([{ channel: 'mailsetup:test', args: [{ address: 'max@gmx.de' }, 'r3'] }]);
  });

  it('refuses to bundle a module that would pull Node code into the page', async () => {
    const ipcEntry = path.resolve(import.meta.dirname, '..', '..', '..', 'electron', 'ipc.ts');
    await expect(bundleBridge({ entry: ipcEntry, format: 'iife' })).rejects.toThrow(
      /Could not resolve "node:|requires/,
    );
  });
});
