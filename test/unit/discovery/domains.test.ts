// Registrable domains and "within" (core/discovery/domains.ts): what trust and warnings are judged by.

import { describe, expect, it } from 'vitest';
import { isWithin, registrableDomain } from '../../../core/discovery/domains.js';

describe('registrableDomain', () => {
  it('cuts a host to the domain one can register, by the public suffix list', async () => {
    expect(await registrableDomain('imap.mail.example.co.uk')).toBe('example.co.uk');
    expect(await registrableDomain('MX00.IONOS.DE.')).toBe('ionos.de');
    // Private suffixes do not count: a host under a hosting platform belongs to the platform's owner.
    expect(await registrableDomain('someone.github.io')).toBe('github.io');
  });

  it('treats an unknown top-level label as a suffix, and returns a name without a domain as it is', async () => {
    expect(await registrableDomain('mail.firma.internal')).toBe('firma.internal');
    expect(await registrableDomain('localhost')).toBe('localhost');
    expect(await registrableDomain('192.0.2.1')).toBe('192.0.2.1');
  });
});

describe('isWithin', () => {
  it('holds for the domain itself and names below it, on a label boundary', () => {
    expect(isWithin('firma.example', 'firma.example')).toBe(true);
    expect(isWithin('Imap.Firma.Example.', 'firma.example')).toBe(true);
    expect(isWithin('notfirma.example', 'firma.example')).toBe(false);
    expect(isWithin('firma.example', 'imap.firma.example')).toBe(false);
  });
});
