// The whole wizard in Chromium for a provider of the built-in list (GMX), in German because the system
// says so (Chromium's --lang and locale de-DE): the test internet answers for imap.gmx.net and
// mail.gmx.net with our Dovecot and Postfix (certificates from the test CA), so the bundled settings
// are tested for real. This desktop has no keychain (a D-Bus address where nothing listens): the
// wizard says honestly that the password is used for this session only. Then the Apple Mail profile.
// Test internet on 127.0.7.10.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';
import type { E2eSession } from './harness.js';
import { NO_KEYCHAIN_ENV, type WizardBackend, wizardBackend } from './wizard-backend.js';
import { expectNoPassword, openWizardSession, WizardDriver } from './wizard-driver.js';

const IP = '127.0.7.10';
const IMAP_HOST = 'imap.gmx.net';
const SMTP_HOST = 'mail.gmx.net';
const person = { address: 'max.mustermann@gmx.de', name: 'Max Mustermann', password: 'gmx-Passwort! 2024' };

let dns: DnsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let backend: WizardBackend;
let session: E2eSession;

beforeAll(async () => {
  const mail = (async () => {
    dovecot = await startDovecot({
      ip: IP,
      users: [{ user: person.address, password: person.password }],
      certNames: [IMAP_HOST, 'pop.gmx.net'],
    });
    postfix = await startPostfix({ ip: IP, certNames: [SMTP_HOST], dovecotAuthSocket: dovecot.authSocket });
  })();
  // Only these names exist; GMX's other names (autoconfig, MX) are answered "no such name" at once.
  dns = await startDns({
    authoritative: ['gmx.net', 'gmx.de'],
    a: { [IMAP_HOST]: [IP], [SMTP_HOST]: [IP], 'pop.gmx.net': [IP] },
  });
  await mail;
  backend = wizardBackend({ dns: dns.server, keychainEnv: NO_KEYCHAIN_ENV, keychainTimeoutMs: 5000 });
  session = await openWizardSession({ api: backend.api, locale: 'de-DE' });
});

afterAll(async () => {
  await session?.close();
  await backend?.close();
  await postfix?.stop();
  await dovecot?.stop();
  await dns?.stop();
});

describe('a provider of the built-in list, in the system language (German)', () => {
  it('finds GMX in the built-in list, tests against its servers, keeps the password for the session and exports the profile', async () => {
    const wizard = new WizardDriver(session, 'bundled', 'de');
    await wizard.open();
    // German without touching the switch: the system language decided.
    expect(await wizard.get('language-de').getAttribute('aria-pressed')).toBe('true');
    expect(await wizard.text('next')).toBe('Einstellungen suchen');
    await wizard.enterAddress(person.address, person.name);

    expect(await wizard.searchOutcome()).toBe('found');
    expect(await wizard.page.locator('#result-title').textContent()).toBe('GMX');
    expect(await wizard.text('result-source')).toBe('Eingebaute Anbieterliste, Stand 2026-11');
    expect(await wizard.get('trust-badge').getAttribute('data-trusted')).toBe('true');
    expect(await wizard.resultServers()).toEqual({
      imap: `${IMAP_HOST} 993 SSL/TLS`,
      pop3: 'pop.gmx.net 995 SSL/TLS',
      smtp: `${SMTP_HOST} 465 SSL/TLS`,
    });
    expect((await wizard.sourceStates()).bundled).toBe('found');
    // GMX wants IMAP switched on in its web settings first: the hint, with GMX's page.
    expect(await wizard.get('result-hints').locator('li').first().getAttribute('data-code')).toBe(
      'enable-imap-first',
    );
    await wizard.record('settings');
    await wizard.acceptSettings();
    await wizard.chooseImap();
    expect(await wizard.get('password-hints').locator('a').getAttribute('href')).toMatch(
      /^https:\/\/hilfe\.gmx\.net\//,
    );
    await wizard.testWithPassword(person.password);

    expect(await wizard.get('test-summary').getAttribute('data-ok')).toBe('true');
    for (const protocol of ['imap', 'smtp'] as const) {
      expect((await wizard.checklist(protocol)).signin).toBe('done');
      expect(await wizard.text(`check-${protocol}-encrypt`)).toMatch(/Verschlüsselt mit TLS 1\.[23]/);
    }
    await wizard.record('test');
    const report = await wizard.copyReport();
    expect(report).toContain('Ergebnis: Alle 2 Server funktionieren.');
    expect(report).toContain(`IMAP ${IMAP_HOST}:993 SSL/TLS`);
    expect(report).toContain(`SMTP ${SMTP_HOST}:465 SSL/TLS`);
    expect(report).toMatch(/Verschlüsselt mit TLSv1\.[23] /);
    expectNoPassword(report, person.address, person.password);

    // No keychain on this desktop: said plainly, and nothing was saved anywhere.
    expect(await wizard.saveAndContinue()).toBe('session-only');
    expect(await wizard.text('save-status')).toContain('nur für diese Sitzung');
    expect(await backend.keychain.list()).toEqual([]);
    await wizard.record('finish');

    await wizard.chooseProgram('applemail');
    const profile = await wizard.download('export-file');
    expect(profile.filename).toBe('gmx.de.mobileconfig');
    expect(profile.text).toContain(`<string>${IMAP_HOST}</string>`);
    expect(profile.text).toContain(`<string>${SMTP_HOST}</string>`);
    expectNoPassword(profile.text, person.address, person.password);
    await wizard.record('finish-applemail');
    expect(wizard.recorded).toEqual(
      ['address', 'settings', 'type', 'password', 'test', 'finish', 'finish-applemail'].map(
        (step) => `bundled-de-${step}`,
      ),
    );
    await wizard.expectCleanPage();
  });
});
