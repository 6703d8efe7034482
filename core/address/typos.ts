// "Did you mean gmail.com?" for an address whose domain looks like a slip on a common one. Only a hint:
// the address is never changed, and a domain that may well be real is left alone.

import { createRequire } from 'node:module';
import { t } from '../messages/index.js';
import type { Lang, Notice } from '../model.js';
import { COMMON_DOMAINS, REAL_NEIGHBOURS, SLIP_TLDS } from './common-domains.js';
import { editDistance } from './edit-distance.js';
import type { ParsedAddress } from './parse.js';

const KNOWN_DOMAINS = new Set([...COMMON_DOMAINS, ...REAL_NEIGHBOURS]);

// The public suffix list is loaded only when a domain needs judging: a common provider's domain, the
// usual case, is answered without it (tldts costs 37 ms of start-up).
const require = createRequire(import.meta.url);
let tldts: typeof import('tldts') | undefined;
function publicSuffixList(): typeof import('tldts') {
  tldts ??= require('tldts') as typeof import('tldts');
  return tldts;
}

interface DomainParts {
  /** Everything before the top-level label: "gmail", or "mail.gmail" for a subdomain. */
  name: string;
  tld: string;
}

function splitTld(domain: string): DomainParts {
  const dot = domain.lastIndexOf('.');
  return { name: domain.slice(0, dot), tld: domain.slice(dot + 1) };
}

/**
 * Slips allowed in the name: none for short names (ms.com, amc.com, life.com are other companies),
 * one for medium, two for long ones where two slips still leave the name recognisable.
 */
function nameTolerance(name: string): number {
  const length = Array.from(name).length;
  if (length <= 4) return 0;
  return length <= 8 ? 1 : 2;
}

function isRealTld(asciiTld: string): boolean {
  return publicSuffixList().parse(`example.${asciiTld}`, { allowPrivateDomains: false }).isIcann === true;
}

/** Distance between typed and intended top-level label, or undefined when the typed one is meant. */
function tldDistance(typed: DomainParts, typedAsciiTld: string, intended: string): number | undefined {
  if (typed.tld === intended) return 0;
  if (SLIP_TLDS[typed.tld] === intended) return 1;
  if (isRealTld(typedAsciiTld)) return undefined;
  return editDistance(typed.tld, intended) <= 1 ? 1 : undefined;
}

/** The common domain the typed one most likely slipped from, if any. */
export function suggestDomain(parsed: Pick<ParsedAddress, 'domain' | 'domainUnicode'>): string | undefined {
  if (KNOWN_DOMAINS.has(parsed.domain)) return undefined;
  // Compare the Unicode form, so "gmäil.com" is one slip from "gmail.com", not a punycode jumble.
  const typed = splitTld(parsed.domainUnicode);
  const typedAsciiTld = splitTld(parsed.domain).tld;
  let best: { domain: string; distance: number } | undefined;
  for (const domain of COMMON_DOMAINS) {
    const intended = splitTld(domain);
    const nameDistance = editDistance(typed.name, intended.name);
    if (nameDistance > nameTolerance(intended.name)) continue;
    const tld = tldDistance(typed, typedAsciiTld, intended.tld);
    if (tld === undefined) continue;
    const distance = nameDistance + tld;
    if (distance > 0 && (best === undefined || distance < best.distance)) best = { domain, distance };
  }
  return best?.domain;
}

/** At most one hint; its detail is the suggested address, for a "use this instead" button. */
export function typoHints(parsed: ParsedAddress, lang: Lang): Notice[] {
  const domain = suggestDomain(parsed);
  if (domain === undefined) return [];
  const suggestion = `${parsed.localPart}@${domain}`;
  return [{ code: 'possible-typo', message: t(lang, 'address.typo', { suggestion }), detail: suggestion }];
}
