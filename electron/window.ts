// The one window. Its web preferences are written out in the `new BrowserWindow` call itself, so that
// electronegativity reads them; the constructor comes in as a parameter, so that a unit test reads the
// very same options without Electron.

import type { BrowserWindowConstructor, BrowserWindowLike } from './electron-types.js';

export interface MainWindowParams {
  /** dist/electron/preload.cjs */
  preloadPath: string;
  title: string;
  /** The system's dark mode, so the window does not flash white before the renderer paints. */
  dark: boolean;
  /** DevTools only where the app is not packaged (npm start from a checkout). */
  devTools: boolean;
  /** Linux shows this in the task bar; Windows and macOS take the icon from the executable. */
  icon?: string;
}

export const WINDOW_SIZE = { width: 960, height: 720, minWidth: 720, minHeight: 560 } as const;

/** The renderer's page background, light and dark (--color-bg in renderer/styles/tokens.css). */
export const BACKGROUND = { light: '#f3f4f6', dark: '#141619' } as const;

export function createMainWindow(
  BrowserWindow: BrowserWindowConstructor,
  params: MainWindowParams,
): BrowserWindowLike {
  return new BrowserWindow({
    ...WINDOW_SIZE,
    show: false,
    title: params.title,
    backgroundColor: params.dark ? BACKGROUND.dark : BACKGROUND.light,
    autoHideMenuBar: true,
    ...(params.icon ? { icon: params.icon } : {}),
    webPreferences: {
      preload: params.preloadPath,
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
      devTools: params.devTools,
      // No middle-click: it would open links in a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
