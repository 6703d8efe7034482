// mailsetup domain through the built CLI on a test internet (127.0.6.40-59, PACC on 127.0.23.1): a well set-up domain, a
// badly set-up one and one that receives no mail. Every look-up goes to the test DNS server; the
// MTA-STS policy, autoconfig and autodiscover come over HTTPS from hosts with the test CA.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainCheckResult } from '../../core/api.js';
import { type CliRun, cliJson, expectExit, runCli } from '../helpers/cli.js';
import { configXml, standardServers } from '../helpers/config-xml.js';
import { issueCert } from '../peers/ca.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';

const IP = {
  mx: '127.0.6.40',
  stsGood: '127.0.6.41',
  autoconfigGood: '127.0.6.42',
  autodiscoverGood: '127.0.6.43',
  stsBad: '127.0.6.44',
  autoconfigBad: '127.0.6.45',
  paccGood: '127.0.23.1',
};

// PACC for good.test: the document and, in DNS, the SHA-256 of its exact bytes.
const PACC = JSON.stringify({
  protocols: { imap: { host: 'imap.good.test' }, smtp: { host: 'smtp.good.test' } },
  authentication: { password: true },
});

const POX = `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
      <Protocol><Type>IMAP</Type><Server>imap.good.test</Server><Port>993</Port><SSL>on</SSL><SPA>off</SPA><AuthRequired>on</AuthRequired></Protocol>
      <Protocol><Type>SMTP</Type><Server>smtp.good.test</Server><Port>465</Port><SSL>on</SSL><SPA>off</SPA><AuthRequired>on</AuthRequired></Protocol>
    </Account>
  </Response>
</Autodiscover>`;

let dns: DnsHandle;
let web: HttpsHostsHandle;

beforeAll(async () => {
  dns = await startDns({
    authoritative: ['test'],
    a: {
      'mx1.good.test': [IP.mx],
      'mta-sts.good.test': [IP.stsGood],
      'autoconfig.good.test': [IP.autoconfigGood],
      'autodiscover.good.test': [IP.autodiscoverGood],
      'mta-sts.bad.test': [IP.stsBad],
      'autoconfig.bad.test': [IP.autoconfigBad],
      'ua-auto-config.good.test': [IP.paccGood],
    },
    mx: {
      'good.test': [{ exchange: 'mx1.good.test', priority: 10 }],
      // No address for mx.bad.test: mail to it is lost.
      'bad.test': [{ exchange: 'mx.bad.test', priority: 10 }],
      'nomail.test': [{ exchange: '.', priority: 0 }],
    },
    txt: {
      'good.test': ['google-site-verification=abc', 'v=spf1 mx -all'],
      '_dmarc.good.test': ['v=DMARC1; p=reject; rua=mailto:dmarc@good.test'],
      '_mta-sts.good.test': ['v=STSv1; id=20260101'],
      '_smtp._tls.good.test': ['v=TLSRPTv1; rua=mailto:tls@good.test'],
      '_ua-auto-config.good.test': [
        `v=UAAC1; a=sha256; d=${createHash('sha256').update(PACC).digest('base64')}`,
      ],
      'bad.test': ['v=spf1 include:_spf.provider.test ~all'],
      '_mta-sts.bad.test': ['v=STSv1; id=1'],
      '_smtp._tls.bad.test': ['v=TLSRPTv1;'],
      'nomail.test': ['v=spf1 -all'],
      '_mta-sts.nomail.test': ['v=STSv1; id=1'],
    },
  });
  web = await startHttpsHosts({
    'mta-sts.good.test': {
      ip: IP.stsGood,
      routes: {
        '/.well-known/mta-sts.txt': {
          body: 'version: STSv1\r\nmode: enforce\r\nmx: mx1.good.test\r\nmax_age: 604800\r\n',
          headers: { 'content-type': 'text/plain' },
        },
      },
    },
    'autoconfig.good.test': {
      ip: IP.autoconfigGood,
      routes: { '/mail/config-v1.1.xml': { body: configXml('good.test', standardServers('good.test')) } },
    },
    'autodiscover.good.test': {
      ip: IP.autodiscoverGood,
      routes: { '/autodiscover/autodiscover.xml': { body: POX, headers: { 'content-type': 'text/xml' } } },
    },
    'ua-auto-config.good.test': {
      ip: IP.paccGood,
      routes: { '/.well-known/user-agent-configuration.json': { body: PACC } },
    },
    'mta-sts.bad.test': {
      ip: IP.stsBad,
      routes: {
        '/.well-known/mta-sts.txt': {
          body: 'version: STSv1\nmode: testing\nmx: mx.other.test\nmax_age: 86400\n',
        },
      },
    },
    // A certificate for another name: the file is there, but no mail program may use it.
    'autoconfig.bad.test': {
      ip: IP.autoconfigBad,
      certificate: issueCert({ names: ['www.bad.test'] }),
      routes: { '/mail/config-v1.1.xml': { body: configXml('bad.test', standardServers('bad.test')) } },
    },
  });
}, 60_000);

afterAll(async () => {
  await web?.stop();
  await dns?.stop();
});

function domain(args: string[]): Promise<CliRun> {
  return runCli(['domain', ...args, '--dns', dns.server]);
}

async function check(name: string): Promise<DomainCheckResult> {
  const run = await domain([name, '--json']);
  expectExit(run, 0);
  return cliJson(run) as DomainCheckResult;
}

const verdicts = (result: DomainCheckResult) =>
  Object.fromEntries(result.checks.map((entry) => [entry.check, entry.verdict]));

describe('mailsetup domain', () => {
  it('a well set-up domain: every check ok, with what was found', async () => {
    const result = await check('good.test');
    expect(verdicts(result)).toEqual({
      mx: 'ok',
      spf: 'ok',
      dmarc: 'ok',
      'mta-sts': 'ok',
      'tls-rpt': 'ok',
      autoconfig: 'ok',
      autodiscover: 'ok',
      pacc: 'ok',
    });
    expect(result.counts).toEqual({ ok: 8, warning: 0, missing: 0 });
    const byName = Object.fromEntries(result.checks.map((entry) => [entry.check, entry]));
    expect(byName.spf).toMatchObject({
      records: ['v=spf1 mx -all'],
      summary: expect.stringContaining('(-all)'),
    });
    expect(byName.dmarc?.summary).toContain('p=reject');
    expect(byName['mta-sts']).toMatchObject({
      target: 'TXT _mta-sts.good.test, https://mta-sts.good.test/.well-known/mta-sts.txt',
      summary: 'MTA-STS makes senders deliver only encrypted, to mx1.good.test.',
    });
    expect(byName.autoconfig?.summary).toContain(
      'IMAP imap.good.test:993 SSL/TLS, SMTP smtp.good.test:465 SSL/TLS',
    );
    expect(byName.autodiscover?.summary).toContain('Outlook finds the settings');
    for (const entry of result.checks) expect(entry.fix).toBeUndefined();
    // Every look-up went to the DNS server the run was given.
    const asked = dns.queries().map((query) => `${query.type} ${query.name}`);
    expect(asked).toEqual(
      expect.arrayContaining([
        'MX good.test',
        'TXT good.test',
        'TXT _dmarc.good.test',
        'TXT _mta-sts.good.test',
        'TXT _smtp._tls.good.test',
      ]),
    );
  });

  it('a badly set-up domain: each problem with its verdict and fix; the run itself exits 0', async () => {
    const result = await check('bad.test');
    expect(verdicts(result)).toEqual({
      mx: 'warning',
      spf: 'ok',
      dmarc: 'missing',
      'mta-sts': 'warning',
      'tls-rpt': 'warning',
      autoconfig: 'warning',
      autodiscover: 'missing',
      pacc: 'missing',
    });
    const byName = Object.fromEntries(result.checks.map((entry) => [entry.check, entry]));
    expect(byName.mx?.summary).toBe(
      'The MX host(s) mx.bad.test have no address: mail to them cannot be delivered.',
    );
    expect(byName.spf?.summary).toContain('(~all)');
    expect(byName.dmarc).toMatchObject({
      summary: expect.stringContaining('No DMARC record at _dmarc.bad.test'),
      fix: expect.stringContaining('v=DMARC1; p=none; rua=mailto:dmarc-reports@bad.test'),
    });
    expect(byName['mta-sts']?.summary).toContain('testing mode');
    expect(byName['mta-sts']?.notes).toContainEqual(
      expect.stringContaining('does not list the MX host(s) mx.bad.test'),
    );
    expect(byName['tls-rpt']?.summary).toContain('no valid rua=');
    expect(byName.autoconfig?.summary).toMatch(
      /^https:\/\/autoconfig\.bad\.test\/.* answers, but cannot be used \(certificate-hostname-mismatch/,
    );
    expect(byName.autodiscover?.fix).toContain('https://autodiscover.bad.test/autodiscover/autodiscover.xml');
    expect(result.counts).toEqual({ ok: 1, warning: 4, missing: 3 });
  });

  it('a domain that receives no mail (null MX), with an MTA-STS policy nobody can fetch', async () => {
    const result = await check('nomail.test');
    const byName = Object.fromEntries(result.checks.map((entry) => [entry.check, entry]));
    expect(byName.mx).toMatchObject({
      verdict: 'warning',
      records: ['0 .'],
      summary: expect.stringContaining('null MX'),
    });
    expect(byName['mta-sts']).toMatchObject({
      verdict: 'warning',
      summary: expect.stringContaining('the policy cannot be fetched (dns-not-found'),
    });
  });

  it('as text, in German, for the domain of an address', async () => {
    const run = await domain(['jane@bad.test', '--lang', 'de']);
    expectExit(run, 0);
    expect(run.stdout).toContain('Domain-Prüfung für bad.test');
    expect(run.stdout).toMatch(/✗ DMARC +fehlt +Kein DMARC-Eintrag bei _dmarc\.bad\.test/);
    expect(run.stdout).toMatch(/✓ SPF +in Ordnung/);
    expect(run.stdout).toContain('Was tun: Veröffentlichen Sie einen TXT-Eintrag bei _dmarc.bad.test');
    expect(run.stdout).toContain('1 in Ordnung, 4 Warnung(en), 3 fehlt/fehlen');
  });

  it('a bad domain is bad input: exit 2', async () => {
    const run = await domain(['not a domain']);
    expectExit(run, 2);
    expect(run.stderr).toContain('"not a domain" is not a domain name such as example.com.');
    expectExit(await domain([]), 2);
  });
});
