// The schema of providers.json. The unit tests check the shipped data against it, so a bad edit of the
// data fails CI, not a user; it is not loaded at run time (zod costs 60 ms of start-up).

import { z } from 'zod';
import type { Security } from '../model.js';
import { indexCatalog, normalizeProvider, type ProviderCatalog, type ProviderData } from './bundled.js';

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
  const data = catalogSchema.parse(input).providers as ProviderData[];
  return indexCatalog(data.map(normalizeProvider));
}
