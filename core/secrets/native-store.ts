// The keychain through @napi-rs/keyring, in this process: Windows Credential Manager, macOS Keychain,
// Linux Secret Service. Limits that decide where it runs (see isolated-store.ts):
// - Creating an entry connects to D-Bus synchronously: a bus that accepts but never answers blocks
//   this thread, and no timeout here can interrupt that.
// - A call already running cannot be aborted (the AbortSignal only cancels queued work); our timeout
//   answers on time, but the native thread keeps waiting, and Node waits for it before exiting.
// - On Linux every entry object holds its own D-Bus connection until the garbage collector frees it;
//   dbus-daemon limits connections per user (256 unless configured). So entries are reused per account,
//   and beyond a few the store drops them and asks for a collection (host.ts runs with --expose-gc).

import type * as Keyring from '@napi-rs/keyring';
import { MailSetupError } from '../errors.js';
import { anySignal } from '../net/abort.js';
import { SERVICE_NAME } from './account.js';
import {
  classifyKeychainError,
  KEYCHAIN_DEFAULTS,
  type KeychainStore,
  keychainTimeout,
  type StoreCallOptions,
} from './store.js';

// Pinned: unpinned, Linux silently falls back to the kernel keyutils store, which forgets everything at
// reboot. Pinned, a missing Secret Service is an error we report instead.
const ENTRY_OPTIONS: Keyring.EntryOptions = { linux: { store: 'secret-service' } };

let loaded: Promise<typeof Keyring> | undefined;

/** The native module loads on first use: `detect` and the password help never need it. */
function loadKeyring(): Promise<typeof Keyring> {
  loaded ??= import('@napi-rs/keyring').catch((error: unknown) => {
    loaded = undefined;
    throw new MailSetupError(
      'keychain-unavailable',
      `the keychain module could not be loaded: ${(error as Error).message}`,
      undefined,
      { cause: error },
    );
  });
  return loaded;
}

export interface NativeStoreOptions {
  service?: string;
  timeoutMs?: number;
  /** Frees dropped entries' connections now (global.gc where exposed). */
  collect?: () => void;
}

/** Entries (D-Bus connections) kept open for reuse; more are dropped and collected. */
const MAX_OPEN_ENTRIES = 16;

export function createNativeStore(options: NativeStoreOptions = {}): KeychainStore {
  const service = options.service ?? SERVICE_NAME;
  const defaultTimeoutMs = options.timeoutMs ?? KEYCHAIN_DEFAULTS.timeoutMs;
  const open = new Map<string, Keyring.AsyncEntry>();

  function entryFor(AsyncEntry: typeof Keyring.AsyncEntry, account: string): Keyring.AsyncEntry {
    let entry = open.get(account);
    if (!entry) {
      if (open.size >= MAX_OPEN_ENTRIES) {
        open.clear();
        options.collect?.();
      }
      entry = new AsyncEntry(service, account, ENTRY_OPTIONS);
      open.set(account, entry);
    }
    return entry;
  }

  async function call<T>(
    account: string,
    callOptions: StoreCallOptions,
    run: (entry: Keyring.AsyncEntry, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    callOptions.signal?.throwIfAborted();
    const { AsyncEntry } = await loadKeyring();
    const timeoutMs = callOptions.timeoutMs ?? defaultTimeoutMs;
    const controller = new AbortController();
    const signal = callOptions.signal
      ? anySignal([callOptions.signal, controller.signal])
      : controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(keychainTimeout(timeoutMs));
      }, timeoutMs);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    // The race settles at most once; a late rejection of the loser must not surface as unhandled.
    gaveUp.catch(() => undefined);
    try {
      const entry = entryFor(AsyncEntry, account);
      const work = run(entry, signal);
      work.catch(() => undefined);
      return await Promise.race([work, gaveUp]);
    } catch (error) {
      throw classifyKeychainError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    setPassword: (account, password, callOptions = {}) =>
      call(account, callOptions, (entry, signal) => entry.setPassword(password, signal)),
    getPassword: (account, callOptions = {}) =>
      call(account, callOptions, async (entry, signal) => (await entry.getPassword(signal)) ?? null),
    deletePassword: (account, callOptions = {}) =>
      call(account, callOptions, (entry, signal) => entry.deleteCredential(signal)),
    close: async () => {
      open.clear();
      options.collect?.();
    },
  };
}
