// The browser host (`npm run ui:browser`): serves the production renderer build and core/api.ts over a
// localhost bridge, so the real wizard runs in any browser where Electron cannot (CI, reviews), and the
// e2e tests drive it in Chromium. It is a door into core (the keychain, connections to mail servers), so:
// - it listens on 127.0.0.1 only, on a random port unless told otherwise;
// - every API call and the event stream need the session's random token (the page gets it in the URL
//   fragment, which browsers never send to a server);
// - the Host header must be 127.0.0.1:PORT (DNS rebinding) and an Origin header, when sent, ours;
// - only API_METHODS, only POST with JSON, at most MAX_BODY_BYTES;
// - every response carries the renderer's CSP (connect-src 'self' for the bridge).
// Environment variables reach core as for the CLI (MAILSETUP_DNS, MAILSETUP_ISPDB_URL, ...).
//
//   tsx browser-host/host.ts [--renderer DIR] [--port N]

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { API_METHODS, createApi, type MailSetupApi } from '../core/api.js';
import { callApi, type ProgressMessage } from '../core/bridge.js';
import { bundleBridge } from '../electron/bundle.js';
import { BROWSER_HOST_CSP, securityHeaders } from '../electron/csp.js';
import { contentTypeFor, rendererFile } from '../electron/renderer-files.js';
import { API_PREFIX, EVENTS_PATH, LAST_EVENT_HEADER, SHIM_PATH, TOKEN_HEADER } from './bridge-protocol.js';

export const HOST_DEFAULTS = {
  /** Export requests carry an account and maybe a signing identity; nothing legitimate is larger. */
  maxBodyBytes: 1024 * 1024,
  /** Request ids are the renderer's own short tags. */
  maxRequestIdLength: 128,
  /** Keeps idle event streams open through proxies and browser timeouts. */
  keepAliveMs: 15_000,
  /** How long the rest of a too-large body is read and discarded before the connection is cut. */
  drainMs: 1000,
} as const;

const ROOT = path.resolve(import.meta.dirname, '..');
export const DEFAULT_RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

export interface UiHostOptions {
  /** The renderer's production build (index.html and its assets). */
  rendererDir: string;
  /** The API behind the bridge; core's createApi() when absent. */
  api?: MailSetupApi;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
}

export interface UiHost {
  /** Open this: the page and, in its fragment, the token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new Refusal(413, 'request body too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Refusal(413, 'request body too large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** index.html with the shim as the first script of <head>: it must define window.mailsetup first. */
export function injectShim(html: string): string {
  const tag = `<script src="${SHIM_PATH}"></script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `${tag}\n${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
}

export async function startUiHost(options: UiHostOptions): Promise<UiHost> {
  const api = options.api ?? createApi();
  const rendererDir = path.resolve(options.rendererDir);
  const token = randomBytes(32).toString('base64url');
  const shim = await bundleBridge({
    entry: path.join(import.meta.dirname, 'bridge-shim.ts'),
    format: 'iife',
  });
  const streams = new Set<http.ServerResponse>();
  let lastEventId = 0;
  let port = 0;

  const baseHeaders = (): Record<string, string> => ({
    ...securityHeaders(BROWSER_HOST_CSP),
    'Cache-Control': 'no-store',
  });

  const send = (
    response: http.ServerResponse,
    status: number,
    body: string | Buffer,
    contentType: string,
  ): void => {
    response.writeHead(status, { ...baseHeaders(), 'Content-Type': contentType });
    response.end(body);
  };

  const broadcast = (message: ProgressMessage): void => {
    lastEventId++;
    const event = `id: ${lastEventId}\ndata: ${JSON.stringify(message)}\n\n`;
    for (const stream of streams) stream.write(event);
  };

  /** DNS rebinding and cross-site requests: only our exact host and origin. */
  function checkHostAndOrigin(request: http.IncomingMessage): void {
    if (request.headers.host !== `127.0.0.1:${port}`) throw new Refusal(403, 'wrong Host header');
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}`)
      throw new Refusal(403, 'foreign Origin');
  }

  function openEventStream(request: http.IncomingMessage, response: http.ServerResponse, url: URL): void {
    if (request.method !== 'GET') throw new Refusal(405, 'method not allowed');
    if (!sameToken(url.searchParams.get('token'), token)) throw new Refusal(403, 'missing or wrong token');
    response.writeHead(200, {
      ...baseHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), HOST_DEFAULTS.keepAliveMs);
    response.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(response);
    });
  }

  async function answerApiCall(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    method: string,
  ): Promise<void> {
    if (!sameToken(request.headers[TOKEN_HEADER.toLowerCase()] as string | undefined, token)) {
      throw new Refusal(403, 'missing or wrong token');
    }
    if (!(API_METHODS as readonly string[]).includes(method)) throw new Refusal(404, 'no such method');
    if (request.method !== 'POST') throw new Refusal(405, 'method not allowed');
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new Refusal(415, 'JSON only');
    const text = await readBody(request, HOST_DEFAULTS.maxBodyBytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Refusal(400, 'body is not JSON');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new Refusal(400, 'body must be { request, requestId? }');
    }
    const { request: apiRequest, requestId } = body as { request?: unknown; requestId?: unknown };
    // A page that goes away cancels its call, as a closed Electron window does.
    const controller = new AbortController();
    response.on('close', () => {
      if (!response.writableEnded) controller.abort(new Error('the page went away'));
    });
    const envelope = await callApi(api, API_METHODS, method, apiRequest, {
      ...(typeof requestId === 'string' && requestId.length <= HOST_DEFAULTS.maxRequestIdLength
        ? { requestId }
        : {}),
      emit: broadcast,
      signal: controller.signal,
    });
    if (response.writableEnded) return;
    response.setHeader(LAST_EVENT_HEADER, String(lastEventId));
    send(response, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
  }

  async function serveFile(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new Refusal(405, 'method not allowed');
    if (url.pathname === SHIM_PATH) {
      send(response, 200, shim, 'text/javascript; charset=utf-8');
      return;
    }
    // The raw path, not the URL's normalised one: `/../x` must be refused, not quietly turned into `/x`.
    const rawPath = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
    const file = rendererFile(rendererDir, rawPath);
    // Chromium asks every site for a tab icon (Electron does not): no icon is not an error of the renderer.
    if (rawPath === '/favicon.ico' && (!file || !existsSync(file))) {
      response.writeHead(204, baseHeaders());
      response.end();
      return;
    }
    if (!file) throw new Refusal(404, 'not found');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      throw new Refusal(404, 'not found');
    }
    const type = contentTypeFor(file) as string;
    const body = path.basename(file) === 'index.html' ? injectShim(content.toString('utf8')) : content;
    send(response, 200, request.method === 'HEAD' ? '' : body, type);
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    checkHostAndOrigin(request);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === EVENTS_PATH) return openEventStream(request, response, url);
    if (url.pathname.startsWith(API_PREFIX)) {
      return answerApiCall(request, response, url.pathname.slice(API_PREFIX.length));
    }
    return serveFile(request, response, url);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof Refusal ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 413) {
        // The rest of a refused body is thrown away for a moment (so the client reads our answer
        // instead of a reset), then the connection goes.
        response.setHeader('Connection', 'close');
        request.removeAllListeners('data');
        request.resume();
        setTimeout(() => request.destroy(), HOST_DEFAULTS.drainMs).unref();
      }
      if (!response.headersSent) send(response, status, `${message}\n`, 'text/plain; charset=utf-8');
      else response.destroy();
    });
  });
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const stream of streams) stream.end();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { renderer: { type: 'string' }, port: { type: 'string' } } });
  const rendererDir = path.resolve(values.renderer ?? DEFAULT_RENDERER_DIR);
  try {
    await readFile(path.join(rendererDir, 'index.html'));
  } catch {
    console.error(`No renderer build in ${rendererDir}: run \`npm run build:renderer\` first.`);
    process.exit(2);
  }
  const host = await startUiHost({ rendererDir, port: values.port ? Number(values.port) : 0 });
  console.log(`MailSetup Assistant in the browser (127.0.0.1 only, this session's token in the link):`);
  console.log(host.url);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
