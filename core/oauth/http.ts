// oauth4webapi speaks the Fetch API; every request of ours goes through core/net's one bounded fetch
// (HTTPS only, TLS 1.2+, size and time limits, our resolver). This adapter is the seam. Redirects are
// not followed: an issuer's endpoints are named in its metadata, and a token request (code, verifier,
// refresh token) must never be replayed at another address.

import * as oauth from 'oauth4webapi';
import { MailSetupError, toMailSetupError } from '../errors.js';
import type { Fetcher } from '../net/fetch.js';

export const OAUTH_HTTP_DEFAULTS = {
  timeoutMs: 10_000,
  maxBytes: 256 * 1024,
} as const;

type CustomFetch = NonNullable<oauth.HttpRequestOptions<string, unknown>[typeof oauth.customFetch]>;

/** Options for every oauth4webapi request: our fetch, the caller's signal. */
export function httpOptions(fetcher: Fetcher, signal: AbortSignal | undefined) {
  const customFetch: CustomFetch = async (url, options) => {
    const body = options.body;
    try {
      const response = await fetcher(url, {
        method: options.method === 'POST' ? 'POST' : 'GET',
        ...(body !== undefined && body !== null ? { body: String(body) } : {}),
        ...(options.headers['content-type'] ? { contentType: options.headers['content-type'] } : {}),
        accept: options.headers.accept ?? 'application/json',
        maxRedirects: 0,
        timeoutMs: OAUTH_HTTP_DEFAULTS.timeoutMs,
        maxBytes: OAUTH_HTTP_DEFAULTS.maxBytes,
        ...(signal ? { signal } : {}),
      });
      return new Response(response.text, {
        status: response.status,
        headers: response.contentType ? { 'content-type': response.contentType } : {},
      });
    } catch (error) {
      const coded = toMailSetupError(error, 'oauth-issuer-unreachable', 'http');
      // The issuer's server could not be reached or answered nothing usable: say which one.
      throw new MailSetupError(
        'oauth-issuer-unreachable',
        `${new URL(url).origin}: ${coded.code}: ${coded.detail ?? coded.message}`,
        'http',
        { cause: error },
      );
    }
  };
  return { [oauth.customFetch]: customFetch, ...(signal ? { signal } : {}) };
}
