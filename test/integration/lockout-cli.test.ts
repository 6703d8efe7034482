// The lockout count across processes (issue 11's "Done when"): `mailsetup test` runs in a row, each its
// own process, with a wrong password against a real Dovecot on 127.0.11.10, the ledger in a temporary
// data folder (MAILSETUP_DATA_DIR). Dovecot's own log is the witness for how many logins reached it.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestResult } from '../../core/api.js';
import { type CliRun, runCli } from '../helpers/cli.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';

const IP = '127.0.11.10';
const DOMAIN = 'lockout.test';
const MAIL_HOST = `mail.${DOMAIN}`;
const users = ['erin', 'fred', 'gina', 'hank', 'iris'].map((name) => ({
  user: `${name}@${DOMAIN}`,
  password: `${name}s-right-password`,
}));
const [erin, fred, gina, hank, iris] = users as [
  (typeof users)[0],
  (typeof users)[0],
  (typeof users)[0],
  (typeof users)[0],
  (typeof users)[0],
];
const WRONG = 'a-wrong-password';

let dns: DnsHandle;
let dovecot: DovecotHandle;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-lockout-cli-'));
  dns = await startDns({ authoritative: ['test'], a: { [MAIL_HOST]: [IP] } });
  dovecot = await startDovecot({ ip: IP, users, certNames: [MAIL_HOST] });
});
afterAll(async () => {
  await dovecot?.stop();
  await dns?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const IMAP = ['--imap', `${MAIL_HOST}:993/tls`];
const POP3 = ['--pop3', `${MAIL_HOST}:995/tls`];

function test(user: string, password: string, args: string[] = [...IMAP, '--json']): Promise<CliRun> {
  return runCli(['test', user, ...args, '--password-stdin', '--dns', dns.server], {
    stdin: password,
    env: { MAILSETUP_DATA_DIR: dataDir },
  });
}

function json(run: CliRun): TestResult {
  return JSON.parse(run.stdout) as TestResult;
}

const ledgerFile = () => path.join(dataDir, 'lockout-ledger.json');

describe('mailsetup test, one process per run, against Dovecot', () => {
  it('five runs with a wrong password: three logins reach the server, runs 4 and 5 are refused with the expiry; --force sends one more', async () => {
    const runs: CliRun[] = [];
    for (let run = 1; run <= 5; run++) runs.push(await test(erin.user, WRONG));
    expect(runs.map((run) => run.code)).toEqual([4, 4, 4, 4, 4]);
    expect(runs.map((run) => json(run).results[0]?.error?.code)).toEqual([
      'auth-failed',
      'auth-failed',
      'auth-failed',
      'auth-locked',
      'auth-locked',
    ]);
    expect(await dovecot.failedLoginAttempts(erin.user)).toBe(3);

    for (const run of runs.slice(3)) {
      const result = json(run);
      expect(result.results[0]).toMatchObject({
        auth: 'not-attempted',
        error: { code: 'auth-locked', reason: 'lockout-guard' },
      });
      // The connection and TLS were still checked.
      expect(result.results[0]?.tls?.authorized).toBe(true);
      expect(result.lockout).toMatchObject({
        failures: 3,
        limit: 3,
        windowMinutes: 60,
        skipped: [{ protocol: 'imap', host: MAIL_HOST, port: 993 }],
      });
      expect(result.lockout?.message).not.toContain('Not tried');
      const expires = Date.parse(result.lockout?.expiresAt ?? '');
      expect(expires - Date.now()).toBeGreaterThan(55 * 60_000);
      expect(expires - Date.now()).toBeLessThanOrEqual(60 * 60_000);
      expect(result.results[0]?.error?.detail).toContain(`the count expires at ${result.lockout?.expiresAt}`);
    }

    // The same refusal for people: the count and when it expires, in words.
    const text = await test(erin.user, WRONG, IMAP);
    expect(text.code).toBe(4);
    expect(text.stdout).toContain(`✗ ${'MailSetup Assistant did not sign in, to protect your account'}`);
    expect(text.stdout).toMatch(
      /3 failed sign-ins counted for this account in the last 60 minutes; up to 3 are tried without your confirmation\. The count expires at \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\./,
    );
    expect(await dovecot.failedLoginAttempts(erin.user)).toBe(3);

    const forced = await test(erin.user, WRONG, [...IMAP, '--json', '--force']);
    expect(forced.code).toBe(4);
    expect(json(forced).results[0]?.error?.code).toBe('auth-failed');
    expect(json(forced).lockout?.failures).toBe(4);
    expect(await dovecot.failedLoginAttempts(erin.user)).toBe(4);

    // The ledger holds hashes and times: no address, no host, no domain.
    const ledger = readFileSync(ledgerFile(), 'utf8');
    for (const clear of ['erin', DOMAIN, 'mail.']) expect(ledger).not.toContain(clear);
    expect(readdirSync(dataDir).filter((name) => name.includes('lockout'))).toEqual(['lockout-ledger.json']);
  });

  it('two runs at once are both counted', async () => {
    const together = await Promise.all([test(fred.user, WRONG), test(fred.user, WRONG)]);
    expect(together.map((run) => json(run).results[0]?.error?.code)).toEqual(['auth-failed', 'auth-failed']);
    expect(await dovecot.failedLoginAttempts(fred.user)).toBe(2);
    // One login left: the third run goes out, the fourth does not.
    const third = json(await test(fred.user, WRONG));
    expect(third.results[0]?.error?.code).toBe('auth-failed');
    expect(third.lockout?.failures).toBe(3);
    expect(json(await test(fred.user, WRONG)).results[0]?.error?.code).toBe('auth-locked');
    expect(await dovecot.failedLoginAttempts(fred.user)).toBe(3);
  });

  it('with fewer logins left than servers, IMAP goes first and the run says what it skipped', async () => {
    const both = [...IMAP, ...POP3, '--json'];
    const first = json(await test(gina.user, WRONG, both));
    expect(first.results.map((result) => result.error?.code)).toEqual(['auth-failed', 'auth-failed']);
    expect(first.lockout?.failures).toBe(2);
    const second = json(await test(gina.user, WRONG, both));
    expect(
      second.results.map((result) => [result.protocol, result.error?.code, result.error?.reason]),
    ).toEqual([
      ['imap', 'auth-failed', undefined],
      ['pop3', 'auth-locked', 'lockout-guard'],
    ]);
    expect(second.lockout?.skipped).toEqual([{ protocol: 'pop3', host: MAIL_HOST, port: 995 }]);
    expect(second.lockout?.message).toContain(`Not tried, to stay below the limit`);
    expect(second.lockout?.message).toContain(`POP3 ${MAIL_HOST}:995`);
    expect(await dovecot.failedLoginAttempts(gina.user, 'imap')).toBe(2);
    expect(await dovecot.failedLoginAttempts(gina.user, 'pop3')).toBe(1);
  });

  it('a successful login clears the count', async () => {
    await test(hank.user, WRONG);
    await test(hank.user, WRONG);
    const right = json(await test(hank.user, hank.password));
    expect(right.ok).toBe(true);
    expect(right.lockout).toMatchObject({ failures: 0 });
    const again = [await test(hank.user, WRONG), await test(hank.user, WRONG), await test(hank.user, WRONG)];
    expect(again.map((run) => json(run).results[0]?.error?.code)).toEqual([
      'auth-failed',
      'auth-failed',
      'auth-failed',
    ]);
    expect(await dovecot.failedLoginAttempts(hank.user)).toBe(5);
  });

  it('a corrupt ledger is replaced, and the run says so once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-lockout-corrupt-'));
    try {
      writeFileSync(path.join(dir, 'lockout-ledger.json'), '{"format": "mailsetup-lockout-ledger", "ver');
      const env = { MAILSETUP_DATA_DIR: dir };
      const run = (args: string[]) =>
        runCli(['test', iris.user, ...IMAP, ...args, '--password-stdin', '--dns', dns.server], {
          stdin: WRONG,
          env,
        });
      const first = await run([]);
      expect(first.code).toBe(4);
      expect(first.stdout).toContain('1 failed sign-ins counted');
      expect(first.stdout).toContain('was damaged or unreadable and has been replaced');
      const second = json(await run(['--json']));
      expect(second.lockout).toMatchObject({ failures: 2 });
      expect(second.lockout).not.toHaveProperty('ledger');
      expect(JSON.parse(readFileSync(path.join(dir, 'lockout-ledger.json'), 'utf8'))).toMatchObject({
        format: 'mailsetup-lockout-ledger',
        version: 1,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
