// What stands behind the wizard in the e2e tests: core's real API (createApi) with the test internet's
// DNS, a fresh lockout guard, no administrator policy unless the test brings one (read by core's loader
// from the test's own folder: the machine's /etc is not the test's business),
// and a keychain whose helper process talks to the Secret Service the test chose (or to none). The
// non-secret index of saved passwords goes to a temporary folder, never the real user's.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type MailSetupApi } from '../../core/api.js';
import { createNet } from '../../core/net/index.js';
import type { PolicyState } from '../../core/policy/types.js';
import { LockoutGuard } from '../../core/probe/lockout.js';
import { createFileLedger } from '../../core/probe/lockout-ledger.js';
import { createIsolatedStore, forkHost } from '../../core/secrets/isolated-store.js';
import { createKeychain, type Keychain } from '../../core/secrets/keychain.js';
import { createSavedIndex } from '../../core/secrets/saved-index.js';

/** A D-Bus address where nothing listens: a desktop without any keychain. */
export const NO_KEYCHAIN_ENV: Readonly<Record<string, string>> = {
  DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(os.tmpdir(), 'mailsetup-e2e-no-such-bus')}`,
};

export interface BackendOptions {
  /** dnsmasq's `HOST:PORT`. */
  dns: string;
  /** Environment of the keychain helper: a Secret Service's env, or NO_KEYCHAIN_ENV. */
  keychainEnv: Readonly<Record<string, string>>;
  /** Deadline of a keychain call. */
  keychainTimeoutMs?: number;
  /** The administrator's policy as core's loadPolicy returned it; none by default. */
  policy?: PolicyState;
  /** The lockout ledger file; a fresh one in the backend's temporary folder by default. Give the same
   *  file to a second backend to see the count survive an app restart. */
  ledgerFile?: string;
}

export interface WizardBackend {
  api: MailSetupApi;
  /** The same keychain the API saves into, to check what arrived there. */
  keychain: Keychain;
  close(): Promise<void>;
}

export function wizardBackend(options: BackendOptions): WizardBackend {
  const net = createNet({ dns: options.dns });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-e2e-data-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.keychainEnv };
  const keychain = createKeychain({
    store: createIsolatedStore({
      launch: () => forkHost({ env }),
      ...(options.keychainTimeoutMs ? { timeoutMs: options.keychainTimeoutMs } : {}),
    }),
    index: createSavedIndex(dataDir),
  });
  const api = createApi({
    net,
    keychain,
    guard: new LockoutGuard(
      createFileLedger(options.ledgerFile ?? path.join(dataDir, 'lockout-ledger.json')),
    ),
    policy: options.policy ?? {},
  });
  return {
    api,
    keychain,
    close: async () => {
      net.resolver.cancel();
      await keychain.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
