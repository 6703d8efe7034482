// Web hosts of the test internet (autoconfig, well-known, autodiscover, ISPDB): one server per IP on the
// standard port, certificates from the test CA chosen by SNI, and hostile modes per host. Every request
// is recorded so tests can assert what the product asked, and what it did not send.

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { KeyAndCert } from './ca.js';
import { certificateFor } from './process.js';

export interface RouteReply {
  status?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  scheme: 'https' | 'http';
  method: string;
  /** Host header without the port, lower case; the TLS server name if there was no Host header. */
  host: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export type RouteHandler = RouteReply | ((request: RecordedRequest) => RouteReply | Promise<RouteReply>);

export type HostMode =
  /** Serve the routes over HTTPS on 443. */
  | 'normal'
  /** Accept TCP on 443 and never answer: no TLS handshake, no bytes. */
  | 'hang'
  /** Send status and headers at once, then the body one byte per `slowBodyIntervalMs`. */
  | 'slow-body'
  /** Serve the routes over plain HTTP on port 80; nothing listens on 443. */
  | 'http-only'
  /** Answer every request on 443 with `redirectStatus` and `Location: redirectTo`. */
  | 'redirect';

export interface HostSpec {
  ip: string;
  routes?: Record<string, RouteHandler>;
  mode?: HostMode;
  redirectTo?: string;
  redirectStatus?: number;
  slowBodyIntervalMs?: number;
  /** Serve this certificate instead of one from the test CA for the host name (expired, self-signed...). */
  certificate?: KeyAndCert;
}

export interface HttpsHostsHandle {
  /** Every request to any host, in arrival order. */
  requests: RecordedRequest[];
  /** TCP connections accepted (and held) on the IP of a host in 'hang' mode. */
  hungConnections(host: string): number;
  stop(): Promise<void>;
}

interface Host {
  name: string;
  spec: HostSpec;
  context: tls.SecureContext;
}

const DEFAULT_SLOW_INTERVAL_MS = 500;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function pickHost(hosts: Host[], request: IncomingMessage): Host | undefined {
  const header = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const sni = (request.socket as tls.TLSSocket).servername;
  const wanted = header || (typeof sni === 'string' ? sni.toLowerCase() : '');
  return hosts.find((host) => host.name === wanted) ?? (hosts.length === 1 ? hosts[0] : undefined);
}

function handler(hosts: Host[], scheme: 'https' | 'http', requests: RecordedRequest[]) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const host = pickHost(hosts, request);
    const recorded: RecordedRequest = {
      scheme,
      method: request.method ?? 'GET',
      host: host?.name ?? (request.headers.host ?? '').toLowerCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: await readBody(request),
    };
    requests.push(recorded);
    if (!host) {
      response.writeHead(421).end('no such host here');
      return;
    }
    const { spec } = host;
    if (spec.mode === 'redirect') {
      response.writeHead(spec.redirectStatus ?? 302, { location: spec.redirectTo ?? '/' }).end();
      return;
    }
    const route = spec.routes?.[url.pathname];
    if (route === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    let reply: RouteReply;
    try {
      reply = typeof route === 'function' ? await route(recorded) : route;
    } catch (error) {
      response.writeHead(500).end(String(error));
      return;
    }
    const body = Buffer.from(reply.body ?? '');
    const headers = { 'content-length': String(body.length), ...reply.headers };
    response.writeHead(reply.status ?? 200, headers);
    if (spec.mode !== 'slow-body') {
      response.end(body);
      return;
    }
    const interval = spec.slowBodyIntervalMs ?? DEFAULT_SLOW_INTERVAL_MS;
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed || sent >= body.length) {
        clearInterval(timer);
        response.end();
        return;
      }
      response.write(body.subarray(sent, sent + 1));
      sent++;
    }, interval);
    response.on('close', () => clearInterval(timer));
  };
}

interface Listener {
  close(): Promise<void>;
}

function listen(server: net.Server, ip: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, ip, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeHttp(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function startIp(
  ip: string,
  hosts: Host[],
  requests: RecordedRequest[],
  hung: Map<string, number>,
): Promise<Listener> {
  const modes = new Set(hosts.map((host) => host.spec.mode ?? 'normal'));
  // 'hang' and 'http-only' decide what listens on the address, so they cannot share it with other modes.
  if (modes.size > 1 && (modes.has('hang') || modes.has('http-only'))) {
    throw new Error(`hosts on ${ip} need one mode, got ${[...modes].join(', ')}`);
  }
  const first = hosts[0];
  if (!first) throw new Error(`no host on ${ip}`);
  if (modes.has('hang')) {
    const held = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      hung.set(ip, (hung.get(ip) ?? 0) + 1);
      held.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => held.delete(socket));
    });
    await listen(server, ip, 443);
    return {
      close: async () => {
        for (const socket of held) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }
  if (modes.has('http-only')) {
    const server = http.createServer(handler(hosts, 'http', requests));
    await listen(server, ip, 80);
    return { close: () => closeHttp(server) };
  }
  const server = https.createServer(
    {
      // Clients without SNI (dialling the IP) get the first host's certificate.
      ...(first.spec.certificate ?? certificateFor([first.name])),
      SNICallback: (servername, callback) => {
        const host = hosts.find((candidate) => candidate.name === servername.toLowerCase()) ?? first;
        callback(null, host.context);
      },
    },
    handler(hosts, 'https', requests),
  );
  await listen(server, ip, 443);
  return { close: () => closeHttp(server) };
}

export async function startHttpsHosts(specs: Record<string, HostSpec>): Promise<HttpsHostsHandle> {
  const requests: RecordedRequest[] = [];
  const byIp = new Map<string, Host[]>();
  for (const [name, spec] of Object.entries(specs)) {
    const lower = name.toLowerCase();
    const pair = spec.certificate ?? certificateFor([lower]);
    const host: Host = { name: lower, spec, context: tls.createSecureContext(pair) };
    byIp.set(spec.ip, [...(byIp.get(spec.ip) ?? []), host]);
  }
  const hung = new Map<string, number>();
  const listeners: Listener[] = [];
  try {
    for (const [ip, hosts] of byIp) listeners.push(await startIp(ip, hosts, requests, hung));
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  return {
    requests,
    hungConnections: (name) => hung.get(specs[name]?.ip ?? '') ?? 0,
    stop: async () => {
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}
