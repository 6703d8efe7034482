// The bounded fetch against a real HTTPS server on loopback (test CA): every redirect hop is reported,
// methods change as RFC 9110 says, loops and long chains are named errors, plain HTTP is refused.

import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { createFetcher, FETCH_DEFAULTS, TooManyRedirectsError } from '../../../core/net/fetch.js';
import type { Resolver } from '../../../core/net/index.js';
import { issueCert } from '../../peers/ca.js';

let server: https.Server;
let port = 0;
const seen: { method: string; host: string; path: string; body: string }[] = [];

const at = (host: string, path: string) => `https://${host}:${port}${path}`;

beforeAll(async () => {
  const { key, cert } = issueCert({ names: ['start.test', 'other.test'] });
  server = https.createServer({ key, cert }, async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = request.url ?? '/';
    seen.push({ method: request.method ?? '', host, path, body });
    const redirect = (status: number, location: string) => response.writeHead(status, { location }).end();
    const status = /^\/status\/(\d+)$/.exec(path)?.[1];
    const step = /^\/chain\/(\d+)$/.exec(path)?.[1];
    if (status) return redirect(Number(status), at('other.test', '/final'));
    if (step) return redirect(302, `/chain/${Number(step) + 1}`);
    if (path === '/loop/a') return redirect(301, '/loop/b');
    if (path === '/loop/b') return redirect(301, at('start.test', '/loop/a'));
    if (path === '/relative') return redirect(302, '/final');
    if (path === '/to-http') return redirect(302, `http://other.test:${port}/final`);
    if (path === '/final') return response.writeHead(200).end(`${request.method} ${body}`);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every name is this loopback server; nothing else is asked. */
function loopbackFetcher() {
  const refuse = () => Promise.reject(new Error('not used'));
  const resolver: Resolver = {
    server: undefined,
    cancel: () => {},
    resolveMx: refuse,
    resolveSrv: refuse,
    resolveTxt: refuse,
    resolveAddresses: refuse,
    lookup: (_host, options, callback) =>
      options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4),
  };
  return createFetcher(resolver);
}

describe('createFetcher redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'reports every hop of a %i redirect, and the final URL',
    async (status) => {
      const response = await loopbackFetcher()(at('start.test', `/status/${status}`));
      expect(response).toMatchObject({
        status: 200,
        url: at('other.test', '/final'),
        redirects: [at('other.test', '/final')],
        text: 'GET ',
      });
    },
  );

  it('keeps a POST body through 307 and 308, and turns 301, 302, 303 into a GET', async () => {
    const fetch = loopbackFetcher();
    const post = (status: number) =>
      fetch(at('start.test', `/status/${status}`), { method: 'POST', body: '<Request/>' });
    expect((await post(307)).text).toBe('POST <Request/>');
    expect((await post(308)).text).toBe('POST <Request/>');
    for (const status of [301, 302, 303]) expect((await post(status)).text).toBe('GET ');
  });

  it('does not follow a Location on any other 3xx status', async () => {
    const response = await loopbackFetcher()(at('start.test', '/status/300'));
    expect(response).toMatchObject({ status: 300, url: at('start.test', '/status/300'), redirects: [] });
  });

  it('resolves a relative Location against the URL that sent it', async () => {
    const response = await loopbackFetcher()(at('start.test', '/relative'));
    expect(response.redirects).toEqual([at('start.test', '/final')]);
  });

  it('answers with an empty chain when nothing redirects', async () => {
    const response = await loopbackFetcher()(at('start.test', '/final'));
    expect(response).toMatchObject({ status: 200, url: at('start.test', '/final'), redirects: [] });
  });

  it('names a loop at once, without asking round again', async () => {
    seen.length = 0;
    const failure = loopbackFetcher()(at('start.test', '/loop/a'), { maxRedirects: 10 });
    await expect(failure).rejects.toBeInstanceOf(TooManyRedirectsError);
    await expect(failure).rejects.toMatchObject({
      name: 'TooManyRedirectsError',
      code: 'protocol-error',
      phase: 'http',
      detail: `redirect loop: ${at('start.test', '/loop/a')} -> ${at('start.test', '/loop/b')} -> ${at('start.test', '/loop/a')}`,
    });
    expect(seen.map((request) => request.path)).toEqual(['/loop/a', '/loop/b']);
  });

  it(`stops after ${FETCH_DEFAULTS.maxRedirects} redirects, and after maxRedirects when given`, async () => {
    seen.length = 0;
    const fetch = loopbackFetcher();
    await expect(fetch(at('start.test', '/chain/0'))).rejects.toMatchObject({
      name: 'TooManyRedirectsError',
      detail: expect.stringMatching(/^more than 3 redirects: .*\/chain\/0 -> .*\/chain\/4$/),
    });
    expect(seen).toHaveLength(FETCH_DEFAULTS.maxRedirects + 1);
    await expect(fetch(at('start.test', '/chain/0'), { maxRedirects: 0 })).rejects.toBeInstanceOf(
      TooManyRedirectsError,
    );
  });

  it('refuses a redirect to plain http before connecting', async () => {
    seen.length = 0;
    const failure = loopbackFetcher()(at('start.test', '/to-http'));
    await expect(failure).rejects.toBeInstanceOf(MailSetupError);
    await expect(failure).rejects.toMatchObject({ code: 'tls-handshake-failed' });
    expect(seen.map((request) => request.path)).toEqual(['/to-http']);
  });
});
