import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import type { ParsedAddress } from '../../../core/address/parse.js';
import {
  bundledSource,
  loadCatalog,
  type Provider,
  providerConfig,
} from '../../../core/discovery/bundled.js';
import { parseCatalog } from '../../../core/discovery/catalog-schema.js';
import ispdbJson from '../../../core/discovery/ispdb-providers.json' with { type: 'json' };
import providersJson from '../../../core/discovery/providers.json' with { type: 'json' };
import type { DiscoveryContext } from '../../../core/discovery/types.js';
import { hintMessages } from '../../../core/messages/hints.js';
import { t } from '../../../core/messages/index.js';
import type { Lookup } from '../../../core/model.js';
import { createNet } from '../../../core/net/index.js';

const catalog = await loadCatalog();

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
  const found = catalog.providers.find((entry) => entry.id === id);
  if (!found) throw new Error(`no provider ${id}`);
  return found;
}

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

describe('bundled catalogue data', () => {
  it('loads once, lazily, and ships exactly what the schema accepts', async () => {
    expect(await loadCatalog()).toBe(catalog);
    const started = performance.now();
    const parsed = parseCatalog(providersJson, ispdbJson);
    // Reported, not asserted: timing depends on the machine.
    console.log(
      `parseCatalog: ${(performance.now() - started).toFixed(1)} ms, ${catalog.providers.length} providers`,
    );
    expect(catalog.providers.length).toBeGreaterThan(100);
    // What ships unvalidated at run time is exactly what the schema accepts, defaults included.
    expect(parsed.providers).toEqual(catalog.providers);
  });

  it('keeps curated entries registrable, with every server in one of the provider’s domains', () => {
    for (const entry of catalog.providers.filter((provider) => !provider.imported)) {
      const own = [...entry.domains, ...entry.mxDomains, ...(entry.serverDomains ?? [])];
      for (const domain of own) expect(getDomain(domain), `${entry.id}: ${domain}`).toBe(domain);
      for (const server of [...entry.incoming, ...entry.outgoing]) {
        expect(own, `${entry.id}: ${server.host}`).toContain(getDomain(server.host));
      }
    }
  });

  it('holds Variomedia exactly as its own page gives it', () => {
    const variomedia = catalog.byDomain('variomedia.de');
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
    expect(catalog.byMxHost('mx00.ionos.de.')?.id).toBe('ionos');
    expect(catalog.byMxHost('MX01.Kundenserver.DE')?.id).toBe('ionos');
    expect(catalog.byMxHost('aspmx.l.google.com.')?.id).toBe('google');
    expect(catalog.byMxHost('contoso-com.mail.protection.outlook.com.')?.id).toBe('microsoft-365');
    expect(catalog.byMxHost('mta5.am0.yahoodns.net')?.id).toBe('yahoo');
    expect(catalog.byMxHost('ionos.de')?.id).toBe('ionos');
  });

  it('matches on label boundaries only', () => {
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
      asOf: '2026-11',
    });
    expect(config.publishers).toEqual(expect.arrayContaining(['ionos.de', 'kundenserver.de']));
  });

  it('fills local-part user names and trusts bundled answers', () => {
    const parsed = parseCatalog(
      curatedFile([
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
      ]),
      emptyImport,
    );
    const [only] = parsed.providers;
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

describe('bundledSource', () => {
  function context(domain: string, lookups: Lookup[]): DiscoveryContext {
    return {
      address: address('max', domain),
      net: createNet({ offline: true }),
      ispdbUrl: 'https://autoconfig.invalid/v1.1/',
      bundled: catalog,
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
    const codes = new Set(catalog.providers.flatMap((entry) => entry.hints.map((hint) => hint.code)));
    for (const code of codes) {
      expect(t('en', `hint.${code}`), code).not.toBe(`hint.${code}`);
      expect(t('de', `hint.${code}`), code).not.toBe(t('en', `hint.${code}`));
    }
    expect(Object.keys(hintMessages.de).sort()).toEqual(Object.keys(hintMessages.en).sort());
  });
});
