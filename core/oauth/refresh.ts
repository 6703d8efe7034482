// A new access token from a stored refresh token (RFC 6749 6). A refresh token the issuer no longer
// takes (expired, revoked, password changed) is `oauth-sign-in-again`: the caller forgets it and asks
// the person to sign in, once.

import * as oauth from 'oauth4webapi';
import type { Fetcher } from '../net/fetch.js';
import type { Secret } from '../probe/secret.js';
import { httpOptions } from './http.js';
import { discoverIssuer } from './metadata.js';
import { codedOAuthError, type OAuthTokens, tokenResult } from './tokens.js';
import type { OAuthClientRegistration } from './types.js';

export interface RefreshRequest {
  address: string;
  registration: OAuthClientRegistration;
  /** The scopes the servers need (a refresh that comes back without them is scope-missing). */
  scopes: readonly string[];
  refreshToken: Secret;
  signal?: AbortSignal;
}

export async function refreshAccess(request: RefreshRequest, deps: { fetch: Fetcher }): Promise<OAuthTokens> {
  const server = await discoverIssuer(request.registration.issuer, deps.fetch, request.signal);
  const client: oauth.Client = { client_id: request.registration.clientId };
  try {
    const response = await oauth.refreshTokenGrantRequest(
      server,
      client,
      oauth.None(),
      request.refreshToken.reveal(),
      httpOptions(deps.fetch, request.signal),
    );
    const tokens = await oauth.processRefreshTokenResponse(server, client, response);
    return tokenResult(tokens, request.address, request.scopes, request.refreshToken);
  } catch (error) {
    throw codedOAuthError(error);
  }
}
