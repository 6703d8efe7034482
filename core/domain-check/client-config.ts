// Published client settings: autoconfig (Thunderbird, config-v1.1.xml) and autodiscover (Outlook's
// POX), asked exactly as detection asks them (core/discovery's own sources), with a neutral address.

import { type ParsedAddress, parseAddress } from '../address/parse.js';
import { loadCatalog } from '../discovery/bundled.js';
import { SOURCE_TIMEOUTS_MS } from '../discovery/timeouts.js';
import type { DiscoveryContext, DiscoverySource, FoundConfig } from '../discovery/types.js';
import type { Lookup, ServerSettings } from '../model.js';
import type { Net } from '../net/index.js';
import type { Finding, RawCheck } from './types.js';

/** RFC 5321 asks every mail domain to have this mailbox: a neutral address for the requests. */
export function probeAddress(domain: string): ParsedAddress {
  return parseAddress(`postmaster@${domain}`);
}

export function describeServer(server: ServerSettings): string {
  return `${server.protocol.toUpperCase()} ${server.host}:${server.port} ${server.security === 'tls' ? 'SSL/TLS' : 'STARTTLS'}`;
}

async function ask(
  name: 'autoconfig' | 'autodiscover',
  load: () => Promise<DiscoverySource>,
  domain: string,
  net: Net,
  signal: AbortSignal,
): Promise<RawCheck> {
  const lookups: Lookup[] = [];
  const context: DiscoveryContext = {
    address: probeAddress(domain),
    net,
    ispdbUrl: '',
    bundled: await loadCatalog(),
    signal,
    sourceTimeoutMs: SOURCE_TIMEOUTS_MS[name],
    record: (lookup) => lookups.push(lookup),
  };
  let found: FoundConfig | null = null;
  try {
    found = await (await load())(context);
  } catch {
    // Every step the source took is in `lookups`, failures included.
  }
  const records = lookups.map(
    (lookup) => `${lookup.target} ${lookup.outcome}${lookup.detail ? ` (${lookup.detail})` : ''}`,
  );
  const target = [...new Set(lookups.map((lookup) => lookup.target))].join(', ') || name;
  const findings: Finding[] = [];
  if (found) {
    const servers = [...found.incoming, ...found.outgoing].map(describeServer).join(', ');
    findings.push({ verdict: 'ok', key: 'ok', params: { servers, url: found.origin } });
    // Both sources trust the domain's own answers; a redirect (or SRV record) to another domain is
    // named with both domains: mail programs will ask the person about it.
    if (found.detour) {
      const { from, to } = found.detour;
      findings.push({ verdict: 'warning', key: 'redirected', params: { from, to } });
    }
    return { check: name, target, findings, records };
  }
  // A host that answers badly (certificate, old TLS, not HTTP) is worth a warning; one that is not
  // there (no name, nothing listening: a bare domain without a web server) is just not publishing.
  const broken = lookups.find(
    (lookup) =>
      lookup.outcome === 'too-many-redirects' ||
      (lookup.outcome === 'error' && /^(?:certificate-|tls-|protocol-error)/.test(lookup.detail ?? '')),
  );
  findings.push(
    broken
      ? {
          verdict: 'warning',
          key: 'broken',
          params: { url: broken.target, reason: broken.detail ?? broken.outcome },
        }
      : { verdict: 'missing', key: 'missing' },
  );
  return { check: name, target, findings, records };
}

export function checkAutoconfig(domain: string, net: Net, signal: AbortSignal): Promise<RawCheck> {
  return ask(
    'autoconfig',
    async () => (await import('../discovery/autoconfig.js')).autoconfigSource,
    domain,
    net,
    signal,
  );
}

export function checkAutodiscover(domain: string, net: Net, signal: AbortSignal): Promise<RawCheck> {
  return ask(
    'autodiscover',
    async () => (await import('../discovery/autodiscover.js')).autodiscoverSource,
    domain,
    net,
    signal,
  );
}
