// Text-level checks before any grammar (core/address/characters.ts).

import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, trimAddressInput, utf8Length } from '../../../core/address/characters.js';

describe('trimAddressInput', () => {
  it('drops white space pasted around an address, Unicode spaces included', () => {
    expect(trimAddressInput('\u00a0\t anna@example.org\u3000\n')).toBe('anna@example.org');
  });

  it('keeps a BOM and NEL, which are refused, not trimmed', () => {
    expect(trimAddressInput('\ufeffanna@example.org')).toBe('\ufeffanna@example.org');
    expect(trimAddressInput('anna@example.org\u0085')).toBe('anna@example.org\u0085');
  });
});

describe('hasHiddenCharacters', () => {
  it.each([
    ['a bidi override', 'anna\u202e@example.org'],
    ['a zero-width space', 'an\u200bna@example.org'],
    ['a soft hyphen', 'an\u00adna@example.org'],
    ['a control', 'anna\u0007@example.org'],
    ['a broken surrogate', 'anna\ud800@example.org'],
  ])('finds %s', (_what, text) => {
    expect(hasHiddenCharacters(text)).toBe(true);
  });

  it('finds nothing in a Unicode address', () => {
    expect(hasHiddenCharacters('jörg😀@müller.example')).toBe(false);
  });
});

describe('utf8Length', () => {
  it('counts octets, as RFC 5321 limits do', () => {
    expect(utf8Length('jörg')).toBe(5);
    expect(utf8Length('😀')).toBe(4);
  });
});
