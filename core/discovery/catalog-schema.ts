// The schema of the built-in catalogue (providers.json and ispdb-providers.json). The unit tests check
// the shipped data against it, so a bad edit or a bad import fails CI, not a user; it is not loaded at
// run time (zod costs 60 ms of start-up).

import { z } from 'zod';
import { catalogFrom } from './bundled.js';
import type { CuratedFile, ImportedFile, ProviderCatalog } from './catalog-types.js';
import { compareCatalogServers } from './order.js';
import { portFitsSecurity } from './ports.js';

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
// The mail domain itself, or a name under it: "%EMAILDOMAIN%", "mail.%EMAILDOMAIN%".
const HOST_TEMPLATE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*%EMAILDOMAIN%$/;
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MONTH = /^20\d\d-(?:0[1-9]|1[0-2])$/;
/** A provider's page, an ISPDB file at a commit, or one of the project's source documents. */
const SOURCE = /^(?:https:\/\/\S+|ispdb:[a-z0-9._-]+\.xml@[0-9a-f]{40}|seed:[0-9]{3}_[0-9a-f]{16}\.txt)$/;

const hostName = z.string().regex(HOST_NAME, 'expected a lower-case ASCII host name');
const serverHost = z.union([hostName, z.string().regex(HOST_TEMPLATE)], {
  error: 'expected a lower-case ASCII host name or NAME.%EMAILDOMAIN%',
});
const httpsUrl = z.url({ protocol: /^https$/ });
const authKind = z.enum(['password', 'app-password', 'oauth2']);
const username = z.enum([
  '%EMAILADDRESS%',
  '%EMAILLOCALPART%',
  '%EMAILLOCALPART%.%EMAILDOMAIN%',
  '%EMAILLOCALPART%@%EMAILDOMAIN%',
]);
// Only 'tls' and 'starttls' exist here, so a plain-text server cannot be written into the data.
const serverFields = {
  host: serverHost,
  port: z.int().min(1).max(65_535),
  security: z.enum(['tls', 'starttls']),
  /** Defaults to the full address, which nearly every provider wants. */
  username: username.default('%EMAILADDRESS%'),
  /** Defaults to the provider's `auth`. */
  auth: authKind.optional(),
};
const incomingSchema = z.strictObject({ protocol: z.enum(['imap', 'pop3']), ...serverFields });
const outgoingSchema = z.strictObject({ protocol: z.literal('smtp'), ...serverFields });

type Server = z.infer<typeof incomingSchema> | z.infer<typeof outgoingSchema>;

function checkServers(servers: Server[], path: string, ctx: z.RefinementCtx): void {
  servers.forEach((server, index) => {
    const previous = servers[index - 1];
    if (previous && compareCatalogServers(previous, server) > 0) {
      ctx.addIssue({ code: 'custom', path: [path, index], message: 'not ordered best first' });
    }
    if (!portFitsSecurity(server.port, server.security)) {
      ctx.addIssue({
        code: 'custom',
        path: [path, index],
        message: `port ${server.port} does not go with ${server.security}`,
      });
    }
    // Port 25 is relay first; we list it only as documented submission, never on an incoming server.
    if (server.port === 25 && server.protocol !== 'smtp') {
      ctx.addIssue({ code: 'custom', path: [path, index], message: 'port 25 is SMTP only' });
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
    outgoing: z.array(outgoingSchema),
    hints: z.array(z.strictObject({ code: z.string().regex(CODE), url: httpsUrl.optional() })),
    source: z.string().regex(SOURCE, 'expected https://…, ispdb:FILE@COMMIT or seed:FILE'),
    alsoFrom: z.array(z.string().regex(SOURCE)).optional(),
    documentation: httpsUrl.optional(),
    lockout: z.strictObject({ failures: z.int().min(1), minutes: z.int().min(1) }).optional(),
    /** For the people who edit the data: why an entry looks the way it does. */
    note: z.string().optional(),
  })
  .superRefine((provider, ctx) => {
    if (provider.domains.length === 0 && provider.mxDomains.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['domains'], message: 'a provider needs domains or mxDomains' });
    }
    checkServers(provider.incoming, 'incoming', ctx);
    checkServers(provider.outgoing, 'outgoing', ctx);
    // An entry without an encrypted outgoing server says so to the person.
    if (
      provider.outgoing.length === 0 &&
      !provider.hints.some((hint) => hint.code === 'no-secure-outgoing')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['outgoing'],
        message: 'no outgoing server and no hint saying so',
      });
    }
    if (provider.lockout && !provider.hints.some((hint) => hint.code === 'lockout-after-failures')) {
      ctx.addIssue({ code: 'custom', path: ['lockout'], message: 'a lockout rule needs its hint' });
    }
  });

const curatedSchema = z.strictObject({
  asOf: z.string().regex(MONTH),
  providers: z.array(providerSchema),
});

const importedSchema = z.strictObject({
  snapshot: z.strictObject({
    repository: httpsUrl,
    path: z.string(),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    date: z.iso.date(),
    license: z.string(),
  }),
  asOf: z.string().regex(MONTH),
  providers: z.array(providerSchema),
  aliases: z.array(
    z.strictObject({
      sameAs: z.string().regex(CODE),
      domains: z.array(hostName).min(1),
      source: z.string().regex(SOURCE),
    }),
  ),
});

/**
 * One owner per id, mail domain and MX domain across both files. The one rule for overlaps: a curated
 * entry wins over the ISPDB, which the import applies (it leaves our providers' domains out and turns
 * a file about one of our providers into an alias of our entry), so the shipped data has none left.
 */
function checkOwners(curated: CuratedFile, imported: ImportedFile): string[] {
  const problems: string[] = [];
  const owners = {
    id: new Map<string, string>(),
    domain: new Map<string, string>(),
    mx: new Map<string, string>(),
  };
  const claim = (kind: keyof typeof owners, key: string, owner: string) => {
    const previous = owners[kind].get(key);
    if (previous !== undefined) problems.push(`${kind} ${key} in ${previous} and ${owner}`);
    owners[kind].set(key, owner);
  };
  for (const provider of [...curated.providers, ...imported.providers]) {
    claim('id', provider.id, provider.id);
    for (const domain of new Set(provider.domains)) claim('domain', domain, provider.id);
    for (const mxDomain of new Set(provider.mxDomains)) claim('mx', mxDomain, provider.id);
  }
  const curatedIds = new Set(curated.providers.map((provider) => provider.id));
  for (const alias of imported.aliases) {
    if (!curatedIds.has(alias.sameAs)) problems.push(`alias of unknown curated entry ${alias.sameAs}`);
    for (const domain of alias.domains) claim('domain', domain, `${alias.sameAs} (alias)`);
  }
  return problems;
}

/** Validates both data files and indexes them; throws a ZodError or an Error on bad data. */
export function parseCatalog(curatedInput: unknown, importedInput: unknown): ProviderCatalog {
  const curated = curatedSchema.parse(curatedInput) as CuratedFile;
  const imported = importedSchema.parse(importedInput) as ImportedFile;
  const problems = checkOwners(curated, imported);
  if (problems.length > 0) throw new Error(`catalogue overlaps: ${problems.join('; ')}`);
  return catalogFrom(curated, imported);
}
