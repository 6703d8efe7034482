import { describe, expect, it } from 'vitest';
import { detourFrom, serversOutsideDomain } from '../../../core/discovery/trust.js';
import type { FoundConfig } from '../../../core/discovery/types.js';
import type { ServerSettings } from '../../../core/model.js';

describe('detourFrom', () => {
  it('finds no detour while every step stays in the registrable domain (any subdomain)', async () => {
    const chain = [
      'https://autoconfig.example.co.uk/mail/config-v1.1.xml',
      'https://www.example.co.uk/autoconfig',
      'https://EXAMPLE.co.uk./mail.xml',
    ];
    expect(await detourFrom('example.co.uk', chain)).toBeUndefined();
    expect(await detourFrom('example.co.uk', [])).toBeUndefined();
  });

  it('names the host that sent us away and the registrable domain it sent us to', async () => {
    const chain = [
      'https://autoconfig.example.org/mail/config-v1.1.xml',
      'https://example.org/moved',
      'https://config.provider.example:8443/example.org.xml',
    ];
    expect(await detourFrom('example.org', chain)).toEqual({
      from: 'example.org',
      to: 'provider.example',
      chain,
    });
  });

  it('tells registrable domains apart under a public suffix', async () => {
    const chain = ['https://autoconfig.firma.co.uk/x', 'https://autoconfig.other.co.uk/x'];
    expect(await detourFrom('firma.co.uk', chain)).toMatchObject({ to: 'other.co.uk' });
  });

  it('counts a chain that leaves and comes back as a detour, from its first step out', async () => {
    const chain = [
      'https://autoconfig.example.org/mail/config-v1.1.xml',
      'https://go.tracker.example/r',
      'https://example.org/uploads/config.xml',
    ];
    expect(await detourFrom('example.org', chain)).toEqual({
      from: 'autoconfig.example.org',
      to: 'tracker.example',
      chain,
    });
  });

  it('takes a DNS record name as a step, and an IP literal as a domain of its own', async () => {
    const viaSrv = ['_autodiscover._tcp.example.org', 'https://autodiscover.hoster.example/a.xml'];
    expect(await detourFrom('example.org', viaSrv)).toMatchObject({
      from: '_autodiscover._tcp.example.org',
      to: 'hoster.example',
    });
    const toIp = ['https://autoconfig.example.org/x', 'https://[::1]/x', 'https://127.0.0.1/x'];
    expect(await detourFrom('example.org', toIp)).toMatchObject({
      from: 'autoconfig.example.org',
      to: '::1',
    });
  });
});

describe('serversOutsideDomain', () => {
  const server = (protocol: ServerSettings['protocol'], host: string): ServerSettings => ({
    protocol,
    host,
    port: 993,
    security: 'tls',
    username: 'jane',
    auth: 'password',
  });
  const config = (hosts: string[], publishers: string[]): FoundConfig => ({
    source: 'autoconfig',
    trusted: true,
    incoming: hosts.map((host) => server('imap', host)),
    outgoing: [server('smtp', hosts[0] ?? 'smtp.example.org')],
    hints: [],
    origin: 'https://autoconfig.example.org/',
    publishers,
  });

  it("names each server outside the mail domain and its publishers' domains, once", async () => {
    const found = config(
      ['imap.example.org', 'imap.collector.example', 'mail.hoster.example'],
      ['example.org', 'hoster.example'],
    );
    expect(await serversOutsideDomain('mail.example.org', found)).toEqual([
      { host: 'imap.collector.example', domain: 'collector.example' },
    ]);
    expect(await serversOutsideDomain('example.org', config(['imap.example.org'], ['example.org']))).toEqual(
      [],
    );
  });
});
