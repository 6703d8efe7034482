// The wizard in Chromium when the person types the servers: a domain nobody publishes settings for
// (the manual form opens; it has no unencrypted choice), then a test that passes against Dovecot and
// Postfix; a wrong password (the fix, the lockout warning, and exactly one attempt per server in
// Dovecot's log, no retry); and a man in the middle who strips STARTTLS (the test stops before the
// password and the server received no credential). Test internet on 127.0.7.30-31.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Adversary, CREDENTIAL_COMMANDS, startAdversary } from '../peers/adversaries.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';
import type { E2eSession } from './harness.js';
import { NO_KEYCHAIN_ENV, type WizardBackend, wizardBackend } from './wizard-backend.js';
import { expectNoPassword, type ManualServers, openWizardSession, WizardDriver } from './wizard-driver.js';

const IP = { mail: '127.0.7.30', strip: '127.0.7.31' };
const MAIL_HOST = 'mail.hoster.test';
const clara = { address: 'clara@kleinbetrieb.test', name: 'Clara Klein', password: 'Claras langes Passwort' };
const dirk = { address: 'dirk@kleinbetrieb.test', name: 'Dirk Dorn', password: 'dirks-real-password' };
const eve = { address: 'eve@strip.test', name: 'Eve Example', password: 'eve-must-never-leave' };

let dns: DnsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let stripImap: Adversary;
let stripSmtp: Adversary;
let backend: WizardBackend;
let session: E2eSession;

beforeAll(async () => {
  const mail = (async () => {
    dovecot = await startDovecot({
      ip: IP.mail,
      users: [clara, dirk].map(({ address, password }) => ({ user: address, password })),
      certNames: [MAIL_HOST],
    });
    postfix = await startPostfix({
      ip: IP.mail,
      certNames: [MAIL_HOST],
      dovecotAuthSocket: dovecot.authSocket,
    });
  })();
  [dns, stripImap, stripSmtp] = await Promise.all([
    // kleinbetrieb.test has no records at all: every source comes back empty.
    startDns({
      authoritative: ['test'],
      a: { [MAIL_HOST]: [IP.mail], 'imap.strip.test': [IP.strip], 'smtp.strip.test': [IP.strip] },
    }),
    startAdversary({ ip: IP.strip, port: 143, behaviour: 'imap-no-starttls' }),
    startAdversary({ ip: IP.strip, port: 587, behaviour: 'smtp-no-starttls' }),
  ]);
  await mail;
  backend = wizardBackend({ dns: dns.server, keychainEnv: NO_KEYCHAIN_ENV, keychainTimeoutMs: 5000 });
  session = await openWizardSession({ api: backend.api, locale: 'en-GB' });
});

afterAll(async () => {
  await session?.close();
  await backend?.close();
  await stripImap?.close();
  await stripSmtp?.close();
  await postfix?.stop();
  await dovecot?.stop();
  await dns?.stop();
});

/** Address → nothing found → the manual form, checked and filled → the card of typed settings. */
async function enterByHand(
  wizard: WizardDriver,
  person: { address: string; name: string },
  servers: ManualServers,
): Promise<void> {
  await wizard.open();
  await wizard.enterAddress(person.address, person.name);
  expect(await wizard.searchOutcome()).toBe('not-found');
  expect(await wizard.get('not-found').isVisible()).toBe(true);
  // Encryption is SSL/TLS or STARTTLS, for receiving and for sending; nothing unencrypted to pick.
  const choices = await wizard.page.$$eval('[data-testid="manual-form"] input[type="radio"]', (radios) =>
    radios.map((radio) => `${radio.getAttribute('data-testid')}=${(radio as { value: string }).value}`),
  );
  expect(choices.sort()).toEqual([
    'manual-incoming-security-starttls=starttls',
    'manual-incoming-security-tls=tls',
    'manual-protocol-imap=imap',
    'manual-protocol-pop3=pop3',
    'manual-smtp-security-starttls=starttls',
    'manual-smtp-security-tls=tls',
  ]);
  expect(await wizard.get('manual-username').inputValue()).toBe(person.address);
  await wizard.record('settings-not-found');
  await wizard.fillManualForm(servers);
  await wizard.record('settings-manual');
  // Enter in the last field submits the form.
  await wizard.page.keyboard.press('Enter');
  await wizard.get('result-card').waitFor();
  expect(await wizard.get('trust-badge').getAttribute('data-trusted')).toBe('true');
  await wizard.record('settings');
  await wizard.acceptSettings();
  await wizard.chooseImap();
}

describe('manual entry (English)', () => {
  it('nothing found: the servers typed by hand pass the test', async () => {
    const wizard = new WizardDriver(session, 'manual', 'en');
    await enterByHand(wizard, clara, {
      protocol: 'imap',
      incoming: { host: MAIL_HOST, port: 993, security: 'tls' },
      smtp: { host: MAIL_HOST, port: 587, security: 'starttls' },
    });
    await wizard.testWithPassword(clara.password);
    expect(await wizard.get('test-summary').getAttribute('data-ok')).toBe('true');
    for (const protocol of ['imap', 'smtp'] as const) {
      expect((await wizard.checklist(protocol)).signin).toBe('done');
      expect(await wizard.text(`check-${protocol}-encrypt`)).toMatch(/^Encrypted with TLS 1\.[23]\b/);
    }
    await wizard.record('test');
    const report = await wizard.copyReport();
    expect(report).toContain('Servers given by hand; nothing was detected.');
    expect(report).toContain(`IMAP ${MAIL_HOST}:993 SSL/TLS`);
    expect(report).toContain(`SMTP ${MAIL_HOST}:587 STARTTLS`);
    expectNoPassword(report, clara.address, clara.password);
    expect(await wizard.saveAndContinue()).toBe('session-only');
    await wizard.record('finish');
    await wizard.expectCleanPage();
  });

  it('a wrong password: refused with what to do and the lockout warning; one attempt per server reached Dovecot', async () => {
    const wizard = new WizardDriver(session, 'wrong-password', 'en');
    await enterByHand(wizard, dirk, {
      protocol: 'imap',
      incoming: { host: MAIL_HOST, port: 993, security: 'tls' },
      smtp: { host: MAIL_HOST, port: 465, security: 'tls' },
    });
    await wizard.testWithPassword('dirks-wrong-password');
    expect(await wizard.get('test-summary').getAttribute('data-ok')).toBe('false');
    for (const protocol of ['imap', 'smtp'] as const) {
      expect(await wizard.checklist(protocol)).toEqual({
        server: 'failed',
        connect: 'done',
        encrypt: 'done',
        certificate: 'done',
        signin: 'failed',
      });
      expect(await wizard.get(`test-error-${protocol}`).getAttribute('data-code')).toBe('auth-failed');
      expect(await wizard.text(`test-error-${protocol}`)).toContain('What to do: Check the password');
    }
    expect(await wizard.text('next')).toBe('Check the password');
    await wizard.record('test');
    const report = await wizard.copyReport();
    expect(report).toContain('Error auth-failed: ');
    expectNoPassword(report, dirk.address, 'dirks-wrong-password');

    await wizard.press('next');
    await wizard.waitForStep('password');
    expect(await wizard.text('auth-failed-warning')).toMatch(/lock the account for an hour/);
    expect(await wizard.get('lockout-guard').count()).toBe(0);
    await wizard.record('password-after-failure');
    // One login per server for one click, and none repeated behind the person's back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await dovecot.failedLoginAttempts(dirk.address, 'imap')).toBe(1);
    expect(await dovecot.failedLoginAttempts(dirk.address, 'smtp')).toBe(1);
    expect(await dovecot.failedLoginAttempts(dirk.address)).toBe(2);
    await wizard.expectCleanPage();
  });
});

describe('a STARTTLS-stripping server (German, switched in the header)', () => {
  it('stops before the password: starttls-not-offered on both servers, no credential received', async () => {
    const wizard = new WizardDriver(session, 'starttls-stripped', 'de');
    await enterByHand(wizard, eve, {
      protocol: 'imap',
      incoming: { host: 'imap.strip.test', port: 143, security: 'starttls' },
      smtp: { host: 'smtp.strip.test', port: 587, security: 'starttls' },
    });
    await wizard.testWithPassword(eve.password);
    expect(await wizard.get('test-summary').getAttribute('data-ok')).toBe('false');
    for (const protocol of ['imap', 'smtp'] as const) {
      expect(await wizard.checklist(protocol)).toMatchObject({
        server: 'failed',
        connect: 'done',
        encrypt: 'failed',
        signin: 'skipped',
      });
      expect(await wizard.get(`test-error-${protocol}`).getAttribute('data-code')).toBe(
        'starttls-not-offered',
      );
      expect(await wizard.text(`test-error-${protocol}`)).toContain('Ihr Passwort wurde nicht gesendet');
    }
    expect(await wizard.text('next')).toBe('Erneut testen');
    await wizard.record('test');
    const report = await wizard.copyReport();
    expect(report).toContain('imap.strip.test:143 STARTTLS');
    expect(report).toContain('starttls-not-offered');
    expectNoPassword(report, eve.address, eve.password);

    for (const adversary of [stripImap, stripSmtp]) {
      const received = adversary.received();
      expect(received).not.toBe('');
      expect(received).not.toMatch(CREDENTIAL_COMMANDS);
      expectNoPassword(received, eve.address, eve.password);
      expect(adversary.logins()).toEqual([]);
    }
    await wizard.expectCleanPage();
  });
});
