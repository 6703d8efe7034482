// The bundled provider catalogue: data beside code (as nodemailer's well-known/services.json), read
// from providers.json and looked up by mail domain or by MX host. The data is checked against its
// schema (catalog-schema.ts) by the unit tests, not at every start: zod alone costs 60 ms of start-up.

import type { ParsedAddress } from '../address/parse.js';
import type { AuthKind, IncomingProtocol, Security, ServerSettings } from '../model.js';
import { fillHostPlaceholders, fillPlaceholders } from './placeholders.js';
// A JSON import, not readFileSync: tsc then emits providers.json into dist/ beside this module.
import providersJson from './providers.json' with { type: 'json' };
import { type DiscoverySource, type FoundConfig, timedLookup } from './types.js';

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

/** The shape of an entry in providers.json: server user names and auth may be left to defaults. */
export type ProviderData = Omit<Provider, 'incoming' | 'outgoing'> & {
  auth?: AuthKind;
  note?: string;
  incoming: (Omit<ProviderServer, 'username' | 'auth'> & { username?: string; auth?: AuthKind })[];
  outgoing: (Omit<ProviderServer, 'username' | 'auth'> & { username?: string; auth?: AuthKind })[];
};

/** Applies the data's defaults: the full address as user name, the provider's auth per server. */
export function normalizeProvider({ auth = 'password', note: _note, ...provider }: ProviderData): Provider {
  const server = <T extends ProviderData['incoming'][number]>(entry: T) => ({
    ...entry,
    username: entry.username ?? '%EMAILADDRESS%',
    auth: entry.auth ?? auth,
  });
  return { ...provider, incoming: provider.incoming.map(server), outgoing: provider.outgoing.map(server) };
}

/** Indexes providers by mail domain and by MX domain. */
export function indexCatalog(providers: Provider[]): ProviderCatalog {
  const byDomain = new Map(
    providers.flatMap((provider) => provider.domains.map((d) => [d, provider] as const)),
  );
  const byMx = new Map(
    providers.flatMap((provider) => provider.mxDomains.map((d) => [d, provider] as const)),
  );
  return {
    providers,
    byDomain: (domain) => byDomain.get(domain.toLowerCase()),
    byMxHost(host) {
      const labels = host.toLowerCase().replace(/\.+$/, '').split('.');
      // Suffixes on label boundaries only, longest first: "evilionos.de" never matches "ionos.de".
      // A suffix match needs no public-suffix list, which keeps tldts out of the CLI's start-up.
      for (let start = 0; start < labels.length - 1; start++) {
        const provider = byMx.get(labels.slice(start).join('.'));
        if (provider) return provider;
      }
      return undefined;
    },
  };
}

let catalog: ProviderCatalog | undefined;

/** The bundled catalogue, indexed on first use. */
export function loadCatalog(): ProviderCatalog {
  catalog ??= indexCatalog((providersJson.providers as ProviderData[]).map(normalizeProvider));
  return catalog;
}

/**
 * The settings a provider's entry gives for one address. `mx` results come back untrusted: whether a
 * domain hosted elsewhere may use them silently is the orchestrator's call, not the catalogue's.
 */
export function providerConfig(
  provider: Provider,
  address: ParsedAddress,
  source: 'bundled' | 'mx',
): FoundConfig {
  const settings = (server: ProviderServer): ServerSettings => ({
    protocol: server.protocol,
    host: fillHostPlaceholders(server.host, address),
    port: server.port,
    security: server.security,
    username: fillPlaceholders(server.username, address),
    auth: server.auth,
  });
  return {
    source,
    trusted: source === 'bundled',
    provider: { id: provider.id, name: provider.name },
    incoming: provider.incoming.map(settings),
    outgoing: provider.outgoing.map(settings),
    hints: provider.hints.map(({ code, url }) => (url === undefined ? { code } : { code, url })),
    origin: provider.source,
    // The provider vouches for servers in all of its own domains (domains are registrable by rule).
    publishers: [...new Set([...provider.domains, ...provider.mxDomains, ...(provider.serverDomains ?? [])])],
  };
}

export const bundledSource: DiscoverySource = async (context) => {
  const domain = context.address.domain;
  const provider = await timedLookup(
    context,
    'bundled',
    `bundled:${domain}`,
    async () => context.bundled.byDomain(domain),
    (found) => (found ? 'found' : 'not-found'),
  );
  return provider ? providerConfig(provider, context.address, 'bundled') : null;
};
