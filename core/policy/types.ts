// The administrator's policy as the rest of core sees it: plain data, checked by schema.ts (zod) when
// the file is read. docs/policy.md explains each field; docs/policy.schema.json is made from the schema.

import type { ExportFormat } from '../export/types.js';
import type { AuthKind, IncomingProtocol, ProviderRef, Security } from '../model.js';
import type { CertificatePin } from '../net/tls.js';
import type { OAuthClientRegistration } from '../oauth/types.js';

export interface PolicyServer<P extends IncomingProtocol | 'smtp' = IncomingProtocol | 'smtp'> {
  protocol: P;
  /** Lower-case ASCII host name (IDN converted). */
  host: string;
  port: number;
  /** There is no plain-text choice. */
  security: Security;
  /** Pattern with %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%; the full address when absent. */
  username?: string;
  /** Defaults to `app-password` under `requireAppPassword`, else `password`. */
  auth?: AuthKind;
}

export interface PolicyPreset {
  /** Lower-case ASCII mail domains this preset is for (exact match). */
  domains: string[];
  incoming: PolicyServer<IncomingProtocol>[];
  outgoing: PolicyServer<'smtp'>[];
  provider?: ProviderRef;
}

export interface PolicyBranding {
  name: string;
  /** A data: URL once loaded (a file path in the policy is read and turned into one). */
  logo?: string;
  supportPhone?: string;
  supportMail?: string;
  supportUrl?: string;
}

export interface Policy {
  presets: PolicyPreset[];
  /** Addresses must be at one of these domains or below one. */
  allowedDomains?: string[];
  /** The incoming protocols that may be used (e.g. only IMAP). */
  protocols?: IncomingProtocol[];
  /** The app shows the servers but does not let the person change them. */
  lockSettings?: boolean;
  requireAppPassword?: boolean;
  /** The set-up files and guides that may be made; absent: all. */
  exportFormats?: ExportFormat[];
  branding?: PolicyBranding;
  /** Fingerprints in Node's form ("AB:CD:..."), host names lower-case ASCII. */
  trustedCertificates?: CertificatePin[];
  /** The organisation's app registrations for sign-in through the provider (OAuth2). */
  oauthClients?: OAuthClientRegistration[];
}

/** Where a policy file was found, in the order they are looked for. */
export type PolicyOrigin = 'option' | 'environment' | 'machine' | 'user';

export interface PolicyIssue {
  /** Where in the file: `presets[0].incoming[1].security`; empty for the file as a whole. */
  path: string;
  /** Why, localized. */
  message: string;
}

/** A policy file that exists but cannot be used: never ignored, it stops the run. */
export interface PolicyProblem {
  code: 'policy-invalid';
  file: string;
  issues: PolicyIssue[];
  /** Localized headline and what to do. */
  message: string;
  fix: string;
}

/** What `policy()` returns: the policy in force, where it came from, or why none can be used. */
export interface PolicyState {
  /** Absent when there is no policy file, or when the one found is invalid (see `error`). */
  policy?: Policy;
  /** The file in force (also an invalid one). */
  file?: string;
  origin?: PolicyOrigin;
  /** Files further down the search order that exist but are not used. */
  shadowed?: string[];
  error?: PolicyProblem;
}
