// The lockout ledger: the times of failed logins, per account and provider, in one small file in the
// user's data folder (core/secrets/data-dir.ts), so that the count outlives the process: five CLI runs
// in a row, or the app restarted, see the same count. The CLI and the app share the file.
//
// - Keys are hashes (core/probe/lockout.ts): neither an address nor a host name is ever written.
// - Two processes at once lose no count: every change is read-modify-write under a lock file
//   (created exclusively), written to a temporary file and renamed over the ledger (atomic).
// - A lock whose owner died, or that is older than LEDGER_DEFAULTS.staleLockMs, is broken; after
//   LEDGER_DEFAULTS.lockWaitMs we break any lock: a stuck lock never blocks a test forever.
// - A corrupt or unreadable ledger is replaced by an empty one and the next summary says so once
//   (`replaced`); where the folder cannot be written at all, this process counts in memory and says so
//   (`unavailable`). Neither ever throws at the caller.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appDataDir } from '../secrets/data-dir.js';

/** Key (a hash) -> times (epoch ms) of failed logins and of logins still in flight. */
export type LedgerEntries = Map<string, number[]>;

/** What happened to the ledger itself, said once in the next test's summary. */
export type LedgerNotice = 'replaced' | 'unavailable';

export interface LockoutLedger {
  /**
   * Runs `change` on the current entries under the ledger's lock and keeps what it leaves there.
   * Never throws for a broken ledger (see above).
   */
  update<T>(change: (entries: LedgerEntries) => T): Promise<T>;
  /** `replaced` or `unavailable` once after it happened, then undefined. */
  takeNotice(): LedgerNotice | undefined;
}

export const LEDGER_DEFAULTS = {
  fileName: 'lockout-ledger.json',
  /** A lock is held for one read and one write: milliseconds. Older than this, its owner is gone. */
  staleLockMs: 10_000,
  /** Waiting longer than this for a lock breaks it, whoever holds it. */
  lockWaitMs: 5_000,
  /** Between two tries to take the lock (plus up to as much again at random). */
  retryMs: 15,
} as const;

const FORMAT = 'mailsetup-lockout-ledger';

interface LedgerFile {
  format: typeof FORMAT;
  version: 1;
  failures: Record<string, number[]>;
}

/** The ledger's place: `lockout-ledger.json` in the app's data folder (MAILSETUP_DATA_DIR moves it). */
export function defaultLedgerFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(appDataDir(env), LEDGER_DEFAULTS.fileName);
}

/** Parses the file's text; undefined when it is not a ledger of ours (corrupt, foreign, truncated). */
export function parseLedger(text: string): LedgerEntries | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object') return undefined;
  const file = data as Partial<LedgerFile>;
  if (file.format !== FORMAT || file.version !== 1) return undefined;
  const failures = file.failures;
  if (failures === null || typeof failures !== 'object' || Array.isArray(failures)) return undefined;
  const entries: LedgerEntries = new Map();
  for (const [key, times] of Object.entries(failures)) {
    if (!/^[0-9a-f]{64}$/.test(key) || !Array.isArray(times)) return undefined;
    if (!times.every((time) => Number.isFinite(time))) return undefined;
    entries.set(key, times as number[]);
  }
  return entries;
}

function serialize(entries: LedgerEntries): string {
  const failures: Record<string, number[]> = {};
  for (const [key, times] of entries) if (times.length > 0) failures[key] = times;
  const file: LedgerFile = { format: FORMAT, version: 1, failures };
  return `${JSON.stringify(file)}\n`;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock file's words ("pid time token"), or undefined when it is gone. */
async function lockContent(lockFile: string): Promise<string | undefined> {
  return readFile(lockFile, 'utf8').catch(() => undefined);
}

/** Whether the lock seen as `content` is stale: its owner is gone, or it is older than a lock ever lives. */
async function isStale(lockFile: string, content: string, now: number): Promise<boolean> {
  const [pid, since] = content.split(' ').map(Number);
  if (pid === undefined || since === undefined || !Number.isFinite(since) || !(pid > 0)) {
    // Created but not written yet (its owner is between open and write): stale only if it stays so.
    const facts = await stat(lockFile).catch(() => undefined);
    return facts !== undefined && now - facts.mtimeMs > LEDGER_DEFAULTS.staleLockMs;
  }
  return now - since > LEDGER_DEFAULTS.staleLockMs || !isAlive(pid);
}

/** Removes the lock only if it still says `content`: never a lock another process has just taken. */
async function removeIfStill(lockFile: string, content: string): Promise<void> {
  if ((await lockContent(lockFile)) === content) await rm(lockFile, { force: true });
}

async function withLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LEDGER_DEFAULTS.lockWaitMs;
  const token = randomBytes(6).toString('hex');
  let mine = '';
  for (;;) {
    try {
      // The time of taking it: waiting for the lock must not make our own lock look old.
      mine = `${process.pid} ${Date.now()} ${token}`;
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(mine);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = await lockContent(lockFile);
      if (seen !== undefined && (Date.now() > deadline || (await isStale(lockFile, seen, Date.now())))) {
        await removeIfStill(lockFile, seen);
        continue;
      }
      await delay(LEDGER_DEFAULTS.retryMs * (1 + Math.random()));
    }
  }
  try {
    return await work();
  } finally {
    // Ours unless someone broke it meanwhile (we hung past lockWaitMs): then theirs stays.
    await removeIfStill(lockFile, mine);
  }
}

/** Removes whatever stands where the ledger should be and is not a file we can use. */
async function clearTheWay(file: string): Promise<void> {
  const facts = await stat(file).catch(() => undefined);
  if (!facts || facts.isFile()) return;
  // An empty folder or a FIFO left there by mistake; a folder with content stays (then: unavailable).
  if (facts.isDirectory()) await rmdir(file);
  else await unlink(file);
}

export function createFileLedger(file: string = defaultLedgerFile()): LockoutLedger {
  const lockFile = `${file}.lock`;
  let notice: LedgerNotice | undefined;
  /** Counts of this process while the folder cannot be written. */
  let fallback: LedgerEntries | undefined;
  // One change at a time within the process; the lock file orders the processes.
  let queue: Promise<unknown> = Promise.resolve();

  /** The entries on disk; undefined when the file is there but cannot be used. */
  async function read(): Promise<LedgerEntries | undefined> {
    const facts = await stat(file).catch((error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? null : undefined,
    );
    if (facts === null) return new Map();
    // Never open what is not a regular file: reading a FIFO would wait forever.
    if (!facts?.isFile()) return undefined;
    try {
      return parseLedger(await readFile(file, 'utf8'));
    } catch {
      return undefined;
    }
  }

  async function write(entries: LedgerEntries): Promise<void> {
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, serialize(entries), { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async function change<T>(apply: (entries: LedgerEntries) => T): Promise<T> {
    if (fallback) return apply(fallback);
    let applied = false;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      return await withLock(lockFile, async () => {
        let entries = await read();
        if (!entries) {
          notice = 'replaced';
          await clearTheWay(file);
          entries = new Map();
        }
        const value = apply(entries);
        applied = true;
        await write(entries);
        return value;
      });
    } catch (error) {
      // A bug in `apply` is not the ledger's problem: it goes to the caller.
      if (!applied && !(error instanceof Error && 'code' in error)) throw error;
      // The folder or file cannot be written: count in memory for the rest of this process.
      notice = 'unavailable';
      fallback = new Map();
      return apply(fallback);
    }
  }

  return {
    update: <T>(apply: (entries: LedgerEntries) => T): Promise<T> => {
      const next = queue.then(() => change(apply));
      queue = next.catch(() => undefined);
      return next;
    },
    takeNotice: () => {
      const said = notice;
      notice = undefined;
      return said;
    },
  };
}

/** A ledger in memory, for unit tests that must not share a file. */
export function createMemoryLedger(entries: LedgerEntries = new Map()): LockoutLedger {
  return {
    update: async (apply) => apply(entries),
    takeNotice: () => undefined,
  };
}
