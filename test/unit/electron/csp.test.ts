import { describe, expect, it } from 'vitest';
import { APP_CSP, BROWSER_HOST_CSP, META_CSP, securityHeaders, withAppCsp } from '../../../electron/csp.js';
import { CONTENT_SECURITY_POLICY } from '../../../renderer/vite.config.js';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

describe('the renderer CSP', () => {
  it('allows only the app origin, and no network at all in Electron', () => {
    const policy = directives(APP_CSP);
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'frame-src': "'none'",
      'worker-src': "'none'",
    });
    expect(APP_CSP).not.toMatch(/unsafe|https?:|\*/);
  });

  it('differs in the browser host only by connect-src, for the localhost bridge', () => {
    const host = directives(BROWSER_HOST_CSP);
    expect(host.get('connect-src')).toBe("'self'");
    host.set('connect-src', "'none'");
    expect(host).toEqual(directives(APP_CSP));
  });

  it("is the built page's meta tag too, less what a meta tag cannot carry", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(META_CSP);
    const meta = directives(META_CSP);
    expect(meta.has('frame-ancestors')).toBe(false);
    meta.set('frame-ancestors', "'none'");
    expect(meta).toEqual(directives(BROWSER_HOST_CSP));
  });

  it('replaces any policy a response brought, whatever its spelling, and keeps other headers', () => {
    let headers: Record<string, string[] | string> = {};
    withAppCsp(
      {
        url: 'app://mailsetup/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] },
      },
      ({ responseHeaders }) => {
        headers = responseHeaders;
      },
    );
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [APP_CSP] });
  });

  it('goes with nosniff, no referrer and no powerful features', () => {
    expect(securityHeaders(APP_CSP)).toMatchObject({
      'Content-Security-Policy': APP_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    expect(securityHeaders(APP_CSP)['Permissions-Policy']).toContain('camera=()');
  });
});
