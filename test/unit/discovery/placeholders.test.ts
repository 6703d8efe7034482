// Thunderbird's placeholders (core/discovery/placeholders.ts): the person's own spelling in user names,
// the ASCII domain in host names.

import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { fillHostPlaceholders, fillPlaceholders } from '../../../core/discovery/placeholders.js';

const address = parseAddress('jörg@müller.example');

describe('fillPlaceholders', () => {
  it('fills every placeholder, every time it occurs, with the Unicode address', () => {
    expect(fillPlaceholders('%EMAILADDRESS%|%EMAILLOCALPART%|%EMAILDOMAIN%|%EMAILLOCALPART%', address)).toBe(
      'jörg@müller.example|jörg|müller.example|jörg',
    );
    expect(fillPlaceholders('%REALNAME% <%EMAILADDRESS%>', address, 'Jörg Müller')).toBe(
      'Jörg Müller <jörg@müller.example>',
    );
    expect(fillPlaceholders('%REALNAME%', address)).toBe('');
  });
});

describe('fillHostPlaceholders', () => {
  it('puts the ASCII domain into host names, for DNS', () => {
    expect(fillHostPlaceholders('imap.%EMAILDOMAIN%', address)).toBe('imap.xn--mller-kva.example');
    expect(fillHostPlaceholders('%EMAILADDRESS%', address)).toBe('%EMAILADDRESS%');
  });
});
