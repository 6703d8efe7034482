import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SYMBOLS,
  generatePassword,
  LOOK_ALIKES,
  passwordAlphabet,
} from '../../../core/secrets/generate.js';

const kinds = {
  lower: /[a-z]/,
  upper: /[A-Z]/,
  digit: /[0-9]/,
  symbol: /[^A-Za-z0-9]/,
};

describe('generatePassword', () => {
  it('makes 20 characters by default, of every kind, from the allowed alphabet only', () => {
    const { lower, upper, digits, symbols } = passwordAlphabet();
    const allowed = new Set([...lower, ...upper, ...digits, ...symbols]);
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect([...password]).toHaveLength(20);
      for (const char of password) expect(allowed.has(char)).toBe(true);
      for (const kind of Object.values(kinds)) expect(password).toMatch(kind);
    }
  });

  it('never uses look-alike characters, even when the rules list them', () => {
    for (const char of LOOK_ALIKES) {
      const { lower, upper, digits, symbols } = passwordAlphabet({ symbols: `${DEFAULT_SYMBOLS}|\`'"` });
      expect(lower + upper + digits + symbols).not.toContain(char);
    }
    const many = Array.from({ length: 100 }, () => generatePassword({ length: 64 })).join('');
    expect(many).not.toMatch(/[0Oo1lI|`'"]/);
  });

  it('follows a provider’s rules: length, kinds and symbols', () => {
    expect(generatePassword({ length: 8 })).toHaveLength(8);
    expect(generatePassword({ length: 128 })).toHaveLength(128);
    // A provider that allows no symbols: none required, none used.
    const plain = generatePassword({ symbols: '' });
    expect(plain).toMatch(/^[A-Za-z0-9]{20}$/);
    // Only some symbols allowed; one refused on top.
    for (let i = 0; i < 50; i++) {
      const password = generatePassword({ symbols: '-_.!', excludeSymbols: '!' });
      expect(password).toMatch(/^[A-Za-z0-9._-]{20}$/);
      expect(password).toMatch(/[._-]/);
    }
    // Letters and white space are never symbols, whatever the rules say.
    expect(passwordAlphabet({ symbols: 'aZ5 \t#ä€' }).symbols).toBe('#');
    // Not required means allowed, not forced.
    const lettersOptional = generatePassword({
      requireLower: false,
      requireUpper: false,
      requireDigit: true,
    });
    expect(lettersOptional).toMatch(/[0-9]/);
    // Explicit undefineds (from a form) keep the defaults.
    expect(generatePassword({ length: undefined, symbols: undefined })).toHaveLength(20);
  });

  it('refuses rules no password can meet', () => {
    expect(() => generatePassword({ length: 7 })).toThrow(RangeError);
    expect(() => generatePassword({ length: 129 })).toThrow(RangeError);
    expect(() => generatePassword({ length: 12.5 })).toThrow(RangeError);
    expect(() => generatePassword({ symbols: '', requireSymbol: true })).toThrow(RangeError);
    expect(() => generatePassword({ symbols: '#', excludeSymbols: '#', requireSymbol: true })).toThrow(
      RangeError,
    );
  });

  it('looks random: no repeats, every allowed character used, every kind in every position', () => {
    const passwords = Array.from({ length: 300 }, () => generatePassword());
    expect(new Set(passwords).size).toBe(passwords.length);
    // 6,000 draws over 69 characters: each is expected ~87 times; missing one has odds below 10^-35.
    const used = new Set(passwords.join(''));
    const { lower, upper, digits, symbols } = passwordAlphabet();
    expect(used).toEqual(new Set([...lower, ...upper, ...digits, ...symbols]));
    // No kind is pinned to a place: each kind shows up first (digits, the rarest, ~12% of the time).
    for (const kind of Object.values(kinds))
      expect(passwords.some((password) => kind.test(password[0] ?? ''))).toBe(true);
  });
});
