// The guess source against real Dovecot and Postfix: it must find them by their usual names, prove
// each with verified TLS and the right greeting, and never log in.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../core/model.js';
import { cliJson, expectExit, runCli } from '../helpers/cli.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';

const MAIL_IP = '127.0.4.20';
const WRONG_CERT_IP = '127.0.4.21';

let dns: DnsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let impostor: DovecotHandle;

beforeAll(async () => {
  dns = await startDns({
    authoritative: ['test'],
    a: {
      'imap.guess.test': [MAIL_IP],
      'mail.guess.test': [MAIL_IP],
      'smtp.guess.test': [MAIL_IP],
      'pop3.guess.test': [MAIL_IP],
      // A real IMAP server whose certificate names someone else: it must not count.
      'imap.wrongcert.test': [WRONG_CERT_IP],
      'smtp.wrongcert.test': [MAIL_IP],
    },
  });
  const names = [
    'imap.guess.test',
    'mail.guess.test',
    'smtp.guess.test',
    'pop3.guess.test',
    'smtp.wrongcert.test',
  ];
  dovecot = await startDovecot({
    ip: MAIL_IP,
    users: [{ user: 'anna@guess.test', password: 'unused' }],
    certNames: names,
  });
  postfix = await startPostfix({ ip: MAIL_IP, certNames: names, dovecotAuthSocket: dovecot.authSocket });
  impostor = await startDovecot({ ip: WRONG_CERT_IP, users: [], certNames: ['mail.elsewhere.test'] });
}, 90_000);

afterAll(async () => {
  await Promise.allSettled([postfix?.stop(), dovecot?.stop(), impostor?.stop()]);
  await dns?.stop();
});

describe('guess with real Dovecot and Postfix', () => {
  it('finds IMAP, POP3 and SMTP by their usual names, best first, without logging in', async () => {
    const run = await runCli(['detect', 'anna@guess.test', '--json', '--dns', dns.server], {
      env: { MAILSETUP_ISPDB_URL: 'https://ispdb.invalid.test/v1.1/' },
    });
    expectExit(run, 0);
    const result = cliJson(run) as DetectResult;
    expect(result.source).toBe('guess');
    expect(result.incoming[0]).toEqual({
      protocol: 'imap',
      host: 'imap.guess.test',
      port: 993,
      security: 'tls',
      username: 'anna@guess.test',
      auth: 'password',
    });
    const incoming = result.incoming.map((server) => `${server.protocol}:${server.host}:${server.port}`);
    expect(incoming).toEqual(
      expect.arrayContaining(['imap:imap.guess.test:143', 'pop3:pop3.guess.test:995']),
    );
    expect(incoming.indexOf('imap:imap.guess.test:143')).toBeLessThan(
      incoming.indexOf('pop3:pop3.guess.test:995'),
    );
    const outgoing = result.outgoing.map((server) => `${server.host}:${server.port}/${server.security}`);
    expect(outgoing).toEqual(
      expect.arrayContaining(['smtp.guess.test:465/tls', 'smtp.guess.test:587/starttls']),
    );
    expect(await dovecot.loginAttempts()).toEqual([]);
  });

  it('ignores a server whose certificate is not valid for the name it was reached by', async () => {
    const run = await runCli(['detect', 'bert@wrongcert.test', '--json', '--dns', dns.server], {
      env: { MAILSETUP_ISPDB_URL: 'https://ispdb.invalid.test/v1.1/' },
    });
    const result = cliJson(run) as DetectResult;
    expect(result.incoming.map((server) => server.host)).not.toContain('imap.wrongcert.test');
    expect(result.found).toBe(false);
    const rejected = result.lookups.find((lookup) => lookup.target.includes('imap.wrongcert.test:993'));
    expect(rejected?.detail ?? '').toMatch(/certificate-hostname-mismatch/);
  });
});
