// PACC (draft-ietf-mailmaint-pacc-04) on the test internet (127.0.13.1-9): real HTTPS hosts serve the
// document, dnsmasq serves the _ua-auto-config TXT records. Verified, mismatched, missing-TXT, plain
// HTTP and a redirect, through the built CLI's detect and domain check.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainCheckResult } from '../../core/api.js';
import type { DetectResult } from '../../core/model.js';
import { runCli } from '../helpers/cli.js';
import { configXml, standardServers } from '../helpers/config-xml.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';

const IP = {
  verified: '127.0.13.1',
  mismatch: '127.0.13.2',
  notxt: '127.0.13.3',
  plain: '127.0.13.4',
  redirect: '127.0.13.5',
  autoconfig: '127.0.13.6',
};
const PATH = '/.well-known/user-agent-configuration.json';

const documentFor = (domain: string) =>
  `${JSON.stringify(
    {
      protocols: { imap: { host: `imap.${domain}` }, smtp: { host: `smtp.${domain}` } },
      authentication: { password: true },
      info: { provider: { name: 'PACC Test Mail' } },
    },
    null,
    2,
  )}\n`;
const digest = (body: string) => createHash('sha256').update(body).digest('base64');
const record = (body: string, extra = '') => `v=UAAC1; a=sha256;${extra} d=${digest(body)}`;

let dns: DnsHandle;
let web: HttpsHostsHandle;

beforeAll(async () => {
  const domains = ['verified', 'mismatch', 'notxt', 'plain', 'redirect'] as const;
  dns = await startDns({
    authoritative: ['test'],
    a: {
      ...Object.fromEntries(domains.map((name) => [`ua-auto-config.${name}.test`, [IP[name]]])),
      'autoconfig.verified.test': [IP.autoconfig],
    },
    txt: {
      // Several records: an old digest, and the current one with a tag we do not know.
      '_ua-auto-config.verified.test': [
        record('an older document'),
        record(documentFor('verified.test'), ' x-note=rollover;'),
      ],
      // The record of the document before its last edit: one byte differs.
      '_ua-auto-config.mismatch.test': [record(documentFor('mismatch.test').trimEnd())],
      '_ua-auto-config.plain.test': [record(documentFor('plain.test'))],
      '_ua-auto-config.redirect.test': [record(documentFor('redirect.test'))],
    },
  });
  web = await startHttpsHosts({
    'ua-auto-config.verified.test': {
      ip: IP.verified,
      routes: { [PATH]: { body: documentFor('verified.test') } },
    },
    'ua-auto-config.mismatch.test': {
      ip: IP.mismatch,
      routes: { [PATH]: { body: documentFor('mismatch.test') } },
    },
    'ua-auto-config.notxt.test': { ip: IP.notxt, routes: { [PATH]: { body: documentFor('notxt.test') } } },
    // The document only over plain HTTP; nothing listens on 443.
    'ua-auto-config.plain.test': {
      ip: IP.plain,
      mode: 'http-only',
      routes: { [PATH]: { body: documentFor('plain.test') } },
    },
    'ua-auto-config.redirect.test': {
      ip: IP.redirect,
      mode: 'redirect',
      redirectTo: `http://ua-auto-config.plain.test${PATH}`,
    },
    // A network source ranked below PACC that knows other servers.
    'autoconfig.verified.test': {
      ip: IP.autoconfig,
      routes: {
        '/mail/config-v1.1.xml': { body: configXml('verified.test', standardServers('mail.verified.test')) },
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await web?.stop();
  await dns?.stop();
});

const env = { MAILSETUP_ISPDB_URL: 'https://ispdb.invalid.test/v1.1/' };

async function detect(address: string): Promise<{ code: number | null; result: DetectResult }> {
  const run = await runCli(['detect', address, '--json', '--dns', dns.server, '--timeout', '6'], { env });
  return { code: run.code, result: JSON.parse(run.stdout) as DetectResult };
}

const paccLookup = (result: DetectResult) => result.lookups.find((lookup) => lookup.source === 'pacc');

describe('PACC in detect', () => {
  it('a verified document is the answer, ranked above autoconfig, with direct-TLS servers', async () => {
    const { code, result } = await detect('anna@verified.test');
    expect(code).toBe(0);
    expect(result).toMatchObject({
      found: true,
      source: 'pacc',
      trusted: true,
      origin: `https://ua-auto-config.verified.test${PATH}`,
      provider: { name: 'PACC Test Mail' },
    });
    expect([...result.incoming, ...result.outgoing]).toEqual([
      {
        protocol: 'imap',
        host: 'imap.verified.test',
        port: 993,
        security: 'tls',
        username: 'anna@verified.test',
        auth: 'password',
      },
      {
        protocol: 'smtp',
        host: 'smtp.verified.test',
        port: 465,
        security: 'tls',
        username: 'anna@verified.test',
        auth: 'password',
      },
    ]);
    expect(paccLookup(result)?.outcome).toBe('found');
  });

  it('a digest that does not match the bytes: named outcome, no settings from PACC', async () => {
    const { code, result } = await detect('anna@mismatch.test');
    expect(code).toBe(3);
    expect(result.found).toBe(false);
    expect(paccLookup(result)).toMatchObject({
      outcome: 'digest-mismatch',
      target: `https://ua-auto-config.mismatch.test${PATH}`,
    });
  });

  it('a document without a TXT record: named outcome, no settings', async () => {
    const { result } = await detect('anna@notxt.test');
    expect(result.found).toBe(false);
    expect(paccLookup(result)?.outcome).toBe('digest-missing');
  });

  it('plain HTTP is never fetched, even with a matching record, nor is a redirect followed', async () => {
    const plain = await detect('anna@plain.test');
    expect(plain.result.found).toBe(false);
    expect(paccLookup(plain.result)).toMatchObject({
      outcome: 'error',
      detail: expect.stringMatching(/connection-refused/),
    });
    const redirect = await detect('anna@redirect.test');
    expect(redirect.result.found).toBe(false);
    // The fetch allows no redirect for PACC: the first one is already one too many.
    expect(paccLookup(redirect.result)).toMatchObject({
      outcome: 'too-many-redirects',
      detail: expect.stringMatching(/redirect/),
    });
    expect(web.requests.filter((request) => request.scheme === 'http')).toEqual([]);
  });
});

describe('PACC in mailsetup domain', () => {
  async function pacc(domain: string) {
    const run = await runCli(['domain', domain, '--json', '--dns', dns.server]);
    expect(run.code).toBe(0);
    return (JSON.parse(run.stdout) as DomainCheckResult).checks.find((check) => check.check === 'pacc');
  }

  it('says a domain publishes PACC correctly, and what mail programs will find', async () => {
    expect(await pacc('verified.test')).toMatchObject({
      verdict: 'ok',
      summary: expect.stringContaining('IMAP imap.verified.test:993 SSL/TLS'),
    });
  });

  it('names the TXT record to publish when it is missing or stale', async () => {
    const expected = `v=UAAC1; a=sha256; d=${digest(documentFor('mismatch.test'))}`;
    expect(await pacc('mismatch.test')).toMatchObject({
      verdict: 'warning',
      fix: expect.stringContaining(expected),
    });
    expect(await pacc('notxt.test')).toMatchObject({
      verdict: 'warning',
      summary: expect.stringContaining('no TXT record'),
      fix: expect.stringContaining(`d=${digest(documentFor('notxt.test'))}`),
    });
  });

  it('calls a record without an HTTPS document broken, and a domain without PACC missing', async () => {
    expect(await pacc('plain.test')).toMatchObject({
      verdict: 'warning',
      summary: expect.stringContaining('connection-refused'),
    });
    expect(await pacc('nothing.test')).toMatchObject({ verdict: 'missing' });
  });
});
