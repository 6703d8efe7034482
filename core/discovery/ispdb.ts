// ISPDB: Thunderbird's curated database of providers, served over HTTPS, one config-v1.1.xml per
// domain. The MX source asks it too, for the domain of the organisation that runs the mail. Its word
// counts only as long as it is the database's host that answers: a redirect to another registrable
// domain makes the entry that domain's word (trust.ts).

import type { SourceName } from '../model.js';
import { fetchClientConfig, foundFields } from './autoconfig.js';
import type { ParsedConfig } from './config-xml.js';
import { registrableDomain } from './domains.js';
import { detourFrom } from './trust.js';
import type { Detour, DiscoveryContext, DiscoverySource } from './types.js';

export interface IspdbConfig extends ParsedConfig {
  /** The URL that answered, after redirects. */
  origin: string;
  /** Set when a redirect left the database's own domain. */
  detour?: Detour;
}

/**
 * The usable ISPDB entry for `domain` (placeholders filled for the person's address), or null.
 * The lookup is recorded under `source`: 'mx' when the MX source asks for an operator's domain.
 */
export async function fetchIspdb(
  context: DiscoveryContext,
  domain: string,
  source: SourceName = 'ispdb',
): Promise<IspdbConfig | null> {
  const url = `${context.ispdbUrl}${encodeURIComponent(domain)}`;
  const hit = await fetchClientConfig(context, source, url, context.signal);
  if (!hit) return null;
  const detour = await detourFrom(await registrableDomain(new URL(url).hostname), hit.chain);
  return { ...hit.config, origin: hit.url, ...(detour ? { detour } : {}) };
}

export const ispdbSource: DiscoverySource = async (context) => {
  const { domain } = context.address;
  const found = await fetchIspdb(context, domain);
  if (!found) return null;
  return {
    source: 'ispdb',
    // Curated by Thunderbird and fetched over HTTPS, from the database's own host.
    trusted: found.detour === undefined,
    ...foundFields(found),
    origin: found.origin,
    publishers: [await registrableDomain(domain)],
    ...(found.detour ? { detour: found.detour } : {}),
  };
};
