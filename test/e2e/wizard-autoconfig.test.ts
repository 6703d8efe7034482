// The whole wizard in Chromium for a domain with its own autoconfig file, in English and then (after
// "Set up another account" and the header's language switch) in German: the search finds the
// provider's set-up file, IMAP, the password, a real test against Dovecot and Postfix (TLS, certificate,
// sign-in), the helpdesk report, the password saved in a real gnome-keyring, the Thunderbird file and
// the Outlook guide downloaded. Test internet on 127.0.7.20-21.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configXml } from '../helpers/config-xml.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';
import { type SecretServiceHandle, startSecretService } from '../peers/secret-service.js';
import type { E2eSession } from './harness.js';
import { type WizardBackend, wizardBackend } from './wizard-backend.js';
import { expectNoPassword, type Lang, openWizardSession, WizardDriver } from './wizard-driver.js';

const IP = { mail: '127.0.7.20', web: '127.0.7.21' };
const DOMAIN = 'firma.test';
const IMAP_HOST = `imap.${DOMAIN}`;
const SMTP_HOST = `smtp.${DOMAIN}`;
const SEARCH_DELAY_MS = 1000;
const PEOPLE: Record<Lang, { address: string; name: string; password: string }> = {
  en: { address: `anna@${DOMAIN}`, name: 'Anna Schmidt', password: 'anna app-password: 7 "quoted" words' },
  de: { address: `ben@${DOMAIN}`, name: 'Ben Müller', password: 'Bens-Passwort_mit-Ümlaut-4711' },
};

let dns: DnsHandle;
let web: HttpsHostsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let secrets: SecretServiceHandle;
let backend: WizardBackend;
let session: E2eSession;

beforeAll(async () => {
  const mail = (async () => {
    dovecot = await startDovecot({
      ip: IP.mail,
      users: Object.values(PEOPLE).map(({ address, password }) => ({ user: address, password })),
      certNames: [IMAP_HOST, SMTP_HOST],
    });
    postfix = await startPostfix({
      ip: IP.mail,
      certNames: [SMTP_HOST, IMAP_HOST],
      dovecotAuthSocket: dovecot.authSocket,
    });
  })();
  [dns, web, secrets] = await Promise.all([
    startDns({
      authoritative: ['test'],
      a: { [IMAP_HOST]: [IP.mail], [SMTP_HOST]: [IP.mail], [`autoconfig.${DOMAIN}`]: [IP.web] },
    }),
    startHttpsHosts({
      [`autoconfig.${DOMAIN}`]: {
        ip: IP.web,
        routes: {
          // A moment's delay, as on a real web host: long enough to see the search's live progress.
          '/mail/config-v1.1.xml': async () => {
            await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS));
            return {
              body: configXml(DOMAIN, [
                { type: 'imap', host: IMAP_HOST, port: 993, socketType: 'SSL' },
                { type: 'smtp', host: SMTP_HOST, port: 587, socketType: 'STARTTLS' },
              ]),
              headers: { 'content-type': 'text/xml' },
            };
          },
        },
      },
    }),
    startSecretService(),
  ]);
  await mail;
  backend = wizardBackend({ dns: dns.server, keychainEnv: secrets.env });
  session = await openWizardSession({ api: backend.api, locale: 'en-US' });
});

afterAll(async () => {
  await session?.close();
  await backend?.close();
  await postfix?.stop();
  await dovecot?.stop();
  await web?.stop();
  await dns?.stop();
  await secrets?.stop();
});

describe.each(['en', 'de'] as const)('an autoconfig domain, %s', (lang) => {
  const person = PEOPLE[lang];

  it('finds the settings, tests them, saves the password and exports the Thunderbird file and the Outlook guide', async () => {
    const wizard = new WizardDriver(session, 'autoconfig', lang);
    // English by the system language; German by the header's switch on the same window.
    await wizard.open();
    expect(await wizard.text('next')).toBe(lang === 'en' ? 'Find settings' : 'Einstellungen suchen');
    await wizard.enterAddress(person.address, person.name);

    // Step 2, live: each source's state while the provider's file is on its way; the search can be cancelled.
    await wizard.until(
      `document.querySelector('[data-testid="source-autoconfig"]')?.dataset.state === 'asking'`,
    );
    expect(await wizard.get('cancel-search').isVisible()).toBe(true);
    await wizard.record('settings-searching');

    // Step 2: the provider's own file, confirmed by the mail domain.
    expect(await wizard.searchOutcome()).toBe('found');
    expect(await wizard.get('trust-badge').getAttribute('data-trusted')).toBe('true');
    expect(await wizard.text('result-source')).toBe(
      lang === 'en' ? "Your provider's set-up file" : 'Einrichtungsdatei Ihres Anbieters',
    );
    const servers = await wizard.resultServers();
    expect(servers.imap).toMatch(new RegExp(`^${IMAP_HOST} 993 SSL/TLS$`));
    expect(servers.smtp).toMatch(new RegExp(`^${SMTP_HOST} 587 STARTTLS$`));
    expect(await wizard.get('untrusted-confirmation').count()).toBe(0);
    expect((await wizard.sourceStates()).autoconfig).toBe('found');
    await wizard.record('settings');
    await wizard.acceptSettings();
    await wizard.chooseImap();

    // Steps 4 and 5: the password, and a real test of both servers.
    await wizard.testWithPassword(person.password);
    expect(await wizard.get('test-summary').getAttribute('data-ok')).toBe('true');
    for (const protocol of ['imap', 'smtp'] as const) {
      expect(await wizard.checklist(protocol)).toEqual({
        server: 'ok',
        connect: 'done',
        encrypt: 'done',
        certificate: 'done',
        signin: 'done',
      });
      expect(await wizard.text(`check-${protocol}-encrypt`)).toMatch(/TLS 1\.[23]/);
    }
    expect(await wizard.text('test-server-smtp')).toContain(`${SMTP_HOST}:587`);
    await wizard.record('test');
    const logins = (await dovecot.loginAttempts()).filter((attempt) => attempt.user === person.address);
    expect(logins.map((attempt) => `${attempt.service}:${attempt.ok}`).sort()).toEqual([
      'imap:true',
      'smtp:true',
    ]);

    // The helpdesk report: the servers and their TLS, never the password.
    const report = await wizard.copyReport();
    expect(report).toContain(`IMAP ${IMAP_HOST}:993 SSL/TLS`);
    expect(report).toContain(`SMTP ${SMTP_HOST}:587 STARTTLS`);
    expect(report).toMatch(/(Encrypted with|Verschlüsselt mit) TLSv1\.[23] /);
    expect(report).toContain(person.address);
    expectNoPassword(report, person.address, person.password);
    await wizard.record('test-report');

    // Step 6: saved in gnome-keyring under the label the password step offered.
    expect(await wizard.saveAndContinue()).toBe('saved');
    const saved = await backend.keychain.list();
    const entry = saved.find((item) => item.address === person.address);
    expect(entry?.hosts).toEqual([IMAP_HOST, SMTP_HOST]);
    expect(await wizard.text('save-status')).toContain(entry?.label ?? '(no entry)');
    expect(await backend.keychain.getPassword({ address: person.address, label: entry?.label ?? '' })).toBe(
      person.password,
    );
    await wizard.record('finish');

    await wizard.chooseProgram('thunderbird');
    const thunderbird = await wizard.download('export-file');
    expect(thunderbird.filename).toBe('config-v1.1.xml');
    expect(thunderbird.text).toContain(`<hostname>${IMAP_HOST}</hostname>`);
    expect(thunderbird.text).toContain(`<hostname>${SMTP_HOST}</hostname>`);
    expectNoPassword(thunderbird.text, person.address, person.password);
    await wizard.record('finish-thunderbird');

    await wizard.chooseProgram('outlook');
    expect(await wizard.get('export-file').count()).toBe(0);
    const guide = await wizard.download('export-guide');
    expect(guide.filename).toBe(`guide-outlook-${lang}.html`);
    expect(guide.text).toContain(IMAP_HOST);
    expect(guide.text).toContain(`lang="${lang}"`);
    expectNoPassword(guide.text, person.address, person.password);
    await wizard.record('finish-outlook');

    expect(wizard.recorded.map((name) => name.replace(`autoconfig-${lang}-`, ''))).toEqual([
      'address',
      'settings-searching',
      'settings',
      'type',
      'password',
      'test',
      'test-report',
      'finish',
      'finish-thunderbird',
      'finish-outlook',
    ]);
    await wizard.expectCleanPage();
    // The way back to the start, for the next language.
    await wizard.press('restart');
    await wizard.waitForStep('address');
    expect(await wizard.get('address-input').inputValue()).toBe('');
  });
});
