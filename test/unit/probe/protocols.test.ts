import { describe, expect, it } from 'vitest';
import { sanitize } from '../../../core/probe/connection.js';
import { PROTOCOLS } from '../../../core/probe/probe.js';
import { ehloName } from '../../../core/probe/smtp.js';

describe('protocol rules', () => {
  it('finds STARTTLS / STLS in each protocol’s capabilities', () => {
    expect(PROTOCOLS.imap.offersStartTls(['IMAP4rev1', 'starttls'])).toBe(true);
    expect(PROTOCOLS.imap.offersStartTls(['IMAP4rev1', 'STARTTLSX'])).toBe(false);
    expect(PROTOCOLS.pop3.offersStartTls(['USER', 'STLS'])).toBe(true);
    expect(PROTOCOLS.pop3.offersStartTls(['USER'])).toBe(false);
    expect(PROTOCOLS.smtp.offersStartTls(['PIPELINING', 'STARTTLS'])).toBe(true);
    expect(PROTOCOLS.smtp.offersStartTls(['PIPELINING'])).toBe(false);
  });

  it('confirms a usable service: IMAP4rev1/rev2, SMTP with AUTH', () => {
    expect(PROTOCOLS.imap.confirms(['IMAP4rev2'])).toBe(true);
    expect(PROTOCOLS.imap.confirms(['imap4rev1', 'AUTH=PLAIN'])).toBe(true);
    expect(PROTOCOLS.imap.confirms(['AUTH=PLAIN'])).toBe(false);
    expect(PROTOCOLS.smtp.confirms(['AUTH PLAIN LOGIN'])).toBe(true);
    expect(PROTOCOLS.smtp.confirms(['AUTH=LOGIN'])).toBe(true);
    expect(PROTOCOLS.smtp.confirms(['PIPELINING', 'AUTHX'])).toBe(false);
    expect(PROTOCOLS.pop3.confirms([])).toBe(true);
  });
});

describe('ehloName', () => {
  it('is an address literal of our own address', () => {
    expect(ehloName('192.0.2.7')).toBe('[192.0.2.7]');
    expect(ehloName('::ffff:192.0.2.7')).toBe('[192.0.2.7]');
    expect(ehloName('2001:db8::1')).toBe('[IPv6:2001:db8::1]');
    expect(ehloName('fe80::1%eth0')).toBe('[IPv6:fe80::1]');
    expect(ehloName(undefined)).toBe('[127.0.0.1]');
  });
});

describe('sanitize', () => {
  it('replaces control characters and bidi overrides, and cuts long text', () => {
    expect(sanitize('a\u0000b\u001b[2Jc\u202ed\u0085')).toBe('a\uFFFDb\uFFFD[2Jc\uFFFDd\uFFFD');
    expect(sanitize('x'.repeat(300))).toBe(`${'x'.repeat(200)}…`);
    expect(sanitize('grüße')).toBe('grüße');
  });
});
