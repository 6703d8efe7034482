// `window.mailsetup` as the renderer sees it (core/bridge.ts's BridgedApi), built over a transport: IPC
// in the Electron preload, fetch and Server-Sent Events in the e2e browser host's shim. One function
// per API_METHODS entry: there is no generic "call any channel" function to abuse.

import { API_METHODS } from '../core/api.js';
import type { ApiMethod, BridgedApi, Envelope, ProgressMessage } from '../core/bridge.js';
import type { IpcRendererLike, IpcRendererListener } from './electron-types.js';
import { apiChannel, PROGRESS_CHANNEL } from './ipc-channels.js';

export interface BridgeTransport {
  call(method: ApiMethod, request: unknown, requestId: string | undefined): Promise<Envelope<unknown>>;
  /** Delivers every progress message; returns the unsubscribe function. */
  subscribe(listener: (message: ProgressMessage) => void): () => void;
}

export function createBridgedApi(transport: BridgeTransport): BridgedApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    api[method] = (request: unknown, requestId?: unknown) =>
      transport.call(method, request, typeof requestId === 'string' ? requestId : undefined);
  }
  api.onProgress = (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError('onProgress needs a function');
    return transport.subscribe(listener as (message: ProgressMessage) => void);
  };
  return Object.freeze(api) as BridgedApi;
}

/** The preload's transport. The IPC event never reaches the page: it carries `sender` (ipcRenderer). */
export function ipcRendererTransport(ipcRenderer: IpcRendererLike): BridgeTransport {
  return {
    call: (method, request, requestId) =>
      ipcRenderer.invoke(apiChannel(method), request, requestId) as Promise<Envelope<unknown>>,
    subscribe: (listener) => {
      const forward: IpcRendererListener = (_event, message) => listener(message as ProgressMessage);
      ipcRenderer.on(PROGRESS_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(PROGRESS_CHANNEL, forward);
      };
    },
  };
}
