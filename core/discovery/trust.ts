// Trust is judged from the domain the person typed, never from who answered. Phishing looks like a
// config that sends your password to someone else's server: every server whose registrable domain is
// neither the mail domain's nor a publisher's is named in a warning; and a lookup that a redirect took
// to another domain (HTTP 3xx, autodiscover redirectAddr/redirectUrl, an SRV record naming a foreign
// host) is a detour: the answer is that other domain's word, not the mail domain's.

import type { ServerSettings } from '../model.js';
import { registrableDomain } from './domains.js';
import type { Detour, FoundConfig } from './types.js';

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

/** The host of a URL, or the name itself for a DNS record name. */
function hostOf(step: string): string {
  return URL.canParse(step) ? new URL(step).hostname.replace(/^\[|\]$/g, '') : step;
}

/**
 * The first step of `chain` outside `own` (a registrable domain), or undefined when every step stays
 * in it. A chain that leaves `own` and ends back in it is a detour all the same: the foreign host
 * chose where we went next (any path on the domain's web server, an upload, a user's page), so the
 * bytes we finally read are not the ones the domain itself chose to publish at its well-known URLs.
 * TLS on the last hop proves who served them, not who picked them.
 */
export async function detourFrom(own: string, chain: readonly string[]): Promise<Detour | undefined> {
  for (const [index, step] of chain.entries()) {
    const to = await registrableDomain(hostOf(step));
    if (to === own) continue;
    const before = chain[index - 1];
    return { from: before === undefined ? own : hostOf(before), to, chain: [...chain] };
  }
  return undefined;
}
