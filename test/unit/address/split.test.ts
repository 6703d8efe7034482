// Splitting an address at its one @ (core/address/split.ts), quoted local parts included.

import { describe, expect, it } from 'vitest';
import { splitAddress } from '../../../core/address/split.js';
import { MailSetupError } from '../../../core/errors.js';

function reason(text: string): string | undefined {
  try {
    splitAddress(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MailSetupError);
    return (error as MailSetupError).detail;
  }
  return undefined;
}

describe('splitAddress', () => {
  it('splits at the @', () => {
    expect(splitAddress('jörg@müller.example')).toEqual({ localPart: 'jörg', domain: 'müller.example' });
  });

  it('reads an @ inside a quoted local part as text, escapes included', () => {
    expect(splitAddress('"a@b"@example.org')).toEqual({ localPart: '"a@b"', domain: 'example.org' });
    expect(splitAddress('"a\\"@b"@example.org')).toEqual({ localPart: '"a\\"@b"', domain: 'example.org' });
  });

  it.each([
    ['anna.example.org', 'missing-at'],
    ['a@b@example.org', 'two-at'],
    ['@example.org', 'missing-local-part'],
    ['""@example.org', 'missing-local-part'],
    ['"unterminated@example.org', 'invalid-local-part'],
    ['"quoted"x@example.org', 'invalid-local-part'],
    ['"quoted"', 'missing-at'],
  ])('refuses %s as %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });
});
