// The part before the @: a dot-atom or a quoted string (RFC 5321 section 4.1.2), with UTF-8 allowed in
// both (RFC 6531), so "jörg" and "😀" pass. Checked as typed: the server decides what it means.

import { utf8Length } from './characters.js';
import { invalidAddress } from './reasons.js';

export const MAX_LOCAL_PART_OCTETS = 64;

// atext (RFC 5322) plus any non-ASCII character except white space; controls are refused earlier.
const ATOM = String.raw`(?:[\w!#$%&'*+/=?^\x60{|}~-]|(?!\p{Z})[\u0080-\u{10ffff}])+`;
const DOT_ATOM = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');

// qtextSMTP (printable ASCII and space, except " and \), quoted-pairSMTP (\ and printable ASCII), UTF-8.
const QUOTED_STRING = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e]|(?!\p{Z})[\u0080-\u{10ffff}])*"$/u;

export function checkLocalPart(localPart: string): void {
  if (utf8Length(localPart) > MAX_LOCAL_PART_OCTETS) throw invalidAddress('local-part-too-long');
  if (!DOT_ATOM.test(localPart) && !QUOTED_STRING.test(localPart)) throw invalidAddress('invalid-local-part');
}
