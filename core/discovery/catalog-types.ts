// The shapes of the built-in provider catalogue: our curated entries (providers.json) and the ones
// imported from Thunderbird's ISPDB (ispdb-providers.json, written by `npm run providers:import`).
// Types only, so the data, its index (bundled.ts) and its schema (catalog-schema.ts) share them
// without importing each other.

import type { AuthKind, IncomingProtocol, Security } from '../model.js';

export interface ProviderServer {
  protocol: IncomingProtocol | 'smtp';
  /** A host name, or a template with %EMAILDOMAIN% ("mail.%EMAILDOMAIN%"). */
  host: string;
  port: number;
  security: Security;
  /** Username pattern with %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN%. */
  username: string;
  auth: AuthKind;
}

export interface ProviderHint {
  code: string;
  url?: string;
}

/** A provider's own lockout rule: `failures` wrong logins lock the mailbox for `minutes`. */
export interface LockoutRule {
  failures: number;
  minutes: number;
}

export interface Provider {
  id: string;
  name: string;
  /** A shorter name for tight spaces ("freenet" for "freenet Mail"). */
  shortName?: string;
  /** The provider's own mail domains (ASCII, lower-case). */
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
  hints: ProviderHint[];
  /**
   * Where the facts come from: a provider's page (`https://…`), an ISPDB file at a commit
   * (`ispdb:FILE@COMMIT`) or one of the project's source documents (`seed:FILE`).
   */
  source: string;
  /** Further sources that confirm the entry, in the same forms. */
  alsoFrom?: string[];
  /** The provider's set-up page for people, when `source` is not one. */
  documentation?: string;
  lockout?: LockoutRule;
  /** The month the facts are from (YYYY-MM): "built-in list, as of 2026-03". */
  asOf: string;
  /** True for entries taken from the ISPDB, false for our curated ones. */
  imported: boolean;
}

export interface ProviderCatalog {
  providers: readonly Provider[];
  byDomain(domain: string): Provider | undefined;
  /** Looks up the domain of an MX host ("mx00.ionos.de" -> IONOS). */
  byMxHost(host: string): Provider | undefined;
}

type ServerData = Omit<ProviderServer, 'username' | 'auth'> & { username?: string; auth?: AuthKind };

/** An entry as written in the data files: server user names and auth may be left to defaults. */
export type ProviderData = Omit<Provider, 'incoming' | 'outgoing' | 'asOf' | 'imported'> & {
  auth?: AuthKind;
  note?: string;
  incoming: (ServerData & { protocol: IncomingProtocol })[];
  outgoing: (ServerData & { protocol: 'smtp' })[];
};

/** providers.json: our curated entries. */
export interface CuratedFile {
  /** The month the entries were last checked against their sources. */
  asOf: string;
  providers: ProviderData[];
}

/** An ISPDB file whose provider is one of ours: its domains answer with our curated entry. */
export interface AliasData {
  sameAs: string;
  domains: string[];
  source: string;
}

/** ispdb-providers.json: the import's output. */
export interface ImportedFile {
  snapshot: { repository: string; path: string; commit: string; date: string; license: string };
  asOf: string;
  providers: ProviderData[];
  aliases: AliasData[];
}
