// The seam between the app and the operating system's keychain: three calls on one account under the
// app's service name. Implementations: native-store.ts (in this process) and isolated-store.ts (in a
// helper process that can be killed when the keychain stops answering).

import { MailSetupError } from '../errors.js';

export interface StoreCallOptions {
  /** Cancels the call; the keychain may still finish it in the background. */
  signal?: AbortSignal;
  /** Gives up after this long with keychain-unavailable. */
  timeoutMs?: number;
}

export interface KeychainStore {
  /** Creates or replaces the secret of `account`. */
  setPassword(account: string, password: string, options?: StoreCallOptions): Promise<void>;
  /** The secret of `account`, or null when there is none. */
  getPassword(account: string, options?: StoreCallOptions): Promise<string | null>;
  /** True when a secret was deleted, false when there was none. */
  deletePassword(account: string, options?: StoreCallOptions): Promise<boolean>;
  /** Frees what the store holds (a helper process); later calls start afresh. */
  close(): Promise<void>;
}

export const KEYCHAIN_DEFAULTS = {
  /**
   * A locked keychain asks the person to unlock it, and the call waits for that prompt: long enough to
   * type a keychain password, short enough that a script does not wait forever on an unseen dialog.
   */
  timeoutMs: 20_000,
} as const;

/**
 * Failures that mean "no usable keychain here" rather than a bug: no D-Bus or Secret Service
 * ("Platform failure: DBus error: ..."), a locked or refusing store ("Couldn't access platform
 * storage: ..."), an unlock prompt dismissed or denied. These are keyring-core's Error texts.
 */
const UNAVAILABLE = /^(Platform failure|Couldn't access platform storage|No storage access)\b/i;

/** Our error for a keychain failure: keychain-unavailable with the platform's words, or the error itself. */
export function classifyKeychainError(error: unknown): Error {
  if (error instanceof MailSetupError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (UNAVAILABLE.test(message))
    return new MailSetupError('keychain-unavailable', message, undefined, { cause: error });
  return error instanceof Error ? error : new Error(message);
}

export function keychainTimeout(timeoutMs: number): MailSetupError {
  return new MailSetupError(
    'keychain-unavailable',
    `the keychain did not answer within ${Number((timeoutMs / 1000).toFixed(1))} s (locked, and waiting for an unlock prompt?)`,
  );
}
