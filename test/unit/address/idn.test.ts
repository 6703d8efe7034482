// Domain forms (core/address/idn.ts): ASCII for DNS, Unicode for people, nothing for non-domains.

import { describe, expect, it } from 'vitest';
import { bothForms, toDomainForms, unicodeFormOf } from '../../../core/address/idn.js';

describe('toDomainForms', () => {
  it.each([
    ['müller.example', 'xn--mller-kva.example', 'müller.example'],
    ['MÜLLER.Example', 'xn--mller-kva.example', 'müller.example'],
    ['xn--mller-kva.example', 'xn--mller-kva.example', 'müller.example'],
    // Full-width letters map to ASCII, as in a browser's address bar.
    ['ｅｘａｍｐｌｅ.org', 'example.org', 'example.org'],
  ])('gives %s as %s for DNS and %s for people', (input, ascii, unicode) => {
    expect(toDomainForms(input)).toEqual({ ascii, unicode });
  });

  it.each(['exa mple.org', 'a/b.example', '%41.example', 'a@b.example', 'exa\u3000mple.org'])(
    'refuses %s, which a URL parser would bend into some host',
    (input) => {
      expect(toDomainForms(input)).toBeUndefined();
    },
  );
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
