// Converts a domain between its Unicode form (for people) and its ASCII xn-- form (for DNS) with
// Node's IDNA (UTS #46, as browsers do), which also lower-cases and maps full-width characters.

import { domainToASCII, domainToUnicode } from 'node:url';

export interface DomainForms {
  /** Lower-case ASCII, xn-- labels for IDN: every look-up uses this. */
  ascii: string;
  /** Lower-case Unicode, for display. */
  unicode: string;
}

// domainToASCII parses a URL host: it would percent-decode "%41" and cut "a/b" at the slash. Only
// letters, digits, hyphens and dots may reach it in ASCII; anything else is not a domain at all.
const DOMAIN_TEXT = /^(?:[a-z0-9.-]|(?!\p{Z})[\u0080-\u{10ffff}])*$/iu;

/** Both forms, or undefined when the text cannot be a domain name. */
export function toDomainForms(domain: string): DomainForms | undefined {
  if (!DOMAIN_TEXT.test(domain)) return undefined;
  const ascii = domainToASCII(domain);
  if (ascii === '') return undefined;
  return { ascii, unicode: domainToUnicode(ascii) };
}

/**
 * A name as a person and a helpdesk agent both need it: the Unicode form first, the ASCII form in
 * brackets ("imap.müller.example (imap.xn--mller-kva.example)"); a plain ASCII name once.
 */
export function bothForms(name: string): string {
  const forms = toDomainForms(name);
  if (!forms || forms.unicode === forms.ascii) return name;
  return `${forms.unicode} (${forms.ascii})`;
}

/** The Unicode form of an ASCII host name when it has an IDN (xn--) label, else undefined. */
export function unicodeFormOf(host: string): string | undefined {
  const forms = toDomainForms(host);
  return forms && forms.unicode !== forms.ascii ? forms.unicode : undefined;
}
