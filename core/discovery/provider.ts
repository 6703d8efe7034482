// What the bundled catalogue knows about a provider, as types only: discovery's shared types
// (types.ts) and the catalogue (bundled.ts) both use them, so they live apart from either.

import type { AuthKind, IncomingProtocol, Security } from '../model.js';

export interface ProviderServer {
  protocol: IncomingProtocol | 'smtp';
  host: string;
  port: number;
  security: Security;
  /** Username pattern with %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN%. */
  username: string;
  auth: AuthKind;
}

export interface Provider {
  id: string;
  name: string;
  /** A shorter name for tight spaces ("freenet" for "freenet Mail"). */
  shortName?: string;
  /** The provider's own mail domains (ASCII, lower-case, each a registrable domain). */
  domains: string[];
  /**
   * Registrable domains of the provider's MX hosts (e.g. "ionos.de"): a company domain whose MX points
   * there is hosted here. Unique across the catalogue, so an MX host names at most one provider.
   */
  mxDomains: string[];
  /** Registrable domains of server hosts that are neither in `domains` nor `mxDomains` ("office365.com"). */
  serverDomains?: string[];
  incoming: ProviderServer[];
  outgoing: ProviderServer[];
  /** Hint codes from the hints catalogue, e.g. "app-password-required", "enable-imap-first", "oauth2-only". */
  hints: { code: string; url?: string }[];
  /** The provider's public set-up page these facts were taken from. */
  source: string;
}

export interface ProviderCatalog {
  providers: readonly Provider[];
  byDomain(domain: string): Provider | undefined;
  /** Looks up the registrable domain of an MX host ("mx00.ionos.de" -> IONOS). */
  byMxHost(host: string): Provider | undefined;
}
