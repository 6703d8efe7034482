// The diagnostics report against small mail servers in this process (127.0.6.61): with and without a
// password, masked and not. The servers are careless on purpose: they quote the password back in
// every answer, and the report must not carry it in any form.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerSettings } from '../../../core/model.js';
import { createNet, type Net } from '../../../core/net/index.js';
import { LockoutGuard } from '../../../core/probe/lockout.js';
import { createMemoryLedger } from '../../../core/probe/lockout-ledger.js';
import { buildReport } from '../../../core/report/build.js';
import { type Adversary, startAdversary, staticResolver } from '../../peers/adversaries.js';
import { issueCert } from '../../peers/ca.js';

const IP = '127.0.6.61';
const HOST = 'mail.report-unit.test';
const ADDRESS = 'jane.doe@report-unit.test';
const PASSWORD = 'Sup3r "secret" päss\\word';

let imap: Adversary;
let smtp: Adversary;
let net: Net;
let servers: ServerSettings[];

beforeAll(async () => {
  const tls = issueCert({ names: [HOST] });
  const login = { password: PASSWORD, echo: true };
  imap = await startAdversary({ ip: IP, behaviour: 'imap-ok', tls, security: 'tls', login });
  smtp = await startAdversary({ ip: IP, behaviour: 'smtp-ok', tls, security: 'starttls', login });
  net = { offline: false, resolver: staticResolver({ [HOST]: IP }), fetch: createNet().fetch };
  servers = [
    { protocol: 'imap', host: HOST, port: imap.port, security: 'tls', username: ADDRESS, auth: 'password' },
    {
      protocol: 'smtp',
      host: HOST,
      port: smtp.port,
      security: 'starttls',
      username: ADDRESS,
      auth: 'password',
    },
  ];
});
afterAll(async () => {
  await imap?.close();
  await smtp?.close();
});

/** Every form a password could take in a report: as is, JSON-escaped, base64, SASL PLAIN. */
function passwordForms(user: string, password: string): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return [
    password,
    JSON.stringify(password).slice(1, -1),
    b64(password),
    b64(`\0${user}\0${password}`),
    encodeURIComponent(password),
  ];
}

describe('buildReport', () => {
  it('with a password: one login per server, all facts, and no form of the password anywhere', async () => {
    const { report, text } = await buildReport(
      { address: ADDRESS, servers, password: PASSWORD },
      { net, guard: new LockoutGuard(createMemoryLedger()), clock: () => new Date('2026-01-02T03:04:05Z') },
    );
    expect(report).toMatchObject({
      report: 'mailsetup-diagnostics',
      version: 1,
      createdAt: '2026-01-02T03:04:05.000Z',
      app: { name: 'MailSetup Assistant', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
      system: { os: expect.any(String), release: expect.any(String), arch: expect.any(String) },
      address: ADDRESS,
      servers: 'given',
      detection: null,
      login: 'tested',
      ok: true,
    });
    expect(report.results.map((result) => [result.protocol, result.auth])).toEqual([
      ['imap', 'ok'],
      ['smtp', 'ok'],
    ]);
    expect(report.results[0]?.tls).toMatchObject({ authorized: true, certificate: { altNames: [HOST] } });
    // The careless servers did echo it: it was there to be cut out.
    expect(imap.logins()).toHaveLength(1);
    const everything = `${JSON.stringify(report)}\n${text}`;
    for (const form of passwordForms(ADDRESS, PASSWORD)) expect(everything).not.toContain(form);
    expect(text).toContain('SHA-256 fingerprint:');
    expect(text).toContain('Transcript (passwords are never shown):');
    expect(text).toContain('Result: all 2 servers work.');
  });

  it('without a password: connection, TLS and certificate only; nobody signs in', async () => {
    const before = imap.logins().length + smtp.logins().length;
    const { report, text } = await buildReport(
      { address: ADDRESS, servers, lang: 'de' },
      { net, guard: new LockoutGuard(createMemoryLedger()) },
    );
    expect(report.login).toBe('no-password');
    expect(report.results.every((result) => result.auth === 'not-attempted' && result.ok)).toBe(true);
    expect(report.results[1]?.tls?.certificate?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(imap.logins().length + smtp.logins().length).toBe(before);
    expect(text).toContain('Nur Verbindung und Verschlüsselung');
    expect(text).toContain('Anmeldung: nicht versucht');
  });

  it('masked: neither the address nor its domain remain, in the JSON or the text', async () => {
    const { report, text } = await buildReport(
      { address: ADDRESS, servers, password: PASSWORD, maskAddress: true },
      { net, guard: new LockoutGuard(createMemoryLedger()) },
    );
    expect(report).toMatchObject({ address: 'j***@r***.test', masked: true });
    expect(report.results[0]?.host).toBe('mail.r***.test');
    const everything = `${JSON.stringify(report)}\n${text}`;
    expect(everything).not.toMatch(/jane|doe|report-unit/i);
    for (const form of passwordForms(ADDRESS, PASSWORD)) expect(everything).not.toContain(form);
  });

  it('an address outside the policy’s domains: the report says so instead of checking', async () => {
    const policy = { allowedDomains: ['corp.example'], presets: [] };
    const { report, text } = await buildReport(
      { address: ADDRESS, servers },
      {
        net,
        guard: new LockoutGuard(createMemoryLedger()),
        policy: { file: '/etc/mailsetup/policy.json', origin: 'machine', policy },
      },
    );
    expect(report).toMatchObject({
      ok: false,
      results: [],
      error: { code: 'policy-domain-not-allowed' },
      policy: {
        file: '/etc/mailsetup/policy.json',
        origin: 'machine',
        allowedDomains: ['corp.example'],
        preset: false,
      },
    });
    expect(text).toContain("Your administrator's policy does not allow setting up addresses of this domain.");
  });
});
