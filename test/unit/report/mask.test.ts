import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { addressMasker, mapStrings, maskDomain } from '../../../core/report/mask.js';

describe('maskDomain', () => {
  it.each([
    ['mueller.example', 'm***.example'],
    ['mail.corp.co.uk', 'm***.co.uk'],
    ['xn--mller-kva.example', 'm***.example'],
    ['corp.test', 'c***.test'],
  ])('%s -> %s', async (domain, masked) => {
    expect(await maskDomain(domain)).toBe(masked);
  });
});

describe('addressMasker', () => {
  it('hides the address and its domain in every spelling, and nothing else', async () => {
    const address = parseAddress('Jane.Doe@Müller.example');
    const mask = await addressMasker(address);
    const base64 = Buffer.from(address.asciiAddress).toString('base64');
    expect(mask('Jane.Doe@müller.example')).toBe('J***@m***.example');
    expect(mask('C: a1 LOGIN "Jane.Doe@xn--mller-kva.example" ****')).toBe(
      'C: a1 LOGIN "J***@m***.example" ****',
    );
    expect(
      mask(
        'https://autoconfig.xn--mller-kva.example/mail/config-v1.1.xml?emailaddress=Jane.Doe%40xn--mller-kva.example',
      ),
    ).toBe('https://autoconfig.m***.example/mail/config-v1.1.xml?emailaddress=J***%40m***.example');
    expect(mask('imap.müller.example:993')).toBe('imap.m***.example:993');
    expect(mask('Jane.Doe')).toBe('J***');
    expect(mask(`C: ${base64}`)).toBe('C: ****');
    // Other organisations' servers, and names that only end like the domain, stay readable.
    expect(mask('outlook.office365.com')).toBe('outlook.office365.com');
    expect(mask('notmüller.example')).toBe('notmüller.example');
  });

  it('does not mask what it already masked again (a one-letter local part)', async () => {
    const mask = await addressMasker(parseAddress('j@corp.example'));
    expect(mask('j@corp.example')).toBe('j***@c***.example');
  });
});

describe('mapStrings', () => {
  it('maps every string of plain data, keys left alone', () => {
    expect(mapStrings({ a: ['x', 1, { x: 'x' }], x: null }, (text) => text.toUpperCase())).toEqual({
      a: ['X', 1, { x: 'X' }],
      x: null,
    });
  });
});
