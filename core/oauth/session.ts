// An access token for a test, with as little asking as possible and never a loop: the stored refresh
// token first (one refresh); if the issuer no longer takes it, it is forgotten and the person signs in
// once. A new refresh token goes to the keychain, labelled like an app password; the access token
// stays in memory.

import { isMailSetupError } from '../errors.js';
import { Secret } from '../probe/secret.js';
import { oauthLabel } from '../secrets/account.js';
import type { Keychain } from '../secrets/keychain.js';
import { refreshAccess } from './refresh.js';
import { type SignInDeps, type SignInRequest, signIn } from './sign-in.js';
import type { OAuthTokens } from './tokens.js';

export interface AccessRequest extends SignInRequest {
  /** Server host names the sign-in is for (shown in the keychain list; no secret). */
  hosts?: string[];
}

export interface AccessDeps extends SignInDeps {
  /** Without one, nothing is kept: every test signs in afresh. */
  keychain?: Keychain;
}

export interface Access extends OAuthTokens {
  /** How the access token was obtained. */
  via: 'refresh' | 'sign-in';
  /** The refresh token is in the keychain now (false: none given, or the keychain refused). */
  stored: boolean;
}

/** The keychain label of a refresh token: the issuer's host, language-neutral (it names the entry). */
export const refreshTokenLabel = oauthLabel;

export async function obtainAccess(request: AccessRequest, deps: AccessDeps): Promise<Access> {
  const { keychain } = deps;
  const entry = { address: request.address, label: refreshTokenLabel(request.registration.issuer) };
  const stored = keychain ? await readStored(keychain, entry) : null;
  if (stored !== null) {
    try {
      const tokens = await refreshAccess(
        { ...request, refreshToken: new Secret(stored) },
        { fetch: deps.fetch },
      );
      const rotated = tokens.refreshToken && tokens.refreshToken.reveal() !== stored;
      return {
        ...tokens,
        via: 'refresh',
        stored: rotated ? await store(keychain, entry, tokens, request) : true,
      };
    } catch (error) {
      if (!isMailSetupError(error) || error.code !== 'oauth-sign-in-again') throw error;
      // Revoked or expired: forget it, so the next test does not try it again.
      await keychain?.delete(entry).catch(() => undefined);
    }
  }
  const tokens = await signIn(request, deps);
  return { ...tokens, via: 'sign-in', stored: await store(keychain, entry, tokens, request) };
}

async function readStored(
  keychain: Keychain,
  entry: { address: string; label: string },
): Promise<string | null> {
  try {
    return await keychain.getPassword(entry);
  } catch (error) {
    // No usable keychain: sign in; the caller learns from `stored: false` that nothing was kept.
    if (isMailSetupError(error) && error.code === 'keychain-unavailable') return null;
    throw error;
  }
}

async function store(
  keychain: Keychain | undefined,
  entry: { address: string; label: string },
  tokens: OAuthTokens,
  request: AccessRequest,
): Promise<boolean> {
  if (!keychain || !tokens.refreshToken) return false;
  try {
    await keychain.set({ ...entry, password: tokens.refreshToken.reveal(), hosts: request.hosts ?? [] });
    return true;
  } catch (error) {
    if (isMailSetupError(error) && error.code === 'keychain-unavailable') return false;
    throw error;
  }
}
