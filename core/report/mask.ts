// --mask-address: the address and its mail domain are hidden everywhere in the report (user names,
// server names, certificates, transcripts, look-up URLs), as "j***@m***.example". Servers of other
// domains stay readable: they are the provider's, not the person's.

import { domainToUnicode } from 'node:url';
import type { ParsedAddress } from '../address/parse.js';
import { loadPublicSuffixList } from '../discovery/domains.js';

type Replace = (text: string) => string;

function firstCharacterOf(text: string): string {
  return `${Array.from(text)[0] ?? ''}***`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "müller.example" -> "m***.example": everything but the public suffix becomes its first letter. */
export async function maskDomain(domain: string): Promise<string> {
  const { getPublicSuffix } = await loadPublicSuffixList();
  const ascii = domain.toLowerCase();
  const suffix = getPublicSuffix(ascii, { allowPrivateDomains: false }) ?? ascii.split('.').at(-1) ?? '';
  const unicode = domainToUnicode(ascii) || ascii;
  if (suffix === ascii) return firstCharacterOf(unicode);
  return `${firstCharacterOf(unicode)}.${domainToUnicode(suffix) || suffix}`;
}

/** A function that masks every form of the address and its domain in one text. */
export async function addressMasker(address: ParsedAddress): Promise<Replace> {
  const domain = await maskDomain(address.domain);
  const masked = `${firstCharacterOf(address.localPart)}@${domain}`;
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  // Longest and most specific first: the whole address in each of its spellings, then the domain,
  // then the local part where it stands alone (a user name of %EMAILLOCALPART%).
  const literal = (
    [
      [address.address, masked],
      [address.asciiAddress, masked],
      [encodeURIComponent(address.asciiAddress), masked.replace('@', '%40')],
    ] as const
  ).map(([form, replacement]) => ({ pattern: new RegExp(escapeRegExp(form), 'giu'), replacement }));
  const encoded = [...new Set([base64(address.address), base64(address.asciiAddress)])];
  const domains = [...new Set([address.domainUnicode, address.domain])].map(
    (form) => new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(form)}(?![\\p{L}\\p{N}-])`, 'giu'),
  );
  const local = new RegExp(
    `(?<![\\p{L}\\p{N}._%+-])${escapeRegExp(address.localPart)}(?![\\p{L}\\p{N}._%+*-])`,
    'giu',
  );
  return (text) => {
    let out = text;
    for (const form of encoded) out = out.split(form).join('****');
    for (const { pattern, replacement } of literal) out = out.replace(pattern, replacement);
    for (const pattern of domains) out = out.replace(pattern, domain);
    return out.replace(local, firstCharacterOf(address.localPart));
  };
}

/** A copy of plain data with `replace` applied to every string in it (keys stay). */
export function mapStrings<T>(value: T, replace: Replace): T {
  if (typeof value === 'string') return replace(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, replace)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = mapStrings(item, replace);
    return copy as T;
  }
  return value;
}
