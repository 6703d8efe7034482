// The OAuth2 element of a config-v1.1.xml (the ISPDB's `<oAuth2>` beside `<emailProvider>`, and the
// autoconfig draft's): which issuer signs the person in and which scopes the mail servers need. Data,
// like the servers: no issuer is named in code. `<authURL>`/`<tokenURL>` are not read: the endpoints
// come from the issuer's own metadata (core/oauth/metadata.ts), which also proves who it is.

import { isValidHostname } from '../address/hostname.js';
import type { OAuthIssuerData } from '../model.js';
import { childElements, childText, type XmlElement } from './safe-xml.js';

export const OAUTH2_ELEMENT_LIMITS = {
  scopes: 20,
  scopeChars: 200,
} as const;

/** `https://HOST` for the ISPDB's bare host, the URL itself for an https issuer URL; else undefined. */
export function issuerIdentifier(value: string): string | undefined {
  const text = value.trim();
  if (isValidHostname(text.toLowerCase())) return `https://${text.toLowerCase()}`;
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) return undefined;
  return url.href.replace(/\/$/, '');
}

/** The first usable `<oAuth2>` child of `parent` (clientConfig or emailProvider), or undefined. */
export function readOAuth2Element(parent: XmlElement): OAuthIssuerData | undefined {
  for (const element of childElements(parent, 'oAuth2')) {
    const issuer = issuerIdentifier(childText(element, 'issuer') ?? '');
    if (!issuer) continue;
    const scopes = [
      ...new Set(
        (childText(element, 'scope') ?? '')
          .split(/\s+/)
          // A scope is printable ASCII without quotes or backslashes (RFC 6749 3.3).
          .filter((scope) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))
          .filter((scope) => scope.length <= OAUTH2_ELEMENT_LIMITS.scopeChars),
      ),
    ].slice(0, OAUTH2_ELEMENT_LIMITS.scopes);
    return { issuer, scopes };
  }
  return undefined;
}
