// The browser host's doors: only 127.0.0.1, only with the session token, only our Host and Origin,
// only API_METHODS, only small JSON bodies; the renderer build with the CSP and the injected shim.

import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_DEFAULTS, injectShim, startUiHost, type UiHost } from '../../browser-host/host.js';
import { API_METHODS, type MailSetupApi } from '../../core/api.js';
import { BROWSER_HOST_CSP } from '../../electron/csp.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'renderer');

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const detect = vi.fn<MailSetupApi['detect']>(async (request) => {
  request.onProgress?.({ source: 'bundled', target: 'bundled:gmx.de', state: 'found' } as never);
  return { found: true, address: request.address } as never;
});
const api = { detect } as unknown as MailSetupApi;

let host: UiHost;
const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-MailSetup-Token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  host = await startUiHost({ rendererDir: FIXTURE, api });
});
afterAll(() => host?.close());

describe('where the host listens', () => {
  it('is 127.0.0.1 on a random port, with a fresh 256-bit token in the link', async () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token).toMatch(/^[\w-]{43}$/);
    const other = await startUiHost({ rendererDir: FIXTURE, api });
    expect(other.token).not.toBe(host.token);
    expect(other.port).not.toBe(host.port);
    await other.close();
  });

  it('cannot be reached on any other address of the machine', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address && !address.address.startsWith('127.'))
      .map((address) => address?.address as string);
    for (const address of ['::1', ...others]) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(reached, address).toBe(false);
    }
  });

  it('takes a fixed port when told, and is gone after close', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const fixed = await startUiHost({ rendererDir: FIXTURE, api, port });
    expect(fixed.port).toBe(port);
    await fixed.close();
    await expect(send(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('the renderer build', () => {
  it('serves index.html with the CSP and the shim before the renderer scripts', async () => {
    const answer = await send(host.port);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-security-policy']).toBe(BROWSER_HOST_CSP);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
    const shimAt = answer.body.indexOf('<script src="/__mailsetup/bridge.js"></script>');
    expect(shimAt).toBeGreaterThan(answer.body.indexOf('<head>'));
    expect(shimAt).toBeLessThan(answer.body.indexOf('<script type="module"'));
  });

  it('serves the shim: one classic script, no Node code, every API method', async () => {
    const answer = await send(host.port, { path: '/__mailsetup/bridge.js' });
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.body).not.toMatch(/\brequire\(|\bimport\b/);
    for (const method of API_METHODS) expect(answer.body).toContain(`"${method}"`);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/../../host.ts', '/.hidden', '/host.ts'])(
    'refuses %s',
    async (rawPath) => {
      const answer = await send(host.port, { path: rawPath });
      expect(answer.status).toBe(404);
      expect(answer.headers['content-security-policy']).toBe(BROWSER_HOST_CSP);
    },
  );

  it('puts the shim first even into a page without <head>', () => {
    expect(injectShim('<p>x</p>')).toBe('<script src="/__mailsetup/bridge.js"></script>\n<p>x</p>');
    expect(injectShim('<html><head lang="en"><script type="module" src="/a.js"></script>')).toContain(
      '<head lang="en">\n    <script src="/__mailsetup/bridge.js"></script><script type="module"',
    );
  });
});

describe('refusals', () => {
  it.each(['localhost:PORT', 'evil.example', 'evil.example:PORT', '127.0.0.1:1', '127.0.0.1'])(
    'refuses Host %s (DNS rebinding), for the page and the API',
    async (hostHeader) => {
      const headers = { Host: hostHeader.replace('PORT', String(host.port)) };
      expect((await send(host.port, { headers })).status).toBe(403);
      expect((await call('detect', { request: { address: 'max@gmx.de' } }, headers)).status).toBe(403);
    },
  );

  it.each(['http://evil.example', 'null', 'http://localhost:PORT'])('refuses Origin %s', async (origin) => {
    const answer = await call(
      'detect',
      { request: { address: 'max@gmx.de' } },
      { Origin: origin.replace('PORT', String(host.port)) },
    );
    expect(answer.status).toBe(403);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const body = JSON.stringify({ request: { address: 'max@gmx.de' } });
    const missing = await send(host.port, {
      method: 'POST',
      path: '/api/detect',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(missing.status).toBe(403);
    expect((await call('detect', { request: {} }, { 'X-MailSetup-Token': 'x'.repeat(43) })).status).toBe(403);
    expect((await call('detect', { request: {} }, { 'X-MailSetup-Token': 'short' })).status).toBe(403);
    expect((await send(host.port, { path: '/api/events' })).status).toBe(403);
    expect((await send(host.port, { path: '/api/events?token=wrong' })).status).toBe(403);
    expect(detect).not.toHaveBeenCalled();
  });

  it.each(['unknown', 'onProgress', 'constructor', '__proto__', 'detect/extra'])(
    'answers 404 for method %s',
    async (method) => {
      expect((await call(method, { request: {} })).status).toBe(404);
    },
  );

  it('takes POST with JSON only', async () => {
    const get = await send(host.port, { path: '/api/detect', headers: { 'X-MailSetup-Token': host.token } });
    expect(get.status).toBe(405);
    expect((await call('detect', '{"request":{}}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await call('detect', '{"request":')).status).toBe(400);
    expect((await call('detect', '[1]')).status).toBe(400);
    expect((await send(host.port, { method: 'POST', path: '/index.html' })).status).toBe(405);
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ request: { address: 'x'.repeat(HOST_DEFAULTS.maxBodyBytes) } });
    expect((await call('detect', big)).status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/detect',
          headers: {
            'Content-Type': 'application/json',
            'X-MailSetup-Token': host.token,
            'Transfer-Encoding': 'chunked',
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      for (let sent = 0; sent <= HOST_DEFAULTS.maxBodyBytes; sent += chunk.length) request.write(chunk);
      request.end();
    });
    expect(streamed).toBe(413);
    expect(detect).not.toHaveBeenCalled();
  });
});

describe('a call', () => {
  it('answers with the envelope and streams its progress, tagged, to the page', async () => {
    const events: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, resolve)
        .on('error', reject);
    });
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    stream.setEncoding('utf8').on('data', (chunk: string) => events.push(chunk));

    const answer = await call('detect', {
      request: { address: 'max@gmx.de', onProgress: 'ignored' },
      requestId: 'r1',
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { found: true, address: 'max@gmx.de' } });
    await vi.waitFor(() => expect(events.join('')).toContain('data: '));
    const data = events
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)));
    expect(data).toEqual([
      {
        requestId: 'r1',
        method: 'detect',
        event: { source: 'bundled', target: 'bundled:gmx.de', state: 'found' },
      },
    ]);
    stream.destroy();
  });
});
