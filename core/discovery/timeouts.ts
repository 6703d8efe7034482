// How long each discovery source may take, the one table (Thunderbird's FetchHTTP gives each request
// its own timeout too). The orchestrator and `mailsetup domain` (domain-check/client-config.ts) both
// read it, so a source is given the same time wherever it is asked.

import type { SourceName } from '../model.js';

export const SOURCE_TIMEOUTS_MS: Readonly<Record<SourceName, number>> = {
  /** Local data: a file already read, a Map look-up. */
  policy: 1_000,
  bundled: 1_000,
  /** One HTTPS request and one TXT look-up, in parallel. */
  pacc: 4_000,
  autoconfig: 4_000,
  ispdb: 4_000,
  mx: 4_000,
  srv: 4_000,
  autodiscover: 4_000,
  /** TLS handshakes to several candidate hosts; guess.ts keeps a margin inside it. */
  guess: 4_000,
};
