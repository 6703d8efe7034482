// The part of Electron's API the shell uses, written as structural types. Why not `import type
// ... from 'electron'`: the Electron package (and with it electron.d.ts) cannot be installed where its
// binary download fails, and tsc must pass there too. The names and shapes follow Electron 45's own
// declarations, so the real objects fit these types; the pure modules beside this file take them as
// parameters and are tested with small fakes.

export interface ElectronEvent {
  preventDefault(): void;
}

/** `will-navigate` / `will-redirect` details (Electron 25+ puts the target URL on the event). */
export interface NavigationEvent extends ElectronEvent {
  url: string;
}

export interface WebFrameMainLike {
  readonly url: string;
  readonly parent: WebFrameMainLike | null;
}

export type WindowOpenResponse = { action: 'deny' };

export interface WebContentsLike {
  readonly id: number;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): this;
  on(event: 'will-attach-webview', listener: (event: ElectronEvent) => void): this;
  once(event: 'destroyed', listener: () => void): this;
  removeListener(event: 'destroyed', listener: () => void): this;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface IpcMainInvokeEventLike {
  readonly sender: WebContentsLike;
  /** null when the frame navigated away or was destroyed before the message was handled. */
  readonly senderFrame: WebFrameMainLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export type IpcRendererListener = (event: unknown, ...args: unknown[]) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcRendererListener): unknown;
  removeListener(channel: string, listener: IpcRendererListener): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export interface WebPreferences {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  experimentalFeatures: boolean;
  webviewTag: boolean;
  navigateOnDragdrop: boolean;
  safeDialogs: boolean;
  spellcheck: boolean;
  devTools: boolean;
  disableBlinkFeatures: string;
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  icon?: string;
  webPreferences: WebPreferences;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): this;
  on(event: 'closed', listener: () => void): this;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
}

export type BrowserWindowConstructor = new (options: BrowserWindowOptions) => BrowserWindowLike;

export interface CustomScheme {
  scheme: string;
  privileges: {
    standard?: boolean;
    secure?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    bypassCSP?: boolean;
    allowServiceWorkers?: boolean;
    stream?: boolean;
  };
}

export type ResponseHeaders = Record<string, string[] | string>;

export interface HeadersReceivedDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface MenuItemOptions {
  role?: 'appMenu' | 'editMenu' | 'windowMenu' | 'fileMenu' | 'viewMenu';
}

/** A built menu; the shell only hands it back to Electron. */
export type MenuLike = object;

export interface UtilityProcessLike {
  readonly stderr: NodeJS.ReadableStream | null;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  kill(): boolean;
}

export interface UtilityProcessModule {
  fork(
    modulePath: string,
    args: string[],
    options: { execArgv?: string[]; stdio?: 'pipe' | 'ignore' | 'inherit'; serviceName?: string },
  ): UtilityProcessLike;
}

/** What `require('electron')` returns in the main process, as far as the shell uses it. */
export interface ElectronMain {
  app: {
    readonly isPackaged: boolean;
    /** macOS only. */
    readonly dock?: { hide(): void };
    requestSingleInstanceLock(): boolean;
    quit(): void;
    /** Ends the process with this code at once, without `before-quit` or closing windows. */
    exit(code: number): void;
    disableHardwareAcceleration(): void;
    whenReady(): Promise<void>;
    enableSandbox(): void;
    setAppUserModelId(id: string): void;
    on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
    on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  };
  BrowserWindow: BrowserWindowConstructor & { getAllWindows(): BrowserWindowLike[] };
  ipcMain: IpcMainLike;
  Menu: {
    buildFromTemplate(template: MenuItemOptions[]): MenuLike;
    setApplicationMenu(menu: MenuLike | null): void;
  };
  nativeTheme: { readonly shouldUseDarkColors: boolean };
  protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };
  session: {
    defaultSession: {
      setPermissionRequestHandler(
        handler: (
          contents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
          details: { requestingUrl?: string },
        ) => void,
      ): void;
      setPermissionCheckHandler(
        handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean,
      ): void;
      webRequest: {
        onBeforeRequest(
          filter: { urls: string[] },
          listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
        ): void;
        onHeadersReceived(
          listener: (
            details: HeadersReceivedDetails,
            callback: (response: { responseHeaders: ResponseHeaders }) => void,
          ) => void,
        ): void;
      };
    };
  };
  shell: { openExternal(url: string): Promise<void> };
  utilityProcess: UtilityProcessModule;
}

/** What `require('electron')` returns in a sandboxed preload. */
export interface ElectronPreload {
  contextBridge: ContextBridgeLike;
  ipcRenderer: IpcRendererLike;
}
