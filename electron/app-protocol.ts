// The renderer's own origin, app://mailsetup/, served from the production build by protocol.handle.
// Why not file://: a file:// page shares its "origin" with every file on the disk, and Electron grants
// file:// extra privileges (the fuse grantFileProtocolExtraPrivileges is switched off in the builder
// configuration); a custom origin gives the IPC sender check, navigation policy and CSP one exact
// origin to compare with, and the same absolute asset paths work here and in the e2e browser host.

import { readFile } from 'node:fs/promises';
import { APP_CSP, securityHeaders } from './csp.js';
import type { CustomScheme } from './electron-types.js';
import { contentTypeFor, rendererFile } from './renderer-files.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mailsetup';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before `ready`. standard: real origin and relative URLs; secure: a secure context like
 * https. supportFetchAPI and corsEnabled as VS Code registers its vscode-file: scheme, which loads
 * ES modules (Vite's `<script type="module" crossorigin>`); the CSP still allows no fetch at all.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};

/** True for URLs of the app's own origin: app://mailsetup/... with no user, password or port. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(APP_CSP), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** protocol.handle's handler: GET of a file of the renderer build, with the CSP on every answer. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  if (!isAppUrl(request.url)) return plain(404, 'not found');
  const file = rendererFile(rendererDir, new URL(request.url).pathname);
  if (!file) return plain(404, 'not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...securityHeaders(APP_CSP), 'Content-Type': contentTypeFor(file) as string },
  });
}
