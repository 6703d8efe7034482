// The one bounded HTTPS fetch: HTTPS only (also after redirects), TLS 1.2+, a size cap, a time limit,
// at most three redirects, and never credentials. Discovery endpoints are strangers' servers.
// Every hop is reported (`redirects`): trust is judged by the caller from the domain the person typed
// and every host on the way (core/discovery/trust.ts), never from the host that answered last.

import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { MailSetupError, toMailSetupError } from '../errors.js';
import { abortReason, withTimeout } from './abort.js';
import type { Resolver } from './resolver.js';
import { classifyTlsError, TLS_MIN_VERSION } from './tls.js';

export interface FetchOptions {
  method?: 'GET' | 'POST';
  body?: string;
  contentType?: string;
  /** The Accept header; discovery's XML preference when absent. */
  accept?: string;
  signal?: AbortSignal;
  /** Whole request, including redirects. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  contentType: string;
  text: string;
  /** Every URL a redirect sent us to, in the order followed (the last one is `url`); empty without one. */
  /** The body exactly as it arrived (PACC's digest is over these bytes, not over decoded text). */
  bytes: Buffer;
  redirects: string[];
}

/** The statuses that send us on (RFC 9110 15.4); any other 3xx is an answer like 4xx. */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * A redirect loop, or more redirects than allowed: nothing was read. Its own name, so a look-up can say
 * so (outcome `too-many-redirects`) instead of a generic error.
 */
export class TooManyRedirectsError extends MailSetupError {
  constructor(detail: string) {
    super('protocol-error', detail, 'http');
    this.name = 'TooManyRedirectsError';
  }
}

export const FETCH_DEFAULTS = {
  timeoutMs: 4000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  userAgent: 'MailSetupAssistant/0.1 (settings discovery)',
} as const;

export type Fetcher = (url: string, options?: FetchOptions) => Promise<FetchResponse>;

export function createFetcher(resolver: Resolver): Fetcher {
  return async (url, options = {}) => {
    const signal = withTimeout(options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs, options.signal);
    const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
    const redirects: string[] = [];
    let current = new URL(url);
    let method = options.method ?? 'GET';
    let body = options.body;
    for (;;) {
      if (current.protocol !== 'https:') {
        throw new MailSetupError(
          'tls-handshake-failed',
          `refused to fetch over ${current.protocol} ${current.href}`,
          'http',
        );
      }
      const response = await requestOnce(current, method, body, options, resolver, signal);
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode ?? 0) && location) {
        response.resume();
        const next = new URL(location, current);
        const visited = [new URL(url).href, ...redirects];
        // A loop is named at once: asking again would only bring the same answer.
        if (visited.includes(next.href)) {
          throw new TooManyRedirectsError(`redirect loop: ${[...visited, next.href].join(' -> ')}`);
        }
        if (redirects.length >= maxRedirects) {
          throw new TooManyRedirectsError(
            `more than ${maxRedirects} redirects: ${[...visited, next.href].join(' -> ')}`,
          );
        }
        current = next;
        redirects.push(current.href);
        // 303 (and by browser custom 301/302 for POST) turn into GET; 307/308 keep method and body.
        if (response.statusCode !== 307 && response.statusCode !== 308) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      const bytes = await readBody(response, options.maxBytes ?? FETCH_DEFAULTS.maxBytes, signal);
      return {
        status: response.statusCode ?? 0,
        url: current.href,
        contentType: String(response.headers['content-type'] ?? ''),
        text: bytes.toString('utf8'),
        bytes,
        redirects,
      };
    }
  };
}

function requestOnce(
  url: URL,
  method: string,
  body: string | undefined,
  options: FetchOptions,
  resolver: Resolver,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const headers: Record<string, string> = {
      'User-Agent': FETCH_DEFAULTS.userAgent,
      Accept: options.accept ?? 'application/xml, text/xml;q=0.9, */*;q=0.1',
    };
    if (body !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'text/xml; charset=utf-8';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const request = https.request(
      url,
      {
        method,
        headers,
        lookup: resolver.lookup,
        minVersion: TLS_MIN_VERSION,
        servername: url.hostname.replace(/^\[|\]$/g, ''),
        agent: false,
        signal,
      },
      resolve,
    );
    request.on('error', (error) =>
      reject(
        signal.aborted
          ? abortReason(signal)
          : new MailSetupError(classifyTlsError(error), error.message, 'http'),
      ),
    );
    request.end(body);
  });
}

function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      return reject(
        new MailSetupError('protocol-error', `response of ${declared} bytes exceeds ${maxBytes}`, 'http'),
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = () => {
      response.destroy();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        signal.removeEventListener('abort', onAbort);
        response.destroy();
        reject(new MailSetupError('protocol-error', `response exceeds ${maxBytes} bytes`, 'http'));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks));
    });
    response.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(toMailSetupError(error, 'protocol-error', 'http'));
    });
  });
}
