// The encodings a password travels in and the forms cut out of everything shown (core/probe/sasl.ts).

import { describe, expect, it } from 'vitest';
import { base64, hiddenForms, imapQuoted, plainResponse, scrub } from '../../../core/probe/sasl.js';

describe('plainResponse', () => {
  it('is RFC 4616: empty authzid, user, password, NUL-separated, base64 of UTF-8', () => {
    expect(plainResponse('jörg@müller.example', 'geheim')).toBe(
      Buffer.from('\0jörg@müller.example\0geheim', 'utf8').toString('base64'),
    );
    expect(Buffer.from(plainResponse('u', 'p'), 'base64')).toEqual(Buffer.from([0, 0x75, 0, 0x70]));
  });
});

describe('imapQuoted', () => {
  it('quotes 7-bit text, escaping backslash and double quote', () => {
    expect(imapQuoted('pa"ss\\word')).toBe('"pa\\"ss\\\\word"');
  });

  it('leaves 8-bit text, CR, LF and NUL to a literal', () => {
    expect(imapQuoted('grüße')).toBeUndefined();
    expect(imapQuoted('a\r\nb')).toBeUndefined();
    expect(imapQuoted('a\0b')).toBeUndefined();
  });
});

describe('hiddenForms and scrub', () => {
  it('cut every form of the password out of what a server echoes', () => {
    const forms = hiddenForms('max@example.org', 'Secr"et-42');
    const echo = `BAD "Secr\\"et-42" ${base64('Secr"et-42')} ${plainResponse('max@example.org', 'Secr"et-42')} Secr"et-42`;
    const clean = scrub(echo, forms);
    expect(clean).toBe('BAD **** **** **** ****');
  });

  it('hides nothing so short that hiding it would give the password away', () => {
    // "abc": the password and its quoted form are too short to hide; its base64 and PLAIN forms are not.
    expect(hiddenForms('u', 'abc')).toEqual(
      [base64('abc'), plainResponse('u', 'abc')].filter((f) => f.length >= 6),
    );
    expect(scrub('OK abc', hiddenForms('u', 'abc'))).toBe('OK abc');
  });
});
