// Everything that touches the network, bundled per run: one resolver, one fetch, one TLS policy.

import { MailSetupError } from '../errors.js';
import { createFetcher, type Fetcher } from './fetch.js';
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
  const resolver = createResolver({ server: options.dns ?? (process.env.MAILSETUP_DNS || undefined) });
  if (options.offline) {
    const refuse = () => Promise.reject(new MailSetupError('dns-not-found', 'offline: no network access'));
    return {
      offline: true,
      fetch: refuse,
      resolver: {
        server: resolver.server,
        resolveMx: refuse,
        resolveSrv: refuse,
        resolveTxt: refuse,
        resolveAddresses: refuse,
        cancel: () => {},
        lookup: (_host, _options, callback) =>
          callback(Object.assign(new Error('offline'), { code: 'ENOTFOUND' }), '', 0),
      },
    };
  }
  return { offline: false, resolver, fetch: createFetcher(resolver) };
}

export type { Fetcher, FetchOptions, FetchResponse } from './fetch.js';
export type { Resolver } from './resolver.js';
