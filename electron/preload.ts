// The sandboxed preload: exposes `window.mailsetup` (core/bridge.ts's BridgedApi) and nothing else.
// Bundled by scripts/build-electron.ts into one CommonJS file (dist/electron/preload.cjs): a sandboxed
// preload can require only 'electron', so API_METHODS is inlined at build time.

import { createBridgedApi, ipcRendererTransport } from './bridge-client.js';
import type { ElectronPreload } from './electron-types.js';

const { contextBridge, ipcRenderer } = require('electron') as ElectronPreload;

contextBridge.exposeInMainWorld('mailsetup', createBridgedApi(ipcRendererTransport(ipcRenderer)));
