// Saved app passwords: the secret in the OS keychain, its name and servers in the non-secret index.
// Nothing here ever falls back to a file: without a keychain, saving fails with keychain-unavailable
// and the app uses the password for the session only.

import { entryKey, isOAuthLabel, passwordProblem } from './account.js';
import { createIsolatedStore } from './isolated-store.js';
import { createSavedIndex, type SavedIndex, type SavedPassword } from './saved-index.js';
import type { KeychainStore, StoreCallOptions } from './store.js';

export interface KeychainEntryRequest {
  address: string;
  /** The device and program, e.g. "Outlook on the office PC"; defaultLabel() when absent. */
  label?: string;
}

export interface KeychainSetRequest extends KeychainEntryRequest {
  password: string;
  /** Server host names the password is for (shown when listing; no secret). */
  hosts?: string[];
}

export interface KeychainSetResult {
  entry: SavedPassword;
  /** True when a password saved earlier under the same address and label was replaced. */
  replaced: boolean;
}

export interface KeychainDeleteResult {
  address: string;
  label: string;
  /** False when the keychain held no such password (nothing to delete; not an error). */
  deleted: boolean;
}

export interface Keychain {
  list(): Promise<SavedPassword[]>;
  set(request: KeychainSetRequest, options?: StoreCallOptions): Promise<KeychainSetResult>;
  delete(request: KeychainEntryRequest, options?: StoreCallOptions): Promise<KeychainDeleteResult>;
  /**
   * The saved password, or null. Without a label: the address's only saved entry when the index has
   * exactly one, else the default label's. For core only (mailsetup test --keychain): never part of
   * the API the renderer sees, as passwords cross that bridge only inward.
   */
  getPassword(request: KeychainEntryRequest, options?: StoreCallOptions): Promise<string | null>;
  close(): Promise<void>;
}

export interface KeychainDeps {
  store?: KeychainStore;
  index?: SavedIndex;
  /** For the default label; os.hostname() when absent. */
  hostname?: string;
  now?: () => Date;
}

/** A handful of server names, as detection found them; requests arrive as plain data over IPC. */
const MAX_HOSTS = 20;

function cleanHosts(hosts: unknown): string[] {
  if (!Array.isArray(hosts) || !hosts.every((host) => typeof host === 'string')) {
    throw new TypeError('hosts must be a list of server names');
  }
  const names = hosts.map((host: string) => host.trim().toLowerCase().replace(/\.$/, '')).filter(Boolean);
  return [...new Set(names)].slice(0, MAX_HOSTS);
}

export function createKeychain(deps: KeychainDeps = {}): Keychain {
  const store = deps.store ?? createIsolatedStore();
  const index = deps.index ?? createSavedIndex();
  const now = deps.now ?? (() => new Date());
  const keyOf = (request: KeychainEntryRequest) => entryKey(request.address, request.label, deps.hostname);

  return {
    list: () => index.list(),

    async set(request, options) {
      const key = keyOf(request);
      if (typeof request.password !== 'string') throw new TypeError('password must be a string');
      const problem = passwordProblem(request.password);
      if (problem) throw new Error(`password cannot be stored (${problem})`);
      // The keychain first: the index never lists a password that was not saved.
      await store.setPassword(key.account, request.password, options);
      const earlier = await index.get(key);
      const time = now().toISOString();
      const entry: SavedPassword = {
        address: key.address,
        label: key.label,
        created: earlier?.created ?? time,
        updated: time,
        hosts: cleanHosts(request.hosts ?? earlier?.hosts ?? []),
      };
      await index.put(key, entry);
      return { entry, replaced: earlier !== undefined };
    },

    async delete(request, options) {
      const key = keyOf(request);
      const deleted = await store.deletePassword(key.account, options);
      // Also when the keychain had nothing: the entry may have been removed outside the app.
      await index.remove(key);
      return { address: key.address, label: key.label, deleted };
    },

    async getPassword(request, options) {
      let key = keyOf(request);
      if (request.label === undefined && !(await index.get(key))) {
        // A kept OAuth2 sign-in is no password: never send a refresh token to a mail server.
        const saved = (await index.list()).filter(
          (entry) => entry.address === key.address && !isOAuthLabel(entry.label),
        );
        if (saved.length === 1 && saved[0]) key = keyOf({ address: key.address, label: saved[0].label });
      }
      return store.getPassword(key.account, options);
    },

    close: () => store.close(),
  };
}
