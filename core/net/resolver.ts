// The one resolver of a run. With MAILSETUP_DNS / --dns every look-up goes to that server: MX, SRV, TXT
// and the A/AAAA behind every HTTPS and mail connection. Without it, the operating system decides.

import type { LookupAddress, LookupOptions, MxRecord, SrvRecord } from 'node:dns';
import dns from 'node:dns';
import { isIP } from 'node:net';
import { raceSignal } from './abort.js';
import { normalizeDnsServer } from './dns-server.js';

export interface ResolverOptions {
  /** `HOST[:PORT]`, `[IPv6]:PORT`; undefined: the system's resolver. */
  server?: string | undefined;
  /** Per-query limit of the DNS client in ms. */
  queryTimeoutMs?: number;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;
/** The signature `net.connect`, `tls.connect` and `https.request` accept as `lookup`. */
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

export interface Resolver {
  readonly server: string | undefined;
  resolveMx(name: string, signal?: AbortSignal): Promise<MxRecord[]>;
  resolveSrv(name: string, signal?: AbortSignal): Promise<SrvRecord[]>;
  resolveTxt(name: string, signal?: AbortSignal): Promise<string[][]>;
  /** A and AAAA, IPv4 first. */
  resolveAddresses(name: string, signal?: AbortSignal): Promise<LookupAddress[]>;
  lookup: LookupFunction;
  /** Cancels every outstanding query (the run is over). */
  cancel(): void;
}

const DEFAULTS = { queryTimeoutMs: 2000, tries: 2 } as const;

export function createResolver(options: ResolverOptions = {}): Resolver {
  const server = options.server ? normalizeDnsServer(options.server) : undefined;
  const resolver = new dns.promises.Resolver({
    timeout: options.queryTimeoutMs ?? DEFAULTS.queryTimeoutMs,
    tries: DEFAULTS.tries,
  });
  if (server) resolver.setServers([server]);

  const resolveAddresses = async (name: string, signal?: AbortSignal): Promise<LookupAddress[]> => {
    if (isIP(name)) return [{ address: name, family: isIP(name) }];
    if (!server) {
      return raceSignal(dns.promises.lookup(name, { all: true, order: 'ipv4first' }), signal);
    }
    const [v4, v6] = await raceSignal(
      Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]),
      signal,
    );
    const addresses: LookupAddress[] = [];
    if (v4.status === 'fulfilled') for (const address of v4.value) addresses.push({ address, family: 4 });
    if (v6.status === 'fulfilled') for (const address of v6.value) addresses.push({ address, family: 6 });
    if (addresses.length === 0) {
      const reason = v4.status === 'rejected' ? v4.reason : v6.status === 'rejected' ? v6.reason : undefined;
      throw reason ?? Object.assign(new Error(`queryA ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    }
    return addresses;
  };

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolveAddresses(hostname).then(
      (all) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const matching = wanted ? all.filter((entry) => entry.family === wanted) : all;
        if (matching.length === 0) {
          callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        } else if (lookupOptions.all) {
          callback(null, matching);
        } else {
          const first = matching[0]!;
          callback(null, first.address, first.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

  return {
    server,
    resolveMx: (name, signal) => raceSignal(resolver.resolveMx(name), signal),
    resolveSrv: (name, signal) => raceSignal(resolver.resolveSrv(name), signal),
    resolveTxt: (name, signal) => raceSignal(resolver.resolveTxt(name), signal),
    resolveAddresses,
    lookup,
    cancel: () => resolver.cancel(),
  };
}

/** True when a DNS error only means "no such record", not a broken resolver. */
export function isNoRecord(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOTFOUND' || code === 'ENODATA' || code === 'NXDOMAIN';
}
