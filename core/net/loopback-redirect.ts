// The one listening socket of the product: the redirect target of one OAuth2 sign-in (RFC 8252 7.3).
// It listens on 127.0.0.1 only (not "localhost", which may resolve to another interface or be
// redirected), on a port the system picks unless the administrator registered a fixed one, takes
// exactly one redirect to its path, answers the browser with a short page, and closes.

import http from 'node:http';
import { MailSetupError } from '../errors.js';
import { abortReason } from './abort.js';

export interface RedirectListenerOptions {
  /** A fixed port (an app registration with an exact redirect URI); 0 or absent: any free port. */
  port?: number;
  /** The path of the redirect URI. */
  path?: string;
  /** The page the browser shows once the redirect arrived (already localized, plain HTML). */
  donePage: string;
}

export interface RedirectListener {
  /** http://127.0.0.1:PORT/PATH */
  redirectUri: string;
  /** The full URL the browser was sent to (with code or error), once; rejects on abort. */
  waitForRedirect(signal: AbortSignal): Promise<URL>;
  close(): Promise<void>;
}

export const LOOPBACK_HOST = '127.0.0.1';

export async function openRedirectListener(options: RedirectListenerOptions): Promise<RedirectListener> {
  const path = options.path ?? '/callback';
  let deliver: ((url: URL) => void) | undefined;
  let arrived: URL | undefined;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK_HOST}`);
    // Anything else (favicon, a stray second request, another program probing the port) gets nothing.
    if (request.method !== 'GET' || url.pathname !== path || arrived) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end();
      return;
    }
    arrived = url;
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The page needs nothing from anywhere.
      'content-security-policy': "default-src 'none'",
    });
    response.end(options.donePage);
    deliver?.(url);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new MailSetupError(
              'oauth-redirect-port-taken',
              `port ${options.port} on ${LOOPBACK_HOST} is in use by another program (${error.code})`,
              'auth',
            )
          : error,
      );
    });
    server.listen(options.port ?? 0, LOOPBACK_HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    redirectUri: `http://${LOOPBACK_HOST}:${port}${path}`,
    waitForRedirect: (signal) =>
      new Promise<URL>((resolve, reject) => {
        if (arrived) return resolve(arrived);
        if (signal.aborted) return reject(abortReason(signal));
        const onAbort = () => reject(abortReason(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        deliver = (url) => {
          signal.removeEventListener('abort', onAbort);
          resolve(url);
        };
      }),
    close,
  };
}
