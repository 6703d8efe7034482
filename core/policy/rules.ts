// What a policy allows, asked in one place by detect, test, export and the report. Each refusal is a
// coded error (CONTRACT.md's taxonomy) whose detail names what was refused.

import type { ParsedAddress } from '../address/parse.js';
import { isWithin } from '../discovery/domains.js';
import { MailSetupError } from '../errors.js';
import type { ExportFormat } from '../export/types.js';
import type { IncomingProtocol, Protocol } from '../model.js';
import type { Policy, PolicyPreset } from './types.js';

/** The preset for a mail domain (ASCII, exact match), if the policy has one. */
export function presetFor(policy: Policy, domain: string): PolicyPreset | undefined {
  const name = domain.toLowerCase();
  return policy.presets.find((preset) => preset.domains.includes(name));
}

/** True without `allowedDomains`, else when the domain is one of them or below one. */
export function isDomainAllowed(policy: Policy | undefined, domain: string): boolean {
  const allowed = policy?.allowedDomains;
  return !allowed || allowed.some((parent) => isWithin(domain, parent));
}

export function assertDomainAllowed(policy: Policy | undefined, address: ParsedAddress): void {
  if (!isDomainAllowed(policy, address.domain)) {
    throw new MailSetupError('policy-domain-not-allowed', address.domainUnicode);
  }
}

/** Outgoing servers are always allowed; incoming ones when `protocols` names them (or is absent). */
export function isProtocolAllowed(policy: Policy | undefined, protocol: Protocol): boolean {
  const allowed = policy?.protocols;
  return protocol === 'smtp' || !allowed || allowed.includes(protocol as IncomingProtocol);
}

export function assertProtocolAllowed(policy: Policy | undefined, protocol: Protocol): void {
  if (!isProtocolAllowed(policy, protocol)) throw new MailSetupError('policy-protocol-not-allowed', protocol);
}

export function isFormatAllowed(policy: Policy | undefined, format: ExportFormat): boolean {
  const allowed = policy?.exportFormats;
  return !allowed || allowed.includes(format);
}

export function assertFormatAllowed(policy: Policy | undefined, format: ExportFormat): void {
  if (!isFormatAllowed(policy, format)) throw new MailSetupError('policy-format-not-allowed', format);
}
