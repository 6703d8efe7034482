// detect through the real code path (the built CLI) against a test internet on 127.0.4.x: dnsmasq for
// DNS, HTTPS hosts with the test CA for autoconfig, ISPDB and autodiscover, and hostile hosts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../core/model.js';
import { type CliRun, cliJson, expectExit, runCli } from '../helpers/cli.js';
import { configXml, standardServers } from '../helpers/config-xml.js';
import { type DnsHandle, startDns, startSilentDns } from '../peers/dnsmasq.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';

const IP = {
  ispdb: '127.0.4.1',
  autoconf: '127.0.4.2',
  srvhung: '127.0.4.3',
  httponly: '127.0.4.4',
  xxe: '127.0.4.5',
  big: '127.0.4.6',
  phish: '127.0.4.7',
  idn: '127.0.4.8',
  disagree: '127.0.4.9',
  autodisc: '127.0.4.10',
};
const IDN_DOMAIN = 'xn--mller-kva.test'; // müller.test

const XXE = `<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<clientConfig version="1.1"><emailProvider id="xxe.test"><domain>&xxe;</domain></emailProvider></clientConfig>`;

const POX = (domain: string) => `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
      <Protocol><Type>IMAP</Type><Server>mail.${domain}</Server><Port>993</Port><SSL>on</SSL><SPA>off</SPA><AuthRequired>on</AuthRequired></Protocol>
      <Protocol><Type>SMTP</Type><Server>mail.${domain}</Server><Port>587</Port><Encryption>TLS</Encryption><SPA>off</SPA><AuthRequired>on</AuthRequired></Protocol>
    </Account>
  </Response>
</Autodiscover>`;

let dns: DnsHandle;
let web: HttpsHostsHandle;

beforeAll(async () => {
  dns = await startDns({
    authoritative: ['test'],
    a: {
      'ispdb.test': [IP.ispdb],
      'autoconfig.autoconf.test': [IP.autoconf],
      'autoconfig.srvhung.test': [IP.srvhung],
      'autoconfig.httponly.test': [IP.httponly],
      'autoconfig.xxe.test': [IP.xxe],
      'autoconfig.big.test': [IP.big],
      'autoconfig.phish.test': [IP.phish],
      [`autoconfig.${IDN_DOMAIN}`]: [IP.idn],
      'autoconfig.disagree.test': [IP.disagree],
      'autodiscover.autodisc.test': [IP.autodisc],
    },
    mx: {
      'hosted.test': [{ exchange: 'mx00.ionos.de', priority: 10 }],
      'mxispdb.test': [
        { exchange: 'mx2.mailhoster.test', priority: 20 },
        { exchange: 'mx1.mailhoster.test', priority: 10 },
      ],
    },
    srv: {
      '_imaps._tcp.autoconf.test': [{ target: 'imap.autoconf.test', port: 993, priority: 0, weight: 1 }],
      '_submissions._tcp.autoconf.test': [
        { target: 'smtp.autoconf.test', port: 465, priority: 0, weight: 1 },
      ],
      '_imaps._tcp.srvhung.test': [{ target: 'imap.srvhung.test', port: 993, priority: 0, weight: 1 }],
      '_imap._tcp.srvhung.test': [{ target: '.', port: 0, priority: 0, weight: 0 }],
      '_submission._tcp.srvhung.test': [
        { target: 'smtp2.srvhung.test', port: 587, priority: 20, weight: 1 },
        { target: 'smtp.srvhung.test', port: 587, priority: 10, weight: 1 },
      ],
      '_imaps._tcp.disagree.test': [{ target: 'imap2.disagree.test', port: 993, priority: 0, weight: 1 }],
      '_submissions._tcp.disagree.test': [
        { target: 'smtp2.disagree.test', port: 465, priority: 0, weight: 1 },
      ],
    },
  });
  web = await startHttpsHosts({
    'ispdb.test': {
      ip: IP.ispdb,
      routes: {
        '/v1.1/mailhoster.test': { body: configXml('mailhoster.test', standardServers('mailhoster.test')) },
      },
    },
    'autoconfig.autoconf.test': {
      ip: IP.autoconf,
      routes: {
        // Confirmation counts only sources that answered first; a slow web host is the usual case.
        '/mail/config-v1.1.xml': async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return { body: configXml('autoconf.test', standardServers('autoconf.test')) };
        },
      },
    },
    'autoconfig.srvhung.test': { ip: IP.srvhung, mode: 'hang' },
    'autoconfig.httponly.test': {
      ip: IP.httponly,
      mode: 'http-only',
      routes: {
        '/mail/config-v1.1.xml': { body: configXml('httponly.test', standardServers('httponly.test')) },
      },
    },
    'autoconfig.xxe.test': { ip: IP.xxe, routes: { '/mail/config-v1.1.xml': { body: XXE } } },
    'autoconfig.big.test': {
      ip: IP.big,
      routes: { '/mail/config-v1.1.xml': { body: Buffer.alloc(20 * 1024 * 1024, 0x20) } },
    },
    'autoconfig.phish.test': {
      ip: IP.phish,
      routes: {
        '/mail/config-v1.1.xml': {
          body: configXml('phish.test', [
            { type: 'imap', host: 'imap.collector.test', port: 993, socketType: 'SSL' },
            { type: 'smtp', host: 'smtp.phish.test', port: 465, socketType: 'SSL' },
          ]),
        },
      },
    },
    [`autoconfig.${IDN_DOMAIN}`]: {
      ip: IP.idn,
      routes: {
        '/mail/config-v1.1.xml': {
          body: configXml(IDN_DOMAIN, [
            { type: 'imap', host: 'imap.%EMAILDOMAIN%', port: 993, socketType: 'SSL' },
            { type: 'smtp', host: 'smtp.%EMAILDOMAIN%', port: 587, socketType: 'STARTTLS' },
            { type: 'pop3', host: 'pop.%EMAILDOMAIN%', port: 110, socketType: 'plain' },
          ]),
        },
      },
    },
    'autoconfig.disagree.test': {
      ip: IP.disagree,
      routes: {
        // Answer late, so that SRV has certainly answered by then.
        '/mail/config-v1.1.xml': async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return { body: configXml('disagree.test', standardServers('disagree.test')) };
        },
      },
    },
    'autodiscover.autodisc.test': {
      ip: IP.autodisc,
      routes: {
        '/autodiscover/autodiscover.xml': {
          body: POX('autodisc.test'),
          headers: { 'content-type': 'text/xml' },
        },
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await web?.stop();
  await dns?.stop();
});

async function detect(address: string, extra: string[] = []): Promise<{ run: CliRun; result: DetectResult }> {
  const run = await runCli(['detect', address, '--json', '--dns', dns.server, ...extra], {
    env: { MAILSETUP_ISPDB_URL: 'https://ispdb.test/v1.1/' },
  });
  return { run, result: cliJson(run) as DetectResult };
}

describe('detect on the test internet', () => {
  it("reads the provider's autoconfig file, confirmed by SRV, without credentials in the request", async () => {
    const { run, result } = await detect('anna@autoconf.test');
    expectExit(run, 0);
    expect(result).toMatchObject({ found: true, source: 'autoconfig', trusted: true, warnings: [] });
    expect(result.incoming[0]).toEqual({
      protocol: 'imap',
      host: 'imap.autoconf.test',
      port: 993,
      security: 'tls',
      username: 'anna@autoconf.test',
      auth: 'password',
    });
    expect(result.confirmedBy).toContain('srv');
    expect(result.origin).toBe(
      'https://autoconfig.autoconf.test/mail/config-v1.1.xml?emailaddress=anna%40autoconf.test',
    );
    const asked = web.requests.filter((request) => request.host === 'autoconfig.autoconf.test');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked[0]?.query.get('emailaddress')).toBe('anna@autoconf.test');
    for (const request of asked) expect(request.headers.authorization).toBeUndefined();
    expect(result.lookups.map((lookup) => lookup.source)).toEqual(
      expect.arrayContaining(['bundled', 'autoconfig']),
    );
  });

  it('answers from SRV when the autoconfig host hangs, at the source timeout', async () => {
    const { run, result } = await detect('bob@srvhung.test');
    expectExit(run, 0);
    expect(result.source).toBe('srv');
    expect(result.incoming.map((server) => `${server.host}:${server.port}/${server.security}`)).toEqual([
      'imap.srvhung.test:993/tls',
    ]);
    // Priority decides the order; "." means IMAP with STARTTLS is not offered.
    expect(result.outgoing.map((server) => server.host)).toEqual(['smtp.srvhung.test', 'smtp2.srvhung.test']);
    const hung = result.lookups.find((lookup) => lookup.target.startsWith('https://autoconfig.srvhung.test'));
    expect(hung?.outcome).toBe('timeout');
    expect(result.elapsedMs).toBeLessThan(8000);
  });

  it('never fetches a configuration over plain HTTP', async () => {
    const { run, result } = await detect('carl@httponly.test');
    expectExit(run, 3);
    expect(result.found).toBe(false);
    expect(web.requests.filter((request) => request.scheme === 'http')).toEqual([]);
  });

  it('refuses XXE and oversized responses, and says so in the look-ups', async () => {
    const xxe = await detect('dora@xxe.test');
    expect(xxe.result.found).toBe(false);
    expect(xxe.run.stdout).not.toContain('root:');
    const big = await detect('emil@big.test');
    expect(big.result.found).toBe(false);
    const lookup = big.result.lookups.find((entry) => entry.target.startsWith('https://autoconfig.big.test'));
    expect(lookup?.outcome).toBe('error');
  });

  it("warns about a server in another organisation's domain and does not trust it", async () => {
    const { result } = await detect('fritz@phish.test');
    expect(result.source).toBe('autoconfig');
    expect(result.trusted).toBe(false);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'server-outside-domain', detail: 'imap.collector.test' }),
    );
  });

  it('handles an IDN domain: look-ups in xn-- form, user name in Unicode, plain servers dropped', async () => {
    const { result } = await detect('jörg@müller.test');
    expect(result.domain).toBe(IDN_DOMAIN);
    expect(result.domainUnicode).toBe('müller.test');
    expect(result.source).toBe('autoconfig');
    expect(result.incoming).toEqual([
      {
        protocol: 'imap',
        host: `imap.${IDN_DOMAIN}`,
        hostUnicode: 'imap.müller.test',
        port: 993,
        security: 'tls',
        username: 'jörg@müller.test',
        auth: 'password',
      },
    ]);
    // The summary for people: Unicode first, the ASCII form in brackets.
    const text = await runCli(['detect', 'jörg@müller.test', '--dns', dns.server], {
      env: { MAILSETUP_ISPDB_URL: 'https://ispdb.test/v1.1/' },
    });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Mail domain: müller.test (${IDN_DOMAIN})`);
    expect(text.stdout).toContain(`imap.müller.test (imap.${IDN_DOMAIN}):993`);
  });

  it('points out sources that disagree', async () => {
    const { result } = await detect('gina@disagree.test');
    expect(result.source).toBe('autoconfig');
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'sources-disagree' }));
  });

  it('recognises a domain hosted at a bundled provider by its MX, and asks to confirm', async () => {
    const { run, result } = await detect('hans@hosted.test');
    expectExit(run, 0);
    expect(result).toMatchObject({ source: 'mx', trusted: false, provider: { id: 'ionos' } });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'mail-hosted-elsewhere', detail: 'ionos.de' }),
    );
  });

  it('does not send a password to detected settings the mail domain did not confirm', async () => {
    const run = await runCli(
      ['test', 'hans@hosted.test', '--password-stdin', '--json', '--dns', dns.server],
      {
        env: { MAILSETUP_ISPDB_URL: 'https://ispdb.test/v1.1/' },
        stdin: 'not-sent-anywhere',
      },
    );
    expectExit(run, 4);
    const output = cliJson(run) as { results: unknown[]; error: { code: string } };
    expect(output.results).toEqual([]);
    expect(output.error.code).toBe('untrusted-settings');
    expect(run.stdout + run.stderr).not.toContain('not-sent-anywhere');
  });

  it("asks ISPDB for the MX operator's domain", async () => {
    const { result } = await detect('ines@mxispdb.test');
    expect(result.source).toBe('mx');
    expect(result.incoming[0]?.host).toBe('imap.mailhoster.test');
    expect(result.trusted).toBe(false);
  });

  it('reads Outlook autodiscover with a POST that carries no password', async () => {
    const { result } = await detect('jan@autodisc.test');
    expect(result.source).toBe('autodiscover');
    expect(result.outgoing[0]).toMatchObject({ host: 'mail.autodisc.test', port: 587, security: 'starttls' });
    const posts = web.requests.filter((request) => request.host === 'autodiscover.autodisc.test');
    expect(posts[0]?.method).toBe('POST');
    expect(posts[0]?.body).toContain('jan@autodisc.test');
    expect(posts[0]?.headers.authorization).toBeUndefined();
  });

  it('reports nothing found for a domain without any of it (exit 3)', async () => {
    const { run, result } = await detect('kai@nothing.test');
    expectExit(run, 3);
    expect(result.found).toBe(false);
    expect(result.lookups.every((lookup) => lookup.outcome !== 'found')).toBe(true);
  });

  it('is not held past the deadline by a DNS server that never answers', async () => {
    const silent = await startSilentDns();
    try {
      const run = await runCli([
        'detect',
        'lea@autoconf.test',
        '--json',
        '--dns',
        silent.server,
        '--timeout',
        '3',
      ]);
      expectExit(run, 3);
      expect(run.ms).toBeLessThan(10_000);
    } finally {
      await silent.stop();
    }
  });
});
