// Which security goes with which well-known port (RFC 8314, RFC 6409): implicit TLS on 993, 995 and
// 465; STARTTLS on 143, 110, 587 and 25. Other ports are the provider's own choice.

import type { Security } from '../model.js';

const WELL_KNOWN: Readonly<Record<number, Security>> = {
  993: 'tls',
  995: 'tls',
  465: 'tls',
  143: 'starttls',
  110: 'starttls',
  587: 'starttls',
  25: 'starttls',
};

/** False when a well-known port is paired with the other security (an "SSL on 587" typo). */
export function portFitsSecurity(port: number, security: Security): boolean {
  return (WELL_KNOWN[port] ?? security) === security;
}
