// Which servers a test logs in to, decided once for every face: the best incoming server (of the
// person's protocol, when they chose one) and the best outgoing one, in CONTRACT.md's order
// (core/discovery/order.ts: IMAP before POP3, implicit TLS before STARTTLS). One login per server.

import { bestFirst } from '../discovery/order.js';
import type { DetectResult, IncomingProtocol, ServerSettings } from '../model.js';

export interface ServerChoice {
  /** IMAP or POP3, as the person chose; the best incoming server otherwise. */
  protocol?: IncomingProtocol | undefined;
  /** Replaces the detected user name (the command line's --username). */
  username?: string | undefined;
}

/** The servers a test or an export uses from detect's answer: at most one incoming, one outgoing. */
export function serversToTest(detection: DetectResult, choice: ServerChoice = {}): ServerSettings[] {
  const incoming = bestFirst(detection.incoming);
  const chosen = [
    (choice.protocol && incoming.find((server) => server.protocol === choice.protocol)) ?? incoming[0],
    bestFirst(detection.outgoing)[0],
  ].filter((server) => server !== undefined);
  return choice.username ? chosen.map((server) => ({ ...server, username: choice.username! })) : chosen;
}

/**
 * The order in which logins are admitted when the lockout count leaves fewer than there are servers:
 * incoming before outgoing (reading mail is what the person set up first), each best first.
 */
export function loginPriority<T extends ServerSettings>(servers: readonly T[]): T[] {
  const incoming = servers.filter((server) => server.protocol !== 'smtp');
  const outgoing = servers.filter((server) => server.protocol === 'smtp');
  return [...bestFirst(incoming), ...bestFirst(outgoing)] as T[];
}

/** The same server given twice gets one login. */
export function withoutRepeats(servers: readonly ServerSettings[]): ServerSettings[] {
  const seen = new Set<string>();
  return servers.filter((server) => {
    const key = `${server.protocol}:${server.host.toLowerCase()}:${server.port}:${server.username}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
