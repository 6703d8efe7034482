// The data-quality gate, derived from the shipped catalogue itself: every entry parses, hosts are valid,
// ports and security follow the contract, no plain server, and no domain has two owners without the
// one rule (curated over ISPDB) deciding it. Plus the schema's refusals, each with its reason.

import { getDomain, getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { isValidHostname } from '../../../core/address/hostname.js';
import { loadCatalog } from '../../../core/discovery/bundled.js';
import { parseCatalog } from '../../../core/discovery/catalog-schema.js';
import ispdbJson from '../../../core/discovery/ispdb-providers.json' with { type: 'json' };
import providersJson from '../../../core/discovery/providers.json' with { type: 'json' };

const curatedFile = (providers: unknown[]) => ({ asOf: '2026-11', providers });
const emptyImport = { ...ispdbJson, providers: [], aliases: [] };

/** A minimal valid entry, for feeding parseCatalog bad variations of it. */
function entry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'example',
    name: 'Example',
    domains: ['example.net'],
    mxDomains: [],
    incoming: [{ protocol: 'imap', host: 'imap.example.net', port: 993, security: 'tls' }],
    outgoing: [{ protocol: 'smtp', host: 'smtp.example.net', port: 465, security: 'tls' }],
    hints: [],
    source: 'https://example.net/help',
    ...overrides,
  };
}

const refuses = (providers: unknown[], message: RegExp) =>
  expect(() => parseCatalog(curatedFile(providers), emptyImport)).toThrow(message);

describe('the shipped catalogue', () => {
  const catalog = parseCatalog(providersJson, ispdbJson);
  const servers = catalog.providers.flatMap((provider) =>
    [...provider.incoming, ...provider.outgoing].map((server) => ({ provider, server })),
  );

  it('parses, both files, with every entry citing where its facts come from', () => {
    expect(catalog.providers.length).toBe(providersJson.providers.length + ispdbJson.providers.length);
    for (const provider of catalog.providers) {
      expect(provider.source, provider.id).toMatch(/^(?:https:\/\/|ispdb:\S+@[0-9a-f]{40}$|seed:)/);
      expect(provider.asOf, provider.id).toMatch(/^\d{4}-\d{2}$/);
      if (provider.imported) expect(provider.source).toContain(ispdbJson.snapshot.commit);
    }
  });

  it('has valid host names (or NAME.%EMAILDOMAIN%) and never a plain-text server', () => {
    for (const { provider, server } of servers) {
      const host = server.host.replace('%EMAILDOMAIN%', 'example.org');
      expect(isValidHostname(host), `${provider.id}: ${server.host}`).toBe(true);
      expect(['tls', 'starttls'], provider.id).toContain(server.security);
    }
  });

  it('pairs ports and security as the contract does (993/995/465 TLS; 143/110/587/25 STARTTLS)', () => {
    for (const { provider, server } of servers) {
      if ([993, 995, 465].includes(server.port)) expect(server.security, provider.id).toBe('tls');
      if ([143, 110, 587, 25].includes(server.port)) expect(server.security, provider.id).toBe('starttls');
      expect(server.port === 25 && server.protocol !== 'smtp', provider.id).toBe(false);
    }
  });

  it('gives each domain one owner: curated entries, imported entries and aliases never overlap', () => {
    const owners = new Map<string, string>();
    const claim = (domain: string, owner: string) => {
      expect(owners.get(domain), `${domain}: ${owner}`).toBeUndefined();
      owners.set(domain, owner);
    };
    for (const provider of catalog.providers)
      for (const domain of provider.domains) claim(domain, provider.id);
    for (const alias of ispdbJson.aliases) for (const domain of alias.domains) claim(domain, alias.sameAs);
    expect(owners.size).toBeGreaterThan(850);
  });

  it('names no public suffix as a domain: it would capture every MX host under it', () => {
    const domains = [
      ...catalog.providers.flatMap((provider) => [...provider.domains, ...provider.mxDomains]),
      ...ispdbJson.aliases.flatMap((alias) => alias.domains),
    ];
    expect(
      domains.filter((domain) => getDomain(domain) === null || getPublicSuffix(domain) === domain),
    ).toEqual([]);
  });

  it('answers every domain of the data through the index with its owner', async () => {
    const loaded = await loadCatalog();
    for (const provider of catalog.providers) {
      for (const domain of provider.domains) expect(loaded.byDomain(domain)?.id, domain).toBe(provider.id);
    }
    for (const alias of ispdbJson.aliases) {
      for (const domain of alias.domains) expect(loaded.byDomain(domain)?.id, domain).toBe(alias.sameAs);
    }
  });
});

describe('parseCatalog refuses bad data, saying why', () => {
  it('accepts the minimal entry', () => {
    expect(parseCatalog(curatedFile([entry()]), emptyImport).byDomain('example.net')?.id).toBe('example');
  });

  it('refuses plain-text servers', () => {
    refuses(
      [entry({ incoming: [{ protocol: 'imap', host: 'imap.example.net', port: 143, security: 'none' }] })],
      /security/,
    );
  });

  it('refuses servers out of the contract order, ranked by order.ts', () => {
    refuses(
      [
        entry({
          incoming: [
            { protocol: 'pop3', host: 'pop.example.net', port: 995, security: 'tls' },
            { protocol: 'imap', host: 'imap.example.net', port: 993, security: 'tls' },
          ],
        }),
      ],
      /not ordered best first/,
    );
    refuses(
      [
        entry({
          outgoing: [
            { protocol: 'smtp', host: 'smtp.example.net', port: 25, security: 'starttls' },
            { protocol: 'smtp', host: 'smtp.example.net', port: 587, security: 'starttls' },
          ],
        }),
      ],
      /not ordered best first/,
    );
  });

  it('refuses ports that do not go with their security', () => {
    refuses(
      [entry({ outgoing: [{ protocol: 'smtp', host: 'smtp.example.net', port: 25, security: 'tls' }] })],
      /port 25 does not go with tls/,
    );
    refuses(
      [
        entry({
          incoming: [{ protocol: 'imap', host: 'imap.example.net', port: 993, security: 'starttls' }],
        }),
      ],
      /port 993 does not go with starttls/,
    );
  });

  it('refuses sources that are not a page, an ISPDB file at a commit or a seed', () => {
    refuses([entry({ source: 'http://example.net/help' })], /expected https/);
    refuses([entry({ source: 'ispdb:example.net.xml' })], /expected https/);
  });

  it('refuses a missing outgoing server unless a hint says so, and a lockout without its hint', () => {
    refuses([entry({ outgoing: [] })], /no outgoing server and no hint/);
    expect(
      parseCatalog(
        curatedFile([entry({ outgoing: [], hints: [{ code: 'no-secure-outgoing' }] })]),
        emptyImport,
      ).providers[0]?.outgoing,
    ).toEqual([]);
    refuses([entry({ lockout: { failures: 5, minutes: 60 } })], /a lockout rule needs its hint/);
  });

  it('refuses a domain or MX domain claimed twice, and upper-case or Unicode domains', () => {
    refuses([entry(), entry({ id: 'other' })], /domain example\.net in example and other/);
    refuses(
      [
        entry({ mxDomains: ['example.org'] }),
        entry({ id: 'other', domains: [], mxDomains: ['example.org'] }),
      ],
      /mx example\.org in example and other/,
    );
    refuses([entry({ domains: ['Example.net'] })], /lower-case ASCII host name/);
    refuses([entry({ domains: ['müller.example'] })], /lower-case ASCII host name/);
    refuses([entry({ domains: [], mxDomains: [] })], /needs domains or mxDomains/);
  });

  it('refuses an imported domain that a curated entry already names, and an alias of nobody', () => {
    const imported = (overrides: Record<string, unknown>) => ({
      ...emptyImport,
      providers: [entry({ id: 'ispdb-example-net', source: `ispdb:example.net.xml@${'a'.repeat(40)}` })],
      ...overrides,
    });
    expect(() => parseCatalog(curatedFile([entry()]), imported({}))).toThrow(/domain example\.net/);
    expect(() =>
      parseCatalog(
        curatedFile([]),
        imported({
          aliases: [{ sameAs: 'nobody', domains: ['example.org'], source: 'seed:000_5644f48ee3941b80.txt' }],
        }),
      ),
    ).toThrow(/alias of unknown curated entry nobody/);
  });
});
