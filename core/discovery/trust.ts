// Phishing looks like a config that sends your password to someone else's server. Every server whose
// registrable domain is neither the mail domain's nor a publisher's is named in a warning.

import type { ServerSettings } from '../model.js';
import { registrableDomain } from './domains.js';
import type { FoundConfig } from './types.js';

export interface OutsideServer {
  host: string;
  domain: string;
}

export async function serversOutsideDomain(
  mailDomain: string,
  config: FoundConfig,
): Promise<OutsideServer[]> {
  const own = await registrableDomain(mailDomain);
  const allowed = new Set([own, ...config.publishers]);
  const outside: OutsideServer[] = [];
  const seen = new Set<string>();
  for (const server of [...config.incoming, ...config.outgoing] as ServerSettings[]) {
    if (seen.has(server.host)) continue;
    seen.add(server.host);
    const domain = await registrableDomain(server.host);
    if (!allowed.has(domain)) outside.push({ host: server.host, domain });
  }
  return outside;
}
