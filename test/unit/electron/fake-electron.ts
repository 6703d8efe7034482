// A fake `electron` module for running electron/main.ts in plain Node: records what main.ts asks of
// Electron, in order, and lets a test play Electron's part (events, IPC calls, protocol requests).

import { EventEmitter } from 'node:events';
import Module, { createRequire } from 'node:module';
import type {
  BrowserWindowOptions,
  CustomScheme,
  HeadersReceivedDetails,
  MenuItemOptions,
  ResponseHeaders,
} from '../../../electron/electron-types.js';
import { FakeIpcMain, FakeWebContents } from './fakes.js';

export class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  static nextId = 100;
  readonly webContents = new FakeWebContents(FakeWindow.nextId++);
  loaded: string | undefined;
  minimized = false;
  restored = 0;
  focused = 0;
  shown = 0;
  constructor(readonly options: BrowserWindowOptions) {
    super();
    FakeWindow.all.push(this);
  }
  static getAllWindows(): FakeWindow[] {
    return FakeWindow.all;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
  show(): void {
    this.shown++;
  }
  focus(): void {
    this.focused++;
  }
  restore(): void {
    this.restored++;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

export function createFakeElectron() {
  const log: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    singleInstance: true,
    ready: false,
    requestSingleInstanceLock: () => {
      log.push('requestSingleInstanceLock');
      return app.singleInstance;
    },
    quit: () => log.push('quit'),
    exit: (code: number) => {
      log.push(`exit ${code}`);
      app.onExit(code);
    },
    /** What app.exit does besides logging: a stand-in for the app binary ends its process here. */
    onExit: (_code: number): void => {},
    dock: { hide: () => log.push('dock.hide') },
    disableHardwareAcceleration: () => log.push(`disableHardwareAcceleration (ready: ${app.ready})`),
    whenReady: async () => {
      log.push('whenReady');
      app.ready = true;
    },
    enableSandbox: () => log.push(`enableSandbox (ready: ${app.ready})`),
    setAppUserModelId: (id: string) => log.push(`setAppUserModelId ${id}`),
  });
  const session = {
    permissionRequest: undefined as
      | ((
          contents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
          details: { requestingUrl?: string },
        ) => void)
      | undefined,
    permissionCheck: undefined as
      | ((contents: unknown, permission: string, requestingOrigin: string) => boolean)
      | undefined,
    blocked: undefined as
      | {
          urls: string[];
          listener: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
        }
      | undefined,
    headers: undefined as
      | ((
          details: HeadersReceivedDetails,
          callback: (r: { responseHeaders: ResponseHeaders }) => void,
        ) => void)
      | undefined,
  };
  const protocol = {
    privileged: [] as CustomScheme[],
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  };
  const menu = { template: undefined as MenuItemOptions[] | null | undefined };
  const opened: string[] = [];
  /** The module paths utilityProcess.fork was asked to start. */
  const forks: string[] = [];
  const ipcMain = new FakeIpcMain();
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain,
    Menu: {
      buildFromTemplate: (template: MenuItemOptions[]) => ({ template }),
      setApplicationMenu: (built: { template: MenuItemOptions[] } | null) => {
        menu.template = built ? built.template : null;
      },
    },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: {
      registerSchemesAsPrivileged: (schemes: CustomScheme[]) => {
        log.push(`registerSchemesAsPrivileged (ready: ${app.ready})`);
        protocol.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
        protocol.handlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof session.permissionRequest) => {
          session.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: typeof session.permissionCheck) => {
          session.permissionCheck = handler;
        },
        webRequest: {
          onBeforeRequest: (
            filter: { urls: string[] },
            listener: NonNullable<typeof session.blocked>['listener'],
          ) => {
            session.blocked = { urls: filter.urls, listener };
          },
          onHeadersReceived: (listener: typeof session.headers) => {
            session.headers = listener;
          },
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    },
    utilityProcess: {
      fork: (modulePath: string) => {
        forks.push(modulePath);
        throw new Error('no utility process in this test');
      },
    },
  };
  return { electron, app, log, session, protocol, menu, opened, ipcMain, forks };
}

const FAKE_PATH = '/virtual/node_modules/electron/index.js';

/** Makes `require('electron')` (also through createRequire) return `exports`. */
export function installFakeElectron(exports: unknown): void {
  const moduleInternals = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const original = moduleInternals._resolveFilename;
  if (!(original as { fake?: boolean }).fake) {
    const patched = function (this: unknown, request: string, ...rest: unknown[]): string {
      return request === 'electron' ? FAKE_PATH : original.call(this, request, ...rest);
    };
    moduleInternals._resolveFilename = Object.assign(patched, { fake: true });
  }
  const cache = createRequire(import.meta.url).cache;
  cache[FAKE_PATH] = { id: FAKE_PATH, filename: FAKE_PATH, loaded: true, exports } as NodeJS.Module;
}
