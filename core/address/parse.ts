// PLACEHOLDER interface — the address helper replaces this file with the real implementation.
import { MailSetupError } from '../errors.js';

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

export function parseAddress(input: string): ParsedAddress {
  throw new MailSetupError('invalid-address', `not implemented: ${input}`);
}
