// `npm run providers:import -- DIR`: builds the imported half of the built-in provider catalogue
// (core/discovery/ispdb-providers.json) from a snapshot of Thunderbird's ISPDB (config-v1.1.xml files,
// MPL-2.0) and writes what it left out to docs/providers-import.md. Facts only: domains, host names,
// ports, socket types, authentication methods, user-name patterns, documentation URL, provider name;
// the files' prose (<instruction>, <descr>) stays behind. The output is deterministic (sorted, no
// timestamps), so a re-import of the same snapshot changes nothing.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDomain } from 'tldts';
import { isValidHostname } from '../core/address/hostname.js';
import type { AliasData, ImportedFile, ProviderData } from '../core/discovery/catalog-types.js';
import { httpsUrl, parsePort, readAuthMethods, SOCKET_TYPES } from '../core/discovery/config-xml.js';
import { compareCatalogServers } from '../core/discovery/order.js';
import { portFitsSecurity } from '../core/discovery/ports.js';
import { childElements, childText, parseSafeXml, type XmlElement } from '../core/discovery/safe-xml.js';
import type { AuthKind, Protocol, Security } from '../core/model.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = {
  catalogue: path.join(ROOT, 'core/discovery/ispdb-providers.json'),
  report: path.join(ROOT, 'docs/providers-import.md'),
  curated: path.join(ROOT, 'core/discovery/providers.json'),
} as const;

type Snapshot = ImportedFile['snapshot'];
type ServerData = ProviderData['incoming'][number] | ProviderData['outgoing'][number];

export interface ImportReport {
  files: number;
  domains: number;
  imported: { providers: number; domains: number };
  aliased: { file: string; sameAs: string; domains: number }[];
  /** Files left out entirely: no usable encrypted server. */
  excluded: { file: string; domains: string[]; reason: string }[];
  /** Servers dropped from files that were kept, and repairs made. */
  notes: { file: string; note: string }[];
}

const PLACEHOLDER_HOST = /^(?:[a-z0-9-]+\.)*%EMAILDOMAIN%$/;
const USERNAMES = new Set([
  '%EMAILADDRESS%',
  '%EMAILLOCALPART%',
  '%EMAILLOCALPART%.%EMAILDOMAIN%',
  '%EMAILLOCALPART%@%EMAILDOMAIN%',
]);

/** Reads the snapshot's README (commit and date) and its LICENSE line. */
export function readSnapshot(dir: string): Snapshot {
  const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  const commit = /\bcommit ([0-9a-f]{40})\b/.exec(readme)?.[1];
  const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(readme)?.[1];
  if (!commit || !date) throw new Error(`${dir}/README.md names no commit and date`);
  return {
    repository: 'https://github.com/thunderbird/autoconfig',
    path: 'ispdb/',
    commit,
    date,
    license: /MPL-2\.0/.test(readme) ? 'MPL-2.0' : 'see LICENSE',
  };
}

function idOf(file: string): string {
  return `ispdb-${file
    .replace(/\.xml$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** A host name, or a template whose only placeholder is the mail domain ("mail.%EMAILDOMAIN%"). */
function readHost(value: string | undefined): string | undefined {
  const host = value
    ?.trim()
    .toLowerCase()
    .replace(/%emaildomain%/g, '%EMAILDOMAIN%');
  if (!host) return undefined;
  if (PLACEHOLDER_HOST.test(host)) return host;
  return isValidHostname(host) ? host : undefined;
}

interface ReadServers {
  servers: ServerData[];
  dropped: string[];
  repaired: string[];
  hints: Set<string>;
}

function readServers(provider: XmlElement, kind: 'incomingServer' | 'outgoingServer'): ReadServers {
  const result: ReadServers = { servers: [], dropped: [], repaired: [], hints: new Set() };
  for (const element of childElements(provider, kind)) {
    const type = element.attributes.get('type')?.toLowerCase() ?? '';
    const wanted = kind === 'incomingServer' ? ['imap', 'pop3'] : ['smtp'];
    if (!wanted.includes(type)) continue; // exchange, ews, graph, owa: not protocols we set up
    const protocol = type as Protocol;
    const rawHost = childText(element, 'hostname') ?? '';
    const label = `${type} ${rawHost}:${childText(element, 'port') ?? '?'}`;
    const socketType = childText(element, 'socketType');
    const security: Security | undefined = SOCKET_TYPES[socketType?.toUpperCase() ?? ''];
    if (!security) {
      result.dropped.push(`${label}: socketType ${socketType ?? '(none)'}, not encrypted`);
      continue;
    }
    const host = readHost(rawHost);
    const port = parsePort(childText(element, 'port'));
    if (!host || !port) {
      result.dropped.push(`${label}: no valid host name or port`);
      continue;
    }
    if (!portFitsSecurity(port, security)) {
      result.dropped.push(`${label}: socketType ${socketType} does not go with port ${port}`);
      continue;
    }
    const methods = childElements(element, 'authentication').map((method) => method.text);
    const auth = readAuthMethods(methods);
    if (!auth) {
      result.dropped.push(`${label}: authentication ${methods.join(', ')} only`);
      continue;
    }
    if (auth.oauth2Offered) result.hints.add('oauth2-available');
    if (auth.kind === 'oauth2') result.hints.add('oauth2-only');
    // password-encrypted is CRAM-MD5: still the mailbox password, but a server that offers nothing
    // else refuses our PLAIN/LOGIN. Said plainly instead of pretending it is a normal login.
    const lower = methods.map((method) => method.toLowerCase());
    if (lower.includes('password-encrypted') && !lower.includes('password-cleartext'))
      result.hints.add('cram-md5-listed');
    let username = childText(element, 'username')?.trim() || '%EMAILADDRESS%';
    if (username === '%EMAILADDRESS') {
      result.repaired.push(`${label}: username "%EMAILADDRESS" read as %EMAILADDRESS%`);
      username = '%EMAILADDRESS%';
    }
    if (!USERNAMES.has(username)) {
      result.dropped.push(`${label}: username pattern ${username} not understood`);
      continue;
    }
    result.servers.push({
      protocol,
      host,
      port,
      security,
      ...(username === '%EMAILADDRESS%' ? {} : { username }),
      ...(auth.kind === 'password' ? {} : { auth: auth.kind as AuthKind }),
    } as ServerData);
  }
  return result;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

/** Builds the imported catalogue; `curated` are our own entries (they win where both exist). */
export function importIspdb(
  dir: string,
  curated: readonly ProviderData[],
): { catalogue: ImportedFile; report: ImportReport } {
  const snapshot = readSnapshot(dir);
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.xml'))
    .sort();
  const curatedDomain = new Map(curated.flatMap((entry) => entry.domains.map((d) => [d, entry.id] as const)));
  const curatedMx = new Map(curated.flatMap((entry) => entry.mxDomains.map((d) => [d, entry.id] as const)));
  const claimed = new Map<string, string>();
  const providers: ProviderData[] = [];
  const aliases: AliasData[] = [];
  const report: ImportReport = {
    files: files.length,
    domains: 0,
    imported: { providers: 0, domains: 0 },
    aliased: [],
    excluded: [],
    notes: [],
  };

  for (const file of files) {
    const root = parseSafeXml(readFileSync(path.join(dir, file), 'utf8'));
    const provider = childElements(root, 'emailProvider')[0];
    if (!provider) throw new Error(`${file}: no <emailProvider>`);
    const source = `ispdb:${file}@${snapshot.commit}`;
    const domains = uniqueBy(
      childElements(provider, 'domain').map((domain) => domain.text.trim().toLowerCase()),
      (domain) => domain,
    );
    report.domains += domains.length;
    const invalid = domains.filter((domain) => !isValidHostname(domain));
    for (const domain of invalid) report.notes.push({ file, note: `domain "${domain}" is not a host name` });
    const valid = domains.filter((domain) => isValidHostname(domain) && !claimed.has(domain));
    for (const domain of domains.filter((d) => claimed.has(d)))
      report.notes.push({
        file,
        note: `domain ${domain} already in ${claimed.get(domain)}; the earlier file wins`,
      });

    // A file that names one of our curated providers' domains (or MX domains) is that provider:
    // our entry answers for every domain of the file, with our servers and hints.
    // An MX domain counts with the names under it, as the MX look-up matches them
    // (mail.protection.outlook.com is Microsoft 365's, whose MX domain is outlook.com).
    const underCuratedMx = (domain: string) =>
      domain
        .split('.')
        .map((_, index, labels) => curatedMx.get(labels.slice(index).join('.')))
        .find(Boolean);
    const sameAs =
      valid.map((domain) => curatedDomain.get(domain)).find(Boolean) ??
      valid.map(underCuratedMx).find(Boolean);
    if (sameAs) {
      const extra = valid.filter((domain) => !curatedDomain.has(domain));
      for (const domain of extra) claimed.set(domain, file);
      if (extra.length > 0) aliases.push({ sameAs, domains: extra, source });
      report.aliased.push({ file, sameAs, domains: extra.length });
      continue;
    }

    const incoming = readServers(provider, 'incomingServer');
    const outgoing = readServers(provider, 'outgoingServer');
    for (const read of [incoming, outgoing]) {
      for (const note of read.dropped) report.notes.push({ file, note: `left out ${note}` });
      for (const note of read.repaired) report.notes.push({ file, note });
    }
    const key = (server: ServerData) => `${server.protocol} ${server.host} ${server.port} ${server.security}`;
    const servers = {
      incoming: uniqueBy(incoming.servers, key).sort(compareCatalogServers),
      outgoing: uniqueBy(outgoing.servers, key).sort(compareCatalogServers),
    };
    if (servers.incoming.length === 0 || valid.length === 0) {
      report.excluded.push({
        file,
        domains,
        reason:
          valid.length === 0
            ? 'no valid domain'
            : servers.outgoing.length === 0
              ? 'no encrypted server at all'
              : 'no encrypted incoming server (only SMTP)',
      });
      continue;
    }
    const hints = new Set([...incoming.hints, ...outgoing.hints]);
    // OAuth2 alone on some servers and a password on others: the person still needs OAuth2 somewhere.
    if (hints.has('oauth2-only')) hints.delete('oauth2-available');
    if (servers.outgoing.length === 0) {
      hints.add('no-secure-outgoing');
      report.notes.push({ file, note: 'kept without outgoing server: no encrypted SMTP in the file' });
    }
    const name = [childText(provider, 'displayName'), childText(provider, 'displayShortName')].find(
      (text) => text && !text.includes('%'),
    );
    const shortName = childText(provider, 'displayShortName');
    const documentation = childElements(provider, 'documentation')
      .map((element) => httpsUrl(element.attributes.get('url')))
      .find(Boolean);
    for (const domain of valid) claimed.set(domain, file);
    // The ISPDB vouches for the hosts it lists, also outside the provider's mail domains.
    const serverDomains = [
      ...new Set(
        [...servers.incoming, ...servers.outgoing]
          .map((server) => (server.host.includes('%') ? null : getDomain(server.host)))
          .filter((domain): domain is string => Boolean(domain) && !valid.includes(domain!)),
      ),
    ].sort();
    providers.push({
      id: idOf(file),
      name: name ?? valid[0]!,
      ...(shortName && shortName !== name && !shortName.includes('%') ? { shortName } : {}),
      domains: valid,
      mxDomains: [],
      ...(serverDomains.length > 0 ? { serverDomains } : {}),
      incoming: servers.incoming as ProviderData['incoming'],
      outgoing: servers.outgoing as ProviderData['outgoing'],
      hints: [...hints].sort().map((code) => ({ code })),
      source,
      ...(documentation ? { documentation } : {}),
    });
    report.imported.providers++;
    report.imported.domains += valid.length;
  }
  return { catalogue: { snapshot, asOf: snapshot.date.slice(0, 7), providers, aliases }, report };
}

export function reportMarkdown(catalogue: ImportedFile, report: ImportReport): string {
  const { snapshot } = catalogue;
  const aliasedDomains = report.aliased.reduce((sum, entry) => sum + entry.domains, 0);
  const lines = [
    '# Provider import from the ISPDB',
    '',
    `Written by \`npm run providers:import\` from ${snapshot.repository} \`${snapshot.path}\` at commit`,
    `\`${snapshot.commit}\` (${snapshot.date}, ${snapshot.license}): ${report.files} files, ${report.domains} domains.`,
    'Facts only (domains, hosts, ports, socket types, authentication methods, user-name patterns,',
    "documentation URL, provider name); the files' prose is not copied. A plain-text server is never",
    'taken. Our curated entries (`core/discovery/providers.json`) win where both name a provider.',
    '',
    `- imported: ${report.imported.providers} providers with ${report.imported.domains} domains (\`core/discovery/ispdb-providers.json\`)`,
    `- answered by a curated entry: ${report.aliased.length} files, ${aliasedDomains} more domains for it`,
    `- left out: ${report.excluded.length} files (below)`,
    '',
    '## Left out: no usable encrypted server',
    '',
    '| file | domains | reason |',
    '| --- | --- | --- |',
    ...report.excluded.map((entry) => `| ${entry.file} | ${entry.domains.join(', ')} | ${entry.reason} |`),
    '',
    '## Answered by a curated entry',
    '',
    '| file | curated entry | domains added |',
    '| --- | --- | --- |',
    ...report.aliased.map((entry) => `| ${entry.file} | ${entry.sameAs} | ${entry.domains} |`),
    '',
    '## Servers left out, and repairs',
    '',
    ...report.notes.map((entry) => `- ${entry.file}: ${entry.note}`),
    '',
  ];
  return lines.join('\n');
}

function main(argv: string[]): void {
  const dir = argv[0];
  if (!dir) {
    process.stderr.write(
      'Usage: npm run providers:import -- DIR   (a folder of ISPDB config-v1.1.xml files)\n',
    );
    process.exit(2);
  }
  const curated = (JSON.parse(readFileSync(OUTPUT.curated, 'utf8')) as { providers: ProviderData[] })
    .providers;
  const { catalogue, report } = importIspdb(path.resolve(dir), curated);
  writeFileSync(OUTPUT.catalogue, `${JSON.stringify(catalogue, null, 2)}\n`);
  writeFileSync(OUTPUT.report, reportMarkdown(catalogue, report));
  process.stdout.write(
    `${report.imported.providers} providers (${report.imported.domains} domains) imported, ${report.aliased.length} files answered by curated entries, ${report.excluded.length} left out: see docs/providers-import.md\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
