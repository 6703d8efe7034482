import { describe, expect, it } from 'vitest';
import { addressErrorMessage, addressReasonKey } from '../../../core/address/error-message.js';
import { parseAddress } from '../../../core/address/parse.js';
import { INVALID_ADDRESS_REASONS } from '../../../core/address/reasons.js';
import { MailSetupError } from '../../../core/errors.js';
import { addressMessages } from '../../../core/messages/address.js';
import { t } from '../../../core/messages/index.js';

describe('address messages', () => {
  it('has the same keys in English and German', () => {
    expect(Object.keys(addressMessages.de).sort()).toEqual(Object.keys(addressMessages.en).sort());
  });

  it('has no empty sentence', () => {
    for (const lang of ['en', 'de'] as const) {
      for (const text of Object.values(addressMessages[lang])) expect(text.trim()).not.toBe('');
    }
  });

  it.each(INVALID_ADDRESS_REASONS)('has a sentence for the reason %s in both languages', (reason) => {
    const key = addressReasonKey(reason);
    expect(addressMessages.en[key]).toBeTruthy();
    expect(addressMessages.de[key]).toBeTruthy();
    expect(addressMessages.de[key]).not.toBe(addressMessages.en[key]);
    const error = new MailSetupError('invalid-address', reason);
    expect(addressErrorMessage(error, 'en')).toBe(addressMessages.en[key]);
    expect(addressErrorMessage(error, 'de')).toBe(addressMessages.de[key]);
  });

  it('explains what parseAddress refused', () => {
    try {
      parseAddress('a@b@c.de');
      expect.unreachable();
    } catch (error) {
      expect(addressErrorMessage(error as MailSetupError, 'en')).toBe(
        'The address has more than one @ sign; an address has exactly one.',
      );
    }
  });

  it('falls back to the error code wording for other errors', () => {
    expect(addressErrorMessage(new MailSetupError('invalid-address', 'something else'), 'de')).toBe(
      t('de', 'error.invalid-address'),
    );
    expect(addressErrorMessage(new MailSetupError('timeout'), 'en')).toBe(t('en', 'error.timeout'));
  });

  it('fills in the suggestion', () => {
    expect(t('de', 'address.typo', { suggestion: 'anna@gmail.com' })).toBe('Meinten Sie anna@gmail.com?');
  });
});
