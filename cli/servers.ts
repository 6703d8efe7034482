// Server flags shared by `test` and `export`: --imap/--pop3/--smtp HOST:PORT/SEC. Without any, the
// commands detect first and use what was found (CONTRACT.md).

import { isValidHostname } from '../core/address/hostname.js';
import { createApi } from '../core/api.js';
import type { DetectResult, Protocol, Security, ServerSettings } from '../core/model.js';
import type { CommonOptions } from './args.js';
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

export interface ChosenServers {
  incoming: ServerSettings[];
  outgoing: ServerSettings[];
  /** Present when the servers came from detection. */
  detected?: DetectResult;
}

/**
 * The servers a command works on: those given as flags, or the best ones detection finds (the best
 * incoming server of each protocol the flags did not name, and the best outgoing one).
 */
export async function chooseServers(
  address: string,
  flags: ServerFlagValues,
  options: CommonOptions,
): Promise<ChosenServers> {
  const given = (['imap', 'pop3', 'smtp'] as const).filter((protocol) => flags[protocol] !== undefined);
  if (given.length > 0) {
    const username = flags.username ?? address.trim();
    const servers = given.map((protocol) => parseServerFlag(protocol, flags[protocol]!, username));
    return {
      incoming: servers.filter((server) => server.protocol !== 'smtp'),
      outgoing: servers.filter((server) => server.protocol === 'smtp'),
    };
  }
  const detected = await createApi().detect({
    address,
    lang: options.lang,
    offline: options.offline,
    ...(options.dns ? { dns: options.dns } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const withUser = (server: ServerSettings) =>
    flags.username ? { ...server, username: flags.username } : server;
  const firstImap = detected.incoming.find((server) => server.protocol === 'imap');
  return {
    incoming: (firstImap ? [firstImap] : detected.incoming.slice(0, 1)).map(withUser),
    outgoing: detected.outgoing.slice(0, 1).map(withUser),
    detected,
  };
}
