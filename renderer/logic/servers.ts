// The servers the person will use: at most one IMAP and one POP3 server to choose from, and one SMTP
// server. Taken from detect's result (best first) or from the manual form.

import type { DetectResult, IncomingProtocol, Protocol, Security, ServerSettings } from '../api/types.js';

export interface ChosenServers {
  imap?: ServerSettings;
  pop3?: ServerSettings;
  smtp: ServerSettings;
  /** `manual`: typed by the person, who vouches for them; `detected`: from detect's result. */
  origin: 'detected' | 'manual';
}

export const DEFAULT_PORTS: Readonly<Record<Protocol, Readonly<Record<Security, number>>>> = {
  imap: { tls: 993, starttls: 143 },
  pop3: { tls: 995, starttls: 110 },
  smtp: { tls: 465, starttls: 587 },
};

/** Detect's first server of each protocol, or undefined when it lacks an incoming or outgoing one. */
export function serversFromDetect(result: DetectResult): ChosenServers | undefined {
  const imap = result.incoming.find((server) => server.protocol === 'imap');
  const pop3 = result.incoming.find((server) => server.protocol === 'pop3');
  const smtp = result.outgoing.find((server) => server.protocol === 'smtp');
  if (!smtp || (!imap && !pop3)) return undefined;
  return { ...(imap ? { imap } : {}), ...(pop3 ? { pop3 } : {}), smtp, origin: 'detected' };
}

export function incomingServer(
  servers: ChosenServers,
  protocol: IncomingProtocol,
): ServerSettings | undefined {
  return servers[protocol];
}

/** IMAP unless only POP3 is there. */
export function preferredProtocol(servers: ChosenServers): IncomingProtocol {
  return servers.imap ? 'imap' : 'pop3';
}

/** The servers a connection test or an export uses: the chosen incoming one and the SMTP one. */
export function serversInUse(servers: ChosenServers, protocol: IncomingProtocol): ServerSettings[] {
  const incoming = servers[protocol] ?? servers.imap ?? servers.pop3;
  return incoming ? [incoming, servers.smtp] : [servers.smtp];
}

export function serverKey(server: { protocol: Protocol; host: string; port: number }): string {
  return `${server.protocol}:${server.host}:${server.port}`;
}
