import { describe, expect, it } from 'vitest';
import { exportHintKey, exportHints, localizedExportHints } from '../../../core/export/hints.js';
import { exportAccount } from '../../../core/export/index.js';
import { hintMessages } from '../../../core/messages/hints.js';
import { hasMessage, t } from '../../../core/messages/index.js';
import { fixedDeps, JOERG } from './accounts.js';

/** The codes the bundled providers carry, each with a wizard wording `hint.<code>`. */
const PROVIDER_CODES = Object.keys(hintMessages.en)
  .filter((key) => key.startsWith('hint.'))
  .map((key) => key.slice('hint.'.length));

describe('exportHints', () => {
  it('gives every provider hint of the wizard an export wording in both languages, without "here"', () => {
    expect(PROVIDER_CODES.length).toBeGreaterThan(3);
    for (const code of PROVIDER_CODES) {
      for (const lang of ['en', 'de'] as const) {
        const sentence = hintMessages[lang][exportHintKey(code)];
        expect(sentence, `${lang} ${code}`).toBeTruthy();
        // Read in a guide or after an export, there is no "here" to enter anything.
        expect(sentence).not.toMatch(lang === 'en' ? /\bhere\b/i : /\bhier\b/i);
      }
    }
  });

  it('keeps the provider hints and drops what says nothing about setting up a mail program', () => {
    const kept = exportHints([
      { code: 'possible-typo', message: 'Did you mean gmx.de?', detail: 'gmx.de' },
      { code: 'enable-imap-first', message: 'wizard words', url: 'https://hilfe.gmx.net/pop-imap' },
      { code: 'oauth2-available', message: 'also OAuth2' },
      { code: 'no-such-code', message: 'x' },
      { code: 'app-password-required', message: 'y', url: 'http://plain.example/app' },
    ]);
    expect(kept).toEqual([
      { code: 'enable-imap-first', url: 'https://hilfe.gmx.net/pop-imap' },
      { code: 'app-password-required' },
    ]);
  });

  it('quotes the provider’s own instruction cleaned, capped and once', () => {
    const long = `Erst\u0000 einschalten:\n\t${'x'.repeat(700)}`;
    const kept = exportHints([
      { code: 'provider-instruction', message: long },
      { code: 'provider-instruction', message: long },
      { code: 'provider-instruction', message: '   ' },
    ]);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.text?.startsWith('Erst einschalten: xxx')).toBe(true);
    expect(Array.from(kept[0]?.text ?? '')).toHaveLength(500);
  });

  it('takes only lists of hints, and a handful of them', () => {
    expect(exportHints(undefined)).toEqual([]);
    expect(exportHints('enable-imap-first')).toEqual([]);
    expect(exportHints([null, 7, { code: 3 }])).toEqual([]);
    const many = Array.from({ length: 20 }, (_, index) => ({
      code: 'provider-instruction',
      message: `step ${index}`,
    }));
    expect(exportHints(many)).toHaveLength(8);
  });
});

describe('localizedExportHints', () => {
  it('names the provider and keeps the page', () => {
    const [hint] = localizedExportHints(
      [{ code: 'enable-imap-first', url: 'https://hilfe.gmx.net/' }],
      'GMX',
      'de',
    );
    expect(hint).toEqual({
      code: 'enable-imap-first',
      message: t('de', 'export.hint.enable-imap-first', { provider: 'GMX' }),
      url: 'https://hilfe.gmx.net/',
    });
    expect(hint?.message).toContain('GMX');
    expect(hasMessage('export.hint.after-export')).toBe(true);
  });
});

describe('export results carry the hints', () => {
  it('words them for after the export, whatever the format, with the mail domain when no provider is named', async () => {
    const { provider: _none, ...account } = JOERG;
    for (const format of ['thunderbird', 'autodiscover', 'guide-outlook'] as const) {
      const result = await exportAccount(
        { account: { ...account, hints: [{ code: 'enable-imap-first', message: 'x' }] }, format, lang: 'en' },
        fixedDeps(),
      );
      expect(result.hints).toEqual([
        {
          code: 'enable-imap-first',
          message: t('en', 'export.hint.enable-imap-first', { provider: 'müller.example' }),
        },
      ]);
    }
  });

  it('is empty without hints', async () => {
    const result = await exportAccount({ account: JOERG, format: 'thunderbird' }, fixedDeps());
    expect(result.hints).toEqual([]);
  });
});

describe('hints with values', () => {
  it('keep a lockout rule’s numbers for the export wording, and nothing unsafe', () => {
    const [kept] = exportHints([
      {
        code: 'lockout-after-failures',
        message: 'wizard words',
        params: { failures: 5, minutes: 60, provider: 'Evil', text: 'x', bad: -1, 'two words': 3 },
      },
    ]);
    expect(kept).toEqual({ code: 'lockout-after-failures', params: { failures: 5, minutes: 60 } });
    const [hint] = localizedExportHints(kept ? [kept] : [], 'Mail Service', 'en');
    expect(hint?.message).toMatch(/^Mail Service locks the mailbox for 60 minutes after 5 wrong passwords/);
  });
});
