// IPC channel names: one per API method, derived from API_METHODS and nothing else, plus the one
// channel on which progress events go back to the window.

import type { ApiMethod } from '../core/bridge.js';

export function apiChannel(method: ApiMethod): `mailsetup:${ApiMethod}` {
  return `mailsetup:${method}`;
}

export const PROGRESS_CHANNEL = 'mailsetup:progress';
