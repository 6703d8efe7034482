// Thunderbird's config-v1.1.xml (autoconfig, ISPDB), read like Thunderbird's readFromXML but stricter
// where a password is at stake: plain-text servers, NTLM/GSSAPI-only servers, bad host names and bad
// ports are dropped; unknown elements, whitespace and the case of keywords are forgiven.

import { isValidHostname } from '../address/hostname.js';
import type { ParsedAddress } from '../address/parse.js';
import { MailSetupError } from '../errors.js';
import type { AuthKind, Lang, OAuthIssuerData, ProviderRef, Security, ServerSettings } from '../model.js';
import { readOAuth2Element } from './oauth2-element.js';
import { bestFirst } from './order.js';
import { fillHostPlaceholders, fillPlaceholders } from './placeholders.js';
import { childElements, childText, parseSafeXml, type XmlElement } from './safe-xml.js';
import type { RawHint } from './types.js';

export interface ParsedConfig {
  provider?: ProviderRef;
  /** ASCII domains the file says it serves. */
  domains: string[];
  /** Best first: IMAP before POP3, implicit TLS before STARTTLS. */
  incoming: ServerSettings[];
  outgoing: ServerSettings[];
  hints: RawHint[];
  /** The issuer that signs the person in, where the file offers OAuth2 (`<oAuth2>`). */
  oauth2?: OAuthIssuerData;
}

export interface ParseConfigOptions {
  /** The person's language, for <instruction>/<descr>; English otherwise. */
  lang?: Lang;
}

export const CONFIG_XML_LIMITS = {
  hintTextChars: 500,
  /** A hostile file cannot flood the wizard with text. */
  instructions: 5,
  nameChars: 100,
} as const;

/** Parses a config-v1.1.xml; throws MailSetupError('protocol-error') for anything that is not one. */
export function parseConfigXml(
  xml: string,
  address: ParsedAddress,
  options: ParseConfigOptions = {},
): ParsedConfig {
  const root = parseSafeXml(xml);
  if (root.name !== 'clientConfig') {
    throw new MailSetupError('protocol-error', `expected <clientConfig>, got <${root.name}>`, 'parse');
  }
  // Thunderbird reads the first provider only.
  const provider = childElements(root, 'emailProvider')[0];
  if (!provider) throw new MailSetupError('protocol-error', 'no <emailProvider>', 'parse');

  const hints: RawHint[] = [];
  const incoming: ServerSettings[] = [];
  for (const element of childElements(provider, 'incomingServer')) {
    const protocol = element.attributes.get('type')?.toLowerCase();
    if (protocol !== 'imap' && protocol !== 'pop3') continue; // exchange, ews, jmap, nntp: not ours
    const server = readServer(element, protocol, address, hints);
    if (server) incoming.push(server);
  }
  const outgoing: ServerSettings[] = [];
  for (const element of childElements(provider, 'outgoingServer')) {
    if (element.attributes.get('type')?.toLowerCase() !== 'smtp') continue;
    const server = readServer(element, 'smtp', address, hints);
    if (server) outgoing.push(server);
  }
  hints.push(...providerInstructions(provider, options.lang ?? 'en'));

  const domains = unique(
    childElements(provider, 'domain')
      .map((domain) => domain.text.toLowerCase())
      .filter(isValidHostname),
  );
  const id = provider.attributes.get('id')?.trim().toLowerCase();
  const name = capped(
    fillPlaceholders(
      childText(provider, 'displayName') ?? childText(provider, 'displayShortName') ?? '',
      address,
    ),
    CONFIG_XML_LIMITS.nameChars,
  );
  // The ISPDB puts it beside <emailProvider>; accept it inside too.
  const oauth2 = readOAuth2Element(root) ?? readOAuth2Element(provider);
  return {
    ...(id && isValidHostname(id) ? { provider: { id, name: name || id } } : {}),
    domains,
    incoming: bestFirst(uniqueServers(incoming)),
    outgoing: bestFirst(uniqueServers(outgoing)),
    hints: uniqueHints(hints),
    ...(oauth2 ? { oauth2 } : {}),
  };
}

function readServer(
  element: XmlElement,
  protocol: ServerSettings['protocol'],
  address: ParsedAddress,
  hints: RawHint[],
): ServerSettings | undefined {
  const host = readHost(childText(element, 'hostname'), address);
  const port = parsePort(childText(element, 'port'));
  const security = SOCKET_TYPES[childText(element, 'socketType')?.toUpperCase() ?? ''];
  const auth = readAuthMethods(childElements(element, 'authentication').map((method) => method.text));
  if (!host || !port || !security || !auth) return undefined;
  if (auth.oauth2Offered) hints.push({ code: 'oauth2-available' });
  // No <username>: Thunderbird then asks; the full address is by far the most common answer.
  const username = fillPlaceholders(childText(element, 'username') ?? '%EMAILADDRESS%', address);
  return { protocol, host, port, security, username, auth: auth.kind };
}

// `plain` (and anything unknown) maps to nothing: the server is dropped.
export const SOCKET_TYPES: Readonly<Record<string, Security>> = { SSL: 'tls', STARTTLS: 'starttls' };

// password-encrypted is CRAM-MD5; inside TLS a normal password login does the same job.
const PASSWORD_METHODS = new Set(['password-cleartext', 'plain', 'password-encrypted', 'secure']);

/**
 * A password method wins over OAuth2 (Thunderbird writes OAuth2 followed by password-cleartext, and
 * we cannot run a provider's OAuth flow without its client registration). NTLM, GSSAPI,
 * client-IP-address, TLS-client-cert and none alone make the server unusable for us.
 */
export function readAuthMethods(methods: string[]): { kind: AuthKind; oauth2Offered: boolean } | undefined {
  // Thunderbird defaults to a normal password when the element is missing.
  if (methods.length === 0) return { kind: 'password', oauth2Offered: false };
  const lower = methods.map((method) => method.toLowerCase());
  const oauth2 = lower.includes('oauth2');
  if (lower.some((method) => PASSWORD_METHODS.has(method)))
    return { kind: 'password', oauth2Offered: oauth2 };
  if (oauth2) return { kind: 'oauth2', oauth2Offered: false };
  return undefined;
}

function readHost(template: string | undefined, address: ParsedAddress): string | undefined {
  if (!template) return undefined;
  const host = fillHostPlaceholders(template, address).toLowerCase();
  return isHostName(host) ? host : undefined;
}

/** <instruction> inside <enable> and <descr> inside <documentation>: the provider's own words. */
function providerInstructions(provider: XmlElement, lang: Lang): RawHint[] {
  const hints: RawHint[] = [];
  const add = (url: string | undefined, texts: XmlElement[]) => {
    const text = capped(
      pickLanguage(texts, lang)?.text.replace(/\s+/g, ' ') ?? '',
      CONFIG_XML_LIMITS.hintTextChars,
    );
    const safeUrl = httpsUrl(url);
    if (!text && !safeUrl) return;
    if (hints.length >= CONFIG_XML_LIMITS.instructions) return;
    hints.push({
      code: 'provider-instruction',
      ...(text ? { text } : {}),
      ...(safeUrl ? { url: safeUrl } : {}),
    });
  };
  for (const enable of childElements(provider, 'enable')) {
    add(enable.attributes.get('visiturl'), childElements(enable, 'instruction'));
  }
  for (const documentation of childElements(provider, 'documentation')) {
    add(documentation.attributes.get('url'), childElements(documentation, 'descr'));
  }
  return hints;
}

function pickLanguage(texts: XmlElement[], lang: Lang): XmlElement | undefined {
  const withText = texts.filter((text) => text.text);
  const inLang = (wanted: string) =>
    withText.find((text) => text.attributes.get('lang')?.toLowerCase().split(/[-_]/)[0] === wanted);
  return inLang(lang) ?? inLang('en') ?? withText[0];
}

/** Only https links reach the person, and never one carrying credentials. */
export function httpsUrl(value: string | undefined): string | undefined {
  if (!value || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
}

// ---- shared with the POX reader -------------------------------------------------------------

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The address module's host-name rule (LDH, xn-- for IDN, two labels at least), or an IPv4 literal. */
export function isHostName(value: string): boolean {
  return IPV4.test(value) || isValidHostname(value);
}

/** A decimal port 1–65535, or undefined. */
export function parsePort(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,5}$/.test(value)) return undefined;
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : undefined;
}

export function uniqueServers(servers: ServerSettings[]): ServerSettings[] {
  const seen = new Set<string>();
  return servers.filter((server) => {
    const key = JSON.stringify([server.protocol, server.host, server.port, server.security, server.username]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function uniqueHints(hints: RawHint[]): RawHint[] {
  const seen = new Set<string>();
  return hints.filter((hint) => {
    const key = JSON.stringify([hint.code, hint.text, hint.url]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Trimmed, control characters removed, at most `max` characters (whole code points). */
function capped(text: string, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  const chars = Array.from(clean);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}
