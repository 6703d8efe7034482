// The renderer's Content-Security-Policy and the other security headers: the one definition for the
// Electron shell, the browser host (browser-host/) and the built page's meta tag. Nothing remote:
// scripts, styles, fonts and images come from the app's own origin (images also as data: URLs); no
// plugins, no <base>, no forms, no framing. In Electron the renderer needs no network at all (every call
// goes through IPC), so connect-src is 'none'; the browser host's bridge is plain fetch to its own
// origin, so there it is 'self'.

import type { HeadersReceivedDetails, ResponseHeaders } from './electron-types.js';

const CSP_HEADER = 'content-security-policy';

/**
 * `session.webRequest.onHeadersReceived` listener: replaces whatever policy a response brought with ours.
 * The policy is written out here, in the call, so that electronegativity's CSP check evaluates it.
 */
export function withAppCsp(
  details: HeadersReceivedDetails,
  callback: (response: { responseHeaders: ResponseHeaders }) => void,
): void {
  callback({
    responseHeaders: {
      ...withoutHeader(details.responseHeaders ?? {}, CSP_HEADER),
      'Content-Security-Policy': [
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; frame-src 'none'; worker-src 'none'",
      ],
    },
  });
}

function withoutHeader(headers: Record<string, string[]>, name: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name));
}

function policyOf(listener: typeof withAppCsp): string {
  let policy = '';
  listener({ url: '', responseHeaders: {} }, ({ responseHeaders }) => {
    policy = String(responseHeaders['Content-Security-Policy']);
  });
  return policy;
}

/** The policy of every renderer response in Electron. */
export const APP_CSP = policyOf(withAppCsp);

/** The same policy for the browser host, whose bridge fetches from its own origin. */
export const BROWSER_HOST_CSP = APP_CSP.replace("connect-src 'none'", "connect-src 'self'");

/**
 * The same policy as a `<meta>` tag in the built index.html (renderer/vite.config.ts), for a page opened
 * without our headers. The browser host's variant, because in Electron the header's connect-src 'none'
 * still applies (a page obeys every policy it gets); frame-ancestors is left out, as a meta tag cannot
 * carry it.
 */
export const META_CSP = BROWSER_HOST_CSP.split(';')
  .map((directive) => directive.trim())
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Headers for every response that carries renderer content (app:// in Electron, the browser host). */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  };
}
