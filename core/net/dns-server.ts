// The --dns / MAILSETUP_DNS value, checked on its own: an offline run checks it too, without loading
// the resolver (node:dns) it will never use.

import { isIP } from 'node:net';
import { MailSetupError } from '../errors.js';

/** Validates `HOST[:PORT]` and returns the form `Resolver.setServers` takes. */
export function normalizeDnsServer(value: string): string {
  const trimmed = value.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  let host = trimmed;
  let port: string | undefined;
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2];
  } else if (isIP(trimmed) !== 6) {
    const colon = trimmed.lastIndexOf(':');
    if (colon > 0) {
      host = trimmed.slice(0, colon);
      port = trimmed.slice(colon + 1);
    }
  }
  if (isIP(host) === 0)
    throw new MailSetupError('dns-not-found', `DNS server must be an IP address: ${value}`);
  if (port !== undefined && !/^\d{1,5}$/.test(port))
    throw new MailSetupError('dns-not-found', `bad port: ${value}`);
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw new MailSetupError('dns-not-found', `bad port: ${value}`);
  }
  if (port === undefined) return host;
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
