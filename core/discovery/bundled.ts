// The built-in provider catalogue: data beside code (as nodemailer's well-known/services.json). Two
// files: our curated entries (providers.json) and the entries imported from Thunderbird's ISPDB
// (ispdb-providers.json, `npm run providers:import`). Loaded once, on first use, and indexed by Map:
// a look-up costs the same at 20 providers or 2,000. The data is checked against its schema
// (catalog-schema.ts) by the unit tests, not at start-up: zod alone costs 60 ms.

import type { ParsedAddress } from '../address/parse.js';
import type { ServerSettings } from '../model.js';
import type {
  CuratedFile,
  ImportedFile,
  Provider,
  ProviderCatalog,
  ProviderData,
  ProviderServer,
} from './catalog-types.js';
import { fillHostPlaceholders, fillPlaceholders } from './placeholders.js';
import { timedLookup } from './timed-lookup.js';
import type { DiscoverySource, FoundConfig } from './types.js';

export type { Provider, ProviderCatalog, ProviderData, ProviderServer } from './catalog-types.js';

/** Applies the data's defaults: the full address as user name, the provider's auth per server. */
export function normalizeProvider(
  { auth = 'password', note: _note, ...provider }: ProviderData,
  asOf: string,
  imported = false,
): Provider {
  const server = <T extends ProviderData['incoming'][number] | ProviderData['outgoing'][number]>(
    entry: T,
  ) => ({
    ...entry,
    username: entry.username ?? '%EMAILADDRESS%',
    auth: entry.auth ?? auth,
  });
  return {
    ...provider,
    incoming: provider.incoming.map(server),
    outgoing: provider.outgoing.map(server),
    asOf,
    imported,
  };
}

/** An entry as read, normalized only when a look-up returns it (most never are, in one run). */
interface Entry {
  data: ProviderData;
  asOf: string;
  imported: boolean;
  normalized?: Provider;
}

const providerOf = (entry: Entry): Provider =>
  (entry.normalized ??= normalizeProvider(entry.data, entry.asOf, entry.imported));

/**
 * Indexes both data files by mail domain and by MX domain. Rules, so no look-up depends on file
 * order: a curated entry wins over an imported one for a domain both name (the import already leaves
 * such domains out, and the data test checks it); `aliases` give a curated entry the further domains
 * an ISPDB file lists for the same provider.
 */
export function catalogFrom(curated: CuratedFile, imported: ImportedFile): ProviderCatalog {
  const curatedEntries: Entry[] = curated.providers.map((data) => ({
    data,
    asOf: curated.asOf,
    imported: false,
  }));
  const importedEntries: Entry[] = imported.providers.map((data) => ({
    data,
    asOf: imported.asOf,
    imported: true,
  }));
  const byId = new Map(curatedEntries.map((entry) => [entry.data.id, entry] as const));
  const byDomain = new Map<string, Entry>();
  const byMx = new Map<string, Entry>();
  // As Thunderbird asks the ISPDB with an MX host's domain, the ISPDB's domains (MX domains such
  // as rzone.de among them) also answer an MX look-up, after the curated MX domains.
  const byImportedDomain = new Map<string, Entry>();
  for (const alias of imported.aliases) {
    const entry = byId.get(alias.sameAs);
    if (!entry) continue;
    for (const domain of alias.domains) {
      byDomain.set(domain, entry);
      byImportedDomain.set(domain, entry);
    }
  }
  // Imported first, curated after: a curated entry overwrites.
  for (const entry of importedEntries) {
    for (const domain of entry.data.domains) {
      byDomain.set(domain, entry);
      byImportedDomain.set(domain, entry);
    }
  }
  for (const entry of [...importedEntries, ...curatedEntries]) {
    for (const domain of entry.data.mxDomains) byMx.set(domain, entry);
  }
  for (const entry of curatedEntries) for (const domain of entry.data.domains) byDomain.set(domain, entry);
  let all: Provider[] | undefined;
  return {
    get providers() {
      all ??= [...curatedEntries, ...importedEntries].map(providerOf);
      return all;
    },
    byDomain(domain) {
      const entry = byDomain.get(domain.toLowerCase());
      return entry && providerOf(entry);
    },
    byMxHost(host) {
      const labels = host.toLowerCase().replace(/\.+$/, '').split('.');
      // Suffixes on label boundaries only, longest first: "evilionos.de" never matches "ionos.de".
      // A suffix match needs no public-suffix list, which keeps tldts out of the CLI's start-up.
      for (const index of [byMx, byImportedDomain]) {
        for (let start = 0; start < labels.length - 1; start++) {
          const entry = index.get(labels.slice(start).join('.'));
          if (entry) return providerOf(entry);
        }
      }
      return undefined;
    },
  };
}

let catalog: Promise<ProviderCatalog> | undefined;

/**
 * The built-in catalogue, read and indexed on first use (not when this module loads), once per
 * process. Dynamic JSON imports: tsc emits both files into dist/ beside this module.
 */
export function loadCatalog(): Promise<ProviderCatalog> {
  catalog ??= Promise.all([
    import('./providers.json', { with: { type: 'json' } }),
    import('./ispdb-providers.json', { with: { type: 'json' } }),
  ]).then(([curated, imported]) =>
    catalogFrom(curated.default as CuratedFile, imported.default as ImportedFile),
  );
  return catalog;
}

const ISPDB_SOURCE = /^ispdb:(?<file>[^@]+)@(?<commit>[0-9a-f]{40})$/;

/** A link a person can open for an entry's `source`: the page, or the ISPDB file at its commit. */
export function citation(provider: Provider): string {
  const ispdb = ISPDB_SOURCE.exec(provider.source)?.groups;
  if (ispdb) return `https://github.com/thunderbird/autoconfig/blob/${ispdb.commit}/ispdb/${ispdb.file}`;
  if (provider.source.startsWith('https://')) return provider.source;
  return provider.documentation ?? provider.source;
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
  const lockout = provider.lockout;
  return {
    source,
    trusted: source === 'bundled',
    provider: { id: provider.id, name: provider.name },
    incoming: provider.incoming.map(settings),
    outgoing: provider.outgoing.map(settings),
    hints: provider.hints.map(({ code, url }) => ({
      code,
      ...(url === undefined ? {} : { url }),
      ...(lockout && code === 'lockout-after-failures' ? { params: { ...lockout } } : {}),
    })),
    origin: citation(provider),
    asOf: provider.asOf,
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
