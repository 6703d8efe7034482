// Redirects judged from the domain the person typed, through the built CLI on a test internet on
// 127.0.10.x: dnsmasq for DNS, real HTTPS hosts (test CA) for autoconfig and autodiscover, and a real
// Dovecot at the other domain's IMAP host. An answer that a redirect (HTTP 3xx, autodiscover
// redirectUrl/redirectAddr, an SRV record) brought from another registrable domain is untrusted, says so
// with both domains, and gets no password until the person confirms (--accept-untrusted).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectResult, Notice } from '../../core/model.js';
import { type CliRun, runCli } from '../helpers/cli.js';
import { configXml } from '../helpers/config-xml.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type HttpsHostsHandle, type RouteReply, startHttpsHosts } from '../peers/https-host.js';

const IP = {
  /** Every web host of the other organisation, provider.test. */
  provider: '127.0.10.1',
  /** Every web host of the typed domains. */
  typed: '127.0.10.2',
  /** Dovecot as imap.provider.test. */
  imap: '127.0.10.20',
  /** smtp.provider.test: nothing listens. */
  smtp: '127.0.10.21',
};
const PROVIDER = 'provider.test';
const CONFIG_URL = `https://config.${PROVIDER}/mail/config-v1.1.xml`;
const PROVIDER_AUTODISCOVER = `https://autodiscover.${PROVIDER}/autodiscover/autodiscover.xml`;
const STATUSES = [301, 302, 303, 307, 308] as const;
const PASSWORD = 'right-password-42';
const USER = 'ann@moved302.test';

const PROVIDER_SERVERS = configXml(PROVIDER, [
  { type: 'imap', host: `imap.${PROVIDER}`, port: 993, socketType: 'SSL' },
  { type: 'smtp', host: `smtp.${PROVIDER}`, port: 465, socketType: 'SSL' },
]);

const POX_SETTINGS = `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
      <Protocol><Type>IMAP</Type><Server>imap.${PROVIDER}</Server><Port>993</Port><SSL>on</SSL><SPA>off</SPA><AuthRequired>on</AuthRequired></Protocol>
      <Protocol><Type>SMTP</Type><Server>smtp.${PROVIDER}</Server><Port>465</Port><SSL>on</SSL><SPA>off</SPA><AuthRequired>on</AuthRequired></Protocol>
    </Account>
  </Response>
</Autodiscover>`;

const poxRedirect = (action: 'redirectUrl' | 'redirectAddr', value: string) => `<?xml version="1.0"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account><AccountType>email</AccountType><Action>${action}</Action>
      <${action === 'redirectUrl' ? 'RedirectUrl' : 'RedirectAddr'}>${value}</${action === 'redirectUrl' ? 'RedirectUrl' : 'RedirectAddr'}>
    </Account>
  </Response>
</Autodiscover>`;

const xml = (body: string): RouteReply => ({ body, headers: { 'content-type': 'text/xml' } });
const redirect = (status: number, location: string): RouteReply => ({ status, headers: { location } });

let dns: DnsHandle;
let web: HttpsHostsHandle;
let dovecot: DovecotHandle;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-redirects-'));
  env = { XDG_CONFIG_HOME: dir, MAILSETUP_ISPDB_URL: 'https://ispdb.test/v1.1/', MAILSETUP_POLICY: '' };
  const typedHosts = [
    ...STATUSES.map((status) => `autoconfig.moved${status}.test`),
    'autoconfig.comeback.test',
    'comeback.test',
    'autoconfig.loop.test',
    'autoconfig.spiral.test',
    'autodiscover.adurl.test',
    'autodiscover.adaddr.test',
    'autodiscover.ad307.test',
  ];
  const providerHosts = ['config', 'autodiscover', 'bounce', 'spin', 'hops'].map(
    (name) => `${name}.${PROVIDER}`,
  );
  dns = await startDns({
    authoritative: ['test'],
    a: {
      ...Object.fromEntries(typedHosts.map((host) => [host, [IP.typed]])),
      ...Object.fromEntries(providerHosts.map((host) => [host, [IP.provider]])),
      [`imap.${PROVIDER}`]: [IP.imap],
      [`smtp.${PROVIDER}`]: [IP.smtp],
    },
    srv: {
      '_autodiscover._tcp.adsrv.test': [
        { target: `autodiscover.${PROVIDER}`, port: 443, priority: 0, weight: 1 },
      ],
    },
  });
  web = await startHttpsHosts({
    // The other organisation: it serves settings for anyone who arrives.
    [`config.${PROVIDER}`]: { ip: IP.provider, routes: { '/mail/config-v1.1.xml': xml(PROVIDER_SERVERS) } },
    [`autodiscover.${PROVIDER}`]: {
      ip: IP.provider,
      routes: { '/autodiscover/autodiscover.xml': xml(POX_SETTINGS) },
    },
    // Sends the way back into the typed domain, to a path of its choosing.
    [`bounce.${PROVIDER}`]: {
      ip: IP.provider,
      mode: 'redirect',
      redirectStatus: 302,
      redirectTo: 'https://comeback.test/uploads/config.xml',
    },
    // Half of a loop with autoconfig.loop.test.
    [`spin.${PROVIDER}`]: {
      ip: IP.provider,
      mode: 'redirect',
      redirectStatus: 302,
      redirectTo: 'https://autoconfig.loop.test/mail/config-v1.1.xml',
    },
    // A chain longer than the fetch follows: /1 -> /2 -> ... -> /9.
    [`hops.${PROVIDER}`]: {
      ip: IP.provider,
      routes: Object.fromEntries(
        Array.from({ length: 9 }, (_, step) => [`/${step}`, redirect(302, `/${step + 1}`)]),
      ),
    },
    // The typed domains.
    ...Object.fromEntries(
      STATUSES.map((status) => [
        `autoconfig.moved${status}.test`,
        { ip: IP.typed, mode: 'redirect' as const, redirectStatus: status, redirectTo: CONFIG_URL },
      ]),
    ),
    'autoconfig.comeback.test': {
      ip: IP.typed,
      mode: 'redirect',
      redirectStatus: 301,
      redirectTo: `https://bounce.${PROVIDER}/`,
    },
    'comeback.test': {
      ip: IP.typed,
      routes: {
        '/uploads/config.xml': xml(
          configXml('comeback.test', [
            { type: 'imap', host: 'imap.comeback.test', port: 993, socketType: 'SSL' },
            { type: 'smtp', host: 'smtp.comeback.test', port: 465, socketType: 'SSL' },
          ]),
        ),
      },
    },
    'autoconfig.loop.test': {
      ip: IP.typed,
      mode: 'redirect',
      redirectStatus: 302,
      redirectTo: `https://spin.${PROVIDER}/`,
    },
    'autoconfig.spiral.test': {
      ip: IP.typed,
      mode: 'redirect',
      redirectStatus: 302,
      redirectTo: `https://hops.${PROVIDER}/0`,
    },
    'autodiscover.adurl.test': {
      ip: IP.typed,
      routes: { '/autodiscover/autodiscover.xml': xml(poxRedirect('redirectUrl', PROVIDER_AUTODISCOVER)) },
    },
    'autodiscover.adaddr.test': {
      ip: IP.typed,
      routes: { '/autodiscover/autodiscover.xml': xml(poxRedirect('redirectAddr', `dan@${PROVIDER}`)) },
    },
    'autodiscover.ad307.test': {
      ip: IP.typed,
      mode: 'redirect',
      redirectStatus: 307,
      redirectTo: PROVIDER_AUTODISCOVER,
    },
  });
  dovecot = await startDovecot({
    ip: IP.imap,
    users: [{ user: USER, password: PASSWORD }],
    certNames: [`imap.${PROVIDER}`],
  });
}, 90_000);

afterAll(async () => {
  await dovecot?.stop();
  await web?.stop();
  await dns?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], stdin = ''): Promise<CliRun> {
  return runCli([...args, '--dns', dns.server], { env, stdin });
}

async function detect(address: string): Promise<{ run: CliRun; result: DetectResult }> {
  const run = await cli(['detect', address, '--json']);
  return { run, result: JSON.parse(run.stdout) as DetectResult };
}

function redirectWarning(result: DetectResult): Notice | undefined {
  return result.warnings.find((warning) => warning.code === 'redirect-to-other-domain');
}

/** Untrusted, with a warning in plain words naming the host that sent us away and both domains. */
function expectUntrustedDetour(result: DetectResult, from: string, typed: string): void {
  expect(result.found).toBe(true);
  expect(result.trusted).toBe(false);
  expect(redirectWarning(result)?.message).toBe(
    `${from} sent us on to ${PROVIDER}, so these settings are ${PROVIDER}'s word, not ${typed}'s. ` +
      `Use them only if ${typed}'s administrator or your provider confirms that ${PROVIDER} runs your mail; ` +
      'otherwise enter the servers your provider gave you.',
  );
}

describe('detect: a redirect to another domain makes the answer untrusted', () => {
  it.each(STATUSES)('autoconfig answering %i to another domain', async (status) => {
    const typed = `moved${status}.test`;
    const { run, result } = await detect(`ann@${typed}`);
    expect(run.code).toBe(0);
    expect(result).toMatchObject({ source: 'autoconfig', origin: CONFIG_URL });
    expectUntrustedDetour(result, `autoconfig.${typed}`, typed);
    expect(redirectWarning(result)?.detail).toBe(
      `https://autoconfig.${typed}/mail/config-v1.1.xml?emailaddress=ann%40${typed} -> ${CONFIG_URL}`,
    );
    // The other domain's servers are still pointed out, although its host answered.
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'server-outside-domain', detail: `imap.${PROVIDER}` }),
    );
  });

  it('says it in the text output too, with both domains', async () => {
    const run = await cli(['detect', 'ann@moved301.test']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`autoconfig.moved301.test sent us on to ${PROVIDER}`);
    expect(run.stdout).toContain("not moved301.test's");
    const german = await cli(['detect', 'ann@moved301.test', '--lang', 'de']);
    expect(german.stdout).toContain(`autoconfig.moved301.test hat uns an ${PROVIDER} weitergeleitet`);
  });

  it('autodiscover redirectUrl to another domain', async () => {
    const { result } = await detect('bea@adurl.test');
    expect(result).toMatchObject({ source: 'autodiscover', origin: PROVIDER_AUTODISCOVER });
    expectUntrustedDetour(result, 'autodiscover.adurl.test', 'adurl.test');
  });

  it('autodiscover redirectAddr to an address of another domain', async () => {
    const { result } = await detect('cem@adaddr.test');
    expect(result.source).toBe('autodiscover');
    expectUntrustedDetour(result, 'autodiscover.adaddr.test', 'adaddr.test');
    const asked = web.requests.filter((request) => request.host === `autodiscover.${PROVIDER}`);
    expect(asked.some((request) => request.body.includes(`dan@${PROVIDER}`))).toBe(true);
  });

  it('autodiscover answering 307 to another domain (the POST goes on, without a password)', async () => {
    const { result } = await detect('eda@ad307.test');
    expect(result.source).toBe('autodiscover');
    expectUntrustedDetour(result, 'autodiscover.ad307.test', 'ad307.test');
    const posts = web.requests.filter(
      (request) => request.host === `autodiscover.${PROVIDER}` && request.body.includes('eda@ad307.test'),
    );
    expect(posts.map((request) => [request.method, request.headers.authorization])).toEqual([
      ['POST', undefined],
    ]);
  });

  it("an SRV record naming another domain's autodiscover host", async () => {
    const { result } = await detect('fay@adsrv.test');
    expect(result.source).toBe('autodiscover');
    expectUntrustedDetour(result, '_autodiscover._tcp.adsrv.test', 'adsrv.test');
  });

  it('a chain that leaves the domain and ends back in it stays untrusted', async () => {
    const { result } = await detect('gus@comeback.test');
    expect(result).toMatchObject({
      source: 'autoconfig',
      origin: 'https://comeback.test/uploads/config.xml',
    });
    expectUntrustedDetour(result, 'autoconfig.comeback.test', 'comeback.test');
    // Its servers are the domain's own: only the detour makes it untrusted.
    expect(result.warnings.map((warning) => warning.code)).toEqual(['redirect-to-other-domain']);
  });

  it('a redirect loop is a named outcome: no settings, no hang', async () => {
    const { run, result } = await detect('hal@loop.test');
    expect(run.code).toBe(3);
    expect(result.found).toBe(false);
    const lookup = result.lookups.find((entry) => entry.target.startsWith('https://autoconfig.loop.test/'));
    expect(lookup).toMatchObject({ outcome: 'too-many-redirects', detail: expect.stringContaining('loop') });
    expect(lookup?.ms).toBeLessThan(2000);
  });

  it('too many redirects is the same named outcome', async () => {
    const { run, result } = await detect('ida@spiral.test');
    expect(run.code).toBe(3);
    const lookup = result.lookups.find((entry) => entry.target.startsWith('https://autoconfig.spiral.test/'));
    expect(lookup).toMatchObject({
      outcome: 'too-many-redirects',
      detail: expect.stringContaining('more than 3 redirects'),
    });
    expect(web.requests.filter((request) => request.host === `hops.${PROVIDER}`).length).toBeLessThanOrEqual(
      3 * 2,
    );
  });
});

describe('test: no password to settings a redirect brought, until the person confirms', () => {
  it('without --accept-untrusted: refused before any login reaches Dovecot', async () => {
    const run = await cli(['test', USER, '--password-stdin', '--json'], `${PASSWORD}\n`);
    expect(run.code).toBe(4);
    const output = JSON.parse(run.stdout) as {
      results: unknown[];
      error: { code: string };
      detection: { trusted: boolean; warnings: Notice[] };
    };
    expect(output.results).toEqual([]);
    expect(output.error.code).toBe('untrusted-settings');
    expect(output.detection.trusted).toBe(false);
    expect(output.detection.warnings.map((warning) => warning.code)).toContain('redirect-to-other-domain');
    expect(await dovecot.loginAttempts()).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);

    const text = await cli(['test', USER, '--password-stdin'], `${PASSWORD}\n`);
    expect(text.code).toBe(4);
    expect(text.stdout).toContain(`autoconfig.moved302.test sent us on to ${PROVIDER}`);
    const report = await cli(['report', USER, '--password-stdin', '--json'], `${PASSWORD}\n`);
    // The report still connects (TLS facts for the help desk) but signs in nowhere.
    const diagnostics = JSON.parse(report.stdout) as { login: string; results: { auth: string }[] };
    expect(diagnostics.login).toBe('untrusted-settings');
    expect(diagnostics.results.map((result) => result.auth)).toEqual(['not-attempted', 'not-attempted']);
    expect(await dovecot.loginAttempts()).toEqual([]);
  });

  it('with --accept-untrusted: the login goes to the other domain’s server', async () => {
    const run = await cli(
      ['test', USER, '--password-stdin', '--json', '--accept-untrusted'],
      `${PASSWORD}\n`,
    );
    const output = JSON.parse(run.stdout) as {
      results: { protocol: string; host: string; ok: boolean }[];
      detection: { trusted: boolean };
    };
    expect(output.detection.trusted).toBe(false);
    expect(output.results.find((result) => result.protocol === 'imap')).toMatchObject({
      host: `imap.${PROVIDER}`,
      ok: true,
    });
    expect(await dovecot.loginAttempts()).toEqual([{ user: USER, service: 'imap', ok: true }]);
  });
});
