// The bundled provider catalogue: data beside code (as nodemailer's well-known/services.json), read
// from providers.json and looked up by mail domain or by MX host. The data is checked against its
// schema (catalog-schema.ts) by the unit tests, not at every start: zod alone costs 60 ms of start-up.

import type { ParsedAddress } from '../address/parse.js';
import type { AuthKind, ServerSettings } from '../model.js';
import { fillHostPlaceholders, fillPlaceholders } from './placeholders.js';
import type { Provider, ProviderCatalog, ProviderServer } from './provider.js';
// A JSON import, not readFileSync: tsc then emits providers.json into dist/ beside this module.
import providersJson from './providers.json' with { type: 'json' };
import { timedLookup } from './timed-lookup.js';
import type { DiscoverySource, FoundConfig } from './types.js';

export type { Provider, ProviderCatalog, ProviderServer } from './provider.js';

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
