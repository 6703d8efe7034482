// RFC 6186 and RFC 8314 service records. Implicit TLS records (_imaps, _pop3s, _submissions) and
// STARTTLS ones (_imap, _pop3, _submission) all count; a target of "." means "not offered here".

import type { SrvRecord } from 'node:dns';
import { isValidHostname } from '../address/hostname.js';
import type { Protocol, Security, ServerSettings } from '../model.js';
import { isNoRecord } from '../net/resolver.js';
import { registrableDomain } from './domains.js';
import { timedLookup } from './timed-lookup.js';
import type { DiscoveryContext, DiscoverySource } from './types.js';

export const SRV_SERVICES: readonly { label: string; protocol: Protocol; security: Security }[] = [
  { label: '_imaps._tcp', protocol: 'imap', security: 'tls' },
  { label: '_imap._tcp', protocol: 'imap', security: 'starttls' },
  { label: '_pop3s._tcp', protocol: 'pop3', security: 'tls' },
  { label: '_pop3._tcp', protocol: 'pop3', security: 'starttls' },
  { label: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
  { label: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
];

/** RFC 2782 order: lowest priority first, then heaviest weight first (deterministic, not weighted-random). */
export function orderSrv(records: readonly SrvRecord[]): SrvRecord[] {
  return [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
}

/** Usable records only: "." (service decidedly not available), bad host names and port 0 are dropped. */
export function usableSrv(records: readonly SrvRecord[]): SrvRecord[] {
  return orderSrv(records).filter((record) => {
    const target = record.name.replace(/\.$/, '').toLowerCase();
    return target !== '' && record.port > 0 && record.port < 65536 && isValidHostname(target);
  });
}

async function lookupService(context: DiscoveryContext, name: string): Promise<SrvRecord[]> {
  return timedLookup(
    context,
    'srv',
    name,
    async () => {
      try {
        return usableSrv(await context.net.resolver.resolveSrv(name, context.signal));
      } catch (error) {
        if (isNoRecord(error)) return [];
        throw error;
      }
    },
    (records) => (records.length > 0 ? 'found' : 'not-found'),
  );
}

export const srvSource: DiscoverySource = async (context) => {
  const { domain, address } = context.address;
  const answers = await Promise.allSettled(
    SRV_SERVICES.map((service) => lookupService(context, `${service.label}.${domain}`)),
  );
  const servers: ServerSettings[] = [];
  SRV_SERVICES.forEach((service, index) => {
    const answer = answers[index];
    if (answer?.status !== 'fulfilled') return;
    for (const record of answer.value) {
      servers.push({
        protocol: service.protocol,
        host: record.name.replace(/\.$/, '').toLowerCase(),
        port: record.port,
        security: service.security,
        username: address,
        auth: 'password',
      });
    }
  });
  const incoming = servers.filter((server) => server.protocol !== 'smtp');
  const outgoing = servers.filter((server) => server.protocol === 'smtp');
  if (incoming.length === 0 || outgoing.length === 0) return null;
  return {
    source: 'srv',
    trusted: true,
    incoming,
    outgoing,
    hints: [],
    origin: `_imaps._tcp.${domain}`,
    publishers: [await registrableDomain(domain)],
  };
};
