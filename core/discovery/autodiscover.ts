// Autodiscover (Outlook's POX): POST the address to autodiscover.DOMAIN and DOMAIN, and to the host
// named by the domain's _autodiscover._tcp SRV record, all at once; best-ranked answer wins. No
// credentials are ever sent (the fetcher has no way to send them): an endpoint that wants a login
// simply finds nothing. One redirectAddr or redirectUrl is followed; a chain of them is not. Every
// step on the way (the SRV record, HTTP redirects, redirectAddr/redirectUrl) is kept: one that leaves
// the typed domain makes the answer untrusted (trust.ts); Thunderbird asks the person there, too.

import { type ParsedAddress, parseAddress } from '../address/parse.js';
import { isNoRecord } from '../net/resolver.js';
import { firstUsable, foundFields, isUsable, readOrNull } from './autoconfig.js';
import { isHostName, type ParsedConfig } from './config-xml.js';
import { registrableDomain } from './domains.js';
import { buildPoxRequest, isPoxRedirect, type PoxRedirect, parsePoxResponse } from './pox.js';
import { timedLookup } from './timed-lookup.js';
import { detourFrom } from './trust.js';
import type { DiscoveryContext, DiscoverySource } from './types.js';

const PATH = '/autodiscover/autodiscover.xml';

interface Hit {
  config: ParsedConfig;
  /**
   * Every step on the way, in order: the SRV record's name when one named the host, then each URL
   * fetched (HTTP redirects, redirectUrl, the redirectAddr domain's URL); the last holds the settings.
   */
  chain: string[];
}

interface Answer {
  result: ParsedConfig | PoxRedirect;
  /** The URL asked, then each HTTP redirect's; the last one answered. */
  chain: string[];
}

export function autodiscoverUrls(domain: string): string[] {
  return [`https://autodiscover.${domain}${PATH}`, `https://${domain}${PATH}`];
}

export const autodiscoverSource: DiscoverySource = async (context) => {
  const { domain } = context.address;
  const direct = autodiscoverUrls(domain);
  const found = await firstUsable(context.signal, (signal) => [
    ...direct.map((url) => ask(context, url, context.address, signal)),
    viaSrv(context, signal, direct),
  ]);
  if (!found) return null;
  const own = await registrableDomain(domain);
  // SRV is the mail domain's own DNS, but may name another organisation's host; so may a redirect.
  const detour = await detourFrom(own, found.chain);
  return {
    source: 'autodiscover',
    trusted: detour === undefined,
    ...foundFields(found.config),
    origin: found.chain.at(-1)!,
    // Only the typed domain vouches for servers: a host we were sent to does not (trust.ts).
    publishers: [own],
    ...(detour ? { detour } : {}),
  };
};

/** POSTs to `url`, following at most one redirect the answer asks for. */
async function ask(
  context: DiscoveryContext,
  url: string,
  address: ParsedAddress,
  signal: AbortSignal,
): Promise<Hit | null> {
  const answer = await post(context, url, address, signal);
  if (!answer) return null;
  if (!isPoxRedirect(answer.result)) return { config: answer.result, chain: answer.chain };

  const { redirectAddr, redirectUrl } = answer.result;
  const settings = (reply: Answer | null): Hit | null =>
    reply && !isPoxRedirect(reply.result)
      ? { config: reply.result, chain: [...answer.chain, ...reply.chain] }
      : null;
  if (redirectUrl) return settings(await post(context, redirectUrl, address, signal));
  const target = redirectAddr ? readOrNull(() => parseAddress(redirectAddr)) : null;
  if (!target || target.asciiAddress.toLowerCase() === address.asciiAddress.toLowerCase()) return null;
  return firstUsable(signal, (inner) =>
    autodiscoverUrls(target.domain).map(async (next) => settings(await post(context, next, target, inner))),
  );
}

/** One recorded POST: usable settings or a redirect count as found; everything else as not found. */
async function post(
  context: DiscoveryContext,
  url: string,
  address: ParsedAddress,
  signal: AbortSignal,
): Promise<Answer | null> {
  try {
    return await timedLookup(
      context,
      'autodiscover',
      url,
      async () => {
        const response = await context.net.fetch(url, {
          method: 'POST',
          body: buildPoxRequest(address.asciiAddress),
          contentType: 'text/xml; charset=utf-8',
          signal,
          timeoutMs: context.sourceTimeoutMs,
        });
        if (response.status !== 200) return null;
        const result = readOrNull(() => parsePoxResponse(response.text, address));
        if (!result || (!isPoxRedirect(result) && !isUsable(result))) return null;
        return { result, chain: [url, ...response.redirects] };
      },
      (answer) => (answer ? 'found' : 'not-found'),
    );
  } catch {
    return null;
  }
}

/** The SRV record's host, unless it names nothing or one of the URLs asked anyway. */
async function viaSrv(context: DiscoveryContext, signal: AbortSignal, direct: string[]): Promise<Hit | null> {
  const name = `_autodiscover._tcp.${context.address.domain}`;
  let url: string | undefined;
  try {
    url = await timedLookup(
      context,
      'autodiscover',
      `SRV ${name}`,
      async () => {
        try {
          const records = await context.net.resolver.resolveSrv(name, signal);
          const best = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
          const host = best?.name.replace(/\.$/, '').toLowerCase();
          if (!best || !host || !isHostName(host) || best.port < 1 || best.port > 65535) return undefined;
          return best.port === 443 ? `https://${host}${PATH}` : `https://${host}:${best.port}${PATH}`;
        } catch (error) {
          if (isNoRecord(error)) return undefined;
          throw error;
        }
      },
      (found) => (found ? 'found' : 'not-found'),
    );
  } catch {
    return null;
  }
  if (!url || direct.includes(url)) return null;
  const hit = await ask(context, url, context.address, signal);
  return hit && { ...hit, chain: [name, ...hit.chain] };
}
