import { describe, expect, it } from 'vitest';
import type { BrowserWindowOptions } from '../../../electron/electron-types.js';
import { applicationMenuTemplate } from '../../../electron/menu.js';
import { createMainWindow, WINDOW_SIZE } from '../../../electron/window.js';
import { FakeWebContents } from './fakes.js';

class RecordingWindow {
  static created: BrowserWindowOptions[] = [];
  readonly webContents = new FakeWebContents(1);
  constructor(options: BrowserWindowOptions) {
    RecordingWindow.created.push(options);
  }
  async loadURL(): Promise<void> {}
  once(): this {
    return this;
  }
  on(): this {
    return this;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

function created(params: Partial<Parameters<typeof createMainWindow>[1]> = {}): BrowserWindowOptions {
  RecordingWindow.created = [];
  createMainWindow(RecordingWindow, {
    preloadPath: '/app/dist/electron/preload.cjs',
    title: 'MailSetup Assistant',
    dark: false,
    devTools: false,
    ...params,
  });
  const [options] = RecordingWindow.created;
  if (!options) throw new Error('no window');
  return options;
}

describe('createMainWindow', () => {
  it('isolates, sandboxes and shuts Node out of the renderer', () => {
    expect(created().webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragdrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('opens hidden (shown when ready), sized, in the system theme', () => {
    const options = created({ dark: true });
    expect(options).toMatchObject({ ...WINDOW_SIZE, show: false, title: 'MailSetup Assistant' });
    expect(options.backgroundColor).toBe('#141619');
    expect(created({ dark: false }).backgroundColor).toBe('#f3f4f6');
  });

  it('has DevTools and an icon only when asked', () => {
    expect(created({ devTools: true }).webPreferences.devTools).toBe(true);
    expect(created().icon).toBeUndefined();
    expect(created({ icon: '/app/assets/icon.png' }).icon).toBe('/app/assets/icon.png');
  });
});

describe('applicationMenuTemplate', () => {
  it('gives macOS its app, edit and window menus, and the others none', () => {
    expect(applicationMenuTemplate('darwin')).toEqual([
      { role: 'appMenu' },
      { role: 'editMenu' },
      { role: 'windowMenu' },
    ]);
    expect(applicationMenuTemplate('win32')).toBeNull();
    expect(applicationMenuTemplate('linux')).toBeNull();
  });
});
