// mailsetup report through the built CLI on a test internet (127.0.6.20-39): settings from the
// domain's autoconfig, mail servers that quote the password back (careless on purpose). The report
// carries the look-ups, TLS facts, certificates and transcripts, the system and the app version;
// masked, no trace of the address; never, in any form, the password.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticsReport } from '../../core/api.js';
import { type CliRun, cliJson, expectExit, runCli } from '../helpers/cli.js';
import { configXml } from '../helpers/config-xml.js';
import { type Adversary, startAdversary } from '../peers/adversaries.js';
import { issueCert } from '../peers/ca.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';

const IP = { mail: '127.0.6.20', autoconfig: '127.0.6.21' };
const DOMAIN = 'report.test';
const MAIL = `mail.${DOMAIN}`;
const ADDRESS = `jane.doe@${DOMAIN}`;
const PASSWORD = 'Päss "word" \\ with:colon 42';

let dns: DnsHandle;
let web: HttpsHostsHandle;
let imap: Adversary;
let smtp: Adversary;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-report-cli-'));
  env = { XDG_CONFIG_HOME: dir, MAILSETUP_ISPDB_URL: 'https://ispdb.test/v1.1/', MAILSETUP_POLICY: '' };
  const tls = issueCert({ names: [MAIL] });
  const login = { password: PASSWORD, echo: true };
  imap = await startAdversary({ ip: IP.mail, behaviour: 'imap-ok', tls, security: 'tls', login });
  smtp = await startAdversary({ ip: IP.mail, behaviour: 'smtp-ok', tls, security: 'starttls', login });
  dns = await startDns({
    authoritative: ['test'],
    a: { [MAIL]: [IP.mail], [`autoconfig.${DOMAIN}`]: [IP.autoconfig] },
  });
  web = await startHttpsHosts({
    [`autoconfig.${DOMAIN}`]: {
      ip: IP.autoconfig,
      routes: {
        '/mail/config-v1.1.xml': () => ({
          body: configXml(DOMAIN, [
            { type: 'imap', host: MAIL, port: imap.port, socketType: 'SSL' },
            { type: 'smtp', host: MAIL, port: smtp.port, socketType: 'STARTTLS' },
          ]),
        }),
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await web?.stop();
  await dns?.stop();
  await imap?.close();
  await smtp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function report(args: string[], stdin = ''): Promise<CliRun> {
  return runCli(['report', ...args, '--dns', dns.server], { env, stdin });
}

/** Every form the password could take: as is, JSON-escaped, base64, SASL PLAIN, URL-encoded. */
function passwordForms(): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return [
    PASSWORD,
    JSON.stringify(PASSWORD).slice(1, -1),
    b64(PASSWORD),
    b64(`\0${ADDRESS}\0${PASSWORD}`),
    encodeURIComponent(PASSWORD),
    'Päss',
  ];
}

function expectNoPassword(run: CliRun): void {
  for (const form of passwordForms()) {
    expect(run.stdout).not.toContain(form);
    expect(run.stderr).not.toContain(form);
  }
}

describe('mailsetup report', () => {
  it('with --password-stdin: detection, each login, TLS facts, certificate, transcript; no password', async () => {
    const run = await report([ADDRESS, '--json', '--password-stdin'], `${PASSWORD}\n`);
    expect(run.stderr).toBe('');
    expectExit(run, 0);
    const result = cliJson(run) as DiagnosticsReport;
    expect(result).toMatchObject({
      report: 'mailsetup-diagnostics',
      app: { name: 'MailSetup Assistant', version: '0.1.0' },
      system: { os: 'Linux', arch: process.arch, node: process.versions.node },
      address: ADDRESS,
      masked: false,
      policy: null,
      servers: 'detected',
      login: 'tested',
      ok: true,
      detection: { found: true, source: 'autoconfig', trusted: true },
    });
    expect(result.detection?.lookups).toContainEqual(
      expect.objectContaining({
        source: 'autoconfig',
        outcome: 'found',
        target: expect.stringContaining(`https://autoconfig.${DOMAIN}/`),
      }),
    );
    expect(result.results.map((entry) => [entry.protocol, entry.auth, entry.tls?.authorized])).toEqual([
      ['imap', 'ok', true],
      ['smtp', 'ok', true],
    ]);
    expect(result.results[1]?.tls?.certificate).toMatchObject({ subject: MAIL, altNames: [MAIL] });
    expect(result.results[0]?.transcript).toContainEqual('C: ****');
    // The careless servers quoted the password back; the report does not.
    expect(imap.logins().at(-1)?.password).toBe(PASSWORD);
    expectNoPassword(run);
  });

  it('as text, without a password: connection and TLS only, nobody signs in', async () => {
    const logins = imap.logins().length + smtp.logins().length;
    const run = await report([ADDRESS]);
    expectExit(run, 0);
    expect(run.stdout).toContain('MailSetup Assistant diagnostics report');
    expect(run.stdout).toContain(`App: MailSetup Assistant 0.1.0`);
    expect(run.stdout).toContain(`Address: ${ADDRESS}`);
    expect(run.stdout).toContain('Found in: ');
    expect(run.stdout).toMatch(/autoconfig +found +\d+ ms +https:\/\/autoconfig\.report\.test\//);
    expect(run.stdout).toContain('Connection and encryption only: no password was given');
    expect(run.stdout).toContain(`[OK] IMAP ${MAIL}:${imap.port} SSL/TLS`);
    expect(run.stdout).toContain(`[OK] SMTP ${MAIL}:${smtp.port} STARTTLS`);
    expect(run.stdout).toMatch(/SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(run.stdout).toContain('Sign-in: not tried');
    expect(run.stdout).toContain(
      'Result: all 2 servers answered with valid encryption (sign-in not tested).',
    );
    expect(imap.logins().length + smtp.logins().length).toBe(logins);
  });

  it('--mask-address: j***@r***.test, and no trace of the address or its domain, text and JSON', async () => {
    for (const format of [[], ['--json']]) {
      const run = await report([ADDRESS, '--mask-address', '--password-stdin', ...format], PASSWORD);
      expectExit(run, 0);
      expect(run.stdout).toContain('j***@r***.test');
      expect(run.stdout).toContain(`mail.r***.test`);
      expect(run.stdout).not.toMatch(/jane|doe|report\.test|report%2Etest/i);
      expectNoPassword(run);
    }
  });

  it('in German, with servers given by hand', async () => {
    const run = await report([ADDRESS, '--lang', 'de', '--imap', `${MAIL}:${imap.port}/tls`]);
    expectExit(run, 0);
    expect(run.stdout).toContain('MailSetup Assistant – Diagnosebericht');
    expect(run.stdout).toContain('Server von Hand angegeben; es wurde nichts ermittelt.');
    expect(run.stdout).toContain('Anmeldung: nicht versucht');
  });

  it('a password as an argument is refused without being repeated', async () => {
    for (const args of [
      [ADDRESS, 'hunter2-secret'],
      [ADDRESS, '--password=hunter2-secret'],
    ]) {
      const run = await report(args);
      expectExit(run, 2);
      expect(`${run.stdout}${run.stderr}`).not.toContain('hunter2-secret');
    }
  });

  it('an unusable policy is shown in the report, which exits 2', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ presets: [{ domains: [DOMAIN], incoming: [], outgoing: [] }] }));
    const run = await report([ADDRESS, '--json', '--policy', file]);
    expectExit(run, 2);
    const result = cliJson(run) as DiagnosticsReport;
    expect(result.policy).toMatchObject({
      file,
      origin: 'option',
      error: {
        code: 'policy-invalid',
        issues: [{ path: 'presets[0].incoming', message: 'must not be empty' }, expect.anything()],
      },
    });
    expect(result.error?.code).toBe('policy-invalid');
    expect(result.results).toEqual([]);
  });
});
