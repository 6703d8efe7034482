// CONTRACT.md's order of servers, the one definition: IMAP before POP3, implicit TLS before STARTTLS
// (RFC 8314); otherwise the source's own order (the sort is stable).

import type { ServerSettings } from '../model.js';
import type { FoundConfig } from './types.js';

const PROTOCOL_RANK = { imap: 0, pop3: 1, smtp: 0 } as const;
const SECURITY_RANK = { tls: 0, starttls: 1 } as const;

export function bestFirst(servers: readonly ServerSettings[]): ServerSettings[] {
  return [...servers].sort(
    (a, b) =>
      PROTOCOL_RANK[a.protocol] - PROTOCOL_RANK[b.protocol] ||
      SECURITY_RANK[a.security] - SECURITY_RANK[b.security],
  );
}

/** A source's answer in contract order, whatever order the source (or an administrator) wrote. */
export function inContractOrder(config: FoundConfig): FoundConfig {
  return { ...config, incoming: bestFirst(config.incoming), outgoing: bestFirst(config.outgoing) };
}
