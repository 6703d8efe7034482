// One interactive sign-in: authorization code with PKCE (RFC 7636) in the person's own browser, the
// redirect caught on 127.0.0.1 (RFC 8252), `state` checked, the code exchanged at the token endpoint.
// Then two checks the servers would otherwise answer only with "authentication failed": the account
// that signed in is the address being set up (the ID token's e-mail), and every scope the mail servers
// need was granted.

import * as oauth from 'oauth4webapi';
import { MailSetupError } from '../errors.js';
import { markup } from '../export/markup.js';
import { t } from '../messages/index.js';
import type { Lang } from '../model.js';
import { withTimeout } from '../net/abort.js';
import type { Fetcher } from '../net/fetch.js';
import { openRedirectListener } from '../net/loopback-redirect.js';
import { httpOptions } from './http.js';
import { discoverIssuer } from './metadata.js';
import { codedOAuthError, type OAuthTokens, tokenResult } from './tokens.js';
import { IDENTITY_SCOPES, type OAuthClientRegistration } from './types.js';

export const SIGN_IN_DEFAULTS = {
  /** How long the person has to sign in and consent in the browser. */
  waitForPersonMs: 5 * 60_000,
} as const;

export interface SignInRequest {
  /** The address being set up: the login hint, and what the signed-in account must be. */
  address: string;
  registration: OAuthClientRegistration;
  /** Scopes from the provider data; openid, email and offline_access are added. */
  scopes: readonly string[];
  /** Opens the sign-in page (Electron's shell, the CLI's opener); a failure leaves the link to the face. */
  openUrl: (url: string) => void | Promise<void>;
  lang?: Lang;
  signal?: AbortSignal;
  waitForPersonMs?: number;
}

export interface SignInDeps {
  fetch: Fetcher;
}

function donePage(lang: Lang): string {
  const title = t(lang, 'oauth.done.title');
  return markup`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${t(lang, 'oauth.done.body')}</p></body></html>`
    .text;
}

/**
 * The scopes to ask for: the servers' own, plus who signed in (openid, email: to compare the account)
 * and a refresh token (offline_access), where the issuer's metadata does not say it lacks them.
 */
export function requestedScopes(scopes: readonly string[], supported?: readonly string[]): string[] {
  const identity = IDENTITY_SCOPES.filter(
    (scope) => scope !== 'profile' && (supported === undefined || supported.includes(scope)),
  );
  return [...new Set([...identity, ...scopes])];
}

export async function signIn(request: SignInRequest, deps: SignInDeps): Promise<OAuthTokens> {
  const lang = request.lang ?? 'en';
  const { registration } = request;
  const server = await discoverIssuer(registration.issuer, deps.fetch, request.signal);
  const client: oauth.Client = { client_id: registration.clientId };
  const listener = await openRedirectListener({
    ...(registration.redirectPort ? { port: registration.redirectPort } : {}),
    donePage: donePage(lang),
  });
  try {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const scopes = requestedScopes(request.scopes, server.scopes_supported);
    const url = new URL(server.authorization_endpoint ?? '');
    url.searchParams.set('client_id', registration.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', listener.redirectUri);
    url.searchParams.set('scope', scopes.join(' '));
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('state', state);
    url.searchParams.set('nonce', nonce);
    url.searchParams.set('login_hint', request.address);
    try {
      await request.openUrl(url.href);
    } catch {
      // No browser could be opened: the face has shown the link; the listener still waits.
    }
    const wait = withTimeout(request.waitForPersonMs ?? SIGN_IN_DEFAULTS.waitForPersonMs, request.signal);
    let redirected: URL;
    try {
      redirected = await listener.waitForRedirect(wait);
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw new MailSetupError('timeout', 'nobody finished the sign-in in the browser in time', 'auth', {
        cause: error,
      });
    }
    let callback: URLSearchParams;
    try {
      callback = oauth.validateAuthResponse(server, client, redirected, state);
    } catch (error) {
      throw codedOAuthError(error);
    }
    try {
      const response = await oauth.authorizationCodeGrantRequest(
        server,
        client,
        oauth.None(),
        callback,
        listener.redirectUri,
        verifier,
        httpOptions(deps.fetch, request.signal),
      );
      const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, {
        expectedNonce: nonce,
      });
      return tokenResult(tokens, request.address, scopes);
    } catch (error) {
      throw codedOAuthError(error);
    }
  } finally {
    await listener.close();
  }
}
