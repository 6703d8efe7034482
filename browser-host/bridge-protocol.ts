// The browser host's localhost bridge, as both ends (host.ts and the page's bridge-shim.ts) know it.

export const TOKEN_HEADER = 'X-MailSetup-Token';
/** POST /api/<method> with JSON `{ request, requestId? }`; answers core/bridge.ts's envelope. */
export const API_PREFIX = '/api/';
/** GET /api/events?token=...: Server-Sent Events, one ProgressMessage per `data:` line, numbered by `id:`. */
export const EVENTS_PATH = '/api/events';
/**
 * On every API answer: the id of the last progress event sent before it. Progress and answer travel
 * on two connections; the shim resolves a call only once it has seen that event, so that (as over
 * Electron's IPC) a call's progress always arrives before its result.
 */
export const LAST_EVENT_HEADER = 'X-MailSetup-Last-Event';
/** The shim itself, injected into index.html as an external script (the CSP allows no inline one). */
export const SHIM_PATH = '/__mailsetup/bridge.js';
