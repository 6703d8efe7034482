// Autoconfig: the mail domain publishes its own config-v1.1.xml over HTTPS, at autoconfig.DOMAIN or
// under DOMAIN/.well-known. Both are asked at once; the first URL wins when both answer (Thunderbird's
// fromISP order). The fetch-and-read step is shared with ISPDB. An HTTP redirect to another
// registrable domain makes the answer that domain's word: untrusted, with both domains named.

import type { SourceName } from '../model.js';
import { anySignal } from '../net/abort.js';
import { type ParsedConfig, parseConfigXml } from './config-xml.js';
import { registrableDomain } from './domains.js';
import { timedLookup } from './timed-lookup.js';
import { detourFrom } from './trust.js';
import type { DiscoveryContext, DiscoverySource, FoundConfig } from './types.js';

export interface FetchedConfig {
  config: ParsedConfig;
  /** The URL that answered, after redirects. */
  url: string;
  /** Every URL fetched on the way: the one asked, then each redirect's (the last is `url`). */
  chain: string[];
}

export function autoconfigUrls(domain: string, asciiAddress: string): string[] {
  return [
    `https://autoconfig.${domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(asciiAddress)}`,
    `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ];
}

export const autoconfigSource: DiscoverySource = async (context) => {
  const { domain, asciiAddress } = context.address;
  const hit = await firstUsable(context.signal, (signal) =>
    autoconfigUrls(domain, asciiAddress).map((url) => fetchClientConfig(context, 'autoconfig', url, signal)),
  );
  if (!hit) return null;
  const own = await registrableDomain(domain);
  const detour = await detourFrom(own, hit.chain);
  return {
    source: 'autoconfig',
    // Over HTTPS from the mail domain itself, unless a redirect took us elsewhere; the orchestrator
    // still checks where the servers are.
    trusted: detour === undefined,
    ...foundFields(hit.config),
    origin: hit.url,
    // Only the typed domain vouches for servers: a host a redirect led to does not (trust.ts).
    publishers: [own],
    ...(detour ? { detour } : {}),
  };
};

/**
 * GETs one config-v1.1.xml and records the step: found (200 and at least one incoming and one
 * outgoing server), not-found (any other status, not a config file, no usable server), or the
 * network failure. Failures are recorded, not thrown: the caller has other places to ask.
 */
export async function fetchClientConfig(
  context: DiscoveryContext,
  source: SourceName,
  url: string,
  signal: AbortSignal,
): Promise<FetchedConfig | null> {
  try {
    return await timedLookup(
      context,
      source,
      url,
      async () => {
        const response = await context.net.fetch(url, { signal, timeoutMs: context.sourceTimeoutMs });
        if (response.status !== 200) return null;
        const config = readOrNull(() => parseConfigXml(response.text, context.address));
        return config && isUsable(config)
          ? { config, url: response.url, chain: [url, ...response.redirects] }
          : null;
      },
      (hit) => (hit ? 'found' : 'not-found'),
    );
  } catch {
    return null;
  }
}

export function isUsable(config: ParsedConfig): boolean {
  return config.incoming.length > 0 && config.outgoing.length > 0;
}

/** Not a config file (HTML error page, hostile XML, wrong root) counts as nothing found. */
export function readOrNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * Starts every attempt at once and returns the first non-null answer in the attempts' order
 * (Thunderbird's promiseFirstSuccessful); whatever still runs is then cancelled.
 */
export async function firstUsable<T>(
  parent: AbortSignal,
  start: (signal: AbortSignal) => Promise<T | null>[],
): Promise<T | null> {
  const done = new AbortController();
  const attempts = start(anySignal([parent, done.signal]));
  try {
    for (const attempt of attempts) {
      const value = await attempt;
      if (value !== null) return value;
    }
    return null;
  } finally {
    done.abort(new DOMException('a better-ranked answer was found', 'AbortError'));
  }
}

export function foundFields(
  config: ParsedConfig,
): Pick<FoundConfig, 'provider' | 'incoming' | 'outgoing' | 'hints'> {
  return {
    ...(config.provider ? { provider: config.provider } : {}),
    incoming: config.incoming,
    outgoing: config.outgoing,
    hints: config.hints,
  };
}
