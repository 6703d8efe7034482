import { describe, expect, it } from 'vitest';
import { normalizeAccount } from '../../../core/export/account.js';
import { GUIDES } from '../../../core/export/guides/index.js';
import type { Guide, Param, Text } from '../../../core/export/guides/model.js';
import { resolveGuide } from '../../../core/export/guides/resolve.js';
import {
  type ExportAccount,
  exportAccount,
  GUIDE_FORMATS,
  type GuideFormat,
} from '../../../core/export/index.js';
import { exportMessages } from '../../../core/messages/export.js';
import { t } from '../../../core/messages/index.js';
import { fixedDeps, HOSTILE, JOERG, POP_ACCOUNT } from './accounts.js';

const LANGS = ['en', 'de'] as const;

async function html(format: GuideFormat, account: ExportAccount, lang: 'en' | 'de'): Promise<string> {
  const result = await exportAccount({ account, format, lang }, fixedDeps());
  expect(result.mediaType).toBe('text/html; charset=utf-8');
  expect(result.filename).toBe(`${format}-${lang}.html`);
  return result.content as string;
}

/** The page's text as a person reads it (tags dropped, the five entities decoded). */
function visibleText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
    )
    .replace(/\s+/g, ' ');
}

function keysOf(guide: Guide): string[] {
  const keys: string[] = [];
  const visit = (value: Text | Param | undefined) => {
    if (value === undefined || typeof value !== 'object') return;
    keys.push(value.key);
    for (const param of Object.values(value.params ?? {})) visit(param);
  };
  visit(guide.title);
  guide.intro.forEach(visit);
  for (const section of guide.sections) {
    visit(section.heading);
    visit(section.intro);
    for (const field of section.fields ?? []) [field.label, field.value].forEach(visit);
    for (const step of section.steps ?? []) {
      visit(step.text);
      for (const field of step.fields ?? []) [field.label, field.value].forEach(visit);
    }
    for (const note of section.notes ?? []) visit(note.text);
  }
  return keys;
}

describe('export messages', () => {
  it('have the same keys in English and German, none empty, none left untranslated', () => {
    expect(Object.keys(exportMessages.de).sort()).toEqual(Object.keys(exportMessages.en).sort());
    for (const lang of LANGS) {
      for (const sentence of Object.values(exportMessages[lang])) expect(sentence.trim()).not.toBe('');
    }
    const same = Object.keys(exportMessages.en).filter(
      (key) => exportMessages.en[key] === exportMessages.de[key],
    );
    // Product and protocol words are the same in both languages; sentences are not.
    for (const key of same) expect(exportMessages.en[key]!.split(' ').length).toBeLessThanOrEqual(2);
  });

  it.each(GUIDE_FORMATS)('%s uses only sentences the catalogue has, in every variant', (format) => {
    const variants: ExportAccount[] = [
      JOERG,
      POP_ACCOUNT,
      { ...POP_ACCOUNT, leaveMessagesOnServer: false },
      { ...JOERG, incoming: { ...JOERG.incoming, auth: 'oauth2' }, displayName: '' },
    ];
    for (const account of variants) {
      for (const key of keysOf(GUIDES[format](normalizeAccount(account)))) {
        expect(exportMessages.en[key], key).toBeDefined();
      }
    }
  });
});

describe('guides', () => {
  it.each(GUIDE_FORMATS.flatMap((format) => LANGS.map((lang) => [format, lang] as const)))(
    '%s (%s) carries the exact values',
    async (format, lang) => {
      const text = visibleText(await html(format, JOERG, lang));
      for (const value of [
        'jörg@müller.example',
        'Jörg Müller',
        'imap.xn--mller-kva.example',
        'smtp.xn--mller-kva.example',
        '993',
        '587',
      ]) {
        expect(text).toContain(value);
      }
      expect(text).not.toMatch(/export\.[a-z]/);
      const page = await html(format, JOERG, lang);
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain('@page { size: A4;');
      expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
      expect(text).toContain(lang === 'de' ? 'Erstellt am 4. Mai 2026' : 'Made on 4 May 2026');
    },
  );

  it('names security in Outlook’s words, for classic and new Outlook', async () => {
    const en = visibleText(await html('guide-outlook', JOERG, 'en'));
    expect(en).toContain('Incoming mail: Encryption method SSL/TLS');
    expect(en).toContain('Outgoing mail: Encryption method STARTTLS');
    expect(en).toContain('Secure connection type STARTTLS');
    expect(en).toContain('File › Add Account');
    expect(en).toContain('Let me set up my account manually');
    expect(en).toContain('New Outlook for Windows');
    expect(en).toContain('remove the account and add it again');
    const de = visibleText(await html('guide-outlook', JOERG, 'de'));
    expect(de).toContain('Eingehende E-Mail: Verschlüsselungsmethode SSL/TLS');
    expect(de).toContain('Datei › Konto hinzufügen');
  });

  it('says that the new Outlook cannot set up POP3, and how to keep mail on the server in classic Outlook', async () => {
    for (const lang of LANGS) {
      const text = visibleText(await html('guide-outlook', POP_ACCOUNT, lang));
      expect(text).toContain(
        lang === 'en'
          ? 'The new Outlook cannot set up this account'
          : 'Das neue Outlook kann dieses Konto nicht einrichten',
      );
      expect(text).toContain(
        lang === 'en'
          ? 'Leave a copy of messages on the server'
          : 'Kopie aller Nachrichten auf dem Server belassen',
      );
      // A user name other than the address must be entered by hand in Outlook.
      expect(text).toContain(
        lang === 'en' ? 'Incoming mail: User Name anna.b' : 'Eingehende E-Mail: Benutzername anna.b',
      );
      expect(text).toContain(lang === 'en' ? 'app password' : 'App-Passwort');
      expect(text).not.toContain('IMAP incoming server');
    }
  });

  it('names Thunderbird’s fields and choices in its own words', async () => {
    const en = visibleText(await html('guide-thunderbird', JOERG, 'en'));
    expect(en).toContain('Connection security SSL/TLS');
    expect(en).toContain('Connection security STARTTLS');
    expect(en).toContain('Authentication method Normal password');
    expect(en).toContain('Existing Mail Account…');
    expect(en).toContain('Configure manually');
    const de = visibleText(await html('guide-thunderbird', JOERG, 'de'));
    expect(de).toContain('Verbindungssicherheit STARTTLS');
    expect(de).toContain('Authentifizierungsmethode Passwort, normal');
    expect(de).toContain('Bestehendes E-Mail-Konto…');
    expect(de).toContain('Manuell einrichten');
    expect(de).toContain('Erneut testen');
    const pop = visibleText(await html('guide-thunderbird', POP_ACCOUNT, 'en'));
    expect(pop).toContain('Protocol POP3');
    expect(pop).toContain('Leave messages on server');
    const oauth = visibleText(
      await html('guide-thunderbird', { ...JOERG, incoming: { ...JOERG.incoming, auth: 'oauth2' } }, 'en'),
    );
    expect(oauth).toContain('Authentication method OAuth2');
    expect(oauth).toContain('(OAuth2)');
  });

  it('uses Apple’s switch names, both iOS paths, and explains the missing STARTTLS setting', async () => {
    const en = visibleText(await html('guide-applemail', JOERG, 'en'));
    expect(en).toContain('Use TLS/SSL On');
    expect(en).toContain('Use SSL On');
    expect(en).toContain('Other Mail Account…');
    expect(en).toContain('Settings › Apps › Mail › Mail Accounts');
    expect(en).toContain('On iOS 14 to 17, start at Settings › Mail › Accounts');
    expect(en).toContain('no separate STARTTLS setting');
    expect(en).toContain('System Settings › General › Device Management');
    const de = visibleText(await html('guide-applemail', JOERG, 'de'));
    expect(de).toContain('TLS/SSL verwenden Ein');
    expect(de).toContain('Einstellungen › Apps › Mail › Mail-Accounts');
    expect(de).toContain('keine eigene STARTTLS-Einstellung');
    const implicitOnly = visibleText(
      await html(
        'guide-applemail',
        { ...JOERG, outgoing: { ...JOERG.outgoing, port: 465, security: 'tls' } },
        'en',
      ),
    );
    expect(implicitOnly).not.toContain('STARTTLS');
  });

  it('asks for the name when none is given, and never prints a password', async () => {
    for (const format of GUIDE_FORMATS) {
      const page = await html(format, { ...JOERG, displayName: '', includePassword: 'Geheim-123' }, 'en');
      expect(page).not.toContain('Geheim-123');
      expect(visibleText(page)).toContain('your name, as recipients should see it');
    }
  });

  it.each(GUIDE_FORMATS)('%s escapes names, addresses and user names', async (format) => {
    const page = await html(format, HOSTILE, 'en');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&apos; Jörg');
    const text = visibleText(page);
    expect(text).toContain(`"a<b>&c'"@example.org`);
    expect(text).toContain(`<script>alert(1)</script> "&' Jörg`);
    expect(text).toContain(`user<&>"'`);
  });

  it('resolves values as emphasized runs and the rest as plain text', () => {
    const guide = resolveGuide(GUIDES['guide-thunderbird'](normalizeAccount(JOERG)), 'en', new Date(0));
    expect(guide.title).toBe('Setting up jörg@müller.example in Thunderbird');
    const steps = guide.sections[1]!.steps;
    expect(steps[2]!.text).toEqual([{ text: 'Click “Configure manually”.', value: false }]);
    expect(steps[3]!.fields).toContainEqual({
      label: 'Hostname',
      // Unicode first, the ASCII form to dial in brackets.
      value: [{ text: 'imap.müller.example (imap.xn--mller-kva.example)', value: true }],
    });
  });

  it('says which form to type when a server name has special letters, and only then', () => {
    const idn = resolveGuide(GUIDES['guide-outlook'](normalizeAccount(JOERG)), 'de', new Date(0));
    const settings = idn.sections[0]!;
    expect(settings.notes.map((note) => note.text.map((run) => run.text).join(''))).toContain(
      t('de', 'export.guide.note.idn'),
    );
    const plainHosts = resolveGuide(
      GUIDES['guide-outlook'](normalizeAccount(POP_ACCOUNT)),
      'de',
      new Date(0),
    );
    expect(plainHosts.sections[0]!.notes).toEqual([]);
  });
});

describe('the provider’s hints in the guides', () => {
  const WITH_HINTS: ExportAccount = {
    ...JOERG,
    hints: [
      { code: 'possible-typo', message: 'Did you mean …?' },
      { code: 'enable-imap-first', message: 'wizard words', url: 'https://hilfe.example/imap' },
      { code: 'provider-instruction', message: 'Aktivieren Sie <b>IMAP</b> im Kundenmenü.' },
    ],
  };

  for (const format of GUIDE_FORMATS) {
    for (const lang of LANGS) {
      it(`${format} (${lang}) opens with "before you start", the provider's page and its own words`, async () => {
        const page = visibleText(await html(format, WITH_HINTS, lang));
        const heading = lang === 'en' ? 'Before you start' : 'Bevor Sie beginnen';
        const settings = lang === 'en' ? 'Your settings' : 'Ihre Einstellungen';
        expect(page).toContain(heading);
        // First: the client's steps fail until the provider lets mail programs in.
        expect(page.indexOf(heading)).toBeLessThan(page.indexOf(settings));
        expect(page).toContain('https://hilfe.example/imap');
        expect(page).toContain('Aktivieren Sie <b>IMAP</b> im Kundenmenü.');
        expect(page).toContain('Müller Mail');
        expect(page).not.toContain('Did you mean');
        expect(page).not.toContain('wizard words');
      });
    }
  }

  it('has no such section without hints', async () => {
    expect(visibleText(await html('guide-outlook', JOERG, 'en'))).not.toContain('Before you start');
  });
});
