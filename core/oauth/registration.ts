// Which client id the app uses at an issuer: configuration only. The administrator's policy
// (`oauthClients`: IT registers the app in its own Entra ID or Google Cloud tenant) comes first, then
// the packaged app's build-time setting. None for the issuer: no sign-in flow; the person gets today's
// explanation instead (`oauth-not-configured`). No client id of any product is written in code or data.

import { MailSetupError } from '../errors.js';
import type { OAuthClientRegistration } from './types.js';

/** Issuer identifiers compare as URLs without a trailing slash (RFC 8414 3.3 compares exactly). */
function sameIssuer(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** The first registration for `issuer` in order of precedence (policy, then build-time). */
export function registrationFor(
  issuer: string,
  ...sources: readonly (readonly OAuthClientRegistration[] | undefined)[]
): OAuthClientRegistration {
  for (const source of sources) {
    const found = source?.find((entry) => sameIssuer(entry.issuer, issuer));
    if (found) return found;
  }
  throw new MailSetupError(
    'oauth-not-configured',
    `no client registration for ${issuer} in the policy file or the app's build settings`,
    'auth',
  );
}
