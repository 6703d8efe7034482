// Guessing, after Thunderbird's GuessConfig but in parallel: the usual host names and ports under the
// mail domain, each proven by a real connection without login. A candidate counts only when TLS 1.2+
// completed with a certificate valid for its name and the server speaks the protocol it should.

import type { LookupAddress } from 'node:dns';
import { monotonicMs } from '../clock.js';
import { type ErrorCode, MailSetupError, type Phase } from '../errors.js';
import type { Protocol, Security, ServerSettings } from '../model.js';
import { withTimeout } from '../net/abort.js';
import { isNoRecord, type LookupFunction, type Resolver } from '../net/resolver.js';
import { registrableDomain } from './domains.js';
import { timedLookup } from './timed-lookup.js';
import type { DiscoveryContext, DiscoverySource } from './types.js';

export const GUESS_DEFAULTS = {
  /** One probe; a hung server never holds the source longer. */
  probeTimeoutMs: 3500,
  /** Kept free below the source's limit, so the answer arrives before the orchestrator gives up. */
  marginMs: 200,
} as const;

export interface GuessCandidate {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
}

/**
 * Proves one candidate without a login: TLS 1.2+ verified for its name and the protocol's greeting and
 * capabilities (core/probe/prove-candidate.ts). Passed in by detect, so that discovery does not depend
 * on the probe, which itself builds on discovery's server order and domains.
 */
export type CandidateProver = (
  candidate: GuessCandidate & { resolver: Resolver; signal: AbortSignal; timeoutMs: number },
) => Promise<{ error?: { code: ErrorCode; detail?: string; phase?: Phase }; speaksProtocol: boolean }>;

/** Host name prefixes (most specific first) and ports (implicit TLS first, RFC 8314) per protocol. */
const PLAN: Record<Protocol, { prefixes: string[]; ports: [number, Security][] }> = {
  imap: {
    prefixes: ['imap.', 'mail.', ''],
    ports: [
      [993, 'tls'],
      [143, 'starttls'],
    ],
  },
  pop3: {
    prefixes: ['pop3.', 'pop.', 'mail.'],
    ports: [
      [995, 'tls'],
      [110, 'starttls'],
    ],
  },
  smtp: {
    prefixes: ['smtp.', 'mail.'],
    ports: [
      [465, 'tls'],
      [587, 'starttls'],
    ],
  },
};

/** Every candidate, best first: IMAP before POP3, implicit TLS before STARTTLS, then by host name. */
export function guessCandidates(domain: string): GuessCandidate[] {
  const candidates: GuessCandidate[] = [];
  for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
    const { prefixes, ports } = PLAN[protocol];
    for (const [port, security] of ports) {
      for (const prefix of prefixes)
        candidates.push({ protocol, host: `${prefix}${domain}`, port, security });
    }
  }
  return candidates;
}

export const createGuessSource =
  (proveCandidate: CandidateProver): DiscoverySource =>
  async (context) => {
    const started = monotonicMs();
    const budgetMs = context.sourceTimeoutMs - GUESS_DEFAULTS.marginMs;
    const { domain } = context.address;
    const candidates = guessCandidates(domain);

    const known = new Map<string, LookupAddress[]>();
    const dnsSignal = withTimeout(Math.max(Math.floor(budgetMs), 1), context.signal);
    await Promise.all(
      [...new Set(candidates.map((candidate) => candidate.host))].map(async (host) => {
        const addresses = await resolveHost(context, host, dnsSignal);
        if (addresses) known.set(host, addresses);
      }),
    );

    const probeTimeoutMs = Math.floor(
      Math.min(GUESS_DEFAULTS.probeTimeoutMs, budgetMs - (monotonicMs() - started)),
    );
    if (known.size === 0 || probeTimeoutMs <= 0) return null;
    const resolver = pinnedResolver(context.net.resolver, known);
    const reachable = candidates.filter((candidate) => known.has(candidate.host));
    const proven = await Promise.all(
      reachable.map((candidate) => prove(context, candidate, resolver, probeTimeoutMs, proveCandidate)),
    );
    const settings = reachable
      .filter((_, index) => proven[index])
      .map(
        (candidate): ServerSettings => ({
          ...candidate,
          username: context.address.address,
          auth: 'password',
        }),
      );
    const incoming = settings.filter((server) => server.protocol !== 'smtp');
    const outgoing = settings.filter((server) => server.protocol === 'smtp');
    if (incoming.length === 0 || outgoing.length === 0) return null;
    return {
      source: 'guess',
      // Every candidate is the domain or a name below it, and proved it holds a valid certificate for
      // that name: the mail domain's own servers, as its DNS names them.
      trusted: true,
      incoming,
      outgoing,
      hints: [],
      origin: 'guess',
      publishers: [await registrableDomain(domain)],
    };
  };

/** The host's addresses, or undefined when it has none (recorded as not-found) or its look-up failed. */
async function resolveHost(
  context: DiscoveryContext,
  host: string,
  signal: AbortSignal,
): Promise<LookupAddress[] | undefined> {
  try {
    return await timedLookup(
      context,
      'guess',
      `A ${host}`,
      async () => {
        try {
          return await context.net.resolver.resolveAddresses(host, signal);
        } catch (error) {
          if (isNoRecord(error)) return undefined;
          throw error;
        }
      },
      (addresses) => (addresses ? 'found' : 'not-found'),
    );
  } catch (error) {
    // Recorded above; a failed look-up rules out this name only, unless the whole source is over.
    if (context.signal.aborted) throw error;
    return undefined;
  }
}

/** Probes one candidate; true when it proved itself. The lookup's detail says why not. */
async function prove(
  context: DiscoveryContext,
  candidate: GuessCandidate,
  resolver: Resolver,
  timeoutMs: number,
  proveCandidate: CandidateProver,
): Promise<boolean> {
  const { protocol, host, port } = candidate;
  try {
    await timedLookup(
      context,
      'guess',
      `${protocol}://${host}:${port}`,
      async () => {
        const result = await proveCandidate({ ...candidate, resolver, signal: context.signal, timeoutMs });
        if (result.error) {
          throw new MailSetupError(result.error.code, result.error.detail, result.error.phase);
        }
        if (!result.speaksProtocol) {
          throw new MailSetupError(
            'protocol-error',
            `answers, but its capabilities do not show a usable ${protocol} server`,
          );
        }
        return result;
      },
      () => 'found',
    );
    return true;
  } catch (error) {
    // Recorded above; one failed candidate only rules out itself.
    if (context.signal.aborted) throw error;
    return false;
  }
}

/** The run's resolver, answering the names resolved above from memory: each is looked up once. */
function pinnedResolver(resolver: Resolver, known: ReadonlyMap<string, LookupAddress[]>): Resolver {
  const lookup: LookupFunction = (hostname, options, callback) => {
    const addresses = known.get(hostname);
    if (!addresses) return resolver.lookup(hostname, options, callback);
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const matching = family ? addresses.filter((entry) => entry.family === family) : addresses;
    const first = matching[0];
    // Asynchronous like dns.lookup: net.connect expects its callback on a later tick.
    queueMicrotask(() => {
      if (!first) {
        callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      } else if (options.all) {
        callback(null, matching);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
  return {
    server: resolver.server,
    resolveMx: (name, signal) => resolver.resolveMx(name, signal),
    resolveSrv: (name, signal) => resolver.resolveSrv(name, signal),
    resolveTxt: (name, signal) => resolver.resolveTxt(name, signal),
    resolveAddresses: (name, signal) => {
      const addresses = known.get(name);
      return addresses ? Promise.resolve(addresses) : resolver.resolveAddresses(name, signal);
    },
    lookup,
    cancel: () => resolver.cancel(),
  };
}
