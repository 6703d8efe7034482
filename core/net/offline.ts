// The network of an offline run (detect --offline): every look-up and request refused at once. Apart
// from the resolver and fetch, so that such a run starts without node:dns, https and tls.

import { MailSetupError } from '../errors.js';
import { normalizeDnsServer } from './dns-server.js';
import type { Fetcher } from './fetch.js';
import type { Resolver } from './resolver.js';

/** A `Net` (index.ts) that refuses everything. */
export function offlineNet(dns?: string): { offline: true; resolver: Resolver; fetch: Fetcher } {
  const refuse = () => Promise.reject(new MailSetupError('dns-not-found', 'offline: no network access'));
  return {
    offline: true,
    fetch: refuse,
    resolver: {
      server: dns ? normalizeDnsServer(dns) : undefined,
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
