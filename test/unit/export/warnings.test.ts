// What a set-up file cannot carry (core/export/warnings.ts), worded by the catalogue.

import { describe, expect, it } from 'vitest';
import { normalizeAccount } from '../../../core/export/account.js';
import { exportWarning, limitationWarnings } from '../../../core/export/warnings.js';
import { t } from '../../../core/messages/index.js';
import { JOERG, POP_ACCOUNT, server } from './accounts.js';

describe('limitationWarnings', () => {
  it('says nothing for an IMAP account with passwords', () => {
    expect(limitationWarnings(normalizeAccount(JOERG), 'en')).toEqual([]);
  });

  it('names POP3 leave-on-server and OAuth2, which the file formats cannot carry', () => {
    const pop = normalizeAccount({ ...POP_ACCOUNT, leaveMessagesOnServer: true });
    expect(limitationWarnings(pop, 'de').map((notice) => notice.code)).toEqual([
      'leave-on-server-not-in-file',
    ]);
    const oauth = normalizeAccount({
      ...JOERG,
      outgoing: server('smtp', 'smtp.xn--mller-kva.example', 465, 'tls', 'jörg@müller.example', 'oauth2'),
    });
    expect(limitationWarnings(oauth, 'en')).toEqual([
      { code: 'oauth2-not-in-file', message: t('en', 'export.warning.oauth2-not-in-file') },
    ]);
  });
});

describe('exportWarning', () => {
  it('words each code in the language asked for', () => {
    const de = exportWarning('contains-password', 'de');
    const en = exportWarning('contains-password', 'en');
    expect(de.code).toBe('contains-password');
    expect(de.message).not.toBe(en.message);
    expect(en.message).not.toContain('export.warning');
  });
});
