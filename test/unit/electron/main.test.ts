// electron/main.ts wired to a fake `electron` module: what it registers, in which order, and how the
// pieces answer when Electron calls them (navigation, new windows, permissions, IPC, app:// requests).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../core/api.js';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/app-protocol.js';
import { APP_CSP, withAppCsp } from '../../../electron/csp.js';
import { createFakeElectron, FakeWindow, installFakeElectron } from './fake-electron.js';
import { FakeWebContents, invokeEvent } from './fakes.js';

const fake = createFakeElectron();
let window: FakeWindow;

beforeAll(async () => {
  installFakeElectron(fake.electron);
  await import('../../../electron/main.js');
  await vi.waitFor(() => expect(FakeWindow.all).toHaveLength(1));
  window = FakeWindow.all[0] as FakeWindow;
});

describe('electron/main.ts', () => {
  it('registers the app scheme and the sandbox before ready, then takes the single-instance lock', () => {
    expect(fake.log.slice(0, 4)).toEqual([
      'registerSchemesAsPrivileged (ready: false)',
      'enableSandbox (ready: false)',
      'requestSingleInstanceLock',
      'whenReady',
    ]);
    expect(fake.protocol.privileged).toEqual([APP_SCHEME_PRIVILEGES]);
  });

  it('opens one sandboxed window on app://mailsetup with the bundled preload', () => {
    expect(window.loaded).toBe('app://mailsetup/index.html');
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window.options.webPreferences.preload).toMatch(/[/\\]electron[/\\]preload\.cjs$/);
    expect(window.options.webPreferences.devTools).toBe(true); // not packaged
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('denies every permission but writing text to the clipboard from the app page', () => {
    const answers: boolean[] = [];
    const request = (permission: string, requestingUrl: string) =>
      fake.session.permissionRequest?.({}, permission, (granted) => answers.push(granted), { requestingUrl });
    request('media', 'app://mailsetup/index.html');
    request('clipboard-sanitized-write', 'app://mailsetup/index.html');
    request('clipboard-sanitized-write', 'https://evil.example/');
    expect(answers).toEqual([false, true, false]);
    expect(fake.session.permissionCheck?.({}, 'notifications', 'app://mailsetup')).toBe(false);
    expect(fake.session.permissionCheck?.({}, 'clipboard-sanitized-write', 'app://mailsetup')).toBe(true);
  });

  it('cancels every remote request and sets the CSP on responses', () => {
    expect(fake.session.blocked?.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    const callback = vi.fn();
    fake.session.blocked?.listener({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
    expect(fake.session.headers).toBe(withAppCsp);
  });

  it('serves app:// from the renderer build with the CSP', async () => {
    const handler = fake.protocol.handlers.get('app');
    const response = await handler?.(new Request('app://mailsetup/../../package.json'));
    expect(response?.status).toBe(404);
    expect(response?.headers.get('content-security-policy')).toBe(APP_CSP);
  });

  it('has no menu outside macOS', () => {
    expect(fake.menu.template).toBeNull();
  });

  it('guards every web contents: navigation, redirects, webviews, new windows', () => {
    const contents = new FakeWebContents(500);
    fake.app.emit('web-contents-created', {}, contents);
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://mailsetup/index.html')).toBe(false);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('https://support.example/app-password')).toBe(true);
    expect(fake.opened).toEqual(['https://support.example/app-password']);

    const redirect = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(contents.windowOpenHandler?.({ url: 'app://mailsetup/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://help.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://support.example/app-password', 'https://help.example/']);
  });

  it('answers the window over IPC, one channel per API method, and refuses other senders', async () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      API_METHODS.map((method) => `mailsetup:${method}`).sort(),
    );
    const envelope = await fake.ipcMain.invoke(
      'mailsetup:detect',
      invokeEvent(window.webContents, 'app://mailsetup/index.html'),
      { address: 'max@gmx.de', offline: true },
      'r1',
    );
    expect(envelope).toMatchObject({ ok: true, value: { source: 'bundled', provider: { id: 'gmx' } } });
    expect(window.webContents.sent.map((sent) => sent.channel)).toContain('mailsetup:progress');

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(
      fake.ipcMain.invoke(
        'mailsetup:detect',
        invokeEvent(new FakeWebContents(501), 'app://mailsetup/index.html'),
        {
          address: 'max@gmx.de',
          offline: true,
        },
      ),
    ).rejects.toThrow(/refused/);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('focuses the window when a second instance starts, and quits when it is closed', () => {
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);

    window.emit('closed');
    fake.app.emit('window-all-closed');
    expect(fake.log.at(-1)).toBe('quit');
  });

  it('trusts nobody once the window is closed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(
      fake.ipcMain.invoke(
        'mailsetup:keychainList',
        invokeEvent(window.webContents, 'app://mailsetup/index.html'),
      ),
    ).rejects.toThrow(/refused/);
    warn.mockRestore();
  });
});

describe('a second instance', () => {
  it('quits at once, before opening anything', async () => {
    const second = createFakeElectron();
    second.app.singleInstance = false;
    installFakeElectron(second.electron);
    vi.resetModules();
    await import('../../../electron/main.js');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second.log).toEqual([
      'registerSchemesAsPrivileged (ready: false)',
      'enableSandbox (ready: false)',
      'requestSingleInstanceLock',
      'quit',
    ]);
    expect(second.ipcMain.handlers.size).toBe(0);
  });
});

describe('started with --cli (the installed app as the mailsetup command)', () => {
  /** Runs main.ts as the packaged binary would start with these arguments; returns what it did. */
  async function runPackaged(args: string[]) {
    const cli = createFakeElectron();
    cli.app.isPackaged = true;
    const windowsBefore = FakeWindow.all.length;
    const stdout: string[] = [];
    const stderr: string[] = [];
    const capture =
      (chunks: string[]) =>
      (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
        chunks.push(String(chunk));
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function') done();
        return true;
      };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout) as typeof process.stdout.write),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr) as typeof process.stderr.write),
    ];
    const argv = process.argv;
    process.argv = [
      '/Applications/MailSetup Assistant.app/Contents/MacOS/MailSetup Assistant',
      '--cli',
      ...args,
    ];
    installFakeElectron(cli.electron);
    vi.resetModules();
    try {
      await import('../../../electron/main.js');
      await vi.waitFor(() => expect(cli.log.at(-1)).toMatch(/^exit /), { timeout: 15_000 });
    } finally {
      process.argv = argv;
      for (const spy of spies) spy.mockRestore();
    }
    return {
      log: cli.log,
      code: Number(cli.log.at(-1)?.slice('exit '.length)),
      stdout: stdout.join(''),
      stderr: stderr.join(''),
      newWindows: FakeWindow.all.length - windowsBefore,
      ipcHandlers: cli.ipcMain.handlers.size,
      forks: cli.forks,
    };
  }

  it('runs the command line headless: no window, no lock, no IPC; exits with its code after the output', async () => {
    const run = await runPackaged(['detect', 'max@gmx.de', '--offline', '--json']);
    expect(run.log).toEqual([
      'dock.hide',
      'disableHardwareAcceleration (ready: false)',
      'whenReady',
      'exit 0',
    ]);
    expect(run.newWindows).toBe(0);
    expect(run.ipcHandlers).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ address: 'max@gmx.de', provider: { id: 'gmx' } });
  });

  it("passes the CLI's usage exit code on", async () => {
    const run = await runPackaged(['detect', 'bad']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toBe('');
    expect(run.newWindows).toBe(0);
  });

  it("starts a CLI command's own keychain as a utility process, never with child_process.fork", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-cli-mode-'));
    process.env.MAILSETUP_DATA_DIR = dataDir;
    try {
      const run = await runPackaged(['keychain', 'delete', 'max@gmx.de', '--json']);
      expect(run.forks).toHaveLength(1);
      expect(run.forks[0]).toMatch(/host\.js$/);
      // The fake utilityProcess cannot start it: the CLI says the keychain is unavailable.
      expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'keychain-unavailable' } });
      expect(run.code).not.toBe(0);
    } finally {
      delete process.env.MAILSETUP_DATA_DIR;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
