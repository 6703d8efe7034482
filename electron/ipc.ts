// The main process's side of the bridge: one ipcMain handler per API_METHODS entry, each checking the
// sender frame before anything else and answering with core/bridge.ts's envelope. Progress events go
// back to the web contents that asked, tagged with the caller's request id.

import { API_METHODS, type MailSetupApi } from '../core/api.js';
import { callApi } from '../core/bridge.js';
import type { IpcMainLike } from './electron-types.js';
import { apiChannel, PROGRESS_CHANNEL } from './ipc-channels.js';
import { isTrustedSender, type SenderFacts, senderFacts } from './sender.js';

/** Request ids are the renderer's own tags for progress events; anything longer is not one. */
const MAX_REQUEST_ID_LENGTH = 128;

export interface ApiHandlerOptions {
  ipcMain: IpcMainLike;
  api: MailSetupApi;
  /** The web contents allowed to call: the app window's, read at each call. */
  trustedWebContentsIds: () => ReadonlySet<number>;
  /** Told about every refused message (for the log); the caller gets a rejected promise. */
  onRefused?: (facts: SenderFacts, method: string) => void;
}

/** Registers the handlers; returns a function that removes them again. */
export function registerApiHandlers(options: ApiHandlerOptions): () => void {
  const { ipcMain, api } = options;
  for (const method of API_METHODS) {
    ipcMain.handle(apiChannel(method), async (event, request, requestId) => {
      const facts = senderFacts(event);
      if (!isTrustedSender(facts, options.trustedWebContentsIds())) {
        options.onRefused?.(facts, method);
        throw new Error(`${method}: refused, the sender is not the app window`);
      }
      const sender = event.sender;
      // A closed window cancels what it started (a detect still asking, a test still connecting).
      const controller = new AbortController();
      const abort = (): void => controller.abort(new Error('the window was closed'));
      sender.once('destroyed', abort);
      try {
        return await callApi(api, API_METHODS, method, request, {
          ...(typeof requestId === 'string' && requestId.length <= MAX_REQUEST_ID_LENGTH
            ? { requestId }
            : {}),
          emit: (message) => {
            if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, message);
          },
          signal: controller.signal,
        });
      } finally {
        sender.removeListener('destroyed', abort);
      }
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(apiChannel(method));
  };
}
