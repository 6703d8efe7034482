import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import type { InvalidAddressReason } from '../../../core/address/reasons.js';
import { MailSetupError } from '../../../core/errors.js';

function reasonFor(input: string): string | undefined {
  try {
    parseAddress(input);
  } catch (error) {
    expect(error).toBeInstanceOf(MailSetupError);
    expect((error as MailSetupError).code).toBe('invalid-address');
    return (error as MailSetupError).detail;
  }
  return undefined;
}

const label = (char: string, length: number): string => char.repeat(length);

describe('parseAddress: accepted addresses', () => {
  it('splits a plain address', () => {
    expect(parseAddress('anna@example.com')).toEqual({
      address: 'anna@example.com',
      localPart: 'anna',
      domain: 'example.com',
      domainUnicode: 'example.com',
      asciiAddress: 'anna@example.com',
    });
  });

  it('converts an IDN domain to xn-- for look-ups and keeps Unicode for display', () => {
    expect(parseAddress('jörg@müller.example')).toEqual({
      address: 'jörg@müller.example',
      localPart: 'jörg',
      domain: 'xn--mller-kva.example',
      domainUnicode: 'müller.example',
      asciiAddress: 'jörg@xn--mller-kva.example',
    });
  });

  it('shows a domain typed in xn-- form in Unicode', () => {
    const parsed = parseAddress('a@XN--MLLER-KVA.example');
    expect(parsed.domain).toBe('xn--mller-kva.example');
    expect(parsed.address).toBe('a@müller.example');
  });

  it('lower-cases the domain but keeps the local part as typed', () => {
    const parsed = parseAddress('John.Doe@EXAMPLE.COM');
    expect(parsed.localPart).toBe('John.Doe');
    expect(parsed.domain).toBe('example.com');
    expect(parsed.address).toBe('John.Doe@example.com');
    expect(parseAddress('Jörg@MÜLLER.Example').address).toBe('Jörg@müller.example');
  });

  it.each([
    [' anna@example.com ', 'anna@example.com'],
    ['\tanna@example.com\n', 'anna@example.com'],
    ['\r\n  anna@example.com\r\n', 'anna@example.com'],
    ['\u00a0anna@example.com\u3000', 'anna@example.com'],
    ['\u2003anna@example.com\u202f', 'anna@example.com'],
  ])('trims surrounding white space: %j', (input, address) => {
    expect(parseAddress(input).address).toBe(address);
  });

  it('drops the root dot of a fully qualified domain', () => {
    expect(parseAddress('a@example.com.').domain).toBe('example.com');
    expect(parseAddress('a@example.com.').address).toBe('a@example.com');
  });

  it.each([
    'a.b.c@x.de',
    "!#$%&'*+/=?^_`{|}~-@x.de",
    'user+tag@x.de',
    "o'brien@x.de",
    '1234@x.de',
    'a@a-b.de',
    'a@ab--cd.de',
    'a@1example.de',
    'a@sub.domain.example.co.uk',
  ])('accepts the dot-atom address %j', (input) => {
    expect(parseAddress(input).address).toBe(input);
  });

  it.each([
    '"john doe"@example.com',
    '"a@b"@example.com',
    '"a@b@c"@example.com',
    '"a\\"b"@example.com',
    '"a\\\\b"@example.com',
    '"john\\ doe"@example.com',
    '".a..b."@example.com',
    '"jörg müller"@example.com',
    '"(comment) <angle> [bracket]; colon:"@example.com',
  ])('accepts the quoted local part %j and keeps it as typed', (input) => {
    const parsed = parseAddress(input);
    expect(parsed.address).toBe(input);
    expect(parsed.localPart).toBe(input.slice(0, input.lastIndexOf('@')));
  });

  it('accepts UTF-8 local parts (RFC 6531), emoji included', () => {
    expect(parseAddress('jörg@example.com').localPart).toBe('jörg');
    expect(parseAddress('用户@例子.广告').domain).toBe(domainToASCII('例子.广告'));
    expect(parseAddress('😀@example.com').localPart).toBe('😀');
    expect(parseAddress('❤️@example.com').localPart).toBe('❤️');
    // A combining mark is kept as typed, not normalized: the server decides what it matches.
    expect(parseAddress('jo\u0308rg@example.com').localPart).toBe('jo\u0308rg');
  });

  it('leaves emoji domains to IDNA: what domainToASCII accepts is accepted', () => {
    const parsed = parseAddress('a@😀.de');
    expect(parsed.domain).toBe('xn--e28h.de');
    expect(parsed.domainUnicode).toBe('😀.de');
  });

  it('accepts mixed scripts, and the look-up goes to the domain really typed', () => {
    // Cyrillic "а" (U+0430) in Latin text: a different domain from paypal.com.
    const parsed = parseAddress('p\u0430ypal@p\u0430ypal.com');
    expect(parsed.localPart).toBe('p\u0430ypal');
    expect(parsed.domain).toBe('xn--pypal-4ve.com');
    expect(parsed.domain).not.toBe('paypal.com');
    expect(parseAddress('info@αβγ-abc.example').domain).toMatch(/^xn--/);
  });

  it('maps full-width characters and the ideographic full stop in the domain, as IDNA does', () => {
    expect(parseAddress('a@ｅｘａｍｐｌｅ.de').domain).toBe('example.de');
    expect(parseAddress('a@example。de').domain).toBe('example.de');
  });

  it('accepts a 64-octet local part and refuses 65', () => {
    expect(parseAddress(`${label('a', 64)}@x.de`).localPart).toHaveLength(64);
    expect(reasonFor(`${label('a', 65)}@x.de`)).toBe('local-part-too-long');
    // Octets, not characters: "ö" is two octets in UTF-8.
    expect(parseAddress(`${label('ö', 32)}@x.de`).localPart).toHaveLength(32);
    expect(reasonFor(`${label('ö', 32)}a@x.de`)).toBe('local-part-too-long');
  });

  it('accepts 254 octets in total and refuses 255', () => {
    const domain = (last: number) => [label('a', 63), label('b', 63), label('c', last), 'de'].join('.');
    const ok = `${label('x', 64)}@${domain(58)}`;
    expect(ok).toHaveLength(254);
    expect(parseAddress(ok).asciiAddress).toBe(ok);
    expect(reasonFor(`${label('x', 64)}@${domain(59)}`)).toBe('too-long');
  });

  it('counts the ASCII (xn--) form of the domain for the total', () => {
    // "a…aü" is 57 octets in UTF-8 but a full 63-character label as xn--.
    const unicodeDomain = [1, 2, 3]
      .map(() => `${label('a', 55)}ü`)
      .join('.')
      .concat('.de');
    const input = `${label('x', 64)}@${unicodeDomain}`;
    expect(Buffer.byteLength(input)).toBeLessThanOrEqual(254);
    expect(65 + domainToASCII(unicodeDomain).length).toBeGreaterThan(254);
    expect(reasonFor(input)).toBe('too-long');
  });

  it('accepts 63-character labels and refuses 64', () => {
    expect(parseAddress(`a@${label('a', 63)}.de`).domain).toBe(`${label('a', 63)}.de`);
    expect(reasonFor(`a@${label('a', 64)}.de`)).toBe('invalid-domain');
    expect(reasonFor(`a@example.${label('a', 64)}`)).toBe('invalid-domain');
  });
});

describe('parseAddress: refused addresses', () => {
  const cases: [string, InvalidAddressReason][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t\n\r ', 'empty'],
    ['\u00a0\u3000', 'empty'],
    [label('a', 10_000), 'too-long'],
    [`${label('a', 9_990)}@x.de`, 'too-long'],
    [`a@${label('a', 250)}.de`, 'invalid-domain'],
    [`a@${Array.from({ length: 5 }, () => label('a', 60)).join('.')}.de`, 'too-long'],
    ['a\u0000b@x.de', 'control-characters'],
    ['a@x.de\u0000', 'control-characters'],
    ['a\u0007@x.de', 'control-characters'],
    ['a\u007f@x.de', 'control-characters'],
    ['a@x.de\u0085', 'control-characters'],
    ['a\u0085b@x.de', 'control-characters'],
    ['\u202eed.x@a', 'control-characters'],
    ['a@x\u202e.de', 'control-characters'],
    ['a\u200bb@x.de', 'control-characters'],
    ['a@ex\u200bample.de', 'control-characters'],
    ['\ufeffa@x.de', 'control-characters'],
    ['a@x.de\ufeff', 'control-characters'],
    ['a\u00adb@x.de', 'control-characters'],
    ['a\u2066b\u2069@x.de', 'control-characters'],
    ['a\ud800@x.de', 'control-characters'],
    ['a\tb@x.de', 'control-characters'],
    ['a@x\n.de', 'control-characters'],
    ['"john\tdoe"@x.de', 'control-characters'],
    ['annaexample.com', 'missing-at'],
    ['anna', 'missing-at'],
    ['"anna"', 'missing-at'],
    ['anna＠example.com', 'missing-at'],
    ['a@b@c.de', 'two-at'],
    ['a@@x.de', 'two-at'],
    ['@@x.de', 'two-at'],
    ['"a"@b@x.de', 'two-at'],
    ['"a@b"@c@x.de', 'two-at'],
    ['@x.de', 'missing-local-part'],
    ['@', 'missing-local-part'],
    ['""@x.de', 'missing-local-part'],
    ['.a@x.de', 'invalid-local-part'],
    ['a.@x.de', 'invalid-local-part'],
    ['a..b@x.de', 'invalid-local-part'],
    ['.@x.de', 'invalid-local-part'],
    ['a b@x.de', 'invalid-local-part'],
    ['a @x.de', 'invalid-local-part'],
    ['a\u00a0b@x.de', 'invalid-local-part'],
    ['a\u3000b@x.de', 'invalid-local-part'],
    ['a(b)@x.de', 'invalid-local-part'],
    ['a,b@x.de', 'invalid-local-part'],
    ['a;b@x.de', 'invalid-local-part'],
    ['a:b@x.de', 'invalid-local-part'],
    ['<a>@x.de', 'invalid-local-part'],
    ['a[b]@x.de', 'invalid-local-part'],
    ['a\\b@x.de', 'invalid-local-part'],
    ['a"b"@x.de', 'invalid-local-part'],
    ['"a"b@x.de', 'invalid-local-part'],
    ['"a"b"@x.de', 'invalid-local-part'],
    ['"john doe@example.com', 'invalid-local-part'],
    ['"abc\\', 'invalid-local-part'],
    ['"a\u00a0b"@x.de', 'invalid-local-part'],
    ['"a\\ü"@x.de', 'invalid-local-part'],
    ['a@', 'missing-domain'],
    ['  a@  ', 'missing-domain'],
    ['a@.', 'invalid-domain'],
    ['a@localhost', 'invalid-domain'],
    ['a@de', 'invalid-domain'],
    ['a@.x.de', 'invalid-domain'],
    ['a@x..de', 'invalid-domain'],
    ['a@x.de..', 'invalid-domain'],
    ['a@-x.de', 'invalid-domain'],
    ['a@x-.de', 'invalid-domain'],
    ['a@x.-de', 'invalid-domain'],
    ['a@x_y.de', 'invalid-domain'],
    ['a@x .de', 'invalid-domain'],
    ['a@x.de b', 'invalid-domain'],
    ['a@x.de:993', 'invalid-domain'],
    ['a@x/y.de', 'invalid-domain'],
    ['a@%41.de', 'invalid-domain'],
    ['a@x.de?', 'invalid-domain'],
    ['a@x.de#', 'invalid-domain'],
    ['a@x\u00a0y.de', 'invalid-domain'],
    ['a@xn--a.de', 'invalid-domain'],
    ['a@x.123', 'invalid-domain'],
    ['a@example.0x10', 'invalid-domain'],
    ['a@[1.2.3', 'invalid-domain'],
    ['a@x.ｄｅ／', 'invalid-domain'],
    ['a@[192.0.2.1]', 'ip-literal'],
    ['a@[IPv6:2001:db8::1]', 'ip-literal'],
    ['a@192.0.2.1', 'ip-literal'],
    ['a@１９２.０.２.１', 'ip-literal'],
    ['a@0x7f.1', 'ip-literal'],
  ];

  it.each(cases)('refuses %j as %s', (input, reason) => {
    expect(reasonFor(input)).toBe(reason);
  });

  it('throws a MailSetupError with the reason as detail and no phase', () => {
    expect(() => parseAddress('a@b@c.de')).toThrow(MailSetupError);
    expect(() => parseAddress('a@b@c.de')).toThrow(
      expect.objectContaining({ code: 'invalid-address', detail: 'two-at', phase: undefined }),
    );
  });

  it('refuses emoji joined by zero-width joiners, as any zero-width character', () => {
    expect(reasonFor('👨\u200d👩\u200d👧@example.com')).toBe('control-characters');
  });
});
