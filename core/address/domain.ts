// The part after the @: a host name we can look up, in both forms.

import { isValidHostname, MAX_HOSTNAME_LENGTH } from './hostname.js';
import { type DomainForms, toDomainForms } from './idn.js';
import { invalidAddress } from './reasons.js';

// A bare dotted quad is an IP address, not a domain (IDNA turns "１.２.３.４" and "0x7f.1" into one too).
const DOTTED_QUAD = /^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$/;

export function parseDomain(text: string): DomainForms {
  if (text === '') throw invalidAddress('missing-domain');
  // An address literal (name@[192.0.2.1]) names one machine; no provider or autoconfig can be found for it.
  if (text.startsWith('[') && text.endsWith(']')) throw invalidAddress('ip-literal');
  // "example.com." is the same domain written fully qualified.
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  const forms = toDomainForms(name);
  if (name === '' || forms === undefined) throw invalidAddress('invalid-domain');
  if (DOTTED_QUAD.test(forms.ascii)) throw invalidAddress('ip-literal');
  if (forms.ascii.length > MAX_HOSTNAME_LENGTH) throw invalidAddress('too-long');
  if (!isValidHostname(forms.ascii)) throw invalidAddress('invalid-domain');
  return forms;
}
