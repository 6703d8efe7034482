import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, type MailSetupApi } from '../../../core/api.js';
import { registerApiHandlers } from '../../../electron/ipc.js';
import { FakeIpcMain, FakeWebContents, invokeEvent } from './fakes.js';

const APP = 'app://mailsetup/index.html';

function fakeApi(overrides: Partial<MailSetupApi> = {}): MailSetupApi {
  const unexpected = async () => {
    throw new Error('not expected in this test');
  };
  const api = Object.fromEntries(API_METHODS.map((method) => [method, vi.fn(unexpected)]));
  return { ...api, ...overrides } as unknown as MailSetupApi;
}

function setUp(api: MailSetupApi) {
  const ipcMain = new FakeIpcMain();
  const window = new FakeWebContents(1);
  const onRefused = vi.fn();
  const unregister = registerApiHandlers({
    ipcMain,
    api,
    trustedWebContentsIds: () => new Set([window.id]),
    onRefused,
  });
  return { ipcMain, window, onRefused, unregister };
}

describe('registerApiHandlers', () => {
  it('registers one channel per API method and nothing else', () => {
    const { ipcMain, unregister } = setUp(fakeApi());
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      API_METHODS.map((method) => `mailsetup:${method}`).sort(),
    );
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers the app window with the envelope and sends progress back, tagged', async () => {
    const detect = vi.fn<MailSetupApi['detect']>(async (request) => {
      request.onProgress?.({ source: 'bundled', target: 'bundled:gmx.de', state: 'started' } as never);
      return { found: true, address: request.address } as never;
    });
    const { ipcMain, window } = setUp(fakeApi({ detect }));
    const envelope = await ipcMain.invoke(
      'mailsetup:detect',
      invokeEvent(window, APP),
      { address: 'max@gmx.de' },
      'r1',
    );
    expect(envelope).toEqual({ ok: true, value: { found: true, address: 'max@gmx.de' } });
    expect(window.sent).toEqual([
      {
        channel: 'mailsetup:progress',
        args: [
          {
            requestId: 'r1',
            method: 'detect',
            event: { source: 'bundled', target: 'bundled:gmx.de', state: 'started' },
          },
        ],
      },
    ]);
  });

  it('turns a thrown error into an error envelope', async () => {
    const { ipcMain, window } = setUp(
      fakeApi({
        generatePassword: async () => {
          throw new RangeError('no password meets these rules');
        },
      }),
    );
    const envelope = await ipcMain.invoke('mailsetup:generatePassword', invokeEvent(window, APP), {});
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'internal', detail: 'no password meets these rules' },
    });
  });

  it.each([
    ['an iframe', (window: FakeWebContents) => invokeEvent(window, APP, { subframe: true })],
    [
      'a foreign page in the window',
      (window: FakeWebContents) => invokeEvent(window, 'https://evil.example/'),
    ],
    ['another web contents (DevTools)', () => invokeEvent(new FakeWebContents(2), APP)],
    ['a frame that is gone', (window: FakeWebContents) => ({ sender: window, senderFrame: null })],
  ])('refuses %s before calling anything', async (_name, makeEvent) => {
    const api = fakeApi();
    const { ipcMain, window, onRefused } = setUp(api);
    await expect(ipcMain.invoke('mailsetup:keychainList', makeEvent(window))).rejects.toThrow(/refused/);
    expect(api.keychainList).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledOnce();
  });

  it('aborts the call when the window goes away', async () => {
    let seen: AbortSignal | undefined;
    const test = vi.fn<MailSetupApi['test']>(
      (request) =>
        new Promise((_resolve, reject) => {
          seen = (request as { signal?: AbortSignal }).signal;
          seen?.addEventListener('abort', () => reject(seen?.reason));
        }),
    );
    const { ipcMain, window } = setUp(fakeApi({ test }));
    const answer = ipcMain.invoke('mailsetup:test', invokeEvent(window, APP), { address: 'max@gmx.de' });
    await vi.waitFor(() => expect(seen).toBeDefined());
    window.destroy();
    expect(await answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(seen?.aborted).toBe(true);
    expect(window.listenerCount('destroyed')).toBe(0);
  });

  it('ignores a request id that is not a short string, and sends no progress then', async () => {
    const detect = vi.fn<MailSetupApi['detect']>(async (request) => {
      request.onProgress?.({ state: 'started' } as never);
      return { found: false } as never;
    });
    const { ipcMain, window } = setUp(fakeApi({ detect }));
    await ipcMain.invoke(
      'mailsetup:detect',
      invokeEvent(window, APP),
      { address: 'a@b.example' },
      'x'.repeat(500),
    );
    await ipcMain.invoke('mailsetup:detect', invokeEvent(window, APP), { address: 'a@b.example' }, { id: 1 });
    expect(window.sent).toEqual([]);
  });
});
