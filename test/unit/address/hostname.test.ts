import { describe, expect, it } from 'vitest';
import { isValidHostname } from '../../../core/address/hostname.js';

describe('isValidHostname', () => {
  it.each([
    'example.com',
    'imap.example.com',
    'IMAP.Example.COM',
    'a.de',
    'mail-1.example.org',
    '1mail.example.org',
    'xn--mller-kva.example',
    'imap.xn--e1afmkfd.xn--p1ai',
    `${'a'.repeat(63)}.de`,
    [...Array.from({ length: 3 }, () => 'a'.repeat(63)), 'a'.repeat(61)].join('.'),
  ])('accepts %j', (name) => {
    expect(isValidHostname(name)).toBe(true);
  });

  it.each([
    '',
    'localhost',
    'example.com.',
    '.example.com',
    'a..de',
    '-a.de',
    'a-.de',
    'a_b.de',
    'a b.de',
    'müller.example',
    'xn--a.de',
    '127.0.0.1',
    'example.123',
    'example.0x10',
    'a.de:993',
    '[192.0.2.1]',
    `${'a'.repeat(64)}.de`,
    [...Array.from({ length: 3 }, () => 'a'.repeat(63)), 'a'.repeat(62)].join('.'),
  ])('refuses %j', (name) => {
    expect(isValidHostname(name)).toBe(false);
  });
});
