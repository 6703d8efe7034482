// core/net/offline.ts: an offline run's network refuses every look-up and request at once, with the
// code an offline source records, and still checks the --dns value it was given.

import { describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { createNet } from '../../../core/net/index.js';
import { offlineNet } from '../../../core/net/offline.js';

describe('the offline network', () => {
  it('refuses every look-up and request with dns-not-found', async () => {
    const net = offlineNet();
    expect(net.offline).toBe(true);
    const refusals = [
      net.resolver.resolveMx('example.org'),
      net.resolver.resolveSrv('_imaps._tcp.example.org'),
      net.resolver.resolveTxt('example.org'),
      net.resolver.resolveAddresses('example.org'),
      net.fetch('https://example.org/'),
    ];
    for (const refusal of refusals) {
      await expect(refusal).rejects.toMatchObject({ code: 'dns-not-found' });
    }
    const looked = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      net.resolver.lookup('example.org', {}, (error) => resolve(error)),
    );
    expect(looked?.code).toBe('ENOTFOUND');
  });

  it('checks the --dns value as the online resolver does', () => {
    expect(offlineNet('127.0.0.1:5353').resolver.server).toBe('127.0.0.1:5353');
    expect(offlineNet('::1').resolver.server).toBe('::1');
    expect(() => offlineNet('dns.example.org')).toThrow(MailSetupError);
    expect(() => offlineNet('127.0.0.1:99999')).toThrow(/bad port/);
  });

  it('is what createNet gives for an offline run', () => {
    const net = createNet({ offline: true, dns: '127.0.0.2' });
    expect(net.offline).toBe(true);
    expect(net.resolver.server).toBe('127.0.0.2');
  });
});
