// What an administrator's policy allows (core/policy/rules.ts): domains, protocols, formats, presets.

import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { MailSetupError } from '../../../core/errors.js';
import {
  assertDomainAllowed,
  assertFormatAllowed,
  assertProtocolAllowed,
  isDomainAllowed,
  isFormatAllowed,
  isProtocolAllowed,
  presetFor,
} from '../../../core/policy/rules.js';
import type { Policy } from '../../../core/policy/types.js';

const PRESET = {
  domains: ['firma.example'],
  incoming: [{ protocol: 'imap' as const, host: 'imap.firma.example', port: 993, security: 'tls' as const }],
  outgoing: [{ protocol: 'smtp' as const, host: 'smtp.firma.example', port: 465, security: 'tls' as const }],
};

const STRICT: Policy = {
  presets: [PRESET],
  allowedDomains: ['firma.example', 'xn--mller-kva.example'],
  protocols: ['imap'],
  exportFormats: ['thunderbird', 'guide-outlook'],
};

function refusal(run: () => void): MailSetupError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MailSetupError);
    return error as MailSetupError;
  }
  throw new Error('allowed');
}

describe('domains', () => {
  it('allows every domain without allowedDomains, else the listed ones and their subdomains', () => {
    expect(isDomainAllowed(undefined, 'anything.example')).toBe(true);
    expect(isDomainAllowed({ presets: [] }, 'anything.example')).toBe(true);
    expect(isDomainAllowed(STRICT, 'firma.example')).toBe(true);
    expect(isDomainAllowed(STRICT, 'vertrieb.firma.example')).toBe(true);
    expect(isDomainAllowed(STRICT, 'notfirma.example')).toBe(false);
    expect(isDomainAllowed(STRICT, 'firma.example.evil')).toBe(false);
  });

  it('refuses an address outside them, naming its domain as typed', () => {
    expect(() => assertDomainAllowed(STRICT, parseAddress('jörg@müller.example'))).not.toThrow();
    const error = refusal(() => assertDomainAllowed(STRICT, parseAddress('max@gmx.de')));
    expect(error).toMatchObject({ code: 'policy-domain-not-allowed', detail: 'gmx.de' });
  });
});

describe('protocols', () => {
  it('always allows sending; receiving as listed', () => {
    expect(isProtocolAllowed(STRICT, 'smtp')).toBe(true);
    expect(isProtocolAllowed(STRICT, 'imap')).toBe(true);
    expect(isProtocolAllowed(STRICT, 'pop3')).toBe(false);
    expect(isProtocolAllowed(undefined, 'pop3')).toBe(true);
    expect(refusal(() => assertProtocolAllowed(STRICT, 'pop3'))).toMatchObject({
      code: 'policy-protocol-not-allowed',
      detail: 'pop3',
    });
  });
});

describe('export formats', () => {
  it('allows the listed formats, or all without a list', () => {
    expect(isFormatAllowed(STRICT, 'thunderbird')).toBe(true);
    expect(isFormatAllowed(STRICT, 'mobileconfig')).toBe(false);
    expect(isFormatAllowed(undefined, 'mobileconfig')).toBe(true);
    expect(refusal(() => assertFormatAllowed(STRICT, 'mobileconfig'))).toMatchObject({
      code: 'policy-format-not-allowed',
      detail: 'mobileconfig',
    });
  });
});

describe('presetFor', () => {
  it('finds the preset by exact domain, in any case, and nothing for a subdomain', () => {
    expect(presetFor(STRICT, 'Firma.Example')).toBe(PRESET);
    expect(presetFor(STRICT, 'vertrieb.firma.example')).toBeUndefined();
  });
});
