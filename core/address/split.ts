// Splits an address at its one @. An @ inside a quoted local part ("a@b"@example.com) is text, not the
// separator, so a quoted local part is scanned up to its closing quote first.

import { invalidAddress } from './reasons.js';

export interface AddressParts {
  /** As typed, with quotes and backslash escapes kept. */
  localPart: string;
  domain: string;
}

export function splitAddress(text: string): AddressParts {
  const localEnd = text.startsWith('"') ? closingQuoteEnd(text) : text.indexOf('@');
  if (localEnd < 0) throw invalidAddress('missing-at');
  if (text[localEnd] !== '@') throw invalidAddress('invalid-local-part');
  const localPart = text.slice(0, localEnd);
  const domain = text.slice(localEnd + 1);
  if (domain.includes('@')) throw invalidAddress('two-at');
  if (localPart === '' || localPart === '""') throw invalidAddress('missing-local-part');
  return { localPart, domain };
}

/** Index just after the closing quote, or -1 when there is nothing after it. */
function closingQuoteEnd(text: string): number {
  for (let index = 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '"') return index + 1 < text.length ? index + 1 : -1;
  }
  // An unterminated quote swallows any @: the local part is broken, not absent.
  throw invalidAddress('invalid-local-part');
}
