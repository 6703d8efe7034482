// Turns what a person typed into an address we can look up (practical RFC 5321/5322, UTF-8 per RFC
// 6531, IDN per UTS #46), or refuses it with a reason key the message catalogue explains.

import { hasHiddenCharacters, trimAddressInput, utf8Length } from './characters.js';
import { parseDomain } from './domain.js';
import { checkLocalPart } from './local-part.js';
import { invalidAddress } from './reasons.js';
import { splitAddress } from './split.js';

export interface ParsedAddress {
  /** Trimmed; local part as typed; domain lower-case in its Unicode form: "jörg@müller.example". */
  address: string;
  localPart: string;
  /** Lower-case ASCII (xn--) form, used for every look-up. */
  domain: string;
  /** Lower-case Unicode form, for display. */
  domainUnicode: string;
  /** localPart@domain (ASCII domain). */
  asciiAddress: string;
}

/** RFC 5321's path limit of 256 octets minus the angle brackets. */
export const MAX_ADDRESS_OCTETS = 254;

// Refuses pasted novels before any regular expression or IDNA sees them. No valid address comes
// near this: even four octets per character stays under it.
const MAX_INPUT_LENGTH = 1024;

/** Throws MailSetupError('invalid-address', reason) with a reason from INVALID_ADDRESS_REASONS. */
export function parseAddress(input: string): ParsedAddress {
  const text = trimAddressInput(input);
  if (text === '') throw invalidAddress('empty');
  if (text.length > MAX_INPUT_LENGTH) throw invalidAddress('too-long');
  if (hasHiddenCharacters(text)) throw invalidAddress('control-characters');

  const { localPart, domain: typedDomain } = splitAddress(text);
  checkLocalPart(localPart);
  const domain = parseDomain(typedDomain);

  const asciiAddress = `${localPart}@${domain.ascii}`;
  if (utf8Length(asciiAddress) > MAX_ADDRESS_OCTETS) throw invalidAddress('too-long');
  return {
    address: `${localPart}@${domain.unicode}`,
    localPart,
    domain: domain.ascii,
    domainUnicode: domain.unicode,
    asciiAddress,
  };
}
