// Server flags shared by `test`, `report` and `export`: --imap/--pop3/--smtp HOST:PORT/SEC. Without
// any, core detects first and chooses (core/probe/choose-servers.ts); the CLI only reads the flags.

import { isValidHostname } from '../core/address/hostname.js';
import type { Protocol, Security, ServerSettings } from '../core/model.js';
import { UsageError } from './output.js';

export const SERVER_FLAGS = {
  imap: { type: 'string' },
  pop3: { type: 'string' },
  smtp: { type: 'string' },
  username: { type: 'string' },
} as const;

const SECURITIES: readonly Security[] = ['tls', 'starttls'];

/** "imap.example.org:993/tls" -> a server; the user name defaults to the full address. */
export function parseServerFlag(protocol: Protocol, value: string, username: string): ServerSettings {
  const match = /^([^:/\s]+):(\d{1,5})\/(\w+)$/.exec(value.trim());
  const host = match?.[1]?.toLowerCase().replace(/\.$/, '');
  const port = Number(match?.[2]);
  const security = match?.[3]?.toLowerCase() as Security | undefined;
  const ipv4 = host !== undefined && /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  if (!host || !(isValidHostname(host) || ipv4) || !(port >= 1 && port <= 65535) || !security) {
    throw new UsageError('cli.bad-server', { flag: `--${protocol}`, value });
  }
  if (!SECURITIES.includes(security))
    throw new UsageError('cli.bad-security', { flag: `--${protocol}`, value });
  return { protocol, host, port, security, username, auth: 'password' };
}

export interface ServerFlagValues {
  imap?: string | undefined;
  pop3?: string | undefined;
  smtp?: string | undefined;
  username?: string | undefined;
}

/** The servers the person named with flags, in flag order (none: core detects and chooses). */
export function givenServers(address: string, flags: ServerFlagValues): ServerSettings[] {
  const username = flags.username ?? address.trim();
  return (['imap', 'pop3', 'smtp'] as const)
    .filter((protocol) => flags[protocol] !== undefined)
    .map((protocol) => parseServerFlag(protocol, flags[protocol] as string, username));
}
