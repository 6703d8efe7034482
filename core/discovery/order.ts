// CONTRACT.md's order of servers, the one definition: IMAP before POP3, implicit TLS before STARTTLS
// (RFC 8314); otherwise the source's own order (the sort is stable).

import type { ServerSettings } from '../model.js';
import type { FoundConfig } from './types.js';

const PROTOCOL_RANK = { imap: 0, pop3: 1, smtp: 0 } as const;
const SECURITY_RANK = { tls: 0, starttls: 1 } as const;

type Ranked = Pick<ServerSettings, 'protocol' | 'security'>;

/** Negative when `a` comes first, 0 when the contract leaves their order to the source. */
export function compareServers(a: Ranked, b: Ranked): number {
  return (
    PROTOCOL_RANK[a.protocol] - PROTOCOL_RANK[b.protocol] ||
    SECURITY_RANK[a.security] - SECURITY_RANK[b.security]
  );
}

export function bestFirst<T extends Ranked>(servers: readonly T[]): T[] {
  return [...servers].sort(compareServers);
}

/** A source's answer in contract order, whatever order the source (or an administrator) wrote. */
export function inContractOrder(config: FoundConfig): FoundConfig {
  return { ...config, incoming: bestFirst(config.incoming), outgoing: bestFirst(config.outgoing) };
}

/**
 * The built-in catalogue's order: the contract's, and SMTP on port 25 (relay first, submission only
 * second) after 465 and 587 of the same kind.
 */
export function compareCatalogServers(a: Ranked & { port: number }, b: Ranked & { port: number }): number {
  return compareServers(a, b) || Number(a.port === 25) - Number(b.port === 25);
}
