// What an exported file cannot carry or what makes it sensitive: coded, worded by the catalogue.

import { t } from '../messages/index.js';
import type { Lang, Notice } from '../model.js';
import type { Account } from './account.js';

export function exportWarning(code: string, lang: Lang): Notice {
  return { code, message: t(lang, `export.warning.${code}`) };
}

/** Apple profiles and autodiscover have no POP3 leave-on-server and no OAuth2 setting. */
export function limitationWarnings(account: Account, lang: Lang): Notice[] {
  const codes: string[] = [];
  if (account.incoming.protocol === 'pop3' && account.leaveMessagesOnServer) {
    codes.push('leave-on-server-not-in-file');
  }
  if (account.incoming.auth === 'oauth2' || account.outgoing.auth === 'oauth2')
    codes.push('oauth2-not-in-file');
  return codes.map((code) => exportWarning(code, lang));
}
