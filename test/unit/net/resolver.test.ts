// The one resolver (core/net/resolver.ts), pointed at a real DNS server (dnsmasq on loopback) the way
// --dns and MAILSETUP_DNS point it: every record type and the look-up behind connections go there.

import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { normalizeDnsServer } from '../../../core/net/dns-server.js';
import { createResolver, isNoRecord } from '../../../core/net/resolver.js';
import { type DnsHandle, startDns } from '../../peers/dnsmasq.js';

const IP = '127.0.12.5';
let dns: DnsHandle;
let tcp: net.Server;

beforeAll(async () => {
  dns = await startDns({
    authoritative: ['test'],
    a: { 'mail.resolver.test': [IP], 'dual.resolver.test': ['192.0.2.7'] },
    aaaa: { 'dual.resolver.test': ['2001:db8::7'], 'six.resolver.test': ['2001:db8::6'] },
    mx: { 'resolver.test': [{ exchange: 'mail.resolver.test', priority: 10 }] },
    srv: {
      '_imaps._tcp.resolver.test': [{ target: 'mail.resolver.test', port: 993, priority: 0, weight: 5 }],
    },
    txt: { 'resolver.test': ['v=spf1 -all'] },
  });
  tcp = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end('hello\r\n');
  });
  await new Promise<void>((resolve) => tcp.listen(0, IP, resolve));
});

afterAll(async () => {
  await dns?.stop();
  await new Promise((resolve) => tcp?.close(resolve));
});

describe('createResolver with a DNS server', () => {
  it('asks that server for MX, SRV, TXT and addresses, IPv4 first', async () => {
    const resolver = createResolver({ server: dns.server });
    expect(resolver.server).toBe(dns.server);
    expect(await resolver.resolveMx('resolver.test')).toEqual([
      { exchange: 'mail.resolver.test', priority: 10 },
    ]);
    expect(await resolver.resolveSrv('_imaps._tcp.resolver.test')).toEqual([
      { name: 'mail.resolver.test', port: 993, priority: 0, weight: 5 },
    ]);
    expect(await resolver.resolveTxt('resolver.test')).toEqual([['v=spf1 -all']]);
    expect(await resolver.resolveAddresses('dual.resolver.test')).toEqual([
      { address: '192.0.2.7', family: 4 },
      { address: '2001:db8::7', family: 6 },
    ]);
    expect(await resolver.resolveAddresses('192.0.2.1')).toEqual([{ address: '192.0.2.1', family: 4 }]);
    expect(dns.queries()).toEqual(expect.arrayContaining([{ type: 'MX', name: 'resolver.test' }]));
  });

  it('is the look-up behind a real connection', async () => {
    const resolver = createResolver({ server: dns.server });
    const port = (tcp.address() as AddressInfo).port;
    const greeting = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: 'mail.resolver.test', port, lookup: resolver.lookup });
      socket.on('error', reject);
      socket.on('data', (chunk) => {
        resolve(chunk.toString());
        socket.destroy();
      });
    });
    expect(greeting).toBe('hello\r\n');
  });

  it('tells "no such record" from a broken resolver', async () => {
    const resolver = createResolver({ server: dns.server });
    const missing = await resolver.resolveMx('nothing.resolver.test').catch((error: unknown) => error);
    expect(isNoRecord(missing)).toBe(true);
    const v6only = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      resolver.lookup('six.resolver.test', { family: 4 }, (error) => resolve(error)),
    );
    expect(v6only?.code).toBe('ENOTFOUND');
    const broken = createResolver({ server: '127.0.12.9:9', queryTimeoutMs: 300 });
    const failure = await broken.resolveMx('resolver.test').catch((error: unknown) => error);
    expect(isNoRecord(failure)).toBe(false);
  });

  it("stops waiting when the caller's signal fires", async () => {
    const resolver = createResolver({ server: dns.server });
    await expect(resolver.resolveMx('resolver.test', AbortSignal.abort(new Error('stop')))).rejects.toThrow(
      'stop',
    );
  });
});

describe('normalizeDnsServer', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    [' 127.0.0.1:5353 ', '127.0.0.1:5353'],
    ['::1', '::1'],
    ['[::1]:5353', '[::1]:5353'],
  ])('reads %s as %s', (input, form) => {
    expect(normalizeDnsServer(input)).toBe(form);
  });

  it.each(['dns.example', '127.0.0.1:0', '127.0.0.1:70000', '127.0.0.1:x', '[dns.example]:53'])(
    'refuses %s',
    (input) => {
      expect(() => normalizeDnsServer(input)).toThrow(MailSetupError);
    },
  );
});
