// The plain sentence for a refused address: the reason's own wording, else the error code's.

import type { MailSetupError } from '../errors.js';
import { t } from '../messages/index.js';
import type { Lang } from '../model.js';
import { type InvalidAddressReason, isInvalidAddressReason } from './reasons.js';

export function addressReasonKey(reason: InvalidAddressReason): string {
  return `address.invalid.${reason}`;
}

export function addressErrorMessage(error: MailSetupError, lang: Lang): string {
  if (error.code === 'invalid-address' && isInvalidAddressReason(error.detail)) {
    return t(lang, addressReasonKey(error.detail));
  }
  return t(lang, `error.${error.code}`);
}
