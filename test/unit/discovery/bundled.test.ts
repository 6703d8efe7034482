import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { ParsedAddress } from '../../../core/address/parse.js';
import {
  bundledSource,
  loadCatalog,
  type Provider,
  providerConfig,
} from '../../../core/discovery/bundled.js';
import { parseCatalog } from '../../../core/discovery/catalog-schema.js';
import providersJson from '../../../core/discovery/providers.json' with { type: 'json' };
import type { DiscoveryContext } from '../../../core/discovery/types.js';
import { hintMessages } from '../../../core/messages/hints.js';
import type { Lookup } from '../../../core/model.js';
import { createNet } from '../../../core/net/index.js';

// Built by hand: parseAddress is written elsewhere, and these tests must not depend on it.
function address(localPart: string, domain: string, domainUnicode = domain): ParsedAddress {
  return {
    address: `${localPart}@${domainUnicode}`,
    localPart,
    domain,
    domainUnicode,
    asciiAddress: `${localPart}@${domain}`,
  };
}

function provider(id: string): Provider {
  const found = loadCatalog().providers.find((entry) => entry.id === id);
  if (!found) throw new Error(`no provider ${id}`);
  return found;
}

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

describe('bundled catalogue data', () => {
  it('validates, and says how long loading took', () => {
    const started = performance.now();
    const catalog = loadCatalog();
    const firstMs = performance.now() - started;
    const again = performance.now();
    parseCatalog(providersJson);
    const parseMs = performance.now() - again;
    // Reported, not asserted: timing depends on the machine.
    console.log(
      `loadCatalog: ${firstMs.toFixed(1)} ms first call, parseCatalog: ${parseMs.toFixed(1)} ms, ${catalog.providers.length} providers`,
    );
    expect(catalog.providers.length).toBeGreaterThan(10);
    expect(loadCatalog()).toBe(catalog);
    // What ships unvalidated at run time is exactly what the schema accepts, defaults included.
    expect(parseCatalog(providersJson).providers).toEqual(catalog.providers);
  });

  it('gives every provider a source page, incoming and outgoing servers, best first', () => {
    const rank = (server: { protocol: string; port: number; security: string }) =>
      [
        server.protocol === 'pop3' ? 1 : 0,
        server.port === 25 ? 1 : 0,
        server.security === 'starttls' ? 1 : 0,
      ].join();
    for (const entry of loadCatalog().providers) {
      expect(entry.source, entry.id).toMatch(/^https:\/\//);
      expect(entry.incoming.length, entry.id).toBeGreaterThan(0);
      expect(entry.outgoing.length, entry.id).toBeGreaterThan(0);
      for (const list of [entry.incoming, entry.outgoing]) {
        const ranks = list.map(rank);
        expect(ranks, entry.id).toEqual([...ranks].sort());
        for (const server of list) expect(['tls', 'starttls'], entry.id).toContain(server.security);
      }
      expect(entry.incoming.every((server) => server.protocol !== 'smtp')).toBe(true);
      expect(entry.outgoing.every((server) => server.protocol === 'smtp')).toBe(true);
    }
  });

  it('gives each domain and each MX domain to one provider only', () => {
    const domains = loadCatalog().providers.flatMap((entry) => entry.domains);
    const mxDomains = loadCatalog().providers.flatMap((entry) => entry.mxDomains);
    expect(new Set(domains).size).toBe(domains.length);
    expect(new Set(mxDomains).size).toBe(mxDomains.length);
  });

  it('lists registrable domains, and every server host lies in one of the provider’s domains', () => {
    for (const entry of loadCatalog().providers) {
      const own = [...entry.domains, ...entry.mxDomains, ...(entry.serverDomains ?? [])];
      for (const domain of own) expect(getDomain(domain), `${entry.id}: ${domain}`).toBe(domain);
      for (const server of [...entry.incoming, ...entry.outgoing]) {
        expect(own, `${entry.id}: ${server.host}`).toContain(getDomain(server.host));
      }
    }
  });

  it('holds Variomedia exactly as its own page gives it', () => {
    const variomedia = loadCatalog().byDomain('variomedia.de');
    expect(variomedia?.id).toBe('variomedia');
    expect(variomedia?.mxDomains).toEqual(['variomedia.de']);
    const server = (protocol: string, host: string, port: number, security: string) => ({
      protocol,
      host,
      port,
      security,
      username: '%EMAILADDRESS%',
      auth: 'password',
    });
    expect(variomedia?.incoming).toEqual([
      server('imap', 'imap.variomedia.de', 993, 'tls'),
      server('imap', 'imap.variomedia.de', 143, 'starttls'),
      server('pop3', 'pop3.variomedia.de', 995, 'tls'),
      server('pop3', 'pop3.variomedia.de', 110, 'starttls'),
    ]);
    expect(variomedia?.outgoing).toEqual([
      server('smtp', 'smtp.variomedia.de', 465, 'tls'),
      server('smtp', 'smtp.variomedia.de', 587, 'starttls'),
      server('smtp', 'smtp.variomedia.de', 25, 'starttls'),
    ]);
  });

  it('has one provider for gmail.com and googlemail.com, and app passwords for it', () => {
    const catalog = loadCatalog();
    expect(catalog.byDomain('gmail.com')).toBe(catalog.byDomain('googlemail.com'));
    expect(catalog.byDomain('GMail.com')?.id).toBe('google');
    const config = providerConfig(provider('google'), address('max', 'gmail.com'), 'bundled');
    expect(config.incoming.every((server) => server.auth === 'app-password')).toBe(true);
    expect(config.hints).toEqual([
      { code: 'app-password-required', url: 'https://support.google.com/accounts/answer/185833' },
    ]);
  });
});

describe('byMxHost', () => {
  it('finds the provider by the MX host’s domain, with or without the trailing dot, in any case', () => {
    const catalog = loadCatalog();
    expect(catalog.byMxHost('mx00.ionos.de.')?.id).toBe('ionos');
    expect(catalog.byMxHost('MX01.Kundenserver.DE')?.id).toBe('ionos');
    expect(catalog.byMxHost('aspmx.l.google.com.')?.id).toBe('google');
    expect(catalog.byMxHost('contoso-com.mail.protection.outlook.com.')?.id).toBe('microsoft-365');
    expect(catalog.byMxHost('mta5.am0.yahoodns.net')?.id).toBe('yahoo');
    expect(catalog.byMxHost('ionos.de')?.id).toBe('ionos');
  });

  it('matches on label boundaries only', () => {
    const catalog = loadCatalog();
    expect(catalog.byMxHost('evilionos.de')).toBeUndefined();
    expect(catalog.byMxHost('ionos.de.evil.example')).toBeUndefined();
    expect(catalog.byMxHost('de')).toBeUndefined();
    expect(catalog.byMxHost('')).toBeUndefined();
  });
});

describe('providerConfig', () => {
  it('fills the user name with the address as typed, Unicode included', () => {
    const idn = address('jörg', 'xn--mller-kva.example', 'müller.example');
    const config = providerConfig(provider('ionos'), idn, 'mx');
    expect(config.incoming[0]).toEqual({
      protocol: 'imap',
      host: 'imap.ionos.de',
      port: 993,
      security: 'tls',
      username: 'jörg@müller.example',
      auth: 'password',
    });
    expect(config.outgoing.every((server) => server.username === 'jörg@müller.example')).toBe(true);
    expect(config).toMatchObject({
      source: 'mx',
      trusted: false,
      provider: { id: 'ionos', name: 'IONOS' },
      origin: provider('ionos').source,
    });
    expect(config.publishers).toEqual(expect.arrayContaining(['ionos.de', 'kundenserver.de']));
  });

  it('fills local-part user names and trusts bundled answers', () => {
    const catalog = parseCatalog({
      providers: [
        entry({
          incoming: [
            {
              protocol: 'imap',
              host: 'imap.example.net',
              port: 993,
              security: 'tls',
              username: '%EMAILLOCALPART%',
            },
          ],
        }),
      ],
    });
    const [only] = catalog.providers;
    if (!only) throw new Error('empty catalogue');
    const config = providerConfig(only, address('anna', 'example.net'), 'bundled');
    expect(config.incoming[0]?.username).toBe('anna');
    expect(config.outgoing[0]?.username).toBe('anna@example.net');
    expect(config.trusted).toBe(true);
    expect(config.hints).toEqual([]);
  });

  it('names the provider’s own server domains as publishers', () => {
    const config = providerConfig(provider('outlook'), address('max', 'outlook.de'), 'bundled');
    expect(config.publishers).toEqual(expect.arrayContaining(['outlook.de', 'office365.com']));
    expect(config.incoming.every((server) => server.auth === 'oauth2')).toBe(true);
  });
});

describe('parseCatalog refuses bad data', () => {
  /** The issues parseCatalog's ZodError names (it must throw one: anything else is a bug). */
  function issuesOf(providers: unknown[]): { path: PropertyKey[]; message: string }[] {
    try {
      parseCatalog({ providers });
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError);
      return (error as ZodError).issues.map(({ path, message }) => ({ path, message }));
    }
    throw new Error('parseCatalog accepted the data');
  }
  /** Refused for exactly the rule meant: the issue at `path` with that `message`. */
  const refuses = (providers: unknown[], path: PropertyKey[], message: string) =>
    expect(issuesOf(providers)).toContainEqual({ path, message });

  it('accepts the minimal entry', () => {
    expect(parseCatalog({ providers: [entry()] }).byDomain('example.net')?.id).toBe('example');
  });

  it('refuses plain-text servers, bad order, plain port 25 and http sources', () => {
    refuses(
      [entry({ incoming: [{ protocol: 'imap', host: 'imap.example.net', port: 143, security: 'none' }] })],
      ['providers', 0, 'incoming', 0, 'security'],
      'Invalid option: expected one of "tls"|"starttls"',
    );
    refuses(
      [
        entry({
          incoming: [
            { protocol: 'pop3', host: 'pop.example.net', port: 995, security: 'tls' },
            { protocol: 'imap', host: 'imap.example.net', port: 993, security: 'tls' },
          ],
        }),
      ],
      ['providers', 0, 'incoming', 1],
      'not ordered best first',
    );
    refuses(
      [
        entry({
          outgoing: [
            { protocol: 'smtp', host: 'smtp.example.net', port: 587, security: 'starttls' },
            { protocol: 'smtp', host: 'smtp.example.net', port: 465, security: 'tls' },
          ],
        }),
      ],
      ['providers', 0, 'outgoing', 1],
      'not ordered best first',
    );
    refuses(
      [entry({ outgoing: [{ protocol: 'smtp', host: 'smtp.example.net', port: 25, security: 'tls' }] })],
      ['providers', 0, 'outgoing', 0],
      'port 25 only with starttls',
    );
    refuses([entry({ source: 'http://example.net/help' })], ['providers', 0, 'source'], 'Invalid URL');
    refuses(
      [entry({ outgoing: [] })],
      ['providers', 0, 'outgoing'],
      'Too small: expected array to have >=1 items',
    );
  });

  it('refuses a domain or MX domain claimed twice, and upper-case or Unicode domains', () => {
    refuses([entry(), entry({ id: 'other' })], ['providers', 1], 'domain example.net also in example');
    refuses(
      [
        entry({ mxDomains: ['example.org'] }),
        entry({ id: 'other', domains: [], mxDomains: ['example.org'] }),
      ],
      ['providers', 1],
      'mx example.org also in example',
    );
    refuses(
      [entry({ domains: ['Example.net'] })],
      ['providers', 0, 'domains', 0],
      'expected a lower-case ASCII host name',
    );
    refuses(
      [entry({ domains: ['müller.example'] })],
      ['providers', 0, 'domains', 0],
      'expected a lower-case ASCII host name',
    );
    refuses(
      [entry({ domains: [], mxDomains: [] })],
      ['providers', 0, 'domains'],
      'a provider needs domains or mxDomains',
    );
  });
});

describe('bundledSource', () => {
  function context(domain: string, lookups: Lookup[]): DiscoveryContext {
    return {
      address: address('max', domain),
      net: createNet({ offline: true }),
      ispdbUrl: 'https://autoconfig.invalid/v1.1/',
      bundled: loadCatalog(),
      signal: new AbortController().signal,
      sourceTimeoutMs: 1000,
      record: (lookup) => lookups.push(lookup),
    };
  }

  it('answers for a known domain and records one lookup', async () => {
    const lookups: Lookup[] = [];
    const config = await bundledSource(context('gmx.de', lookups));
    expect(config).toMatchObject({ source: 'bundled', trusted: true, provider: { id: 'gmx', name: 'GMX' } });
    expect(config?.incoming[0]).toMatchObject({ host: 'imap.gmx.net', port: 993, username: 'max@gmx.de' });
    expect(config?.hints).toEqual([
      { code: 'enable-imap-first', url: 'https://hilfe.gmx.net/pop-imap/einschalten.html' },
    ]);
    expect(lookups).toEqual([
      { source: 'bundled', target: 'bundled:gmx.de', outcome: 'found', ms: expect.any(Number) },
    ]);
  });

  it('returns null for an unknown domain and records not-found', async () => {
    const lookups: Lookup[] = [];
    expect(await bundledSource(context('example.com', lookups))).toBeNull();
    expect(lookups).toMatchObject([
      { source: 'bundled', target: 'bundled:example.com', outcome: 'not-found' },
    ]);
  });
});

describe('hint messages', () => {
  it('have text in both languages for every hint code in the catalogue', () => {
    const codes = new Set(loadCatalog().providers.flatMap((entry) => entry.hints.map((hint) => hint.code)));
    for (const code of codes) {
      expect(hintMessages.en[`hint.${code}`], code).toBeTruthy();
      expect(hintMessages.de[`hint.${code}`], code).toBeTruthy();
    }
    expect(Object.keys(hintMessages.de).sort()).toEqual(Object.keys(hintMessages.en).sort());
  });
});
