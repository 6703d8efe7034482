// One host-name check for the address's domain and for server names that arrive from the network
// (SRV targets, autoconfig XML): anything else could point a connection somewhere unexpected.

import { domainToASCII } from 'node:url';

export const MAX_HOSTNAME_LENGTH = 253;

// Letters, digits and hyphens; 1 to 63 characters; no hyphen at either end (RFC 1035, RFC 1123).
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * A fully qualified ASCII host name such as "imap.example.com" (xn-- labels for IDN), without the
 * root dot. Refuses single labels ("localhost"), IP addresses and an all-numeric top-level label.
 */
export function isValidHostname(name: string): boolean {
  if (name.length === 0 || name.length > MAX_HOSTNAME_LENGTH) return false;
  const labels = name.split('.');
  if (labels.length < 2 || !labels.every((label) => LDH_LABEL.test(label))) return false;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return false;
  // IDNA refuses what LDH lets through: broken xn-- labels, a hex top-level label read as IPv4.
  return domainToASCII(name) === name.toLowerCase();
}
