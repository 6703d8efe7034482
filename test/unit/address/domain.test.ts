// The part after the @ (core/address/domain.ts): a domain we can look up, or the reason it is none.

import { describe, expect, it } from 'vitest';
import { parseDomain } from '../../../core/address/domain.js';
import { MailSetupError } from '../../../core/errors.js';

function reason(text: string): string | undefined {
  try {
    parseDomain(text);
  } catch (error) {
    expect(error).toBeInstanceOf(MailSetupError);
    return (error as MailSetupError).detail;
  }
  return undefined;
}

describe('parseDomain', () => {
  it('gives both forms, and reads a trailing dot as the same domain', () => {
    expect(parseDomain('Müller.Example.')).toEqual({
      ascii: 'xn--mller-kva.example',
      unicode: 'müller.example',
    });
  });

  it.each([
    ['', 'missing-domain'],
    ['.', 'invalid-domain'],
    ['[192.0.2.1]', 'ip-literal'],
    ['192.0.2.1', 'ip-literal'],
    // IDNA maps full-width digits to a dotted quad: still an address, not a domain.
    ['１９２.０.２.１', 'ip-literal'],
    ['exa_mple.org', 'invalid-domain'],
    ['-example.org', 'invalid-domain'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org`, 'too-long'],
  ])('refuses %j as %s', (text, expected) => {
    expect(reason(text)).toBe(expected);
  });
});
