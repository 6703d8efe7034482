import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { MAX_SECRET_LENGTH } from '../../../core/secrets/account.js';
import { createKeychain } from '../../../core/secrets/keychain.js';
import { createSavedIndex } from '../../../core/secrets/saved-index.js';
import type { KeychainStore } from '../../../core/secrets/store.js';

/** An in-memory store that records every write (the real keychain is tested in test/integration). */
function recordingStore(): KeychainStore & { writes: string[] } {
  const secrets = new Map<string, string>();
  const writes: string[] = [];
  return {
    writes,
    async setPassword(account, password) {
      writes.push(account);
      secrets.set(account, password);
    },
    async getPassword(account) {
      return secrets.get(account) ?? null;
    },
    async deletePassword(account) {
      return secrets.delete(account);
    },
    async close() {},
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function keychainWithStore() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-keychain-unit-'));
  dirs.push(dir);
  const store = recordingStore();
  const keychain = createKeychain({ store, index: createSavedIndex(dir), hostname: 'test-pc' });
  return { store, keychain };
}

describe('keychain limits', () => {
  it('stores a secret of exactly the limit', async () => {
    const { store, keychain } = keychainWithStore();
    const password = 'ä'.repeat(MAX_SECRET_LENGTH);
    await keychain.set({ address: 'a@example.org', password });
    expect(store.writes).toHaveLength(1);
    expect(await keychain.getPassword({ address: 'a@example.org' })).toBe(password);
  });

  it('refuses a longer secret with its own code before anything is written', async () => {
    const { store, keychain } = keychainWithStore();
    const failure = await keychain
      .set({ address: 'a@example.org', password: '🔑'.repeat(MAX_SECRET_LENGTH / 2 + 1) })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MailSetupError);
    expect(failure).toMatchObject({ code: 'secret-too-long' });
    expect((failure as MailSetupError).detail).toContain(String(MAX_SECRET_LENGTH));
    expect(store.writes).toEqual([]);
    expect(await keychain.list()).toEqual([]);
  });
});
