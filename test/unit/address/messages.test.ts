// What a person reads for a refused address, through the path every face takes: core's API over the
// bridge (the app, the browser host) and toBridgeError (the CLI's describeError). Every reason
// parseAddress gives has its own sentence in both languages.

import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { INVALID_ADDRESS_REASONS, type InvalidAddressReason } from '../../../core/address/reasons.js';
import { API_METHODS, createApi } from '../../../core/api.js';
import { callApi, toBridgeError } from '../../../core/bridge.js';
import { MailSetupError } from '../../../core/errors.js';
import { addressMessages } from '../../../core/messages/address.js';
import { t } from '../../../core/messages/index.js';
import type { Lang } from '../../../core/model.js';
import { createNet } from '../../../core/net/index.js';

/** An input parseAddress refuses for each reason (the table must name every reason). */
const REFUSED: Record<InvalidAddressReason, string> = {
  empty: '   ',
  'too-long': `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}.de`,
  'control-characters': 'anna\u0007@example.de',
  'missing-at': 'anna.example.de',
  'two-at': 'a@b@c.de',
  'missing-local-part': '@example.de',
  'local-part-too-long': `${'a'.repeat(65)}@example.de`,
  'invalid-local-part': 'an na@example.de',
  'missing-domain': 'anna@',
  'invalid-domain': 'anna@exa_mple..de',
  'ip-literal': 'anna@[192.0.2.1]',
};

function reasonOf(input: string): string | undefined {
  try {
    parseAddress(input);
  } catch (error) {
    expect(error).toBeInstanceOf(MailSetupError);
    expect((error as MailSetupError).code).toBe('invalid-address');
    return (error as MailSetupError).detail;
  }
  return undefined;
}

describe('address messages', () => {
  it('has the same keys in English and German, none empty', () => {
    expect(Object.keys(addressMessages.de).sort()).toEqual(Object.keys(addressMessages.en).sort());
    for (const lang of ['en', 'de'] as const) {
      for (const text of Object.values(addressMessages[lang])) expect(text.trim()).not.toBe('');
    }
  });

  it.each(INVALID_ADDRESS_REASONS)(
    'reaches a person for the reason %s, in both languages',
    async (reason) => {
      const input = REFUSED[reason];
      expect(reasonOf(input)).toBe(reason);
      const api = createApi({ net: createNet({ offline: true }) });
      const said: Record<Lang, string> = { en: '', de: '' };
      for (const lang of ['en', 'de'] as const) {
        const envelope = await callApi(api, API_METHODS, 'detect', { address: input, lang });
        expect(envelope.ok).toBe(false);
        if (envelope.ok) return;
        expect(envelope.error).toMatchObject({
          code: 'invalid-address',
          detail: reason,
          fix: t(lang, 'error.invalid-address.fix'),
        });
        said[lang] = envelope.error.message;
        expect(said[lang]).toBe(addressMessages[lang][`address.invalid.${reason}`]);
      }
      expect(said.de).not.toBe(said.en);
    },
  );

  it('says the one-@ rule in plain words', () => {
    const error = new MailSetupError('invalid-address', reasonOf('a@b@c.de'));
    expect(toBridgeError(error, 'en').message).toBe(
      'The address has more than one @ sign; an address has exactly one.',
    );
  });

  it("falls back to the code's wording for a reason it does not know, and for other codes", () => {
    expect(toBridgeError(new MailSetupError('invalid-address', 'something else'), 'de').message).toBe(
      t('de', 'error.invalid-address'),
    );
    expect(toBridgeError(new MailSetupError('timeout'), 'en').message).toBe(t('en', 'error.timeout'));
  });

  it('fills in the suggestion', () => {
    expect(t('de', 'address.typo', { suggestion: 'anna@gmail.com' })).toBe('Meinten Sie anna@gmail.com?');
  });
});
