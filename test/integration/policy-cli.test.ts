// The policy through the built CLI on a test internet (127.0.6.1-19): dnsmasq, an autoconfig host with
// the test CA, and small mail servers whose certificate nobody trusts (a company's own). Where the
// policy is found and in which order, what an invalid one says, and what a valid one changes.
// (The per-machine place is /etc, which a test must not write: test/unit/policy/load.test.ts covers it.)

import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectResult, TestResult } from '../../core/api.js';
import { type CliRun, cliJson, expectExit, runCli } from '../helpers/cli.js';
import { configXml } from '../helpers/config-xml.js';
import { type Adversary, startAdversary } from '../peers/adversaries.js';
import { issueCert } from '../peers/ca.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';

const IP = { autoconfCorp: '127.0.6.1', mail: '127.0.6.2', autoconfPop: '127.0.6.3' };
const MAIL = 'mail.corp.test';
const PASSWORD = 'company-secret-1234';

let dns: DnsHandle;
let web: HttpsHostsHandle;
let imap: Adversary;
let smtp: Adversary;
let dir: string;
let fingerprint: string;
let env: NodeJS.ProcessEnv;

const preset = (host = MAIL) => ({
  domains: ['corp.test'],
  incoming: [{ protocol: 'imap', host, port: imap.port, security: 'tls' }],
  outgoing: [{ protocol: 'smtp', host, port: smtp.port, security: 'starttls' }],
});

/** Writes a policy file (an object as JSON, a string as it is) and returns its path. */
function policyFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function cli(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<CliRun> {
  return runCli([...args, '--dns', dns.server], {
    env: { ...env, ...options.env },
    stdin: options.stdin ?? '',
  });
}

async function detect(address: string, extra: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const run = await cli(['detect', address, '--json', ...extra], { env: extraEnv });
  return { run, result: cliJson(run) as DetectResult & { error?: Record<string, unknown> } };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-policy-cli-'));
  // Nothing of the machine this runs on: an empty per-user folder, no ISPDB on the real internet.
  env = {
    XDG_CONFIG_HOME: path.join(dir, 'xdg-empty'),
    MAILSETUP_ISPDB_URL: 'https://ispdb.test/v1.1/',
    MAILSETUP_POLICY: '',
  };
  // The company's own certificate: self-signed, trusted by nobody but a pin.
  const company = issueCert({ names: [MAIL], selfSigned: true });
  fingerprint = new X509Certificate(company.cert).fingerprint256;
  imap = await startAdversary({
    ip: IP.mail,
    behaviour: 'imap-ok',
    tls: company,
    security: 'tls',
    login: { password: PASSWORD },
  });
  smtp = await startAdversary({
    ip: IP.mail,
    behaviour: 'smtp-ok',
    tls: company,
    security: 'starttls',
    login: { password: PASSWORD },
  });
  dns = await startDns({
    authoritative: ['test'],
    a: {
      'autoconfig.corp.test': [IP.autoconfCorp],
      [MAIL]: [IP.mail],
      'autoconfig.pop.test': [IP.autoconfPop],
    },
  });
  web = await startHttpsHosts({
    'autoconfig.corp.test': {
      ip: IP.autoconfCorp,
      routes: {
        '/mail/config-v1.1.xml': {
          body: configXml('corp.test', [
            { type: 'imap', host: 'imap.corp.test', port: 993, socketType: 'SSL' },
            { type: 'smtp', host: 'smtp.corp.test', port: 465, socketType: 'SSL' },
          ]),
        },
      },
    },
    'autoconfig.pop.test': {
      ip: IP.autoconfPop,
      routes: {
        '/mail/config-v1.1.xml': {
          body: configXml('pop.test', [
            { type: 'pop3', host: 'pop.pop.test', port: 995, socketType: 'SSL' },
            { type: 'imap', host: 'imap.pop.test', port: 993, socketType: 'SSL' },
            { type: 'smtp', host: 'smtp.pop.test', port: 465, socketType: 'SSL' },
          ]),
        },
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

describe('where the policy is found', () => {
  it('from --policy, from MAILSETUP_POLICY, from the per-user folder', async () => {
    const flag = policyFile('flag.json', { presets: [preset('flag.corp.test')] });
    const fromEnv = policyFile('env.json', { presets: [preset('env.corp.test')] });
    const userHome = path.join(dir, 'xdg-user');
    policyFile('xdg-user/mailsetup/policy.json', { presets: [preset('user.corp.test')] });
    const host = (result: DetectResult) => result.incoming[0]?.host;

    const viaFlag = await detect('jane@corp.test', ['--offline', '--policy', flag]);
    expectExit(viaFlag.run, 0);
    expect(viaFlag.result).toMatchObject({ source: 'policy', trusted: true });
    expect(host(viaFlag.result)).toBe('flag.corp.test');
    expect(viaFlag.result.lookups).toContainEqual(
      expect.objectContaining({ source: 'policy', target: flag, outcome: 'found' }),
    );

    const viaEnv = await detect('jane@corp.test', ['--offline'], { MAILSETUP_POLICY: fromEnv });
    expect(host(viaEnv.result)).toBe('env.corp.test');

    const viaUser = await detect('jane@corp.test', ['--offline'], { XDG_CONFIG_HOME: userHome });
    expect(host(viaUser.result)).toBe('user.corp.test');

    // Precedence: --policy over MAILSETUP_POLICY over the user's file.
    const all = { MAILSETUP_POLICY: fromEnv, XDG_CONFIG_HOME: userHome };
    expect(host((await detect('jane@corp.test', ['--offline', '--policy', flag], all)).result)).toBe(
      'flag.corp.test',
    );
    expect(host((await detect('jane@corp.test', ['--offline'], all)).result)).toBe('env.corp.test');
  });

  it('without any policy file, detection is as before', async () => {
    const { run, result } = await detect('jane@corp.test', []);
    expectExit(run, 0);
    expect(result).toMatchObject({ source: 'autoconfig', incoming: [{ host: 'imap.corp.test' }] });
  });
});

describe('an invalid policy: exit 2 with the field and the reason', () => {
  const cases: [string, unknown, string, RegExp][] = [
    [
      'bad JSON',
      '{\n  "presets": [\n    { "domains": ["corp.test"], }\n  ]\n}\n',
      'the file',
      /not valid JSON at line 3, column 33/,
    ],
    ['a wrong type', { lockSettings: 'yes' }, 'lockSettings', /must be true or false \(got "yes"\)/],
    [
      'a plain-text server',
      {
        presets: [
          {
            domains: ['corp.test'],
            incoming: [{ protocol: 'imap', host: MAIL, port: 143, security: 'plain' }],
            outgoing: [{ protocol: 'smtp', host: MAIL, port: 25, security: 'none' }],
          },
        ],
      },
      'presets[0].incoming[0].security',
      /"plain" is not allowed: .*there is no unencrypted choice/,
    ],
    [
      'a bad fingerprint',
      { trustedCertificates: [{ sha256: 'AB:CD:EF' }] },
      'trustedCertificates[0].sha256',
      /is not a SHA-256 fingerprint/,
    ],
    ['a file that does not exist', undefined, 'the file', /the file does not exist/],
  ];

  it.each(cases)('%s', async (name, content, field, reason) => {
    const file =
      content === undefined
        ? path.join(dir, 'missing.json')
        : policyFile(`invalid-${name.replaceAll(' ', '-')}.json`, content);
    const text = await cli(['detect', 'jane@corp.test', '--offline', '--policy', file]);
    expectExit(text, 2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(`The policy file ${file} cannot be used:`);
    expect(text.stderr).toMatch(new RegExp(`  - ${field.replace(/[[\]().]/g, '\\$&')}: `));
    expect(text.stderr).toMatch(reason);

    const json = await cli(['detect', 'jane@corp.test', '--offline', '--json', '--policy', file]);
    expectExit(json, 2);
    const { error } = cliJson<{ error: { issues: unknown[] } }>(json);
    expect(error).toMatchObject({ code: 'policy-invalid', file });
    expect(error.issues).toContainEqual({
      path: field === 'the file' ? '' : field,
      message: expect.stringMatching(reason),
    });
  });

  it('in German', async () => {
    const file = policyFile('invalid-de.json', {
      presets: [{ ...preset(), incoming: [{ protocol: 'imap', host: MAIL, port: 993, security: 'ssl' }] }],
    });
    const run = await cli(['detect', 'jane@corp.test', '--offline', '--lang', 'de', '--policy', file]);
    expectExit(run, 2);
    expect(run.stderr).toContain(`Die Richtliniendatei ${file} kann nicht verwendet werden:`);
    expect(run.stderr).toContain('presets[0].incoming[0].security: "ssl" ist nicht erlaubt');
  });

  it('test and export stop too, before a password is read', async () => {
    const file = policyFile('invalid-for-test.json', { lockSettings: 1 });
    const test = await cli(['test', 'jane@corp.test', '--password-stdin', '--policy', file], {
      stdin: PASSWORD,
    });
    expectExit(test, 2);
    expect(test.stderr).toContain('lockSettings: must be true or false');
    const out = path.join(dir, 'never.xml');
    const exported = await cli([
      'export',
      'jane@corp.test',
      '--format',
      'thunderbird',
      '--out',
      out,
      '--policy',
      file,
    ]);
    expectExit(exported, 2);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('what a valid policy changes', () => {
  it('its preset wins over the domain’s own autoconfig', async () => {
    const file = policyFile('preset.json', { presets: [preset()] });
    const { run, result } = await detect('jane@corp.test', ['--policy', file]);
    expectExit(run, 0);
    expect(result).toMatchObject({ found: true, source: 'policy', trusted: true, warnings: [] });
    expect(result.incoming).toEqual([
      {
        protocol: 'imap',
        host: MAIL,
        port: imap.port,
        security: 'tls',
        username: 'jane@corp.test',
        auth: 'password',
      },
    ]);
  });

  it('allowedDomains: another domain is refused (exit 2) by detect, test and export', async () => {
    const file = policyFile('allowed.json', { allowedDomains: ['corp.test'] });
    const { run, result } = await detect('jane@gmail.test', ['--policy', file]);
    expectExit(run, 2);
    expect(result.error).toMatchObject({
      code: 'policy-domain-not-allowed',
      message: expect.stringContaining('jane@gmail.test'),
    });
    const text = await cli(
      ['test', 'jane@gmail.test', '--password-stdin', '--imap', 'imap.gmail.test:993/tls', '--policy', file],
      { stdin: PASSWORD },
    );
    expectExit(text, 2);
    expect(text.stderr).toContain(
      "jane@gmail.test is not at a domain your administrator's policy allows (corp.test).",
    );
    const exported = await cli(['export', 'jane@gmail.test', '--format', 'thunderbird', '--policy', file]);
    expectExit(exported, 2);
    // A subdomain of an allowed domain is allowed.
    expectExit((await detect('jane@de.corp.test', ['--offline', '--policy', file])).run, 3);
  });

  it('protocols ["imap"]: POP3 servers of autoconfig are left out, with a hint; without the policy they are there', async () => {
    const without = await detect('jane@pop.test', []);
    expect(without.result.incoming.map((server) => server.protocol)).toEqual(['imap', 'pop3']);
    const file = policyFile('imap-only.json', { protocols: ['imap'] });
    const { run, result } = await detect('jane@pop.test', ['--policy', file]);
    expectExit(run, 0);
    expect(result.source).toBe('autoconfig');
    expect(result.incoming.map((server) => `${server.protocol} ${server.host}`)).toEqual([
      'imap imap.pop.test',
    ]);
    expect(result.hints).toContainEqual(expect.objectContaining({ code: 'policy-protocols' }));
  });

  it('exportFormats and protocols are enforced by export', async () => {
    const file = policyFile('export.json', {
      presets: [preset()],
      protocols: ['imap'],
      exportFormats: ['thunderbird'],
    });
    const refused = await cli([
      'export',
      'jane@corp.test',
      '--format',
      'mobileconfig',
      '--json',
      '--out',
      path.join(dir, 'x.mobileconfig'),
      '--policy',
      file,
    ]);
    expectExit(refused, 2);
    expect(cliJson<{ error: unknown }>(refused).error).toMatchObject({
      code: 'policy-format-not-allowed',
      message: "Your administrator's policy does not allow the format mobileconfig; allowed: thunderbird.",
    });
    const pop3 = await cli([
      'export',
      'jane@corp.test',
      '--format',
      'thunderbird',
      '--pop3',
      'pop.corp.test:995/tls',
      '--smtp',
      `${MAIL}:465/tls`,
      '--policy',
      file,
    ]);
    expectExit(pop3, 2);
    expect(pop3.stderr).toContain('allows only IMAP for incoming mail, not POP3');
    const out = path.join(dir, 'config-v1.1.xml');
    const allowed = await cli([
      'export',
      'jane@corp.test',
      '--format',
      'thunderbird',
      '--out',
      out,
      '--policy',
      file,
    ]);
    expectExit(allowed, 0);
    expect(readFileSync(out, 'utf8')).toContain(`<hostname>${MAIL}</hostname>`);
  });
});

describe('trustedCertificates: the company server with its own certificate', () => {
  it('fails without a pin (certificate-untrusted), and no password reaches it', async () => {
    const file = policyFile('no-pin.json', { presets: [preset()] });
    const run = await cli(['test', 'jane@corp.test', '--password-stdin', '--json', '--policy', file], {
      stdin: PASSWORD,
    });
    expectExit(run, 4);
    const result = cliJson(run) as TestResult;
    expect(result.results.map((entry) => entry.error?.code)).toEqual([
      'certificate-untrusted',
      'certificate-untrusted',
    ]);
    expect(imap.logins()).toEqual([]);
    expect(smtp.logins()).toEqual([]);
  });

  it('passes with its fingerprint pinned in the policy, and the result says pinned', async () => {
    const file = policyFile('pin.json', {
      presets: [preset()],
      trustedCertificates: [{ host: MAIL, sha256: fingerprint.replaceAll(':', '').toLowerCase() }],
    });
    const run = await cli(['test', 'jane@corp.test', '--password-stdin', '--json', '--policy', file], {
      stdin: PASSWORD,
    });
    expect(run.stderr).toBe('');
    expectExit(run, 0);
    const result = cliJson(run) as TestResult;
    for (const entry of result.results) {
      expect(entry).toMatchObject({
        ok: true,
        auth: 'ok',
        tls: { authorized: false, pinned: true, certificate: { fingerprint256: fingerprint } },
      });
    }
    expect(imap.logins()).toHaveLength(1);
    expect(smtp.logins()).toHaveLength(1);
  });
});
