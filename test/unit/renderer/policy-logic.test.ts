// The policy's meaning for the wizard's choices (renderer/logic/policy.ts): protocols, programs and
// downloads, the logo the header may show, and the helpdesk's contacts as safe links.

import { describe, expect, it } from 'vitest';
import {
  allowedProtocols,
  logoSource,
  offeredPrograms,
  supportContacts,
} from '../../../renderer/logic/policy.js';

const presets: never[] = [];

describe('policy logic', () => {
  it('offers the protocols the policy allows, both without one', () => {
    expect(allowedProtocols(undefined)).toEqual(['imap', 'pop3']);
    expect(allowedProtocols({ presets })).toEqual(['imap', 'pop3']);
    expect(allowedProtocols({ presets, protocols: ['imap'] })).toEqual(['imap']);
    expect(allowedProtocols({ presets, protocols: ['pop3', 'imap'] })).toEqual(['imap', 'pop3']);
  });

  it('offers a program only with a download the policy allows', () => {
    expect(offeredPrograms(undefined)).toEqual([
      { program: 'outlook', guide: 'guide-outlook' },
      { program: 'thunderbird', file: 'thunderbird', guide: 'guide-thunderbird' },
      { program: 'applemail', file: 'mobileconfig', guide: 'guide-applemail' },
    ]);
    expect(offeredPrograms({ presets, exportFormats: ['thunderbird', 'autodiscover'] })).toEqual([
      { program: 'thunderbird', file: 'thunderbird' },
    ]);
    expect(offeredPrograms({ presets, exportFormats: [] })).toEqual([]);
  });

  it('shows only an image data: URL as the logo', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(logoSource({ name: 'Corp', logo: png })).toBe(png);
    expect(logoSource({ name: 'Corp', logo: 'data:image/svg+xml;base64,PHN2Zz4=' })).toBeDefined();
    for (const logo of [
      'https://corp.example/logo.png',
      'data:text/html;base64,PGI+',
      'javascript:alert(1)',
    ]) {
      expect(logoSource({ name: 'Corp', logo }), logo).toBeUndefined();
    }
    expect(logoSource({ name: 'Corp' })).toBeUndefined();
  });

  it('makes tel:, mailto: and https links of the contacts, and nothing of anything else', () => {
    expect(
      supportContacts({
        name: 'Corp IT',
        supportPhone: '+49 (30) 1234-5678',
        supportMail: 'it@corp.example',
        supportUrl: 'https://it.corp.example/',
      }),
    ).toEqual({
      name: 'Corp IT',
      phone: { text: '+49 (30) 1234-5678', href: 'tel:+493012345678' },
      mail: { text: 'it@corp.example', href: 'mailto:it@corp.example' },
      url: { text: 'https://it.corp.example/', href: 'https://it.corp.example/' },
    });
    expect(
      supportContacts({
        name: 'Corp IT',
        supportMail: 'x@y.example?cc=z@evil.example',
        supportUrl: 'http://it',
      }),
    ).toBeUndefined();
    expect(supportContacts({ name: 'Corp IT' })).toBeUndefined();
    expect(supportContacts(undefined)).toBeUndefined();
  });
});
