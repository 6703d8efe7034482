// Saved app passwords: the secret in the OS keychain, its name and servers in the non-secret index.
// Nothing here ever falls back to a file: without a keychain, saving fails with keychain-unavailable
// and the app uses the password for the session only.

import { MailSetupError } from '../errors.js';
import { entryKey, isOAuthLabel, labelProblem, MAX_SECRET_LENGTH, passwordProblem } from './account.js';
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

export interface KeychainRenameRequest extends KeychainEntryRequest {
  /** The new label (account.ts's label rules; MailSetupError('invalid-label') otherwise). */
  newLabel: string;
  /** Replace another saved password that already has `newLabel`; refused (keychain-label-taken) without. */
  replace?: boolean;
}

export interface KeychainRenameResult {
  /** The entry under its new label: same address, dates and servers as before. */
  entry: SavedPassword;
  /** The label it had. */
  previousLabel: string;
  /** True when another saved password of that address had the new label and was replaced. */
  replaced: boolean;
}

export interface Keychain {
  list(): Promise<SavedPassword[]>;
  set(request: KeychainSetRequest, options?: StoreCallOptions): Promise<KeychainSetResult>;
  delete(request: KeychainEntryRequest, options?: StoreCallOptions): Promise<KeychainDeleteResult>;
  /**
   * Gives a saved password a new label. The secret moves inside core (it never leaves this process's
   * side of a bridge): written under the new label and read back before the old entry goes, so a step
   * that fails leaves the password saved under at least one of the two labels.
   */
  rename(request: KeychainRenameRequest, options?: StoreCallOptions): Promise<KeychainRenameResult>;
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
      // Checked before any write, on every platform: the limit is the smallest store's (account.ts).
      if (problem === 'too-long') {
        throw new MailSetupError(
          'secret-too-long',
          `${request.password.length} of at most ${MAX_SECRET_LENGTH} characters`,
        );
      }
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

    async rename(request, options) {
      const from = keyOf(request);
      if (typeof request.newLabel !== 'string') throw new TypeError('newLabel must be a string');
      // The new label is the person's input (a rename form): refused with a code, not as a bug.
      const problem = labelProblem(request.newLabel);
      if (problem) throw new MailSetupError('invalid-label', problem);
      const to = keyOf({ address: request.address, label: request.newLabel });
      const secret = await store.getPassword(from.account, options);
      if (secret === null)
        throw new MailSetupError('keychain-entry-not-found', `${from.address} · ${from.label}`);
      const earlier = await index.get(from);
      const time = now().toISOString();
      const entry: SavedPassword = {
        address: to.address,
        label: to.label,
        created: earlier?.created ?? time,
        updated: earlier?.updated ?? time,
        hosts: earlier?.hosts ?? [],
      };
      // The same entry after normalizing ("Outlook  PC" → "Outlook PC"): nothing to move.
      if (to.account === from.account) return { entry, previousLabel: from.label, replaced: false };
      const taken =
        (await index.get(to)) !== undefined || (await store.getPassword(to.account, options)) !== null;
      if (taken && !request.replace) throw new MailSetupError('keychain-label-taken', to.label);
      try {
        await store.setPassword(to.account, secret, options);
        // Read back: a store that quietly kept something else must not cost the person the original.
        if ((await store.getPassword(to.account, options)) !== secret) {
          throw new Error('the keychain did not keep the password under its new label');
        }
        await index.put(to, entry);
      } catch (error) {
        // The old entry is whole; a new one that was not there before is taken away again so the list
        // shows no half-made entry. Best effort: the error the person sees is the first one.
        if (!taken) {
          await store.deletePassword(to.account, options).catch(() => false);
          await index.remove(to).catch(() => false);
        }
        throw error;
      }
      // Only now, with the secret safe under the new label, does the old one go (keychain first, as in
      // delete: the index never lists what the keychain no longer has).
      await store.deletePassword(from.account, options);
      await index.remove(from);
      return { entry, previousLabel: from.label, replaced: taken };
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
