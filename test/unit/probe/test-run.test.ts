// A whole test through the API: servers in parallel, the lockout guard, withheld passwords, localized
// messages, and a result with no trace of the password.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../core/api.js';
import { t } from '../../../core/messages/index.js';
import type { ServerSettings } from '../../../core/model.js';
import type { Net } from '../../../core/net/index.js';
import { LockoutGuard } from '../../../core/probe/lockout.js';
import { createMemoryLedger } from '../../../core/probe/lockout-ledger.js';
import { runConnectionTest, type TestRequest } from '../../../core/probe/test-run.js';
import {
  type Adversary,
  CREDENTIAL_COMMANDS,
  startAdversary,
  staticResolver,
} from '../../peers/adversaries.js';
import { issueCert, type KeyAndCert } from '../../peers/ca.js';

const IP = '127.0.5.4';
const HOST = 'mail.run.test';
const ADDRESS = 'bob@run.test';
const PASSWORD = 'right-password-42';
const net: Net = {
  resolver: staticResolver({ [HOST]: IP }),
  fetch: () => Promise.reject(new Error('no fetch in this test')),
  offline: false,
};

let cert: KeyAndCert;
const adversaries: Adversary[] = [];
let imap: Adversary;
let pop3: Adversary;
let smtp: Adversary;

beforeAll(async () => {
  cert = issueCert({ names: [HOST] });
  const start = async (behaviour: 'imap-ok' | 'pop3-ok' | 'smtp-ok', security: 'tls' | 'starttls') => {
    const adversary = await startAdversary({
      ip: IP,
      behaviour,
      tls: cert,
      security,
      login: { password: PASSWORD },
    });
    adversaries.push(adversary);
    return adversary;
  };
  imap = await start('imap-ok', 'tls');
  pop3 = await start('pop3-ok', 'starttls');
  smtp = await start('smtp-ok', 'starttls');
});
afterAll(async () => {
  await Promise.all(adversaries.map((adversary) => adversary.close()));
});

const server = (protocol: ServerSettings['protocol'], port: number, security: ServerSettings['security']) =>
  ({ protocol, host: HOST, port, security, username: ADDRESS, auth: 'password' }) satisfies ServerSettings;

function request(overrides: Partial<TestRequest> = {}): TestRequest & { servers: readonly ServerSettings[] } {
  return {
    address: ADDRESS,
    servers: [
      server('imap', imap.port, 'tls'),
      server('pop3', pop3.port, 'starttls'),
      server('smtp', smtp.port, 'starttls'),
    ],
    password: PASSWORD,
    timeoutMs: 3000,
    ...overrides,
  };
}

const forms = (password: string) => [
  password,
  Buffer.from(password).toString('base64'),
  Buffer.from(`\0${ADDRESS}\0${password}`).toString('base64'),
];

describe('runConnectionTest', () => {
  it('tests every server and reports each as CONTRACT.md says', async () => {
    const steps: string[] = [];
    const result = await createApi({ net, guard: new LockoutGuard(createMemoryLedger()) }).test(
      request({ onProgress: (progress) => steps.push(`${progress.protocol}:${progress.step}`) }),
    );
    expect(result.ok).toBe(true);
    expect(result.address).toBe(ADDRESS);
    expect(result.results.map((r) => [r.protocol, r.ok, r.auth])).toEqual([
      ['imap', true, 'ok'],
      ['pop3', true, 'ok'],
      ['smtp', true, 'ok'],
    ]);
    const first = result.results[0]!;
    expect(Object.keys(first)).toEqual([
      'protocol',
      'host',
      'port',
      'security',
      'username',
      'ok',
      'tls',
      'auth',
      'greeting',
      'capabilities',
      'transcript',
      'ms',
      'phases',
    ]);
    expect(first.phases).toMatchObject({
      dns: expect.any(Number),
      connect: expect.any(Number),
      tls: expect.any(Number),
      auth: expect.any(Number),
    });
    expect(steps).toContain('smtp:auth');
    const json = JSON.stringify(result);
    for (const form of forms(PASSWORD)) expect(json).not.toContain(form);
  });

  it('runs the servers in parallel: as long as the slowest, not the sum', async () => {
    const slow = await Promise.all(
      (['imap-ok', 'pop3-ok', 'smtp-ok'] as const).map((behaviour) =>
        startAdversary({
          ip: IP,
          behaviour,
          tls: cert,
          security: 'tls',
          login: { password: PASSWORD, delayMs: 400 },
        }),
      ),
    );
    try {
      const result = await runConnectionTest(
        request({
          servers: slow.map((a, i) => server((['imap', 'pop3', 'smtp'] as const)[i]!, a.port, 'tls')),
        }),
        { net, guard: new LockoutGuard(createMemoryLedger()) },
      );
      expect(result.ok).toBe(true);
      expect(Math.min(...result.results.map((r) => r.ms))).toBeGreaterThanOrEqual(400);
      expect(result.elapsedMs).toBeLessThan(800);
    } finally {
      await Promise.all(slow.map((a) => a.close()));
    }
  });

  it('localizes messages and fixes, by reason where there is one', async () => {
    const result = await runConnectionTest(request({ password: 'wrong-password', lang: 'de' }), {
      net,
      guard: new LockoutGuard(createMemoryLedger()),
    });
    expect(result.ok).toBe(false);
    for (const r of result.results) {
      expect(r.error).toMatchObject({
        code: 'auth-failed',
        message: t('de', 'error.auth-failed'),
        fix: t('de', 'error.auth-failed.fix'),
      });
      expect(Object.keys(r.error!)).toEqual(['code', 'message', 'fix', 'detail', 'phase']);
    }
  });

  it('the lockout guard refuses the fourth login until forced; the server sees exactly three, then four', async () => {
    const guard = new LockoutGuard(createMemoryLedger());
    const only = request({ servers: [server('imap', imap.port, 'tls')], password: 'wrong-password' });
    const before = imap.logins().length;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await runConnectionTest(only, { net, guard });
      expect(result.results[0]?.error?.code).toBe('auth-failed');
    }
    expect(imap.logins().length - before).toBe(3);

    const refused = (await runConnectionTest(only, { net, guard })).results[0]!;
    expect(refused).toMatchObject({
      ok: false,
      auth: 'not-attempted',
      error: { code: 'auth-locked', reason: 'lockout-guard', message: t('en', 'probe.lockout-guard') },
    });
    expect(refused.error?.detail).toMatch(/3 failed logins.*--force/);
    expect(refused.error?.fix).toContain('--force');
    // The connection and TLS were still checked and reported.
    expect(refused.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(imap.logins().length - before).toBe(3);

    const forced = (await runConnectionTest({ ...only, force: true }, { net, guard })).results[0]!;
    expect(forced).toMatchObject({ auth: 'failed', error: { code: 'auth-failed' } });
    expect(imap.logins().length - before).toBe(4);

    // The right password (forced past the guard) resets the count.
    const right = (await runConnectionTest({ ...only, password: PASSWORD, force: true }, { net, guard }))
      .results[0]!;
    expect(right.ok).toBe(true);
    expect((await runConnectionTest({ ...only, password: PASSWORD }, { net, guard })).ok).toBe(true);
  });

  it('does not send a password to a server whose settings say OAuth2 only', async () => {
    const fresh = await startAdversary({
      ip: IP,
      behaviour: 'imap-ok',
      tls: cert,
      security: 'tls',
      login: { password: PASSWORD },
    });
    try {
      const result = await runConnectionTest(
        request({ servers: [{ ...server('imap', fresh.port, 'tls'), auth: 'oauth2' }] }),
        { net, guard: new LockoutGuard(createMemoryLedger()) },
      );
      expect(result.results[0]).toMatchObject({
        ok: false,
        auth: 'not-attempted',
        error: { code: 'protocol-error', reason: 'oauth-only' },
      });
      expect(result.results[0]?.tls?.authorized).toBe(true);
      expect(fresh.received()).not.toMatch(CREDENTIAL_COMMANDS);
      expect(fresh.logins()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('sends nothing for a password with a line break (it would split the command)', async () => {
    const fresh = await startAdversary({ ip: IP, behaviour: 'smtp-ok', tls: cert, security: 'tls' });
    try {
      const result = await runConnectionTest(
        request({ servers: [server('smtp', fresh.port, 'tls')], password: 'abc\r\nQUIT' }),
        { net, guard: new LockoutGuard(createMemoryLedger()) },
      );
      expect(result.results[0]).toMatchObject({
        auth: 'not-attempted',
        error: { reason: 'password-characters' },
      });
      expect(fresh.received()).not.toMatch(CREDENTIAL_COMMANDS);
    } finally {
      await fresh.close();
    }
  });

  it('refuses an invalid address before any connection', async () => {
    await expect(
      runConnectionTest(request({ address: 'not an address' }), {
        net,
        guard: new LockoutGuard(createMemoryLedger()),
      }),
    ).rejects.toMatchObject({
      code: 'invalid-address',
    });
  });

  it('reports ok false for a mix of a passing and a failing server', async () => {
    const result = await runConnectionTest(
      request({ servers: [server('imap', imap.port, 'tls'), server('smtp', imap.port, 'tls')] }),
      { net, guard: new LockoutGuard(createMemoryLedger()) },
    );
    expect(result.results.map((r) => r.ok)).toEqual([true, false]);
    expect(result.ok).toBe(false);
  });
});
