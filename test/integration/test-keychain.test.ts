// `mailsetup test --keychain`: the password saved with `mailsetup keychain set` signs in for real
// (Secret Service, Dovecot and Postfix), and appears in no output.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, cliJson, expectExit, runCli } from '../helpers/cli.js';
import { filesHolding, filesUnder, outputsHold } from '../helpers/secret-search.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';
import { type SecretServiceHandle, startSecretService } from '../peers/secret-service.js';

const IP = '127.0.8.2';
const ADDRESS = 'kai@kc.test';
const PASSWORD = 'Keychain-Only-Pässword-93';
const NAMES = ['imap.kc.test', 'smtp.kc.test'];

let keyring: SecretServiceHandle;
let dns: DnsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let work: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  keyring = await startSecretService();
  dns = await startDns({ authoritative: ['test'], a: Object.fromEntries(NAMES.map((name) => [name, [IP]])) });
  dovecot = await startDovecot({ ip: IP, users: [{ user: ADDRESS, password: PASSWORD }], certNames: NAMES });
  postfix = await startPostfix({ ip: IP, certNames: NAMES, dovecotAuthSocket: dovecot.authSocket });
  work = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-test-keychain-'));
  mkdirSync(path.join(work, 'tmp'));
  mkdirSync(path.join(work, 'exports'));
  env = { ...keyring.env, MAILSETUP_DATA_DIR: path.join(work, 'data'), TMPDIR: path.join(work, 'tmp') };
}, 90_000);

afterAll(async () => {
  await Promise.allSettled([postfix?.stop(), dovecot?.stop(), dns?.stop(), keyring?.stop()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('mailsetup test --keychain', () => {
  it('signs in with the saved password, which shows in no output', async () => {
    const saved = await runCli(['keychain', 'set', ADDRESS, '--label', 'CLI test', '--password-stdin'], {
      env,
      stdin: PASSWORD,
    });
    expectExit(saved, 0);
    const run = await runCli(
      [
        'test',
        ADDRESS,
        '--imap',
        'imap.kc.test:993/tls',
        '--smtp',
        'smtp.kc.test:465/tls',
        '--keychain',
        '--json',
      ],
      { env: { ...env, MAILSETUP_DNS: dns.server } },
    );
    expectExit(run, 0);
    const result = cliJson(run) as { ok: boolean; results: { auth: string }[] };
    expect(result.ok).toBe(true);
    expect(result.results.map((entry) => entry.auth)).toEqual(['ok', 'ok']);
    for (const output of [saved.stdout, saved.stderr, run.stdout, run.stderr]) {
      expect(output).not.toContain(PASSWORD);
      expect(output).not.toContain(Buffer.from(PASSWORD).toString('base64').replace(/=+$/, ''));
    }
    expect(await dovecot.failedLoginAttempts(ADDRESS)).toBe(0);
  });

  it('says how to save a password when none is saved (exit 2), and takes no second source', async () => {
    const none = await runCli(['test', 'nobody@kc.test', '--imap', 'imap.kc.test:993/tls', '--keychain'], {
      env,
    });
    expectExit(none, 2);
    expect(none.stderr).toContain('mailsetup keychain set nobody@kc.test');
    const both = await runCli(['test', ADDRESS, '--keychain', '--password-stdin'], { env, stdin: 'x' });
    expectExit(both, 2);
  });

  it('after detect, test, save, report and export as the app does them, the password is only in the keychain', async () => {
    const started = Date.now() - 1000;
    const servers = ['--imap', 'imap.kc.test:993/tls', '--smtp', 'smtp.kc.test:465/tls'];
    const withDns = { ...env, MAILSETUP_DNS: dns.server };
    const runs: CliRun[] = [];
    const record = async (args: string[], stdin?: string) => {
      const run = await runCli(args, { env: withDns, ...(stdin === undefined ? {} : { stdin }) });
      runs.push(run);
      return run;
    };
    await record(['detect', ADDRESS, '--json']);
    expectExit(await record(['test', ADDRESS, ...servers, '--password-stdin', '--json'], PASSWORD), 0);
    expectExit(await record(['keychain', 'set', ADDRESS, '--password-stdin'], PASSWORD), 0);
    expectExit(await record(['test', ADDRESS, ...servers, '--keychain']), 0);
    expectExit(await record(['report', ADDRESS, ...servers, '--password-stdin', '--json'], PASSWORD), 0);
    expectExit(await record(['report', ADDRESS, ...servers, '--password-stdin'], PASSWORD), 0);
    for (const [format, file] of [
      ['thunderbird', 'config.xml'],
      ['mobileconfig', 'profile.mobileconfig'],
      ['guide-outlook', 'guide.html'],
      ['guide-applemail', 'guide.pdf'],
    ] as const) {
      const out = path.join(work, 'exports', file);
      expectExit(await record(['export', ADDRESS, '--format', format, ...servers, '--out', out]), 0);
    }
    const searched = new Set([
      ...[path.join(work, 'data'), path.join(work, 'tmp'), path.join(work, 'exports')].flatMap((dir) =>
        filesUnder(dir),
      ),
      ...filesUnder(os.tmpdir(), started).filter((file) => !file.startsWith(keyring.home)),
    ]);
    // The searched places were really written: the index, the exports.
    expect([...searched].some((file) => file.includes('keychain-index'))).toBe(true);
    expect([...searched].filter((file) => file.includes(`${path.sep}exports${path.sep}`))).toHaveLength(4);
    expect(filesHolding([...searched], PASSWORD)).toEqual([]);
    expect(
      outputsHold(
        runs.flatMap((run) => [run.stdout, run.stderr]),
        PASSWORD,
      ),
    ).toBe(false);
  });
});
