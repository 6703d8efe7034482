// What the app has saved in the keychain, without any secret: address, label, dates and server names,
// so the app can list its entries on every platform. Why not list from the keychain itself:
// @napi-rs/keyring's findCredentials returns every entry's password with its name (on macOS each read
// may ask the person to allow access), and none of the stores lets us attach our own fields.
//
// One small JSON file per entry, written to a temporary name and renamed into place: two processes
// saving at once never corrupt each other, and no read-modify-write of a shared file is needed.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntryKey } from './account.js';
import { appDataDir } from './data-dir.js';

export interface SavedPassword {
  address: string;
  label: string;
  /** When this entry was first saved (ISO 8601). */
  created: string;
  /** When its password was last set (ISO 8601). */
  updated: string;
  /** Server host names the password is used with, e.g. ["imap.example.org", "smtp.example.org"]. */
  hosts: string[];
}

export interface SavedIndex {
  /** Every entry, sorted by address and label. */
  list(): Promise<SavedPassword[]>;
  get(key: EntryKey): Promise<SavedPassword | undefined>;
  put(key: EntryKey, entry: SavedPassword): Promise<void>;
  /** True when there was an entry to remove. */
  remove(key: EntryKey): Promise<boolean>;
}

const INDEX_FOLDER = 'keychain-index';
const FILE_NAME = /^[0-9a-f]{32}\.json$/;

/**
 * A file this module wrote: version 1, the five fields. Checked by hand: six fields do not need a
 * schema library, and `mailsetup test --keychain` starts without one.
 */
function isSavedFile(json: unknown): json is SavedPassword & { version: 1 } {
  if (typeof json !== 'object' || json === null) return false;
  const file = json as Record<string, unknown>;
  const strings = ['address', 'label', 'created', 'updated'] as const;
  return (
    file.version === 1 &&
    strings.every((field) => typeof file[field] === 'string') &&
    Array.isArray(file.hosts) &&
    file.hosts.every((host) => typeof host === 'string')
  );
}

/** One file per keychain account; hashed because labels may hold characters no file name can. */
function fileName(key: EntryKey): string {
  return `${createHash('sha256').update(key.account, 'utf8').digest('hex').slice(0, 32)}.json`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function parse(text: string): SavedPassword | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isSavedFile(json)) return undefined;
  const { address, label, created, updated, hosts } = json;
  return { address, label, created, updated, hosts };
}

export function createSavedIndex(dataDir: string = appDataDir()): SavedIndex {
  const dir = path.join(dataDir, INDEX_FOLDER);

  async function read(file: string): Promise<SavedPassword | undefined> {
    try {
      // An unreadable or foreign file is skipped: the index only mirrors the keychain, which stays
      // the truth, and one bad file must not hide every other entry.
      return parse(await readFile(path.join(dir, file), 'utf8'));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  return {
    async list() {
      let files: string[];
      try {
        files = await readdir(dir);
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      const entries = await Promise.all(files.filter((file) => FILE_NAME.test(file)).map(read));
      return entries
        .filter((entry): entry is SavedPassword => entry !== undefined)
        .sort((a, b) => a.address.localeCompare(b.address) || a.label.localeCompare(b.label));
    },

    get: (key) => read(fileName(key)),

    async put(key, entry) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const target = path.join(dir, fileName(key));
      const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ version: 1, ...entry }, null, 2)}\n`, { mode: 0o600 });
      try {
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async remove(key) {
      try {
        await rm(path.join(dir, fileName(key)));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}
