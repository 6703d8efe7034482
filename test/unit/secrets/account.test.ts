import { describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import {
  defaultLabel,
  entryKey,
  isOAuthLabel,
  labelProblem,
  MAX_LABEL_LENGTH,
  MAX_SECRET_LENGTH,
  oauthLabel,
  passwordProblem,
  SERVICE_NAME,
} from '../../../core/secrets/account.js';

describe('keychain entries', () => {
  it('names one entry per address and label, readable in the keychain’s own window', () => {
    expect(SERVICE_NAME).toBe('MailSetup Assistant');
    expect(entryKey(' Jörg@MÜLLER.example ', 'Outlook on the office PC')).toEqual({
      address: 'jörg@müller.example',
      label: 'Outlook on the office PC',
      account: 'jörg@müller.example · Outlook on the office PC',
    });
    // Case and spacing do not make a second entry.
    expect(entryKey('JÖRG@müller.example', '  Outlook   on the office PC ').account).toBe(
      entryKey('jörg@müller.example', 'Outlook on the office PC').account,
    );
    expect(entryKey('a@example.org', 'x').account).not.toBe(entryKey('a@example.org', 'y').account);
  });

  it('defaults the label to the program and this computer’s short name, in no particular language', () => {
    expect(defaultLabel('MailSetup', 'office-pc.corp.example')).toBe('MailSetup (office-pc)');
    expect(entryKey('a@example.org', undefined, 'laptop').label).toBe('MailSetup (laptop)');
    expect(defaultLabel()).toMatch(/^MailSetup \(.+\)$/);
  });

  it('refuses bad addresses as invalid-address and bad labels as a bug', () => {
    expect(() => entryKey('not an address', 'x')).toThrow(MailSetupError);
    expect(() => entryKey('a@example.org', '   ')).toThrow(/invalid keychain label \(empty\)/);
  });

  it('says what is wrong with a label', () => {
    expect(labelProblem('Outlook')).toBeUndefined();
    expect(labelProblem(' \t ')).toBe('control-characters');
    expect(labelProblem('   ')).toBe('empty');
    expect(labelProblem('two\nlines')).toBe('control-characters');
    expect(labelProblem('zero\u200bwidth')).toBe('control-characters');
    expect(labelProblem('x'.repeat(MAX_LABEL_LENGTH))).toBeUndefined();
    expect(labelProblem('x'.repeat(MAX_LABEL_LENGTH + 1))).toBe('too-long');
  });

  it('says what is wrong with a password', () => {
    expect(passwordProblem('')).toBe('empty');
    // The limit counts UTF-16 units (Windows stores them): 1,280 of any script, emoji taking two.
    expect(MAX_SECRET_LENGTH).toBe(1280);
    expect(passwordProblem('ü'.repeat(MAX_SECRET_LENGTH))).toBeUndefined();
    expect(passwordProblem(`${'ü'.repeat(MAX_SECRET_LENGTH)}x`)).toBe('too-long');
    expect(passwordProblem('🔑'.repeat(MAX_SECRET_LENGTH / 2))).toBeUndefined();
    expect(passwordProblem(`${'🔑'.repeat(MAX_SECRET_LENGTH / 2)}x`)).toBe('too-long');
    expect(passwordProblem('a\ud800b')).toBe('not-text');
    expect(passwordProblem('🔑')).toBeUndefined();
  });
});

describe('oauthLabel', () => {
  it('names a kept OAuth2 sign-in by its issuer host, and tells such labels apart', () => {
    expect(oauthLabel('https://login.example.test/tenant/v2.0')).toBe('OAuth2 (login.example.test)');
    expect(isOAuthLabel(oauthLabel('https://accounts.example.test'))).toBe(true);
    expect(isOAuthLabel('MailSetup (office-pc)')).toBe(false);
  });
});
