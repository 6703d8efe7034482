// RFC 6186 / RFC 8314 service records (core/discovery/srv.ts), asked of a real DNS server (dnsmasq on
// loopback): which records count, in which order, and when the source has no answer.

import type { SrvRecord } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { loadCatalog } from '../../../core/discovery/bundled.js';
import { orderSrv, SRV_SERVICES, srvSource, usableSrv } from '../../../core/discovery/srv.js';
import type { DiscoveryContext } from '../../../core/discovery/types.js';
import type { Lookup } from '../../../core/model.js';
import { createNet } from '../../../core/net/index.js';
import { type DnsHandle, startDns } from '../../peers/dnsmasq.js';

const srv = (target: string, port: number, priority = 0, weight = 0) => ({ target, port, priority, weight });

let dns: DnsHandle;

beforeAll(async () => {
  dns = await startDns({
    authoritative: ['test'],
    srv: {
      // Every service, implicit TLS and STARTTLS, two IMAP hosts in RFC 2782 order.
      '_imaps._tcp.full.test': [srv('imap2.full.test', 993, 20), srv('imap1.full.test', 993, 10)],
      '_imap._tcp.full.test': [srv('imap1.full.test', 143, 10)],
      '_pop3s._tcp.full.test': [srv('pop.full.test', 995)],
      '_pop3._tcp.full.test': [srv('.', 0)],
      '_submissions._tcp.full.test': [srv('smtp.full.test', 465)],
      '_submission._tcp.full.test': [srv('smtp.full.test', 587)],
      // Incoming only: no way to send, so no answer.
      '_imaps._tcp.half.test': [srv('imap.half.test', 993)],
      // "Not offered here" everywhere.
      '_imaps._tcp.none.test': [srv('.', 0)],
      '_submissions._tcp.none.test': [srv('.', 0)],
    },
  });
});

afterAll(() => dns?.stop());

/** The built-in catalogue, loaded once (its loading is lazy and asynchronous). */
const CATALOG = await loadCatalog();

function context(address: string, lookups: Lookup[]): DiscoveryContext {
  return {
    address: parseAddress(address),
    net: createNet({ dns: dns.server }),
    ispdbUrl: 'https://ispdb.invalid/v1.1/',
    bundled: CATALOG,
    signal: AbortSignal.timeout(10_000),
    sourceTimeoutMs: 10_000,
    record: (lookup) => lookups.push(lookup),
  };
}

describe('srvSource', () => {
  it('reads every service, best record first, and drops "not offered here"', async () => {
    const lookups: Lookup[] = [];
    const config = await srvSource(context('max@full.test', lookups));
    expect(config).toMatchObject({ source: 'srv', trusted: true, origin: '_imaps._tcp.full.test' });
    expect(
      config?.incoming.map(({ protocol, host, port, security }) => `${protocol} ${host}:${port}/${security}`),
    ).toEqual([
      'imap imap1.full.test:993/tls',
      'imap imap2.full.test:993/tls',
      'imap imap1.full.test:143/starttls',
      'pop3 pop.full.test:995/tls',
    ]);
    expect(config?.outgoing.map(({ host, port, security }) => `${host}:${port}/${security}`)).toEqual([
      'smtp.full.test:465/tls',
      'smtp.full.test:587/starttls',
    ]);
    expect(config?.incoming.every((server) => server.username === 'max@full.test')).toBe(true);
    // One look-up per service, each recorded with its outcome.
    expect(lookups.map((lookup) => `${lookup.target} ${lookup.outcome}`).sort()).toEqual(
      [
        '_imap._tcp.full.test found',
        '_imaps._tcp.full.test found',
        '_pop3._tcp.full.test not-found',
        '_pop3s._tcp.full.test found',
        '_submission._tcp.full.test found',
        '_submissions._tcp.full.test found',
      ].sort(),
    );
    expect(dns.queries().filter((query) => query.name.endsWith('full.test'))).toHaveLength(
      SRV_SERVICES.length,
    );
  });

  it('has no answer without a way to send, or when nothing is offered', async () => {
    expect(await srvSource(context('max@half.test', []))).toBeNull();
    const lookups: Lookup[] = [];
    expect(await srvSource(context('max@none.test', lookups))).toBeNull();
    expect(lookups.every((lookup) => lookup.outcome === 'not-found')).toBe(true);
  });

  it('records a failing server as an error, not as "not found"', async () => {
    const lookups: Lookup[] = [];
    // Nothing listens there: every query fails, which is not the same as "no such record".
    const failing = { ...context('max@full.test', lookups), net: createNet({ dns: '127.0.12.9:9' }) };
    expect(await srvSource(failing)).toBeNull();
    expect(lookups).toHaveLength(SRV_SERVICES.length);
    expect(lookups.every((lookup) => lookup.outcome !== 'found' && lookup.outcome !== 'not-found')).toBe(
      true,
    );
  });
});

describe('usableSrv', () => {
  const record = (name: string, port: number, priority: number, weight: number): SrvRecord => ({
    name,
    port,
    priority,
    weight,
  });

  it('orders by priority, then by weight, heaviest first', () => {
    const ordered = orderSrv([
      record('c.test', 1, 10, 5),
      record('a.test', 1, 5, 1),
      record('b.test', 1, 10, 50),
    ]);
    expect(ordered.map((entry) => entry.name)).toEqual(['a.test', 'b.test', 'c.test']);
  });

  it('drops ".", port 0 and names that are no host names', () => {
    const usable = usableSrv([
      record('', 0, 0, 0),
      record('.', 993, 0, 0),
      record('imap.test', 0, 0, 0),
      record('bad_name!.test', 993, 0, 0),
      record('IMAP.Test.', 993, 0, 0),
    ]);
    expect(usable.map((entry) => entry.name)).toEqual(['IMAP.Test.']);
  });
});
