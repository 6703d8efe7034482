// The Electron main process: one window on the app:// origin, every other door shut, and the API of
// core/api.ts over IPC; or, started with --cli first (cli-mode.ts), the `mailsetup` command line
// without any window. Every decision lives in the modules beside this file (tested without Electron)
// or in core/; this file only wires them to Electron.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createApi } from '../core/api.js';
import { setDefaultHostLauncher } from '../core/secrets/isolated-store.js';
import { createKeychain } from '../core/secrets/keychain.js';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol.js';
import { cliArguments } from './cli-mode.js';
import { withAppCsp } from './csp.js';
import type { BrowserWindowLike, ElectronMain, NavigationEvent, WebContentsLike } from './electron-types.js';
import { registerApiHandlers } from './ipc.js';
import { utilityHostLauncher } from './keychain-host.js';
import { applicationMenuTemplate } from './menu.js';
import { decideNavigation, decideWindowOpen } from './navigation.js';
import { isPermissionAllowed } from './permissions.js';
import { createMainWindow } from './window.js';

const APP_ID = 'de.mailsetup.assistant';
const PRODUCT_NAME = 'MailSetup Assistant';
/** Requests that would leave the machine. The renderer makes none; core's network access is Node's. */
const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

// This file is dist/electron/main.js; the renderer build is dist/renderer, the icon assets/icon.png.
const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const PATHS = {
  renderer: here('../renderer'),
  preload: here('./preload.cjs'),
  keychainHost: here('./host.js'),
  icon: here('../../assets/icon.png'),
};

const { app, BrowserWindow, ipcMain, Menu, nativeTheme, protocol, session, shell, utilityProcess } =
  createRequire(import.meta.url)('electron') as ElectronMain;

let mainWindow: { window: BrowserWindowLike; webContentsId: number } | undefined;
/** Set once start() has wired everything: macOS may send `activate` right after `ready`. */
let started = false;

function openExternally(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.error(`could not open ${url}:`, error));
}

function follow(event: NavigationEvent, decision: ReturnType<typeof decideNavigation>): void {
  if (decision === 'allow') return;
  event.preventDefault();
  if (decision === 'open-externally') openExternally(event.url);
}

/** For every web contents Electron creates: the window's, DevTools', anything unexpected. */
function guardWebContents(contents: WebContentsLike): void {
  contents.on('will-navigate', (event) => follow(event, decideNavigation(event.url)));
  // A redirect never leaves the app, not even towards the browser.
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-externally') openExternally(url);
    return { action: 'deny' };
  });
}

function openWindow(): void {
  const window = createMainWindow(BrowserWindow, {
    preloadPath: PATHS.preload,
    title: PRODUCT_NAME,
    dark: nativeTheme.shouldUseDarkColors,
    devTools: !app.isPackaged,
    ...(process.platform === 'linux' ? { icon: PATHS.icon } : {}),
  });
  const current = { window, webContentsId: window.webContents.id };
  mainWindow = current;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === current) mainWindow = undefined;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('the window did not load:', error));
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.window.isMinimized()) mainWindow.window.restore();
  mainWindow.window.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  defaultSession.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) =>
    callback({ cancel: true }),
  );
  defaultSession.webRequest.onHeadersReceived(withAppCsp);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(PATHS.renderer, request));

  const template = applicationMenuTemplate(process.platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);

  registerApiHandlers({
    ipcMain,
    api: createApi({ keychain: createKeychain() }),
    trustedWebContentsIds: () => new Set(mainWindow ? [mainWindow.webContentsId] : []),
    onRefused: (facts, method) =>
      console.warn(
        `refused ${method} from web contents ${facts.webContentsId} (${facts.frame?.url ?? 'no frame'})`,
      ),
  });
  openWindow();
  started = true;
}

/** Resolves once everything written to `stream` so far has been handed to the system. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/** `--cli`: the command line, headless. No window, no single-instance lock: scripts run several at once. */
async function runCommandLine(argv: string[]): Promise<void> {
  // A command gets no Dock icon (macOS) and, having no window, no GPU process.
  app.dock?.hide();
  app.disableHardwareAcceleration();
  let code: number;
  try {
    // utilityProcess (the keychain helper) works only once the app is ready.
    await app.whenReady();
    const { main: runCli } = await import('../cli/run.js');
    code = await runCli(argv);
  } catch (error) {
    // runCli reports its own errors; this is a failure to load or start it (exit code 1: a bug).
    console.error('mailsetup could not run:', error);
    code = 1;
  }
  // app.exit ends the process at once, without waiting for pending output (a pipe may still hold it).
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  app.exit(code);
}

function startApp(): void {
  // Before `ready`: the scheme's privileges, and the sandbox for every renderer whatever its options say.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  if (!app.requestSingleInstanceLock()) {
    // Another instance runs: it gets the focus (second-instance below), this one ends.
    app.quit();
    return;
  }
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (started && !mainWindow) openWindow();
  });
  start().catch((error: unknown) => {
    console.error('MailSetup Assistant could not start:', error);
    app.quit();
  });
}

// Every keychain of this process, the wizard's and the one a CLI command creates, runs its helper as a
// utility process: child_process.fork would need the runAsNode fuse, which is off.
setDefaultHostLauncher(utilityHostLauncher(utilityProcess, PATHS.keychainHost));

const cliArgv = cliArguments({
  argv: process.argv,
  packaged: app.isPackaged,
  // Electron's addition to `process` (true when started as `electron <app path>`).
  defaultApp: (process as { defaultApp?: boolean }).defaultApp === true,
});
if (cliArgv) void runCommandLine(cliArgv);
else startApp();
