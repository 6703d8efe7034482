// The part before the @ (core/address/local-part.ts): dot-atom or quoted string, UTF-8 allowed.

import { describe, expect, it } from 'vitest';
import { checkLocalPart, MAX_LOCAL_PART_OCTETS } from '../../../core/address/local-part.js';
import { MailSetupError } from '../../../core/errors.js';

function reason(text: string): string | undefined {
  try {
    checkLocalPart(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MailSetupError);
    return (error as MailSetupError).detail;
  }
  return undefined;
}

describe('checkLocalPart', () => {
  it.each(['anna', 'anna.b+tag', "o'brien", 'jörg', '😀', '"a b"', '"a\\"b"', '"a@b"'])(
    'accepts %s',
    (text) => {
      expect(reason(text)).toBeUndefined();
    },
  );

  it.each([
    ['.anna', 'invalid-local-part'],
    ['an..na', 'invalid-local-part'],
    ['an na', 'invalid-local-part'],
    ['an"na', 'invalid-local-part'],
    ['"a\\', 'invalid-local-part'],
  ])('refuses %j as %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });

  it('counts the limit in octets: 64 ASCII pass, 33 umlauts (66 octets) do not', () => {
    expect(reason('a'.repeat(MAX_LOCAL_PART_OCTETS))).toBeUndefined();
    expect(reason('ü'.repeat(33))).toBe('local-part-too-long');
  });
});
