// Apple's configuration profile with one com.apple.mail.managed payload (macOS and iOS Mail). Keys
// follow apple/device-management's com.apple.mail.managed.yaml and TopLevel.yaml.

import * as plist from 'plist';
import { MailSetupError } from '../errors.js';
import { t } from '../messages/index.js';
import type { Lang, Notice, ServerSettings } from '../model.js';
import type { Account } from './account.js';
import { type ExportEnvironment, profileIdentifier } from './environment.js';
import { exportWarning, limitationWarnings } from './warnings.js';

export interface Mobileconfig {
  content: string;
  warnings: Notice[];
}

const ACCOUNT_TYPES = { imap: 'EmailTypeIMAP', pop3: 'EmailTypePOP' } as const;

type PlistDict = { [key: string]: plist.PlistValue };

/**
 * Throws `oauth-not-in-profile` for an account whose servers take only OAuth2: com.apple.mail.managed
 * has no OAuth2 setting, and a profile with a password sign-in would fail on the first login. The
 * person adds such an account in System Settings › Internet Accounts (the Apple Mail guide says how).
 */
export function mobileconfig(account: Account, lang: Lang, env: ExportEnvironment): Mobileconfig {
  const oauthOnly = [account.incoming, account.outgoing].filter((server) => server.auth === 'oauth2');
  if (oauthOnly.length > 0) {
    throw new MailSetupError(
      'oauth-not-in-profile',
      `${oauthOnly.map((server) => server.host).join(', ')} take only OAuth2 sign-in, which Apple's mail profile cannot set up`,
    );
  }
  const identifier = profileIdentifier(account.address);
  const { incoming, outgoing } = account;
  const mail: PlistDict = {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: `${identifier}.mail`,
    PayloadUUID: env.newId(),
    PayloadDisplayName: account.description,
    EmailAccountType: ACCOUNT_TYPES[incoming.protocol as 'imap' | 'pop3'],
    EmailAccountDescription: account.description,
    ...(account.displayName ? { EmailAccountName: account.displayName } : {}),
    EmailAddress: account.address.address,
    ...serverKeys('Incoming', incoming),
    ...serverKeys('Outgoing', outgoing),
    OutgoingPasswordSameAsIncomingPassword: outgoing.username === incoming.username,
    ...(account.password ? { IncomingPassword: account.password, OutgoingPassword: account.password } : {}),
  };
  const profile: PlistDict = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: env.newId(),
    PayloadDisplayName: t(lang, 'export.mobileconfig.display-name', { address: account.address.address }),
    PayloadDescription: t(lang, 'export.mobileconfig.description', { address: account.address.address }),
    PayloadOrganization: account.provider?.name || account.address.domainUnicode,
    // Mail accounts belong to the user on macOS (device-management: userchannel only); iOS ignores it.
    PayloadScope: 'User',
    PayloadContent: [mail],
  };
  const warnings = [
    ...(account.password ? [exportWarning('contains-password', lang)] : []),
    ...limitationWarnings(account, lang),
  ];
  return { content: plist.build(profile), warnings };
}

/** No STARTTLS key exists: UseSSL with port 143/587 is how Mail is told to use STARTTLS. */
function serverKeys(direction: 'Incoming' | 'Outgoing', server: ServerSettings): PlistDict {
  return {
    [`${direction}MailServerHostName`]: server.host,
    [`${direction}MailServerPortNumber`]: server.port,
    [`${direction}MailServerUseSSL`]: true,
    [`${direction}MailServerUsername`]: server.username,
    [`${direction}MailServerAuthentication`]: 'EmailAuthPassword',
  };
}
