import * as plist from 'plist';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../core/address/parse.js';
import { profileIdentifier } from '../../../core/export/environment.js';
import { type ExportAccount, exportAccount } from '../../../core/export/index.js';
import { t } from '../../../core/messages/index.js';
import { fixedDeps, HOSTILE, HOSTILE_NAME, JOERG, POP_ACCOUNT } from './accounts.js';

type Dict = Record<string, unknown>;

async function profile(account: ExportAccount, lang: 'de' | 'en' = 'en', deps = fixedDeps()) {
  const result = await exportAccount({ account, format: 'mobileconfig', lang }, deps);
  expect(result.mediaType).toBe('application/x-apple-aspen-config');
  const parsed = plist.parse(result.content as string) as Dict;
  const payloads = parsed.PayloadContent as Dict[];
  expect(payloads).toHaveLength(1);
  return { result, top: parsed, mail: payloads[0]! };
}

const IDENTIFIER = profileIdentifier(parseAddress(JOERG.address));

describe('Apple .mobileconfig', () => {
  it('holds one com.apple.mail.managed payload with every key Mail needs', async () => {
    const { result, top, mail } = await profile(JOERG);
    expect(result.filename).toBe('xn--mller-kva.example.mobileconfig');
    expect(result.warnings).toEqual([]);
    expect(top).toEqual({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadIdentifier: IDENTIFIER,
      PayloadUUID: '00000000-0000-4000-8000-000000000002',
      PayloadDisplayName: 'Mail account jörg@müller.example',
      PayloadDescription: 'Sets up the mail account jörg@müller.example in Apple Mail.',
      PayloadOrganization: 'Müller Mail',
      PayloadScope: 'User',
      PayloadContent: [mail],
    });
    expect(mail).toEqual({
      PayloadType: 'com.apple.mail.managed',
      PayloadVersion: 1,
      PayloadIdentifier: `${IDENTIFIER}.mail`,
      PayloadUUID: '00000000-0000-4000-8000-000000000001',
      PayloadDisplayName: 'Müller Mail',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAccountDescription: 'Müller Mail',
      EmailAccountName: 'Jörg Müller',
      EmailAddress: 'jörg@müller.example',
      IncomingMailServerHostName: 'imap.xn--mller-kva.example',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerUsername: 'jörg@müller.example',
      IncomingMailServerAuthentication: 'EmailAuthPassword',
      // STARTTLS on 587: Apple has no key for it; UseSSL with the port is how Mail is told.
      OutgoingMailServerHostName: 'smtp.xn--mller-kva.example',
      OutgoingMailServerPortNumber: 587,
      OutgoingMailServerUseSSL: true,
      OutgoingMailServerUsername: 'jörg@müller.example',
      OutgoingMailServerAuthentication: 'EmailAuthPassword',
      OutgoingPasswordSameAsIncomingPassword: true,
    });
  });

  it('keeps the identifier per address (re-installing replaces) and takes fresh UUIDs from the id source', async () => {
    const first = await profile(JOERG, 'en', fixedDeps('11111111'));
    const second = await profile({ ...JOERG, address: 'Jörg@MÜLLER.example' }, 'de', fixedDeps('22222222'));
    expect(second.top.PayloadIdentifier).toBe(first.top.PayloadIdentifier);
    expect(second.mail.PayloadIdentifier).toBe(first.mail.PayloadIdentifier);
    expect(second.top.PayloadUUID).not.toBe(first.top.PayloadUUID);
    expect(first.top.PayloadUUID).not.toBe(first.mail.PayloadUUID);
    expect(IDENTIFIER).toMatch(/^de\.mailsetup\.profile\.[0-9a-f]{32}$/);
    const other = await profile(POP_ACCOUNT);
    expect(other.top.PayloadIdentifier).not.toBe(first.top.PayloadIdentifier);
  });

  it('uses random UUIDs by default', async () => {
    const result = await exportAccount({ account: JOERG, format: 'mobileconfig' });
    const top = plist.parse(result.content as string) as Dict;
    expect(top.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  });

  it('writes POP3, separate user names, and says what the file cannot carry', async () => {
    const { result, mail } = await profile(POP_ACCOUNT, 'de');
    expect(mail).toMatchObject({
      EmailAccountType: 'EmailTypePOP',
      EmailAccountDescription: 'Arbeit',
      IncomingMailServerHostName: 'pop.example.org',
      IncomingMailServerPortNumber: 110,
      IncomingMailServerUseSSL: true,
      IncomingMailServerUsername: 'anna.b',
      OutgoingMailServerPortNumber: 465,
      OutgoingMailServerUsername: 'anna.b',
      OutgoingPasswordSameAsIncomingPassword: true,
    });
    expect(result.warnings.map((warning) => warning.code)).toEqual(['leave-on-server-not-in-file']);
    expect(result.warnings[0]?.message).toMatch(/POP3-Server/);
  });

  it('has no password unless asked, and then warns that the file is a secret', async () => {
    const without = await profile(JOERG);
    expect(without.mail).not.toHaveProperty('IncomingPassword');
    expect(without.mail).not.toHaveProperty('OutgoingPassword');

    const withPassword = await profile({ ...JOERG, includePassword: 'Geheim <&> 123' });
    expect(withPassword.mail.IncomingPassword).toBe('Geheim <&> 123');
    expect(withPassword.mail.OutgoingPassword).toBe('Geheim <&> 123');
    expect(withPassword.result.warnings).toEqual([
      { code: 'contains-password', message: expect.stringMatching(/password/) },
    ]);
  });

  it('refuses an account whose servers take only OAuth2, pointing to Internet Accounts', async () => {
    for (const account of [
      { ...JOERG, incoming: { ...JOERG.incoming, auth: 'oauth2' as const } },
      { ...JOERG, outgoing: { ...JOERG.outgoing, auth: 'oauth2' as const } },
    ]) {
      await expect(profile(account)).rejects.toMatchObject({ code: 'oauth-not-in-profile' });
    }
    expect(t('en', 'error.oauth-not-in-profile.fix')).toMatch(/System Settings › Internet Accounts/);
    expect(t('de', 'error.oauth-not-in-profile.fix')).toMatch(/Systemeinstellungen › Internetaccounts/);
  });

  it('escapes every text, which reads back unchanged', async () => {
    const { result, top, mail } = await profile(HOSTILE);
    const xml = result.content as string;
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('</string><key>x</key>');
    expect(mail.EmailAccountName).toBe(HOSTILE_NAME);
    expect(mail.EmailAddress).toBe(HOSTILE.address);
    expect(mail.EmailAccountDescription).toBe(HOSTILE.description);
    expect(mail.OutgoingMailServerUsername).toBe(`user<&>"'`);
    expect(mail.OutgoingPasswordSameAsIncomingPassword).toBe(false);
    expect(top.PayloadOrganization).toBe(HOSTILE.provider?.name);
    // No raw address characters in the reverse-DNS identifier.
    expect(top.PayloadIdentifier).toMatch(/^de\.mailsetup\.profile\.[0-9a-f]{32}$/);
  });

  it('drops control characters that no plist may hold', async () => {
    const { mail } = await profile({ ...JOERG, displayName: 'Jörg\u0000 Mül\u0007ler\u{1F600}' });
    expect(mail.EmailAccountName).toBe('Jörg Müller\u{1F600}');
  });
});
