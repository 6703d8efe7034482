// Everything that touches the network, bundled per run: one resolver, one fetch, one TLS policy.

import { createFetcher, type Fetcher } from './fetch.js';
import { offlineNet } from './offline.js';
import { createResolver, type Resolver } from './resolver.js';

export interface Net {
  resolver: Resolver;
  fetch: Fetcher;
  offline: boolean;
}

export interface NetOptions {
  /** `HOST[:PORT]`; falls back to MAILSETUP_DNS. */
  dns?: string | undefined;
  offline?: boolean;
}

export function createNet(options: NetOptions = {}): Net {
  const dns = options.dns ?? (process.env.MAILSETUP_DNS || undefined);
  if (options.offline) return offlineNet(dns);
  const resolver = createResolver({ server: dns });
  return { offline: false, resolver, fetch: createFetcher(resolver) };
}

export type { Fetcher, FetchOptions, FetchResponse } from './fetch.js';
export type { Resolver } from './resolver.js';
