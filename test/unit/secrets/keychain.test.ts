import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { entryKey, MAX_LABEL_LENGTH, MAX_SECRET_LENGTH } from '../../../core/secrets/account.js';
import { createKeychain } from '../../../core/secrets/keychain.js';
import { createSavedIndex } from '../../../core/secrets/saved-index.js';
import type { KeychainStore } from '../../../core/secrets/store.js';

type StoreCall = 'set' | 'get' | 'delete';

interface RecordingStore extends KeychainStore {
  /** Accounts written, in order. */
  writes: string[];
  /** Every call as "<call> <account>", in order. */
  log: string[];
  secrets: Map<string, string>;
  /** Makes the next call of this kind on this account fail, as a keychain that stops answering would. */
  failNext(call: StoreCall, account: string): void;
  /** Makes every write of this account keep something other than what was given. */
  corruptWritesOf(account: string): void;
}

/** An in-memory store that records every call (the real keychain is tested in test/integration). */
function recordingStore(): RecordingStore {
  const secrets = new Map<string, string>();
  const writes: string[] = [];
  const log: string[] = [];
  const failures = new Set<string>();
  const corrupted = new Set<string>();
  const enter = (call: StoreCall, account: string) => {
    log.push(`${call} ${account}`);
    if (failures.delete(`${call} ${account}`)) throw new Error(`Platform failure: ${call} refused`);
  };
  return {
    writes,
    log,
    secrets,
    failNext: (call, account) => failures.add(`${call} ${account}`),
    corruptWritesOf: (account) => corrupted.add(account),
    async setPassword(account, password) {
      enter('set', account);
      writes.push(account);
      secrets.set(account, corrupted.has(account) ? `${password}\uFFFD` : password);
    },
    async getPassword(account) {
      enter('get', account);
      return secrets.get(account) ?? null;
    },
    async deletePassword(account) {
      enter('delete', account);
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

describe('keychain rename', () => {
  const address = 'jo@example.org';
  const account = (label: string) => entryKey(address, label).account;
  const OLD = 'Outlook on the office PC';
  const NEW = 'Outlook on the new laptop';

  async function withSaved(...labels: string[]) {
    const { store, keychain } = keychainWithStore();
    for (const label of labels) {
      await keychain.set({ address, label, password: `secret of ${label}`, hosts: ['imap.example.org'] });
    }
    store.log.length = 0;
    return { store, keychain };
  }

  it('moves the secret: written and read back under the new label before the old one is deleted', async () => {
    const { store, keychain } = await withSaved(OLD);
    const [before] = await keychain.list();
    const result = await keychain.rename({ address: 'Jo@Example.org', label: OLD, newLabel: `  ${NEW} ` });
    expect(result).toEqual({
      entry: { ...before, label: NEW },
      previousLabel: OLD,
      replaced: false,
    });
    expect(store.log).toEqual([
      `get ${account(OLD)}`,
      `get ${account(NEW)}`,
      `set ${account(NEW)}`,
      `get ${account(NEW)}`,
      `delete ${account(OLD)}`,
    ]);
    expect([...store.secrets]).toEqual([[account(NEW), `secret of ${OLD}`]]);
    // Dates and servers stay: the password itself was not changed.
    expect(await keychain.list()).toEqual([{ ...before, label: NEW }]);
    expect(await keychain.getPassword({ address, label: NEW })).toBe(`secret of ${OLD}`);
  });

  it('refuses a label another saved password has, and changes nothing', async () => {
    const { store, keychain } = await withSaved(OLD, NEW);
    const listed = await keychain.list();
    const failure = await keychain.rename({ address, label: OLD, newLabel: NEW }).catch((error) => error);
    expect(failure).toBeInstanceOf(MailSetupError);
    expect(failure).toMatchObject({ code: 'keychain-label-taken', detail: NEW });
    expect(store.writes.slice(2)).toEqual([]);
    expect(store.log.filter((call) => !call.startsWith('get'))).toEqual([]);
    expect(await keychain.list()).toEqual(listed);
    expect(store.secrets.get(account(NEW))).toBe(`secret of ${NEW}`);
  });

  it('refuses a label the keychain holds even when the index does not list it', async () => {
    const { store, keychain } = await withSaved(OLD);
    store.secrets.set(account(NEW), 'saved by an older version');
    await expect(keychain.rename({ address, label: OLD, newLabel: NEW })).rejects.toMatchObject({
      code: 'keychain-label-taken',
    });
    expect(store.secrets.get(account(NEW))).toBe('saved by an older version');
  });

  it('replaces the other saved password when told to', async () => {
    const { store, keychain } = await withSaved(OLD, NEW);
    const result = await keychain.rename({ address, label: OLD, newLabel: NEW, replace: true });
    expect(result.replaced).toBe(true);
    expect([...store.secrets]).toEqual([[account(NEW), `secret of ${OLD}`]]);
    expect((await keychain.list()).map((entry) => entry.label)).toEqual([NEW]);
  });

  it('says when there is nothing to rename, and writes nothing', async () => {
    const { store, keychain } = await withSaved(OLD);
    await expect(keychain.rename({ address, label: 'Thunderbird', newLabel: NEW })).rejects.toMatchObject({
      code: 'keychain-entry-not-found',
      detail: `${address} · Thunderbird`,
    });
    expect(store.log).toEqual([`get ${account('Thunderbird')}`]);
  });

  it.each([
    ['empty', '   '],
    ['too-long', 'x'.repeat(MAX_LABEL_LENGTH + 1)],
    ['control-characters', 'Outlook\non the PC'],
  ])('refuses a new label that is %s before touching the keychain', async (problem, newLabel) => {
    const { store, keychain } = await withSaved(OLD);
    await expect(keychain.rename({ address, label: OLD, newLabel })).rejects.toMatchObject({
      code: 'invalid-label',
      detail: problem,
    });
    expect(store.log).toEqual([]);
  });

  it('treats a label that only differs in spacing as the same entry', async () => {
    const { store, keychain } = await withSaved(OLD);
    const result = await keychain.rename({ address, label: OLD, newLabel: ` ${OLD.replaceAll(' ', '  ')}` });
    expect(result).toMatchObject({ previousLabel: OLD, replaced: false, entry: { label: OLD } });
    expect(store.log).toEqual([`get ${account(OLD)}`]);
    expect(store.secrets.get(account(OLD))).toBe(`secret of ${OLD}`);
  });

  it('keeps the old entry whole when the write under the new label fails', async () => {
    const { store, keychain } = await withSaved(OLD);
    const listed = await keychain.list();
    store.failNext('set', account(NEW));
    await expect(keychain.rename({ address, label: OLD, newLabel: NEW })).rejects.toThrow('set refused');
    expect([...store.secrets]).toEqual([[account(OLD), `secret of ${OLD}`]]);
    expect(await keychain.list()).toEqual(listed);
  });

  it('keeps the old entry and takes the new one away when the keychain kept something else', async () => {
    const { store, keychain } = await withSaved(OLD);
    const listed = await keychain.list();
    store.corruptWritesOf(account(NEW));
    await expect(keychain.rename({ address, label: OLD, newLabel: NEW })).rejects.toThrow(
      'did not keep the password',
    );
    expect(store.log).not.toContain(`delete ${account(OLD)}`);
    expect([...store.secrets]).toEqual([[account(OLD), `secret of ${OLD}`]]);
    expect(await keychain.list()).toEqual(listed);
  });

  it('loses nothing when deleting the old label fails: the secret is under both, the new one listed', async () => {
    const { store, keychain } = await withSaved(OLD);
    store.failNext('delete', account(OLD));
    await expect(keychain.rename({ address, label: OLD, newLabel: NEW })).rejects.toThrow('delete refused');
    expect(store.secrets.get(account(NEW))).toBe(`secret of ${OLD}`);
    expect(store.secrets.get(account(OLD))).toBe(`secret of ${OLD}`);
    expect((await keychain.list()).map((entry) => entry.label).sort()).toEqual([NEW, OLD].sort());
    // Deleting the leftover afterwards works as for any entry.
    await keychain.delete({ address, label: OLD });
    expect((await keychain.list()).map((entry) => entry.label)).toEqual([NEW]);
  });
});
