// PACC, "Automatic Configuration of Email, Calendar, and Contact Server Settings"
// (draft-ietf-mailmaint-pacc-04, the mailmaint working group's current version): the domain publishes
// a JSON document at https://ua-auto-config.DOMAIN/.well-known/user-agent-configuration.json and
// vouches for its exact bytes with a TXT record at _ua-auto-config.DOMAIN:
// `v=UAAC1; a=sha256; d=<base64 SHA-256 of the body>` (several records allowed, unknown tags ignored).
// We trust the document only when a record's digest matches the bytes served, fetch it over direct
// TLS only (no redirect at all, so none to plain HTTP), and offer only implicit-TLS servers, as the
// draft does. From the document we read: protocols imap/pop3/smtp (host, optional port),
// authentication (password, oauth-public), info.provider.name.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { ParsedAddress } from '../address/parse.js';
import { MailSetupError } from '../errors.js';
import type { AuthKind, IncomingProtocol, ServerSettings } from '../model.js';
import type { Net } from '../net/index.js';
import { isHostName, parsePort } from './config-xml.js';
import { fillPlaceholders } from './placeholders.js';
import { timedLookup } from './timed-lookup.js';
import type { DiscoverySource, FoundConfig } from './types.js';

export const PACC_DRAFT = 'draft-ietf-mailmaint-pacc-04';

export const PACC_LIMITS = {
  /** A configuration document is a few hundred bytes. */
  maxBytes: 64 * 1024,
  nameChars: 100,
} as const;

/** Direct TLS on the standard ports (RFC 8314): the only kind of server PACC describes. */
const DEFAULT_PORTS = { imap: 993, pop3: 995, smtp: 465 } as const;

export function paccUrl(domain: string): string {
  return `https://ua-auto-config.${domain}/.well-known/user-agent-configuration.json`;
}

export function paccTxtName(domain: string): string {
  return `_ua-auto-config.${domain}`;
}

/** The SHA-256 digests the TXT records vouch for; records that are not UAAC1/sha256 are skipped. */
export function digestsOf(records: readonly (readonly string[])[]): Buffer[] {
  const digests: Buffer[] = [];
  for (const chunks of records) {
    // A long TXT record arrives in 255-byte strings: they are one value, joined without a separator.
    const tags = new Map<string, string>();
    for (const part of chunks.join('').split(';')) {
      const equals = part.indexOf('=');
      if (equals < 0) continue;
      tags.set(part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim());
    }
    if (tags.get('v') !== 'UAAC1' || tags.get('a')?.toLowerCase() !== 'sha256') continue;
    const value = tags.get('d') ?? '';
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) continue;
    const digest = Buffer.from(value, 'base64');
    if (digest.length === 32) digests.push(digest);
  }
  return digests;
}

/** The document's servers and login kind, before an address fills them in. */
export interface PaccDocument {
  providerName?: string;
  servers: { protocol: IncomingProtocol | 'smtp'; host: string; port: number }[];
  auth: AuthKind;
}

/** Reads the parts of the JSON we use; throws MailSetupError('protocol-error') when it is unusable. */
export function parsePaccDocument(text: string): PaccDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MailSetupError('protocol-error', 'the PACC document is not JSON', 'parse');
  }
  const object = (value: unknown): Record<string, unknown> | undefined =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const root = object(json);
  const protocols = object(root?.protocols);
  if (!root || !protocols)
    throw new MailSetupError('protocol-error', 'no "protocols" in the PACC document', 'parse');
  const servers: PaccDocument['servers'] = [];
  for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
    const entry = object(protocols[protocol]);
    if (!entry) continue;
    const host = typeof entry.host === 'string' ? entry.host.trim().toLowerCase().replace(/\.$/, '') : '';
    const port = entry.port === undefined ? DEFAULT_PORTS[protocol] : parsePort(String(entry.port));
    if (!isHostName(host) || !port) {
      throw new MailSetupError('protocol-error', `bad ${protocol} server in the PACC document`, 'parse');
    }
    servers.push({ protocol, host, port });
  }
  if (!servers.some((server) => server.protocol !== 'smtp')) {
    throw new MailSetupError('protocol-error', 'the PACC document names no IMAP or POP3 server', 'parse');
  }
  const authentication = object(root.authentication);
  const auth: AuthKind | undefined =
    authentication?.password === true ? 'password' : authentication?.['oauth-public'] ? 'oauth2' : undefined;
  if (!auth) {
    throw new MailSetupError(
      'protocol-error',
      'the PACC document offers neither password nor OAuth',
      'parse',
    );
  }
  const name = object(object(root.info)?.provider)?.name;
  return {
    ...(typeof name === 'string' && name.trim()
      ? { providerName: name.trim().slice(0, PACC_LIMITS.nameChars) }
      : {}),
    servers,
    auth,
  };
}

/** What a domain publishes for PACC; the source and `mailsetup domain` both judge by it. */
export type PaccCheck =
  | { state: 'verified'; url: string; document: PaccDocument; records: string[] }
  /** Neither a document nor a record. */
  | { state: 'not-published'; url: string; records: string[] }
  /** `digest`: what the TXT record should carry for the document served (base64 SHA-256). */
  | { state: 'digest-missing'; url: string; records: string[]; digest: string }
  | { state: 'digest-mismatch'; url: string; records: string[]; digest: string }
  /** A record, but the document cannot be fetched or used; `error` says why. */
  | { state: 'broken'; url: string; records: string[]; error: MailSetupError };

const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'dns-not-found']);

function isNoRecord(error: unknown): boolean {
  return NO_RECORD.has(String((error as { code?: unknown } | null)?.code));
}

/** Fetches the document and the TXT records at once and compares the digest with the exact bytes. */
export async function checkPacc(
  domain: string,
  net: Net,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<PaccCheck> {
  const url = paccUrl(domain);
  const [fetched, txt] = await Promise.allSettled([
    net.fetch(url, { signal, timeoutMs, maxBytes: PACC_LIMITS.maxBytes, maxRedirects: 0 }),
    net.resolver.resolveTxt(paccTxtName(domain), signal),
  ]);
  signal.throwIfAborted();
  if (txt.status === 'rejected' && !isNoRecord(txt.reason)) throw txt.reason;
  const records = txt.status === 'fulfilled' ? txt.value.map((chunks) => chunks.join('')) : [];
  const digests = digestsOf(txt.status === 'fulfilled' ? txt.value : []);
  const absent = (error: unknown) =>
    isNoRecord(error) || (error as { code?: string }).code === 'connection-refused';

  if (fetched.status === 'rejected') {
    const error = fetched.reason as MailSetupError;
    // No host and no record: the domain does not publish PACC. A record without a working document
    // (or a host that answers badly) is a broken publication.
    if (digests.length === 0 && absent(error)) return { state: 'not-published', url, records };
    throw error;
  }
  const response = fetched.value;
  if (response.status === 404 && digests.length === 0) return { state: 'not-published', url, records };
  if (response.status !== 200) {
    const error = new MailSetupError('protocol-error', `HTTP ${response.status} from ${url}`, 'http');
    if (digests.length === 0) return { state: 'not-published', url, records };
    return { state: 'broken', url, records, error };
  }
  const actual = createHash('sha256').update(response.bytes).digest();
  const digest = actual.toString('base64');
  if (digests.length === 0) return { state: 'digest-missing', url, records, digest };
  if (!digests.some((candidate) => timingSafeEqual(candidate, actual))) {
    return { state: 'digest-mismatch', url, records, digest };
  }
  try {
    return { state: 'verified', url, records, document: parsePaccDocument(response.bytes.toString('utf8')) };
  } catch (error) {
    return { state: 'broken', url, records, error: error as MailSetupError };
  }
}

/** The settings a verified document gives for one address (the full address as user name). */
export function paccConfig(document: PaccDocument, address: ParsedAddress, url: string): FoundConfig {
  const settings = document.servers.map(
    (server): ServerSettings => ({
      ...server,
      security: 'tls',
      username: fillPlaceholders('%EMAILADDRESS%', address),
      auth: document.auth,
    }),
  );
  return {
    source: 'pacc',
    // The domain's own DNS vouches for these exact bytes, fetched over TLS from its own host.
    trusted: true,
    ...(document.providerName ? { provider: { id: address.domain, name: document.providerName } } : {}),
    incoming: settings.filter((server) => server.protocol !== 'smtp'),
    outgoing: settings.filter((server) => server.protocol === 'smtp'),
    hints: document.auth === 'oauth2' ? [{ code: 'oauth2-only' }] : [],
    origin: url,
    publishers: [address.domain],
  };
}

export const paccSource: DiscoverySource = async (context) => {
  const domain = context.address.domain;
  const check = await timedLookup(
    context,
    'pacc',
    paccUrl(domain),
    async () => {
      const result = await checkPacc(domain, context.net, context.signal, context.sourceTimeoutMs);
      if (result.state === 'broken') throw result.error;
      return result;
    },
    (result) =>
      result.state === 'verified' ? 'found' : result.state === 'not-published' ? 'not-found' : result.state,
  );
  return check.state === 'verified' ? paccConfig(check.document, context.address, check.url) : null;
};
