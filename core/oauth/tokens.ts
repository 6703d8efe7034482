// What a token response means for us: the access token (memory only), the refresh token (for the
// keychain), the account that signed in, the scopes granted; and oauth4webapi's errors as our codes.

import * as oauth from 'oauth4webapi';
import { isMailSetupError, MailSetupError } from '../errors.js';
import { Secret } from '../probe/secret.js';
import { IDENTITY_SCOPES } from './types.js';

export interface OAuthTokens {
  accessToken: Secret;
  /** Absent when the issuer gave none (then every test needs a new sign-in). */
  refreshToken?: Secret;
  /** When the access token runs out (ms since the epoch), where the issuer said. */
  expiresAt?: number;
  grantedScopes: string[];
  /** The signed-in account's address, from the ID token, where it carries one. */
  account?: string;
}

const looksLikeAddress = (value: unknown): value is string =>
  typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value);

/** The ID token's address: `email`, else a `preferred_username` that is one (Microsoft's UPN). */
export function signedInAccount(claims: oauth.IDToken | undefined): string | undefined {
  if (!claims) return undefined;
  if (looksLikeAddress(claims.email)) return claims.email;
  return looksLikeAddress(claims.preferred_username) ? claims.preferred_username : undefined;
}

/**
 * Checks and converts a token response. `requested`: the scopes asked for; RFC 6749 5.1: a response
 * without `scope` granted exactly those.
 */
export function tokenResult(
  response: oauth.TokenEndpointResponse,
  address: string,
  requested: readonly string[],
  earlierRefreshToken?: Secret,
): OAuthTokens {
  const account = signedInAccount(oauth.getValidatedIdTokenClaims(response));
  if (account !== undefined && account.toLowerCase() !== address.toLowerCase()) {
    throw new MailSetupError(
      'oauth-wrong-account',
      `signed in as ${account}, but the address being set up is ${address}`,
      'auth',
    );
  }
  const granted =
    typeof response.scope === 'string' ? response.scope.split(' ').filter(Boolean) : [...requested];
  const missing = requested.filter((scope) => !IDENTITY_SCOPES.includes(scope) && !granted.includes(scope));
  if (missing.length > 0) {
    throw new MailSetupError(
      'oauth-scope-missing',
      `not granted: ${missing.join(' ')} (granted: ${granted.join(' ') || 'nothing'})`,
      'auth',
    );
  }
  const refresh = response.refresh_token ? new Secret(response.refresh_token) : earlierRefreshToken;
  return {
    accessToken: new Secret(response.access_token),
    ...(refresh ? { refreshToken: refresh } : {}),
    ...(typeof response.expires_in === 'number'
      ? { expiresAt: Date.now() + response.expires_in * 1000 }
      : {}),
    grantedScopes: granted,
    ...(account ? { account } : {}),
  };
}

/** oauth4webapi's errors as ours; the issuer's own error code and words stay in the detail. */
export function codedOAuthError(error: unknown): MailSetupError {
  if (isMailSetupError(error)) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    const words = `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
    if (error.error === 'access_denied') return new MailSetupError('oauth-consent-denied', words, 'auth');
    if (error.error === 'invalid_scope') return new MailSetupError('oauth-scope-missing', words, 'auth');
    return new MailSetupError('oauth-failed', words, 'auth', { cause: error });
  }
  if (error instanceof oauth.ResponseBodyError) {
    const words = `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
    // RFC 6749 5.2: the refresh token (or code) is expired, revoked or was issued to someone else.
    if (error.error === 'invalid_grant') return new MailSetupError('oauth-sign-in-again', words, 'auth');
    return new MailSetupError('oauth-failed', words, 'auth', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  // The state did not match, the issuer in the response is another one, a malformed answer: never go on.
  return new MailSetupError('oauth-failed', message, 'auth', { cause: error });
}
