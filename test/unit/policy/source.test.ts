// The policy as a discovery source and the protocol filter on every other source (core/policy/source.ts).

import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import type { DiscoveryContext, DiscoverySource, FoundConfig } from '../../../core/discovery/types.js';
import { t } from '../../../core/messages/index.js';
import type { Lookup } from '../../../core/model.js';
import { policySource, withAllowedProtocols } from '../../../core/policy/source.js';
import type { Policy } from '../../../core/policy/types.js';

const POLICY: Policy = {
  presets: [
    {
      domains: ['firma.example'],
      incoming: [
        {
          protocol: 'imap',
          host: 'imap.firma.example',
          port: 993,
          security: 'tls',
          username: '%EMAILLOCALPART%',
        },
      ],
      outgoing: [
        { protocol: 'smtp', host: 'smtp.firma.example', port: 465, security: 'tls', auth: 'password' },
      ],
      provider: { id: 'firma', name: 'Firma Mail' },
    },
  ],
  requireAppPassword: true,
  branding: { name: 'Firma IT' },
};

function context(address: string, lookups: Lookup[] = []): DiscoveryContext {
  // Only the address and the recorder are used by these sources.
  return {
    address: parseAddress(address),
    record: (lookup: Lookup) => lookups.push(lookup),
  } as unknown as DiscoveryContext;
}

describe('policySource', () => {
  it("answers with the administrator's preset, trusted, user names filled, app passwords where demanded", async () => {
    const lookups: Lookup[] = [];
    const config = await policySource(
      POLICY,
      '/etc/mailsetup/policy.json',
      'de',
    )(context('max@firma.example', lookups));
    expect(config).toMatchObject({
      source: 'policy',
      trusted: true,
      provider: { id: 'firma', name: 'Firma Mail' },
      origin: '/etc/mailsetup/policy.json',
    });
    expect(config?.incoming).toEqual([
      {
        protocol: 'imap',
        host: 'imap.firma.example',
        port: 993,
        security: 'tls',
        username: 'max',
        auth: 'app-password',
      },
    ]);
    expect(config?.outgoing[0]).toMatchObject({ username: 'max@firma.example', auth: 'password' });
    expect(config?.hints).toEqual([
      {
        code: 'app-password-required',
        text: t('de', 'policy.hint.app-password', { organisation: 'Firma IT' }),
      },
    ]);
    expect(lookups).toMatchObject([
      { source: 'policy', target: '/etc/mailsetup/policy.json', outcome: 'found' },
    ]);
  });

  it('has no answer for a domain without a preset', async () => {
    const lookups: Lookup[] = [];
    expect(await policySource(POLICY, 'p.json', 'en')(context('max@other.example', lookups))).toBeNull();
    expect(lookups).toMatchObject([{ outcome: 'not-found' }]);
  });
});

describe('withAllowedProtocols', () => {
  const server = (protocol: 'imap' | 'pop3' | 'smtp') => ({
    protocol,
    host: `${protocol}.example.org`,
    port: 993,
    security: 'tls' as const,
    username: 'u',
    auth: 'password' as const,
  });
  const answering =
    (incoming: ('imap' | 'pop3')[]): DiscoverySource =>
    async () =>
      ({
        source: 'autoconfig',
        trusted: true,
        incoming: incoming.map(server),
        outgoing: [server('smtp')],
        hints: [],
        origin: 'https://autoconfig.example.org/',
        publishers: [],
      }) satisfies FoundConfig;

  it('passes an answer through untouched when every protocol is allowed', async () => {
    const source = answering(['imap']);
    expect(
      await withAllowedProtocols('autoconfig', source, ['imap'], 'en')(context('a@example.org')),
    ).toEqual(await source(context('a@example.org')));
  });

  it('drops the protocols the policy does not allow, and says so', async () => {
    const config = await withAllowedProtocols(
      'autoconfig',
      answering(['imap', 'pop3']),
      ['imap'],
      'en',
    )(context('a@example.org'));
    expect(config?.incoming.map((entry) => entry.protocol)).toEqual(['imap']);
    expect(config?.hints).toEqual([
      {
        code: 'policy-protocols',
        text: t('en', 'policy.hint.protocols-filtered', { allowed: 'IMAP', dropped: 'POP3' }),
      },
    ]);
  });

  it('counts an answer left without incoming servers as nothing found, and records why', async () => {
    const lookups: Lookup[] = [];
    const config = await withAllowedProtocols(
      'autoconfig',
      answering(['pop3']),
      ['imap'],
      'de',
    )(context('a@example.org', lookups));
    expect(config).toBeNull();
    expect(lookups).toMatchObject([
      { source: 'autoconfig', target: 'policy: protocols', outcome: 'skipped' },
    ]);
  });
});
