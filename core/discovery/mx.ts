// MX: who runs the mail for this domain. The best MX host's registrable domain is looked up in the
// bundled list, then in ISPDB. The answer is another organisation's word about our domain, so it is
// never trusted silently: the person confirms, seeing that organisation's domain.

import type { MxRecord } from 'node:dns';
import { isNoRecord } from '../net/resolver.js';
import { providerConfig } from './bundled.js';
import { registrableDomain } from './domains.js';
import { fetchIspdb } from './ispdb.js';
import { timedLookup } from './timed-lookup.js';
import type { DiscoverySource, FoundConfig } from './types.js';

/** The preferred exchange: lowest preference value; a null MX (RFC 7505, ".") means no mail at all. */
export function bestExchange(records: readonly MxRecord[]): string | undefined {
  const best = [...records].sort((a, b) => a.priority - b.priority)[0];
  const exchange = best?.exchange.replace(/\.$/, '').toLowerCase();
  return exchange ? exchange : undefined;
}

export const mxSource: DiscoverySource = async (context) => {
  const { domain } = context.address;
  const exchange = await timedLookup(
    context,
    'mx',
    `MX ${domain}`,
    async () => {
      try {
        return bestExchange(await context.net.resolver.resolveMx(domain, context.signal));
      } catch (error) {
        if (isNoRecord(error)) return undefined;
        throw error;
      }
    },
    (found) => (found ? 'found' : 'not-found'),
  );
  if (!exchange) return null;

  const operatorDomain = await registrableDomain(exchange);
  const ownDomain = await registrableDomain(domain);
  const asOperator = (config: FoundConfig): FoundConfig => ({
    ...config,
    source: 'mx',
    trusted: false,
    operatorDomain,
    publishers: [...config.publishers, operatorDomain],
  });

  const provider = await timedLookup(
    context,
    'mx',
    `bundled:${exchange}`,
    async () => context.bundled.byMxHost(exchange),
    (found) => (found ? 'found' : 'not-found'),
  );
  if (provider) return asOperator(providerConfig(provider, context.address, 'mx'));

  // The mail domain's own ISPDB entry is the ispdb source's job; only ask for a different operator.
  if (operatorDomain === ownDomain) return null;
  const fromIspdb = await fetchIspdb(context, operatorDomain, 'mx');
  if (!fromIspdb || fromIspdb.incoming.length === 0 || fromIspdb.outgoing.length === 0) return null;
  return asOperator({
    source: 'mx',
    trusted: false,
    ...(fromIspdb.provider ? { provider: fromIspdb.provider } : {}),
    incoming: fromIspdb.incoming,
    outgoing: fromIspdb.outgoing,
    hints: fromIspdb.hints,
    origin: `${context.ispdbUrl}${operatorDomain}`,
    publishers: [],
    ...(fromIspdb.detour ? { detour: fromIspdb.detour } : {}),
  });
};
