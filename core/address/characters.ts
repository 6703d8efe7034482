// Text-level checks that come before any grammar: what may be trimmed, and what must never be inside.

// Unicode White_Space as JavaScript knows it, minus U+FEFF: trim() would drop a BOM silently, but an
// invisible character is refused wherever it is. U+0085 (NEL) is a C1 control and refused, not trimmed.
const EDGE_SPACE =
  /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

// Cc: C0, DEL and C1 controls. Cf: invisible formatting (bidi overrides and isolates, zero-width space
// and joiners, BOM, soft hyphen) that makes an address look other than it is. Cs: a broken surrogate
// left by bad copy and paste; it has no UTF-8 form.
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Drops surrounding white space, also non-breaking and other Unicode spaces pasted from documents. */
export function trimAddressInput(input: string): string {
  return input.replace(EDGE_SPACE, '');
}

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_CHARACTER.test(text);
}

/** Limits in RFC 5321 count octets of UTF-8 (RFC 6531), not characters. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
