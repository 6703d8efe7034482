// Who may call the API over IPC: only the main frame of our own window, while it shows our own origin.
// Checked on every message, because a frame can navigate (or be navigated) after the window opened,
// and every web contents (DevTools, a stray iframe) can reach ipcRenderer through a preload.

import { isAppUrl } from './app-protocol.js';
import type { IpcMainInvokeEventLike } from './electron-types.js';

export interface SenderFacts {
  /** The id of the web contents the message came from. */
  webContentsId: number;
  /** The sending frame; null when it was gone before the message was handled. */
  frame: { url: string; isMainFrame: boolean } | null;
}

export function isTrustedSender(facts: SenderFacts, trustedWebContentsIds: ReadonlySet<number>): boolean {
  if (!trustedWebContentsIds.has(facts.webContentsId)) return false;
  if (!facts.frame?.isMainFrame) return false;
  return isAppUrl(facts.frame.url);
}

/** The facts of an `ipcMain.handle` event, read without trusting anything the renderer sent. */
export function senderFacts(event: IpcMainInvokeEventLike): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
  };
}
