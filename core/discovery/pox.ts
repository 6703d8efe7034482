// Outlook's autodiscover "POX" (plain old XML): the request we send and the answer we read. Only
// IMAP, POP3 and SMTP settings are taken; Exchange types, SPA (NTLM) and unencrypted servers are not.

import type { ParsedAddress } from '../address/parse.js';
import { MailSetupError } from '../errors.js';
import type { Security, ServerSettings } from '../model.js';
import { httpsUrl, isHostName, type ParsedConfig, parsePort, uniqueServers } from './config-xml.js';
import { bestFirst } from './order.js';
import { childElements, childText, firstChild, parseSafeXml, type XmlElement } from './safe-xml.js';

export const POX_SCHEMAS = {
  request: 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006',
  response: 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a',
} as const;

/** The server sends the person elsewhere; autodiscover.ts follows it once. */
export interface PoxRedirect {
  redirectAddr?: string;
  redirectUrl?: string;
}

export function buildPoxRequest(emailAsciiAddress: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Autodiscover xmlns="${POX_SCHEMAS.request}">`,
    '  <Request>',
    `    <EMailAddress>${escapeXml(emailAsciiAddress)}</EMailAddress>`,
    `    <AcceptableResponseSchema>${POX_SCHEMAS.response}</AcceptableResponseSchema>`,
    '  </Request>',
    '</Autodiscover>',
    '',
  ].join('\n');
}

export function isPoxRedirect(value: ParsedConfig | PoxRedirect): value is PoxRedirect {
  return !('incoming' in value);
}

/**
 * Reads an autodiscover answer: settings, a redirect, or null (an <Error>, or not an e-mail account).
 * Throws MailSetupError('protocol-error') when it is no autodiscover XML at all.
 */
export function parsePoxResponse(xml: string, address: ParsedAddress): ParsedConfig | PoxRedirect | null {
  const root = parseSafeXml(xml);
  if (root.name !== 'Autodiscover') {
    throw new MailSetupError('protocol-error', `expected <Autodiscover>, got <${root.name}>`, 'parse');
  }
  const response = firstChild(root, 'Response');
  if (!response || firstChild(response, 'Error')) return null;
  const account = childElements(response, 'Account').find(
    (candidate) => (childText(candidate, 'AccountType') ?? 'email').toLowerCase() === 'email',
  );
  if (!account) return null;

  const action = childText(account, 'Action')?.toLowerCase() ?? 'settings';
  if (action === 'redirectaddr') {
    const redirectAddr = childText(account, 'RedirectAddr');
    return redirectAddr && /^[^@\s]+@[^@\s]+$/.test(redirectAddr) ? { redirectAddr } : null;
  }
  if (action === 'redirecturl') {
    const redirectUrl = httpsUrl(childText(account, 'RedirectUrl'));
    return redirectUrl ? { redirectUrl } : null;
  }
  if (action !== 'settings') return null;

  const protocols = childElements(account, 'Protocol');
  const incoming = protocols
    .map((protocol) => readProtocol(protocol, address))
    .filter((server): server is ServerSettings => server !== undefined && server.protocol !== 'smtp');
  const outgoing = protocols
    .map((protocol) => readProtocol(protocol, address, incoming[0]?.username))
    .filter((server): server is ServerSettings => server?.protocol === 'smtp');
  return {
    domains: [],
    incoming: bestFirst(uniqueServers(incoming)),
    outgoing: bestFirst(uniqueServers(outgoing)),
    hints: [],
  };
}

const TYPES: Readonly<Record<string, ServerSettings['protocol']>> = {
  IMAP: 'imap',
  POP3: 'pop3',
  SMTP: 'smtp',
};
const IMPLICIT_TLS_PORTS = new Set([993, 995, 465]);

function readProtocol(
  element: XmlElement,
  address: ParsedAddress,
  incomingUsername?: string,
): ServerSettings | undefined {
  const type = (childText(element, 'Type') ?? element.attributes.get('Type'))?.toUpperCase();
  const protocol = type ? TYPES[type] : undefined; // EXCH, EXPR, WEB, EXHTTP, ...: not ours
  const host = childText(element, 'Server')?.toLowerCase();
  const port = parsePort(childText(element, 'Port'));
  if (!protocol || !host || !isHostName(host) || !port) return undefined;
  // SPA is Outlook's NTLM login; missing means on in Outlook, but we never attempt it, so only
  // an explicit "on" (the server demands it) makes the entry useless.
  if (isOn(childText(element, 'SPA'), false)) return undefined;
  // AuthRequired off: relay by IP address, which a travelling laptop cannot rely on.
  if (!isOn(childText(element, 'AuthRequired'), true)) return undefined;
  const security = readSecurity(element, port);
  if (!security) return undefined;
  const popAuth = protocol === 'smtp' && isOn(childText(element, 'UsePOPAuth'), false);
  const username =
    childText(element, 'LoginName') ?? (popAuth && incomingUsername ? incomingUsername : address.address);
  return { protocol, host, port, security, username, auth: 'password' };
}

/** Encryption, when present, overrides SSL (Microsoft's POX reference). */
function readSecurity(element: XmlElement, port: number): Security | undefined {
  const byPort: Security = IMPLICIT_TLS_PORTS.has(port) ? 'tls' : 'starttls';
  const encryption = childText(element, 'Encryption')?.toLowerCase();
  if (encryption !== undefined) {
    if (encryption === 'ssl') return 'tls';
    if (encryption === 'tls') return 'starttls';
    if (encryption === 'auto') return byPort;
    return undefined; // None, or a word we do not know
  }
  // SSL on (the default) means "encrypted": implicit TLS on the implicit-TLS ports, else STARTTLS.
  return isOn(childText(element, 'SSL'), true) ? byPort : undefined;
}

function isOn(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return value.toLowerCase() === 'on';
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
