import { describe, expect, it } from 'vitest';
import { bothForms, toDomainForms, unicodeFormOf } from '../../../core/address/idn.js';

describe('toDomainForms', () => {
  it('gives the lower-case ASCII and Unicode forms', () => {
    expect(toDomainForms('Müller.Example')).toEqual({
      ascii: 'xn--mller-kva.example',
      unicode: 'müller.example',
    });
    expect(toDomainForms('xn--mller-kva.example')).toEqual({
      ascii: 'xn--mller-kva.example',
      unicode: 'müller.example',
    });
    expect(toDomainForms('example.org')).toEqual({ ascii: 'example.org', unicode: 'example.org' });
  });

  it('refuses text that is no domain (no URL parsing behind it)', () => {
    for (const text of ['a/b.example', '%41.example', 'a b.example', 'user@example.org', '']) {
      expect(toDomainForms(text), text).toBeUndefined();
    }
  });
});

describe('bothForms', () => {
  it('puts the Unicode form first and the ASCII form in brackets', () => {
    expect(bothForms('imap.xn--mller-kva.example')).toBe('imap.müller.example (imap.xn--mller-kva.example)');
    expect(bothForms('imap.müller.example')).toBe('imap.müller.example (imap.xn--mller-kva.example)');
  });

  it('writes a plain name once, and leaves what is no domain alone', () => {
    expect(bothForms('imap.example.org')).toBe('imap.example.org');
    expect(bothForms('127.0.0.1')).toBe('127.0.0.1');
    expect(bothForms('not a host')).toBe('not a host');
  });
});

describe('unicodeFormOf', () => {
  it('is the Unicode form of an IDN host only', () => {
    expect(unicodeFormOf('smtp.xn--mller-kva.example')).toBe('smtp.müller.example');
    expect(unicodeFormOf('smtp.example.org')).toBeUndefined();
  });
});
