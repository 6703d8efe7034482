// Runs in the page served by the browser host (host.ts bundles it as one classic script, injected into
// index.html ahead of the renderer's own scripts). Defines `window.mailsetup` with the preload's shape,
// so the renderer runs unchanged: each API call is a POST to /api/<method> carrying the session token
// from the URL fragment (#token=...), progress arrives as Server-Sent Events from /api/events.
// A refused or failed request rejects, as ipcRenderer.invoke rejects for a refused sender.

import type { Envelope, ProgressMessage } from '../core/bridge.js';
import { createBridgedApi } from '../electron/bridge-client.js';
import { API_PREFIX, EVENTS_PATH, LAST_EVENT_HEADER, TOKEN_HEADER } from './bridge-protocol.js';

// The page's globals (the project's TypeScript setup has no DOM library).
interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: string; lastEventId: string }) => void): void;
}
interface PageGlobals {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  EventSource: new (url: string) => EventSourceLike;
  mailsetup?: unknown;
}

const page = globalThis as unknown as PageGlobals;
const TOKEN_KEY = 'mailsetup-bridge-token';

/** The token from `#token=...` (then removed from the address bar), or the one kept for a reload. */
function takeToken(): string {
  const params = new URLSearchParams(page.location.hash.slice(1));
  const token = params.get('token');
  if (token === null) return page.sessionStorage.getItem(TOKEN_KEY) ?? '';
  page.sessionStorage.setItem(TOKEN_KEY, token);
  params.delete('token');
  const rest = params.toString();
  page.history.replaceState(
    null,
    '',
    `${page.location.pathname}${page.location.search}${rest ? `#${rest}` : ''}`,
  );
  return token;
}

const token = takeToken();
const listeners = new Set<(message: ProgressMessage) => void>();
const events = new page.EventSource(`${EVENTS_PATH}?token=${encodeURIComponent(token)}`);
const EVENT_SOURCE_OPEN = 1;
/** If the stream stalls, a result is not held back longer than this. */
const PROGRESS_WAIT_MS = 5000;
// Calls wait until the event stream is open, so that no progress event of theirs is missed.
const streamReady = new Promise<void>((resolve) => {
  events.addEventListener('open', resolve);
  events.addEventListener('error', resolve);
});
let lastSeen = 0;
const waiting = new Set<{ until: number; resolve: () => void }>();
events.addEventListener('message', (event) => {
  lastSeen = Math.max(lastSeen, Number(event.lastEventId) || 0);
  const message = JSON.parse(event.data) as ProgressMessage;
  for (const listener of listeners) listener(message);
  for (const waiter of waiting) if (lastSeen >= waiter.until) waiter.resolve();
});

/** Resolves once the event stream has delivered event `until` (see LAST_EVENT_HEADER). */
function progressDelivered(until: number): Promise<void> {
  if (lastSeen >= until || events.readyState !== EVENT_SOURCE_OPEN) return Promise.resolve();
  return new Promise((resolve) => {
    const waiter = {
      until,
      resolve: () => {
        waiting.delete(waiter);
        clearTimeout(timer);
        resolve();
      },
    };
    const timer = setTimeout(waiter.resolve, PROGRESS_WAIT_MS);
    waiting.add(waiter);
  });
}

page.mailsetup = createBridgedApi({
  async call(method, request, requestId) {
    await streamReady;
    const response = await fetch(`${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify({ request, requestId }),
    });
    if (!response.ok) throw new Error(`${method}: refused by the browser host (HTTP ${response.status})`);
    const envelope = (await response.json()) as Envelope<unknown>;
    await progressDelivered(Number(response.headers.get(LAST_EVENT_HEADER)) || 0);
    return envelope;
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
});
