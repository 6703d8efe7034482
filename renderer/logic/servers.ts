// The settings on screen: at most one IMAP and one POP3 server to choose from, and one SMTP server,
// as detect's result lists them (best first) or as the person typed them. Which of them a test logs
// in to is core's choice (core/probe/choose-servers.ts): the wizard sends the person's protocol.

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

/** IMAP unless only POP3 is there. */
export function preferredProtocol(servers: ChosenServers): IncomingProtocol {
  return servers.imap ? 'imap' : 'pop3';
}

/** What a server's card shows before its result: where it is and how it is encrypted. */
export type ServerHeading = Pick<ServerSettings, 'protocol' | 'host' | 'port' | 'security'>;

export function serverKey(server: { protocol: Protocol; host: string; port: number }): string {
  return `${server.protocol}:${server.host}:${server.port}`;
}
