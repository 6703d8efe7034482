import { translations } from '@zxcvbn-ts/language-en';
import { describe, expect, it } from 'vitest';
import { secretsMessages } from '../../../core/messages/secrets.js';

describe('secrets messages', () => {
  it('has the same keys in English and German, none empty, none untranslated', () => {
    expect(Object.keys(secretsMessages.de).sort()).toEqual(Object.keys(secretsMessages.en).sort());
    for (const [key, en] of Object.entries(secretsMessages.en)) {
      const de = secretsMessages.de[key] ?? '';
      expect(en.trim()).not.toBe('');
      expect(de.trim()).not.toBe('');
      // Parameters match, so neither language shows a raw {name}.
      expect(de.match(/\{\w+\}/g)?.sort()).toEqual(en.match(/\{\w+\}/g)?.sort());
    }
  });

  it('has our words for every warning and suggestion zxcvbn can give', () => {
    for (const key of Object.keys(translations.warnings)) {
      expect(secretsMessages.en[`secrets.strength.warning.${key}`], key).toBeTruthy();
    }
    for (const key of Object.keys(translations.suggestions)) {
      expect(secretsMessages.en[`secrets.strength.suggestion.${key}`], key).toBeTruthy();
    }
  });

  it('speaks to the person as "Sie" in German', () => {
    for (const text of Object.values(secretsMessages.de))
      expect(text).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i);
  });
});
