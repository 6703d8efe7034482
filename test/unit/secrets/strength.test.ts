import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../../core/secrets/generate.js';
import { MIN_STRONG_LENGTH, ratePassword } from '../../../core/secrets/strength.js';

const address = 'max.mustermann@example.org';

describe('ratePassword', () => {
  it('calls fewer than 12 characters weak and says why, in English and German', async () => {
    // Random, but short: brute force is enough.
    const en = await ratePassword({ password: 'Xk7#pQ2!vR', lang: 'en' });
    expect(en.weak).toBe(true);
    expect(en.score).toBeLessThanOrEqual(1);
    expect(en.reasons[0]).toEqual({
      code: 'too-short',
      message: `It has fewer than ${MIN_STRONG_LENGTH} characters: short passwords fall to programs that simply try every combination.`,
    });
    const de = await ratePassword({ password: 'Xk7#pQ2!vR', lang: 'de' });
    expect(de.reasons[0]?.code).toBe('too-short');
    expect(de.reasons[0]?.message).toMatch(/^Es hat weniger als 12 Zeichen/);
    expect(de.suggestions.at(-1)?.message).toMatch(/Lassen Sie MailSetup Assistant/);
  });

  it('calls a password containing the address or its name part weak', async () => {
    for (const password of [`${address}!Kq7#vW9z`, 'Zt4$Max.Mustermann#Rp8v', `xx${address.toUpperCase()}`]) {
      const rating = await ratePassword({ password, address, lang: 'en' });
      expect(rating.weak).toBe(true);
      expect(rating.reasons.map((reason) => reason.code)).toContain('contains-address');
    }
    const de = await ratePassword({ password: `${address}!Kq7#vW9z`, address, lang: 'de' });
    expect(de.reasons.find((reason) => reason.code === 'contains-address')?.message).toMatch(
      /E-Mail-Adresse/,
    );
  });

  it('calls a password containing the label weak', async () => {
    const rating = await ratePassword({
      password: 'Thunderbird at home 7#Kq',
      address,
      label: 'Thunderbird at home',
      lang: 'en',
    });
    expect(rating.weak).toBe(true);
    expect(rating.reasons.map((reason) => reason.code)).toContain('contains-label');
  });

  it('explains common passwords with zxcvbn’s findings in our words', async () => {
    const en = await ratePassword({ password: 'passwort12345', lang: 'en' });
    const de = await ratePassword({ password: 'passwort12345', lang: 'de' });
    expect(en.weak).toBe(true);
    expect(en.reasons.length).toBeGreaterThan(0);
    expect(de.reasons.map((reason) => reason.code)).toEqual(en.reasons.map((reason) => reason.code));
    expect(de.reasons[0]?.message).not.toBe(en.reasons[0]?.message);
    for (const notice of [...en.reasons, ...en.suggestions, ...de.reasons, ...de.suggestions]) {
      expect(notice.message).not.toMatch(/^secrets\./);
    }
  });

  it('rates generated passwords strong, with no reasons', async () => {
    for (let i = 0; i < 10; i++) {
      const rating = await ratePassword({
        password: generatePassword(),
        address,
        label: 'Outlook',
        lang: 'de',
      });
      expect(rating).toEqual({ score: 4, weak: false, reasons: [], suggestions: [] });
    }
  });

  it('works while the address is still being typed', async () => {
    const rating = await ratePassword({ password: 'max.muster!!Zq8#', address: 'max.muster@', lang: 'en' });
    expect(rating.reasons.map((reason) => reason.code)).toContain('contains-address');
  });
});
