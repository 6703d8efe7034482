// The connection test against real servers on 127.0.5.x: Dovecot (IMAP and POP3, ssl=required, TLS
// 1.2 minimum, no plain-text auth) and Postfix (465 wrapper mode, 587 with STARTTLS required and AUTH
// only inside TLS, SASL through Dovecot), names from dnsmasq. Core directly, and the built CLI end to
// end. Dovecot's own log is the witness for how many logins reached it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestResult } from '../../core/api.js';
import type { ServerSettings } from '../../core/model.js';
import { createNet, type Net } from '../../core/net/index.js';
import { LockoutGuard } from '../../core/probe/lockout.js';
import { createMemoryLedger } from '../../core/probe/lockout-ledger.js';
import { runConnectionTest } from '../../core/probe/test-run.js';
import { type CliRun, cliJson, expectExit, runCli } from '../helpers/cli.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';

const IP = '127.0.5.10';
const DOMAIN = 'conntest.test';
const MAIL_HOST = `mail.${DOMAIN}`;
const alice = { user: `alice@${DOMAIN}`, password: 'c0rrect "horse" \\ battery:staple' };
const bob = { user: `bob@${DOMAIN}`, password: 'bobs-secret-password' };
const carol = { user: `carol@${DOMAIN}`, password: 'carols-secret-password' };
const dave = { user: `dave@${DOMAIN}`, password: 'daves-secret-password' };
const jorg = { user: 'jörg@müller.test', password: 'pässwörd-mit-ümlauten' };

const ALL_SERVERS: [ServerSettings['protocol'], number, ServerSettings['security']][] = [
  ['imap', 993, 'tls'],
  ['imap', 143, 'starttls'],
  ['pop3', 995, 'tls'],
  ['pop3', 110, 'starttls'],
  ['smtp', 465, 'tls'],
  ['smtp', 587, 'starttls'],
];

let dns: DnsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let net: Net;

beforeAll(async () => {
  dns = await startDns({
    authoritative: ['test'],
    a: { [MAIL_HOST]: [IP] },
    srv: {
      [`_imaps._tcp.${DOMAIN}`]: [{ target: MAIL_HOST, port: 993, priority: 0, weight: 1 }],
      [`_submissions._tcp.${DOMAIN}`]: [{ target: MAIL_HOST, port: 465, priority: 0, weight: 1 }],
    },
  });
  dovecot = await startDovecot({ ip: IP, users: [alice, bob, carol, dave, jorg], certNames: [MAIL_HOST] });
  postfix = await startPostfix({ ip: IP, certNames: [MAIL_HOST], dovecotAuthSocket: dovecot.authSocket });
  net = createNet({ dns: dns.server });
});
afterAll(async () => {
  net?.resolver.cancel();
  await postfix?.stop();
  await dovecot?.stop();
  await dns?.stop();
});

const server = (
  username: string,
  [protocol, port, security]: (typeof ALL_SERVERS)[number],
): ServerSettings => ({ protocol, host: MAIL_HOST, port, security, username, auth: 'password' });

function leakForms(user: string, password: string): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return [password, JSON.stringify(password).slice(1, -1), b64(password), b64(`\0${user}\0${password}`)];
}

function expectNoPassword(text: string, user: string, password: string): void {
  for (const form of leakForms(user, password)) expect(text).not.toContain(form);
}

describe('with the right password', () => {
  it('signs in on IMAP 993 and 143, POP3 995 and 110, SMTP 465 and 587, three at once', async () => {
    // Six logins at one provider at once are more than the lockout count lets go out unconfirmed (a
    // wrong password would fail six times): two tests of three, each cleared by its success.
    const guard = new LockoutGuard(createMemoryLedger());
    const halves = [];
    for (const half of [ALL_SERVERS.slice(0, 3), ALL_SERVERS.slice(3)]) {
      halves.push(
        await runConnectionTest(
          {
            address: alice.user,
            servers: half.map((entry) => server(alice.user, entry)),
            password: alice.password,
          },
          { net, guard },
        ),
      );
    }
    const result = {
      ...halves[0]!,
      results: halves.flatMap((half) => half.results),
      ok: halves.every((half) => half.ok),
    };
    for (const entry of result.results) {
      expect({ port: entry.port, error: entry.error }).toEqual({ port: entry.port, error: undefined });
      expect(entry).toMatchObject({ ok: true, auth: 'ok' });
      expect(entry.tls).toMatchObject({ authorized: true, version: expect.stringMatching(/^TLSv1\.[23]$/) });
      expect(entry.tls?.certificate?.altNames).toContain(MAIL_HOST);
      expect(entry.phases).toMatchObject({
        dns: expect.any(Number),
        connect: expect.any(Number),
        tls: expect.any(Number),
        auth: expect.any(Number),
      });
      expect(entry.transcript.some((line) => /^C: .*\*\*\*\*/.test(line))).toBe(true);
    }
    expect(result.ok).toBe(true);
    expectNoPassword(JSON.stringify(result), alice.user, alice.password);
    const attempts = (await dovecot.loginAttempts()).filter((attempt) => attempt.user === alice.user);
    expect(attempts.map((attempt) => `${attempt.service}:${attempt.ok}`).sort()).toEqual([
      'imap:true',
      'imap:true',
      'pop3:true',
      'pop3:true',
      'smtp:true',
      'smtp:true',
    ]);
  });

  it('signs in with a UTF-8 user name and password (AUTHENTICATE PLAIN, AUTH PLAIN)', async () => {
    const result = await runConnectionTest(
      {
        address: jorg.user,
        servers: [server(jorg.user, ALL_SERVERS[0]!), server(jorg.user, ALL_SERVERS[5]!)],
        password: jorg.password,
      },
      { net, guard: new LockoutGuard(createMemoryLedger()) },
    );
    expect(result.results.map((entry) => [entry.auth, entry.error?.detail])).toEqual([
      ['ok', undefined],
      ['ok', undefined],
    ]);
  });
});

describe('with a wrong password', () => {
  it('IMAP: auth-failed in Dovecot’s words, and Dovecot saw exactly one attempt', async () => {
    const result = await runConnectionTest(
      { address: bob.user, servers: [server(bob.user, ALL_SERVERS[0]!)], password: 'not-bobs-password' },
      { net, guard: new LockoutGuard(createMemoryLedger()) },
    );
    expect(result.results[0]).toMatchObject({
      ok: false,
      auth: 'failed',
      error: { code: 'auth-failed', phase: 'auth' },
    });
    expect(result.results[0]?.error?.detail).toContain('[AUTHENTICATIONFAILED]');
    expect(await dovecot.failedLoginAttempts(bob.user)).toBe(1);
    expect(await dovecot.failedLoginAttempts(bob.user, 'imap')).toBe(1);
  });

  it('POP3 and SMTP: auth-failed, one attempt each', async () => {
    const result = await runConnectionTest(
      {
        address: bob.user,
        servers: [server(bob.user, ALL_SERVERS[3]!), server(bob.user, ALL_SERVERS[5]!)],
        password: 'still-not-bobs-password',
      },
      { net, guard: new LockoutGuard(createMemoryLedger()) },
    );
    expect(result.results.map((entry) => entry.error?.code)).toEqual(['auth-failed', 'auth-failed']);
    expect(result.results[1]?.error?.detail).toMatch(/^535 5\.7\.8/);
    expect(await dovecot.failedLoginAttempts(bob.user, 'pop3')).toBe(1);
    expect(await dovecot.failedLoginAttempts(bob.user, 'smtp')).toBe(1);
  });
});

describe('the lockout guard', () => {
  it('refuses the fourth attempt without --force (Dovecot still at three) and allows it with force', async () => {
    const guard = new LockoutGuard(createMemoryLedger());
    const test = (force: boolean) =>
      runConnectionTest(
        {
          address: carol.user,
          servers: [server(carol.user, ALL_SERVERS[0]!)],
          password: 'wrong-for-carol',
          force,
        },
        { net, guard },
      );
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await test(false)).results[0]?.error?.code).toBe('auth-failed');
      expect(await dovecot.failedLoginAttempts(carol.user)).toBe(attempt);
    }
    const refused = (await test(false)).results[0]!;
    expect(refused).toMatchObject({
      auth: 'not-attempted',
      error: { code: 'auth-locked', reason: 'lockout-guard' },
    });
    expect(refused.tls?.authorized).toBe(true);
    expect(await dovecot.failedLoginAttempts(carol.user)).toBe(3);
    const forced = (await test(true)).results[0]!;
    expect(forced).toMatchObject({ auth: 'failed', error: { code: 'auth-failed' } });
    expect(await dovecot.failedLoginAttempts(carol.user)).toBe(4);
  });
});

describe('mailsetup test (the built CLI)', () => {
  const flags = [
    '--imap',
    `${MAIL_HOST}:993/tls`,
    '--pop3',
    `${MAIL_HOST}:110/starttls`,
    '--smtp',
    `${MAIL_HOST}:587/starttls`,
  ];
  const cli = (args: string[], stdin?: string): Promise<CliRun> =>
    runCli(['test', dave.user, ...args, '--dns', dns.server], stdin === undefined ? {} : { stdin });

  function expectClean(run: CliRun, password: string): void {
    expectNoPassword(run.stdout, dave.user, password);
    expectNoPassword(run.stderr, dave.user, password);
  }

  it('passes with the right password: JSON only on stdout, exit 0', async () => {
    const run = await cli([...flags, '--password-stdin', '--json'], `${dave.password}\n`);
    expect(run.stderr).toBe('');
    expectExit(run, 0);
    const result = cliJson(run) as TestResult;
    expect(result.ok).toBe(true);
    expect(result.results.map((entry) => [entry.protocol, entry.port, entry.auth])).toEqual([
      ['imap', 993, 'ok'],
      ['pop3', 110, 'ok'],
      ['smtp', 587, 'ok'],
    ]);
    expectClean(run, dave.password);
  });

  it('fails with a wrong password: exit 4, auth-failed per server, one attempt each', async () => {
    const wrong = 'daves-wrong-password';
    const before = await dovecot.failedLoginAttempts(dave.user);
    const run = await cli([...flags, '--password-stdin', '--json'], wrong);
    expectExit(run, 4);
    const result = cliJson(run) as TestResult;
    expect(result.results.map((entry) => entry.error?.code)).toEqual([
      'auth-failed',
      'auth-failed',
      'auth-failed',
    ]);
    expect(result.results[0]?.error?.message).toBe('The server rejected the user name or password.');
    expect((await dovecot.failedLoginAttempts(dave.user)) - before).toBe(3);
    expectClean(run, wrong);
  });

  it('prints a checklist without --json, in the chosen language', async () => {
    // The wrong password above used up the three logins that go out unconfirmed: --force confirms.
    const english = await cli([...flags, '--password-stdin', '--force'], dave.password);
    expectExit(english, 0);
    expect(english.stdout).toContain(`Testing ${dave.user}`);
    expect(english.stdout).toMatch(/IMAP mail\.conntest\.test:993 SSL\/TLS/);
    expect(english.stdout).toMatch(/✓ Connected \(\d+ ms\)/);
    expect(english.stdout).toMatch(/✓ Encrypted with TLSv1\.[23] \(\S+\)/);
    expect(english.stdout).toMatch(/✓ Certificate valid until .+ for mail\.conntest\.test/);
    expect(english.stdout).toContain('✓ Signed in');
    expect(english.stdout).toContain('All 3 servers work');
    expectClean(english, dave.password);

    const german = await cli(
      ['--imap', `${MAIL_HOST}:143/starttls`, '--password-stdin', '--lang', 'de'],
      'falsch-falsch',
    );
    expectExit(german, 4);
    expect(german.stdout).toContain('✓ Verschlüsselt mit TLSv1.');
    expect(german.stdout).toContain('✗ Der Server hat Benutzername oder Passwort abgelehnt.');
    expect(german.stdout).toContain('Was tun:');
    expect(german.stdout).toContain('Einzelheiten: ');
    expect(german.stdout).toContain('1 von 1 Servern fehlgeschlagen');
    expectClean(german, 'falsch-falsch');
  });

  it('takes the servers from detection when no server flag is given', async () => {
    const run = await runCli(
      ['test', alice.user, '--password-stdin', '--json', '--dns', dns.server, '--timeout', '5'],
      {
        stdin: alice.password,
        env: { MAILSETUP_ISPDB_URL: 'https://ispdb.conntest.test/v1.1/' },
      },
    );
    expect(run.stderr).toBe('');
    const result = cliJson(run) as TestResult & { detection: { source: string } };
    expect(result.detection.source).toBe('srv');
    expect(result.results.map((entry) => [entry.protocol, entry.host, entry.port, entry.ok])).toEqual([
      ['imap', MAIL_HOST, 993, true],
      ['smtp', MAIL_HOST, 465, true],
    ]);
    expectExit(run, 0);
    expectClean(run, alice.password);
  });

  it('never takes a password as an argument, and does not repeat one back', async () => {
    const missing = await cli(flags);
    expectExit(missing, 2);
    expect(missing.stderr).toContain('--password-stdin');
    for (const args of [
      ['--password', 'hunter2-secret'],
      ['--password=hunter2-secret'],
      ['hunter2-secret'],
    ]) {
      const run = await cli([...flags, ...args]);
      expectExit(run, 2);
      expect(run.stderr).toContain('never given as an argument');
      expect(`${run.stdout}${run.stderr}`).not.toContain('hunter2-secret');
    }
    const keychain = await cli([...flags, '--keychain', '--password-stdin'], 'x');
    expectExit(keychain, 2);
    expect(keychain.stderr).toContain('--keychain');
    const empty = await cli([...flags, '--password-stdin'], '\n');
    expectExit(empty, 2);
    const badServer = await cli(['--imap', `${MAIL_HOST}:993/plain`, '--password-stdin'], 'x');
    expectExit(badServer, 2);
  });
});
