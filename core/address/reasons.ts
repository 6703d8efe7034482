// Why an address was refused. The reason is the `detail` of MailSetupError('invalid-address'): reports
// and the CLI's JSON carry it and the message catalogue is keyed by it, so keys are only ever added.

import { MailSetupError } from '../errors.js';

export const INVALID_ADDRESS_REASONS = [
  'empty',
  'too-long',
  'control-characters',
  'missing-at',
  'two-at',
  'missing-local-part',
  'local-part-too-long',
  'invalid-local-part',
  'missing-domain',
  'invalid-domain',
  'ip-literal',
] as const;
export type InvalidAddressReason = (typeof INVALID_ADDRESS_REASONS)[number];

export function isInvalidAddressReason(value: unknown): value is InvalidAddressReason {
  return (INVALID_ADDRESS_REASONS as readonly unknown[]).includes(value);
}

export function invalidAddress(reason: InvalidAddressReason): MailSetupError {
  return new MailSetupError('invalid-address', reason);
}
