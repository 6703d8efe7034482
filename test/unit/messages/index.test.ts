// Core's message catalogue as a whole (core/messages/index.ts): both languages hold the same keys with
// the same parameters, nothing is empty, and t() fills parameters and falls back safely.

import { describe, expect, it } from 'vitest';
import { catalogueKeys, hasMessage, LANGS, systemLang, t } from '../../../core/messages/index.js';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the catalogue', () => {
  it('holds the same keys in German and English', () => {
    expect(catalogueKeys('de').sort()).toEqual(catalogueKeys('en').sort());
    expect(catalogueKeys('en').length).toBeGreaterThan(300);
  });

  it('has no empty message', () => {
    const empty = LANGS.flatMap((lang) => catalogueKeys(lang).filter((key) => t(lang, key).trim() === ''));
    expect(empty).toEqual([]);
  });

  it('asks for the same parameters in both languages', () => {
    const differing = catalogueKeys('en').filter(
      (key) => params(t('en', key)).join() !== params(t('de', key)).join(),
    );
    expect(differing).toEqual([]);
  });
});

describe('t', () => {
  it('fills every occurrence of a parameter, and leaves unknown ones visible', () => {
    expect(t('de', 'address.typo', { suggestion: 'anna@gmail.com' })).toBe('Meinten Sie anna@gmail.com?');
    expect(t('en', 'address.typo')).toContain('{suggestion}');
  });

  it('answers an unknown key with the key itself, never throwing', () => {
    expect(hasMessage('no.such.key')).toBe(false);
    expect(t('de', 'no.such.key')).toBe('no.such.key');
    expect(hasMessage('error.timeout')).toBe(true);
  });
});

describe('systemLang', () => {
  it.each([
    [{ LC_ALL: 'de_DE.UTF-8' }, 'de'],
    [{ LANG: 'de_AT.UTF-8' }, 'de'],
    [{ LC_MESSAGES: 'de' }, 'de'],
    [{ LC_ALL: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
    [{ LANG: 'dee' }, 'en'],
  ])('reads %o as %s', (env, lang) => {
    expect(systemLang(env as NodeJS.ProcessEnv)).toBe(lang);
  });
});
