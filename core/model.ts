// The shapes every face (CLI, app, reports) shares. They follow ../shared/CONTRACT.md field by field:
// a field, once shipped, keeps its meaning.

export type Protocol = 'imap' | 'pop3' | 'smtp';
export type IncomingProtocol = 'imap' | 'pop3';
/** `tls`: implicit TLS from the first byte (993/995/465); `starttls`: upgrade after the greeting. */
export type Security = 'tls' | 'starttls';
export type AuthKind = 'password' | 'app-password' | 'oauth2';

export interface ServerSettings {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  username: string;
  auth: AuthKind;
  /** The host's Unicode form when it has an IDN (xn--) label; `host` stays the ASCII form to dial. */
  hostUnicode?: string;
}

/**
 * Every discovery source, in ranking order (best first): the orchestrator's SOURCE_RANKING is this
 * list. `policy` is the administrator's word; `pacc` (draft-ietf-mailmaint-pacc-04, verified by its
 * DNS digest) is the best network source. The contract only grows: new names are added, none renamed.
 */
export const SOURCE_NAMES = [
  'policy',
  'bundled',
  'pacc',
  'autoconfig',
  'ispdb',
  'mx',
  'srv',
  'autodiscover',
  'guess',
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export type Lang = 'de' | 'en';

/** A hint (what the person must do) or a warning (what looks wrong). `message` is localized. */
export interface Notice {
  code: string;
  message: string;
  /** Technical detail or the provider's own words, untranslated. */
  detail?: string;
  /** A link the person may open (the provider's help page). */
  url?: string;
  /** The values in `message` (a lockout's minutes), so that another writer can word it anew (exports). */
  params?: Record<string, string | number>;
}

export type LookupOutcome =
  | 'found'
  | 'not-found'
  | 'error'
  | 'timeout'
  | 'skipped'
  | 'untrusted'
  | 'cancelled'
  /** The host sent us round in a loop, or on more often than the fetch allows: nothing was read. */
  | 'too-many-redirects'
  /** PACC: the document was served, but no `_ua-auto-config` TXT record vouches for it. */
  | 'digest-missing'
  /** PACC: TXT records exist, but none carries the SHA-256 of the bytes served. */
  | 'digest-mismatch';

export interface Lookup {
  source: SourceName;
  target: string;
  outcome: LookupOutcome;
  ms: number;
  detail?: string;
}

export interface ProviderRef {
  id: string;
  name: string;
}

export interface DetectResult {
  address: string;
  /** The mail domain's ASCII (xn--) form, as every look-up used it. */
  domain: string;
  /** The same domain as the person knows it (Unicode); equal to `domain` for a plain ASCII one. */
  domainUnicode: string;
  found: boolean;
  source?: SourceName;
  trusted: boolean;
  provider?: ProviderRef;
  incoming: ServerSettings[];
  outgoing: ServerSettings[];
  hints: Notice[];
  warnings: Notice[];
  /** Where the chosen settings were read: the URL, the DNS record or the provider's own page. */
  origin?: string;
  /** Answers from the built-in provider list: the month its facts are from ("2026-03"). */
  asOf?: string;
  /** Other sources whose answer agrees with the chosen one. */
  confirmedBy: SourceName[];
  lookups: Lookup[];
  elapsedMs: number;
}

/** What the provider data says about signing in (one server's OAuth2 element). */
export interface OAuthIssuerData {
  /** The issuer identifier (https URL) whose RFC 8414 / OpenID metadata names the endpoints. */
  issuer: string;
  /** Scopes the mail servers need, e.g. the provider's IMAP and SMTP scopes. */
  scopes: readonly string[];
}
