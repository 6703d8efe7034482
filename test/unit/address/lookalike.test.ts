import { describe, expect, it } from 'vitest';
import { mayImitateAnotherDomain, scriptsOf } from '../../../core/address/lookalike.js';

describe('mayImitateAnotherDomain', () => {
  it.each([
    ['p\u0430ypal.example', 'a Cyrillic а in a Latin name'],
    ['g\u03bfogle.example', 'a Greek ο in a Latin name'],
    ['example.\u0441om', 'a Cyrillic с in the top-level domain'],
    ['mail.exa\u0578ple.example', 'an Armenian ո in a Latin name'],
  ])('flags %s (%s)', (domain) => {
    expect(mayImitateAnotherDomain(domain)).toBe(true);
  });

  it.each([
    ['müller.example', 'Latin with umlauts'],
    ['straße.de', 'Latin with ß'],
    ['пример.рф', 'all Cyrillic'],
    ['παράδειγμα.ελ', 'all Greek'],
    ['日本語.jp', 'Han'],
    ['ひらがなカタカナ漢字.jp', 'Japanese: Han with both kana'],
    ['한국어漢字.kr', 'Korean: Hangul with Han'],
    ['abc日本.example', 'Latin with Han, as Japanese names are written'],
    ['mail-2024.example', 'digits and hyphens belong to no script'],
    ['пример.example', 'one script per label, different labels'],
  ])('accepts %s (%s)', (domain) => {
    expect(mayImitateAnotherDomain(domain)).toBe(false);
  });

  it('does not let Latin and Cyrillic pass together with Han', () => {
    expect(mayImitateAnotherDomain('p\u0430ypal日本.example')).toBe(true);
  });

  it('names the scripts of letters only', () => {
    expect([...scriptsOf('ab-12\u0430')].sort()).toEqual(['Cyrillic', 'Latin']);
    expect([...scriptsOf('12-34')]).toEqual([]);
  });
});
