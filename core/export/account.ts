// Checks an export request's account once, so that every writer can trust what it gets: a parsed
// address, servers of the right kind, names free of characters no file may hold.

import { type ParsedAddress, parseAddress } from '../address/parse.js';
import { isHostName } from '../discovery/config-xml.js';
import type { ProviderRef, ServerSettings } from '../model.js';
import { type ExportHint, exportHints } from './hints.js';
import { cleanText } from './markup.js';
import type { ExportAccount } from './types.js';

export interface Account {
  address: ParsedAddress;
  displayName: string;
  /** The account's name in the mail program. */
  description: string;
  incoming: ServerSettings;
  outgoing: ServerSettings;
  provider?: ProviderRef;
  leaveMessagesOnServer: boolean;
  password?: string;
  /** The provider's hints an export can word (hints.ts). */
  hints: ExportHint[];
}

/** Long enough for any real name; a pasted novel would only break layouts. */
const MAX_NAME_CHARS = 200;

/**
 * Throws MailSetupError('invalid-address') for a bad address. Bad servers throw a TypeError: every
 * face takes them from detection or from checked flags, so one arriving here is a bug.
 */
export function normalizeAccount(input: ExportAccount): Account {
  const address = parseAddress(input.address);
  const incoming = checkServer(input.incoming, ['imap', 'pop3'], address);
  const outgoing = checkServer(input.outgoing, ['smtp'], address);
  const provider = input.provider
    ? { id: cleanName(input.provider.id), name: cleanName(input.provider.name) }
    : undefined;
  const description = cleanName(input.description ?? '') || provider?.name || address.address;
  return {
    address,
    displayName: cleanName(input.displayName),
    description,
    incoming,
    outgoing,
    ...(provider?.name ? { provider } : {}),
    leaveMessagesOnServer: input.leaveMessagesOnServer ?? true,
    ...(input.includePassword ? { password: input.includePassword } : {}),
    hints: exportHints(input.hints),
  };
}

function checkServer(
  server: ServerSettings,
  protocols: readonly ServerSettings['protocol'][],
  address: ParsedAddress,
): ServerSettings {
  const host = server.host.toLowerCase();
  const valid =
    protocols.includes(server.protocol) &&
    isHostName(host) &&
    Number.isInteger(server.port) &&
    server.port >= 1 &&
    server.port <= 65535 &&
    (server.security === 'tls' || server.security === 'starttls') &&
    ['password', 'app-password', 'oauth2'].includes(server.auth);
  if (!valid) {
    throw new TypeError(
      `export: not a usable ${protocols.join('/')} server: ${JSON.stringify({ ...server, username: undefined })}`,
    );
  }
  const username = cleanText(server.username).trim() || address.address;
  // The Unicode form is made again from `host` where shown (guides): a request's own could lie.
  const { hostUnicode: _fromRequest, ...settings } = server;
  return { ...settings, host, username };
}

/** Who the hints speak of: the provider's name, else the mail domain as the person knows it. */
export function providerName(account: Account): string {
  return account.provider?.name ?? account.address.domainUnicode;
}

function cleanName(text: string): string {
  const clean = cleanText(text).replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length > MAX_NAME_CHARS ? chars.slice(0, MAX_NAME_CHARS).join('') : clean;
}
