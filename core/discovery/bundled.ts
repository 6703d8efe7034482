// The bundled provider catalogue: data beside code (as nodemailer's well-known/services.json), read
// from providers.json, checked once, and looked up by mail domain or by MX host.

import { z } from 'zod';
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

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const hostName = z.string().regex(HOST_NAME, 'expected a lower-case ASCII host name');
const httpsUrl = z.url({ protocol: /^https$/ });
const authKind = z.enum(['password', 'app-password', 'oauth2']);
// Only 'tls' and 'starttls' exist here, so a plain-text server cannot be written into the data.
const serverFields = {
  host: hostName,
  port: z.int().min(1).max(65_535),
  security: z.enum(['tls', 'starttls']),
  /** Defaults to the full address, which nearly every provider wants. */
  username: z.string().min(1).default('%EMAILADDRESS%'),
  /** Defaults to the provider's `auth`. */
  auth: authKind.optional(),
};
const incomingSchema = z.strictObject({ protocol: z.enum(['imap', 'pop3']), ...serverFields });
const outgoingSchema = z.strictObject({ protocol: z.literal('smtp'), ...serverFields });

type RankedServer = { protocol: string; port: number; security: Security };

/** Best first (RFC 8314): IMAP before POP3, implicit TLS before STARTTLS, SMTP port 25 after 465/587. */
function serverRank(server: RankedServer): number {
  return (
    (server.protocol === 'pop3' ? 4 : 0) +
    (server.port === 25 ? 2 : 0) +
    (server.security === 'starttls' ? 1 : 0)
  );
}

function checkServers(servers: RankedServer[], path: string, ctx: z.RefinementCtx): void {
  servers.forEach((server, index) => {
    const previous = servers[index - 1];
    if (previous && serverRank(previous) > serverRank(server)) {
      ctx.addIssue({ code: 'custom', path: [path, index], message: 'not ordered best first' });
    }
    // Port 25 is relay first; we list it only as documented submission, never without STARTTLS.
    if (server.port === 25 && server.security !== 'starttls') {
      ctx.addIssue({ code: 'custom', path: [path, index], message: 'port 25 only with starttls' });
    }
  });
}

const providerSchema = z
  .strictObject({
    id: z.string().regex(CODE),
    name: z.string().min(1),
    shortName: z.string().min(1).optional(),
    domains: z.array(hostName),
    mxDomains: z.array(hostName),
    serverDomains: z.array(hostName).optional(),
    auth: authKind.default('password'),
    incoming: z.array(incomingSchema).min(1),
    outgoing: z.array(outgoingSchema).min(1),
    hints: z.array(z.strictObject({ code: z.string().regex(CODE), url: httpsUrl.optional() })),
    source: httpsUrl,
    /** For the people who edit the data: why an entry looks the way it does. */
    note: z.string().optional(),
  })
  .superRefine((provider, ctx) => {
    if (provider.domains.length === 0 && provider.mxDomains.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['domains'], message: 'a provider needs domains or mxDomains' });
    }
    checkServers(provider.incoming, 'incoming', ctx);
    checkServers(provider.outgoing, 'outgoing', ctx);
  });

const catalogSchema = z.strictObject({ providers: z.array(providerSchema) }).superRefine((catalog, ctx) => {
  // One owner per id, mail domain and MX domain: a look-up must never depend on the order of the file.
  const owners = {
    id: new Map<string, string>(),
    domain: new Map<string, string>(),
    mx: new Map<string, string>(),
  };
  catalog.providers.forEach((provider, index) => {
    const claim = (kind: keyof typeof owners, key: string) => {
      const owner = owners[kind].get(key);
      if (owner !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['providers', index],
          message: `${kind} ${key} also in ${owner}`,
        });
      }
      owners[kind].set(key, provider.id);
    };
    claim('id', provider.id);
    for (const domain of new Set(provider.domains)) claim('domain', domain);
    for (const mxDomain of new Set(provider.mxDomains)) claim('mx', mxDomain);
  });
});

/** Validates catalogue data (the shape of providers.json) and indexes it; throws a ZodError on bad data. */
export function parseCatalog(input: unknown): ProviderCatalog {
  const providers: Provider[] = catalogSchema
    .parse(input)
    .providers.map(({ auth, note: _note, ...provider }) => ({
      ...provider,
      incoming: provider.incoming.map((server) => ({ ...server, auth: server.auth ?? auth })),
      outgoing: provider.outgoing.map((server) => ({ ...server, auth: server.auth ?? auth })),
    }));
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

/** The bundled catalogue, validated and indexed on first use. */
export function loadCatalog(): ProviderCatalog {
  catalog ??= parseCatalog(providersJson);
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
