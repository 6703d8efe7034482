import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchIspdb, ispdbSource } from '../../../core/discovery/ispdb.js';
import { createFetcher } from '../../../core/net/fetch.js';
import type { Net, Resolver } from '../../../core/net/index.js';
import { fakeContext, fixture, testAddress } from '../../fixtures/xml/fake-context.js';
import { issueCert } from '../../peers/ca.js';

const jane = testAddress('jane.doe', 'gmail.com');
const ISPDB = 'https://ispdb.example/v1.1/';

describe('ispdbSource', () => {
  it('GETs ISPDB_URL + domain and returns the entry, trusted, published by the mail domain', async () => {
    const { context, calls, lookups } = fakeContext({
      address: jane,
      ispdbUrl: ISPDB,
      replies: { [`${ISPDB}gmail.com`]: { text: fixture('gmail.com.xml') } },
    });
    const found = await ispdbSource(context);
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0]?.options ?? {}).sort()).toEqual(['signal', 'timeoutMs']);
    expect(found).toMatchObject({
      source: 'ispdb',
      trusted: true,
      provider: { id: 'googlemail.com', name: 'Google Mail' },
      origin: `${ISPDB}gmail.com`,
      publishers: ['gmail.com'],
    });
    expect(found?.incoming.map((server) => server.host)).toEqual(['imap.gmail.com', 'pop.gmail.com']);
    expect(found?.hints[0]).toEqual({ code: 'oauth2-available' });
    expect(lookups).toEqual([
      { source: 'ispdb', target: `${ISPDB}gmail.com`, outcome: 'found', ms: expect.any(Number) },
    ]);
  });

  it('records a missing entry as not found', async () => {
    const { context, lookups } = fakeContext({
      address: testAddress('a', 'unknown.example'),
      ispdbUrl: ISPDB,
      replies: { [`${ISPDB}unknown.example`]: { status: 404, text: 'Not Found' } },
    });
    expect(await ispdbSource(context)).toBeNull();
    expect(lookups.map((lookup) => lookup.outcome)).toEqual(['not-found']);
  });
});

describe('fetchIspdb', () => {
  it("records under the caller's source and fills placeholders for the person's address", async () => {
    const { context, lookups } = fakeContext({
      address: testAddress('info', 'firma.example'),
      ispdbUrl: ISPDB,
      replies: { [`${ISPDB}hosting.example`]: { text: fixture('localpart.xml') } },
    });
    const config = await fetchIspdb(context, 'hosting.example', 'mx');
    expect(config?.origin).toBe(`${ISPDB}hosting.example`);
    expect(config?.incoming[0]).toMatchObject({ host: 'firma.example', username: 'info' });
    expect(lookups).toEqual([
      { source: 'mx', target: `${ISPDB}hosting.example`, outcome: 'found', ms: expect.any(Number) },
    ]);
  });
});

describe('ISPDB over real HTTPS (local server, test CA)', () => {
  let server: https.Server;
  let port = 0;
  const requests: { url: string; headers: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    const { key, cert } = issueCert({ names: ['ispdb.test', 'db.ispdb.test', 'mirror.test'] });
    server = https.createServer({ key, cert }, (request, response) => {
      requests.push({ url: request.url ?? '', headers: { ...request.headers } });
      if (request.url === '/v1.1/gmail.com') {
        response.writeHead(302, { location: `https://mirror.test:${port}/db/gmail.com` }).end();
      } else if (request.url === '/v1.1/googlemail.com') {
        response.writeHead(301, { location: `https://db.ispdb.test:${port}/db/gmail.com` }).end();
      } else if (request.url === '/db/gmail.com') {
        response.writeHead(200, { 'content-type': 'text/xml' }).end(fixture('gmail.com.xml'));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function localNet(): Net {
    const toLoopback: Resolver['lookup'] = (_host, options, callback) =>
      options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4);
    const refuse = () => Promise.reject(new Error('not used'));
    const resolver: Resolver = {
      server: undefined,
      cancel: () => {},
      resolveMx: refuse,
      resolveSrv: refuse,
      resolveTxt: refuse,
      resolveAddresses: refuse,
      lookup: toLoopback,
    };
    return { resolver, fetch: createFetcher(resolver), offline: false };
  }

  it('follows the redirect, reports the final URL, and sends no credentials', async () => {
    const { context, lookups } = fakeContext({
      address: jane,
      ispdbUrl: `https://ispdb.test:${port}/v1.1/`,
      net: localNet(),
    });
    const found = await ispdbSource(context);
    expect(found?.origin).toBe(`https://mirror.test:${port}/db/gmail.com`);
    // Another domain answered for the database: its word, not the database's.
    expect(found).toMatchObject({
      trusted: false,
      detour: {
        from: 'ispdb.test',
        to: 'mirror.test',
        chain: [`https://ispdb.test:${port}/v1.1/gmail.com`, `https://mirror.test:${port}/db/gmail.com`],
      },
    });
    expect(found?.outgoing[0]).toMatchObject({ host: 'smtp.gmail.com', port: 465, security: 'tls' });
    expect(lookups.map((lookup) => lookup.outcome)).toEqual(['found']);
    expect(requests.map((request) => request.url)).toEqual(['/v1.1/gmail.com', '/db/gmail.com']);
    for (const { headers } of requests) {
      expect(headers.authorization).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
    }
  });

  it("stays trusted when the redirect stays in the database's domain", async () => {
    const { context } = fakeContext({
      address: testAddress('jane.doe', 'googlemail.com'),
      ispdbUrl: `https://ispdb.test:${port}/v1.1/`,
      net: localNet(),
    });
    const found = await ispdbSource(context);
    expect(found).toMatchObject({ trusted: true, origin: `https://db.ispdb.test:${port}/db/gmail.com` });
    expect(found?.detour).toBeUndefined();
  });
});
