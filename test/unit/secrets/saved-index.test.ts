import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryKey } from '../../../core/secrets/account.js';
import { appDataDir } from '../../../core/secrets/data-dir.js';
import { createSavedIndex, type SavedPassword } from '../../../core/secrets/saved-index.js';

function saved(address: string, label: string, hosts: string[] = []): SavedPassword {
  return { address, label, created: '2026-01-02T03:04:05.000Z', updated: '2026-01-02T03:04:05.000Z', hosts };
}

describe('the index of saved passwords', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'saved-index-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores, lists (sorted), finds and removes entries, one private file each', async () => {
    const index = createSavedIndex(dataDir);
    expect(await index.list()).toEqual([]);
    const b = entryKey('b@example.org', 'Outlook');
    const a = entryKey('a@example.org', 'Thunderbird');
    await index.put(b, saved(b.address, b.label, ['imap.example.org']));
    await index.put(a, saved(a.address, a.label));
    expect((await index.list()).map((entry) => entry.address)).toEqual(['a@example.org', 'b@example.org']);
    expect(await index.get(b)).toEqual(saved(b.address, b.label, ['imap.example.org']));

    const folder = path.join(dataDir, 'keychain-index');
    const files = readdirSync(folder);
    expect(files).toHaveLength(2);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const file of files) expect(statSync(path.join(folder, file)).mode & 0o777).toBe(0o600);
    // Names only; what a label holds never becomes a file name.
    expect(files.every((file) => /^[0-9a-f]{32}\.json$/.test(file))).toBe(true);

    expect(await index.remove(b)).toBe(true);
    expect(await index.remove(b)).toBe(false);
    expect(await index.get(b)).toBeUndefined();
    expect(await index.list()).toHaveLength(1);
  });

  it('replaces an entry in place and survives many writers at once', async () => {
    const index = createSavedIndex(dataDir);
    const key = entryKey('same@example.org', 'x');
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        index.put(key, saved(key.address, key.label, [`host${i}.example`])),
      ),
    );
    const entries = await index.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.hosts[0]).toMatch(/^host\d+\.example$/);
    // Nothing half-written or left behind.
    expect(readdirSync(path.join(dataDir, 'keychain-index'))).toHaveLength(1);
  });

  it('skips a file that is not one of ours instead of hiding every entry', async () => {
    const index = createSavedIndex(dataDir);
    const key = entryKey('ok@example.org', 'x');
    await index.put(key, saved(key.address, key.label));
    const folder = path.join(dataDir, 'keychain-index');
    writeFileSync(path.join(folder, `${'f'.repeat(32)}.json`), '{ not json');
    writeFileSync(path.join(folder, `${'e'.repeat(32)}.json`), JSON.stringify({ version: 2, address: 1 }));
    // Nearly ours: one field of the wrong kind each.
    const good = { version: 1, ...saved('near@example.org', 'y') };
    const near = [{ ...good, version: 2 }, { ...good, label: 7 }, { ...good, hosts: ['a', 3] }, null, []];
    near.forEach((json, n) => {
      writeFileSync(path.join(folder, `${String(n).repeat(32)}.json`), JSON.stringify(json));
    });
    writeFileSync(path.join(folder, 'notes.txt'), 'hello');
    expect((await index.list()).map((entry) => entry.address)).toEqual(['ok@example.org']);
    const [file] = readdirSync(folder).filter(
      (name) => name !== 'notes.txt' && !/^([ef]+|\d+)\.json$/.test(name),
    );
    expect(JSON.parse(readFileSync(path.join(folder, file ?? ''), 'utf8'))).toMatchObject({ version: 1 });
  });
});

describe('the app data folder', () => {
  it('is MAILSETUP_DATA_DIR when set, else the platform’s per-user folder', () => {
    expect(appDataDir({ MAILSETUP_DATA_DIR: '/tmp/x' }, 'linux', '/home/u')).toBe('/tmp/x');
    expect(appDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/mailsetup');
    expect(appDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u')).toBe('/cfg/mailsetup');
    expect(appDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.config/mailsetup');
    expect(appDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/MailSetup');
    expect(appDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\MailSetup',
    );
  });
});
