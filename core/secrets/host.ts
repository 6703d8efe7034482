// The keychain helper process: runs the native keychain calls for isolated-store.ts, so that a keychain
// that never answers blocks this process, which the parent kills, and never the parent itself.
// Started by child_process.fork (ends when the parent disconnects) or Electron's utilityProcess.fork.
// Writes nothing: no log could ever hold a password.

import { MailSetupError } from '../errors.js';
import { type HostRequest, type HostResponse, isHostRequest } from './host-protocol.js';
import { createNativeStore } from './native-store.js';
import type { KeychainStore } from './store.js';

const stores = new Map<string, KeychainStore>();

// Closes the D-Bus connections of dropped entries (native-store.ts); exposed by --expose-gc.
const collect = (globalThis as { gc?: () => void }).gc;

function storeFor(service: string): KeychainStore {
  let store = stores.get(service);
  if (!store) {
    // The parent keeps the deadline (it can kill us); ours only has to outlast it.
    store = createNativeStore({ service, timeoutMs: 24 * 60 * 60 * 1000, collect });
    stores.set(service, store);
  }
  return store;
}

async function answer(request: HostRequest): Promise<HostResponse> {
  const store = storeFor(request.service);
  try {
    let value: string | boolean | null = null;
    if (request.op === 'set') await store.setPassword(request.account, request.password);
    else if (request.op === 'get') value = await store.getPassword(request.account);
    else value = await store.deletePassword(request.account);
    return { id: request.id, ok: true, value };
  } catch (error) {
    const unavailable = error instanceof MailSetupError && error.code === 'keychain-unavailable';
    const message = unavailable ? (error.detail ?? error.message) : (error as Error).message;
    return { id: request.id, ok: false, unavailable, message: message ?? String(error) };
  }
}

/** Electron's utility process talks through process.parentPort; a Node child through process.send. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const parentPort = (process as { parentPort?: ParentPort }).parentPort;

function onRequest(listener: (message: unknown) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data));
  else process.on('message', listener);
}

function reply(response: HostResponse): void {
  if (parentPort) parentPort.postMessage(response);
  else process.send?.(response);
}

if (!parentPort && !process.send) {
  process.exitCode = 2;
  throw new Error(
    'host.ts runs only as a helper process with a channel to its parent (fork, utilityProcess)',
  );
}

// One keychain call at a time: with calls from one process overlapping (several connections opening
// sessions while dropped ones close), gnome-keyring-daemon crashed now and then (GLib-ERROR in
// aes_negotiate: "assertion 'client' failed"). Calls from different processes still overlap (two
// writers at once), which it handles.
let queue: Promise<unknown> = Promise.resolve();

onRequest((message) => {
  if (!isHostRequest(message)) return;
  // A reply that cannot be sent (the parent has gone) must not stall the calls behind it.
  queue = queue.then(() => answer(message).then(reply)).catch(() => undefined);
});
// No parent, no purpose: a killed or exited parent must not leave a Node child behind (a utility
// process ends with the app).
process.on('disconnect', () => process.exit(0));
