// The ledger file: it outlives the process, loses no count with writers in other processes at once,
// never blocks or crashes on a corrupt, unreadable or locked file (and says so once), and holds hashes
// and times only: no address, no host name.

import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockoutGuard } from '../../../core/probe/lockout.js';
import {
  createFileLedger,
  defaultLedgerFile,
  LEDGER_DEFAULTS,
  parseLedger,
} from '../../../core/probe/lockout-ledger.js';

const run = promisify(execFile);
const WRITER = path.resolve(import.meta.dirname, '../../fixtures/lockout/ledger-writer.ts');
const KEY = 'a'.repeat(64);

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-ledger-'));
  file = path.join(dir, 'data', 'lockout-ledger.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const add =
  (times: number[] = [Date.now()]) =>
  (entries: Map<string, number[]>) =>
    entries.set(KEY, [...(entries.get(KEY) ?? []), ...times]);
const countOf = async (ledger = createFileLedger(file)) =>
  ledger.update((entries) => entries.get(KEY)?.length ?? 0);

describe('the lockout ledger file', () => {
  it('lives in the data folder, which MAILSETUP_DATA_DIR moves', () => {
    expect(defaultLedgerFile({ MAILSETUP_DATA_DIR: '/tmp/elsewhere' })).toBe(
      '/tmp/elsewhere/lockout-ledger.json',
    );
  });

  it('outlives the process: a new ledger over the same file sees the count; the file is the owner’s only', async () => {
    await createFileLedger(file).update(add([1, 2]));
    expect(await countOf()).toBe(2);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseLedger(readFileSync(file, 'utf8'))?.get(KEY)).toEqual([1, 2]);
  });

  it('holds hashes and times only: no address, host or provider in clear', async () => {
    const guard = new LockoutGuard(createFileLedger(file));
    const target = { username: 'jane.doe@example-mail.test', host: 'imap.example-provider.test' };
    await (await guard.admit([target])).settle([{ loggedIn: false, code: 'auth-failed' }]);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/"failures":\{"[0-9a-f]{64}":\[\d+\]\}/);
    for (const clear of ['jane', 'example-mail', 'example-provider', 'imap'])
      expect(text).not.toContain(clear);
  });

  it('loses no count with four processes writing at once', async () => {
    await Promise.all(
      [1, 2, 3, 4].map(() => run(process.execPath, ['--import', 'tsx', WRITER, file, KEY, '10'])),
    );
    expect(await countOf()).toBe(40);
    // No lock and no temporary file is left behind.
    expect(execFileSync('ls', [path.dirname(file)], { encoding: 'utf8' }).trim()).toBe('lockout-ledger.json');
  }, 60_000);

  it.each([
    ['text that is not JSON', 'not json {'],
    [
      'JSON of another shape',
      '{"format":"mailsetup-lockout-ledger","version":1,"failures":{"jane@x.test":[1]}}',
    ],
    ['an empty file', ''],
  ])('replaces a corrupt ledger (%s) and says so once', async (_name, content) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    const ledger = createFileLedger(file);
    expect(await ledger.update(add())).toBeDefined();
    expect(ledger.takeNotice()).toBe('replaced');
    expect(ledger.takeNotice()).toBeUndefined();
    await ledger.update(add());
    expect(ledger.takeNotice()).toBeUndefined();
    expect(await countOf()).toBe(2);
  });

  it('replaces an unreadable ledger without waiting on it: an empty folder, a FIFO', async () => {
    mkdirSync(file, { recursive: true });
    const ledger = createFileLedger(file);
    await ledger.update(add());
    expect(ledger.takeNotice()).toBe('replaced');
    expect(await countOf()).toBe(1);

    rmSync(file);
    execFileSync('mkfifo', [file]);
    const started = Date.now();
    const again = createFileLedger(file);
    await again.update(add());
    expect(again.takeNotice()).toBe('replaced');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await countOf()).toBe(1);
  });

  it('where nothing can be written, counts in memory and says so, without throwing', async () => {
    // A folder with content where the file should be: neither readable as a ledger nor replaceable.
    mkdirSync(path.join(file, 'inside'), { recursive: true });
    const ledger = createFileLedger(file);
    await ledger.update(add());
    expect(ledger.takeNotice()).toBe('unavailable');
    await ledger.update(add());
    expect(await ledger.update((entries) => entries.get(KEY)?.length)).toBe(2);
  });

  it('breaks a lock whose owner is gone, and one older than a lock lives', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    // A pid that cannot exist (above the kernel's limit).
    writeFileSync(`${file}.lock`, `4194400 ${Date.now()}`);
    const started = Date.now();
    await createFileLedger(file).update(add());
    writeFileSync(`${file}.lock`, `${process.pid} ${Date.now() - LEDGER_DEFAULTS.staleLockMs - 1000}`);
    await createFileLedger(file).update(add());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await countOf()).toBe(2);
  });

  it('treats a lock that its owner has created but not yet written as taken, not as abandoned', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    // Between open('wx') and the write of "pid time": empty. Breaking it would let two writers in.
    writeFileSync(`${file}.lock`, '');
    setTimeout(() => rmSync(`${file}.lock`), 300);
    const started = Date.now();
    await createFileLedger(file).update(add());
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await countOf()).toBe(1);
  });

  it('never removes a lock that another process took after its own was broken', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    const ledger = createFileLedger(file);
    const other = `${process.pid} ${Date.now()} other-owner`;
    await ledger.update((entries) => {
      // While we hold it, another process breaks our lock and takes its own.
      writeFileSync(`${file}.lock`, other);
      entries.set(KEY, [Date.now()]);
    });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(other);
    rmSync(`${file}.lock`);
  });

  it('waits for a live lock and goes on when it is released; never waits forever', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.lock`, `${process.pid} ${Date.now()}`);
    setTimeout(() => rmSync(`${file}.lock`), 300);
    let started = Date.now();
    await createFileLedger(file).update(add());
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);

    // A live owner that never lets go (a hung process): broken after lockWaitMs.
    writeFileSync(`${file}.lock`, `${process.pid} ${Date.now()}`);
    started = Date.now();
    await createFileLedger(file).update(add());
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(LEDGER_DEFAULTS.lockWaitMs);
    expect(waited).toBeLessThan(LEDGER_DEFAULTS.lockWaitMs + 2000);
    expect(await countOf()).toBe(2);
  });
});
