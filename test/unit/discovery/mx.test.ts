// MX as a discovery source (core/discovery/mx.ts), against a real DNS server (dnsmasq) and a real HTTPS
// ISPDB on loopback: the best exchange decides, a bundled provider or the operator's ISPDB entry
// answers, and the answer is never trusted silently.

import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { loadCatalog } from '../../../core/discovery/bundled.js';
import { bestExchange, mxSource } from '../../../core/discovery/mx.js';
import type { DiscoveryContext } from '../../../core/discovery/types.js';
import type { Lookup } from '../../../core/model.js';
import { createNet } from '../../../core/net/index.js';
import { configXml, standardServers } from '../../helpers/config-xml.js';
import { issueCert } from '../../peers/ca.js';
import { type DnsHandle, startDns } from '../../peers/dnsmasq.js';

const ISPDB_IP = '127.0.12.3';
let dns: DnsHandle;
let ispdb: https.Server;
let ispdbUrl: string;
const ispdbRequests: string[] = [];

beforeAll(async () => {
  dns = await startDns({
    authoritative: ['test', 'example'],
    a: { 'ispdb.test': [ISPDB_IP] },
    mx: {
      // The best (lowest) preference names the operator, whatever the order of the answer.
      'firma.test': [
        { exchange: 'backup.elsewhere.example', priority: 50 },
        { exchange: 'mx00.ionos.de', priority: 10 },
      ],
      'hosted.test': [{ exchange: 'mx.operator.example', priority: 10 }],
      'unknown.test': [{ exchange: 'mx.nobody.example', priority: 10 }],
      'self.test': [{ exchange: 'mx.self.test', priority: 10 }],
    },
  });
  ispdb = https.createServer(issueCert({ names: ['ispdb.test'] }), (request, response) => {
    ispdbRequests.push(request.url ?? '');
    if (request.url === '/v1.1/operator.example') {
      response
        .writeHead(200, { 'content-type': 'text/xml' })
        .end(configXml('operator.example', standardServers('operator.example')));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => ispdb.listen(0, ISPDB_IP, resolve));
  ispdbUrl = `https://ispdb.test:${(ispdb.address() as AddressInfo).port}/v1.1/`;
});

afterAll(async () => {
  await dns?.stop();
  await new Promise((resolve) => ispdb?.close(resolve));
});

/** The built-in catalogue, loaded once (its loading is lazy and asynchronous). */
const CATALOG = await loadCatalog();

function context(address: string, lookups: Lookup[] = []): DiscoveryContext {
  return {
    address: parseAddress(address),
    net: createNet({ dns: dns.server }),
    ispdbUrl,
    bundled: CATALOG,
    signal: AbortSignal.timeout(10_000),
    sourceTimeoutMs: 10_000,
    record: (lookup) => lookups.push(lookup),
  };
}

describe('mxSource', () => {
  it("answers with a bundled provider's settings for the best exchange, untrusted, naming the operator", async () => {
    const lookups: Lookup[] = [];
    const config = await mxSource(context('max@firma.test', lookups));
    expect(config).toMatchObject({
      source: 'mx',
      trusted: false,
      operatorDomain: 'ionos.de',
      provider: { id: 'ionos' },
    });
    expect(config?.publishers).toContain('ionos.de');
    expect(config?.incoming[0]?.username).toBe('max@firma.test');
    expect(lookups.map((lookup) => `${lookup.target} ${lookup.outcome}`)).toEqual([
      'MX firma.test found',
      'bundled:mx00.ionos.de found',
    ]);
  });

  it('asks ISPDB for an operator the catalogue does not know, and keeps that answer untrusted', async () => {
    const config = await mxSource(context('max@hosted.test'));
    expect(config).toMatchObject({ source: 'mx', trusted: false, operatorDomain: 'operator.example' });
    expect(config?.incoming[0]).toMatchObject({ host: 'imap.operator.example', port: 993, security: 'tls' });
    expect(config?.origin).toBe(`${ispdbUrl}operator.example`);
    expect(config?.publishers).toEqual(['operator.example']);
    expect(ispdbRequests).toContain('/v1.1/operator.example');
  });

  it('has no answer when the operator is unknown everywhere, or is the mail domain itself', async () => {
    expect(await mxSource(context('max@unknown.test'))).toBeNull();
    const before = ispdbRequests.length;
    // The mail domain's own ISPDB entry is the ispdb source's job: no second request for it.
    expect(await mxSource(context('max@self.test'))).toBeNull();
    expect(ispdbRequests.length).toBe(before);
  });

  it('has no answer for a domain without MX, and says it found nothing', async () => {
    const lookups: Lookup[] = [];
    expect(await mxSource(context('max@no-mx.test', lookups))).toBeNull();
    expect(lookups).toMatchObject([{ source: 'mx', target: 'MX no-mx.test', outcome: 'not-found' }]);
  });
});

describe('bestExchange', () => {
  it('takes the lowest preference, lower-cased without the root dot', () => {
    expect(
      bestExchange([
        { exchange: 'b.example', priority: 20 },
        { exchange: 'A.Example.', priority: 5 },
      ]),
    ).toBe('a.example');
  });

  it('reads a null MX (RFC 7505) and no records as no exchange', () => {
    expect(bestExchange([{ exchange: '', priority: 0 }])).toBeUndefined();
    expect(bestExchange([{ exchange: '.', priority: 0 }])).toBeUndefined();
    expect(bestExchange([])).toBeUndefined();
  });
});
