// Which client id the app uses at an issuer: configuration only. The administrator's policy
// (`oauthClients`: IT registers the app in its own Entra ID or Google Cloud tenant) comes first, then
// the packaged app's build-time setting. None for the issuer: no sign-in flow; the person gets today's
// explanation instead (`oauth-not-configured`). No client id of any product is written in code or data.

import { MailSetupError } from '../errors.js';
import type { OAuthClientRegistration } from './types.js';

/** An issuer's host: provider data names some issuers by host alone (the ISPDB's `<issuer>`). */
function issuerHost(issuer: string): string | undefined {
  const trimmed = issuer.trim().toLowerCase();
  if (URL.canParse(trimmed)) {
    const url = new URL(trimmed);
    return url.protocol === 'https:' ? url.host : undefined;
  }
  return /^[a-z0-9.-]+(?::\d+)?$/.test(trimmed) ? trimmed : undefined;
}

/**
 * Issuer identifiers compare as URLs without a trailing slash (RFC 8414 3.3 compares exactly); an
 * issuer the provider data names by host (or tenant-independently, as Entra ID's `common`) matches a
 * registration at that host, whose own issuer URL (with the organisation's tenant) is then used.
 */
function matches(registration: OAuthClientRegistration, issuer: string): boolean {
  if (registration.issuer.replace(/\/+$/, '') === issuer.replace(/\/+$/, '')) return true;
  const host = issuerHost(issuer);
  return host !== undefined && host === issuerHost(registration.issuer);
}

/** The first registration for `issuer` in order of precedence (policy, then build-time). */
export function registrationFor(
  issuer: string,
  ...sources: readonly (readonly OAuthClientRegistration[] | undefined)[]
): OAuthClientRegistration {
  for (const source of sources) {
    const found = source?.find((entry) => matches(entry, issuer));
    if (found) return found;
  }
  throw new MailSetupError(
    'oauth-not-configured',
    `no client registration for ${issuer} in the policy file or the app's build settings`,
    'auth',
  );
}
