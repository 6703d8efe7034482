// The lockout count across an app restart: the wizard in Chromium over the browser host, a wrong
// password against real Dovecot and Postfix (127.0.11.20), the host and core's API closed and started
// again with the same ledger file (what an app restart does with the user's data folder). The new app
// sends no further login, and its confirmation says how many failures core counted and until when;
// confirming sends one more login per server. Dovecot's log is the witness.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';
import type { E2eSession } from './harness.js';
import { NO_KEYCHAIN_ENV, type WizardBackend, wizardBackend } from './wizard-backend.js';
import { openWizardSession, WizardDriver } from './wizard-driver.js';

const IP = '127.0.11.20';
const MAIL_HOST = 'mail.hoster-sperre.test';
const frida = { address: 'frida@sperre.test', name: 'Frida Fehl', password: 'fridas-right-password' };
const WRONG = 'fridas-wrong-password';

let dns: DnsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let ledgerDir: string;

beforeAll(async () => {
  ledgerDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-e2e-ledger-'));
  dns = await startDns({ authoritative: ['test'], a: { [MAIL_HOST]: [IP] } });
  dovecot = await startDovecot({
    ip: IP,
    users: [{ user: frida.address, password: frida.password }],
    certNames: [MAIL_HOST],
  });
  postfix = await startPostfix({ ip: IP, certNames: [MAIL_HOST], dovecotAuthSocket: dovecot.authSocket });
});

afterAll(async () => {
  await postfix?.stop();
  await dovecot?.stop();
  await dns?.stop();
  if (ledgerDir) rmSync(ledgerDir, { recursive: true, force: true });
});

/** Starts "the app": core's API over the shared ledger file, the browser host, Chromium. */
async function startApp(): Promise<{ backend: WizardBackend; session: E2eSession }> {
  const backend = wizardBackend({
    dns: dns.server,
    keychainEnv: NO_KEYCHAIN_ENV,
    keychainTimeoutMs: 5000,
    ledgerFile: path.join(ledgerDir, 'lockout-ledger.json'),
  });
  return { backend, session: await openWizardSession({ api: backend.api, locale: 'en-GB' }) };
}

async function enterByHand(wizard: WizardDriver): Promise<void> {
  await wizard.open();
  await wizard.enterAddress(frida.address, frida.name);
  expect(await wizard.searchOutcome()).toBe('not-found');
  await wizard.fillManualForm({
    protocol: 'imap',
    incoming: { host: MAIL_HOST, port: 993, security: 'tls' },
    smtp: { host: MAIL_HOST, port: 465, security: 'tls' },
  });
  await wizard.page.keyboard.press('Enter');
  await wizard.get('result-card').waitFor();
  await wizard.acceptSettings();
  await wizard.chooseImap();
}

describe('the lockout count across an app restart', () => {
  it('three failed logins before the restart; after it none without confirmation, then one per server', async () => {
    let app = await startApp();
    try {
      const wizard = new WizardDriver(app.session, 'lockout-before-restart', 'en');
      await enterByHand(wizard);
      await wizard.testWithPassword(WRONG);
      for (const protocol of ['imap', 'smtp'] as const) {
        expect(await wizard.get(`test-error-${protocol}`).getAttribute('data-code')).toBe('auth-failed');
      }
      // Again: one login left, so IMAP (the most important) goes and SMTP is held back.
      await wizard.press('next');
      await wizard.waitForStep('password');
      await wizard.testWithPassword(WRONG);
      expect(await wizard.get('test-error-imap').getAttribute('data-code')).toBe('auth-failed');
      expect(await wizard.get('test-error-smtp').getAttribute('data-code')).toBe('auth-locked');
      expect(await dovecot.failedLoginAttempts(frida.address)).toBe(3);
    } finally {
      await app.session.close();
      await app.backend.close();
    }

    app = await startApp();
    try {
      const wizard = new WizardDriver(app.session, 'lockout-after-restart', 'en');
      await enterByHand(wizard);
      await wizard.testWithPassword(WRONG);
      for (const protocol of ['imap', 'smtp'] as const) {
        expect(await wizard.get(`test-error-${protocol}`).getAttribute('data-code')).toBe('auth-locked');
        expect(await wizard.checklist(protocol)).toMatchObject({ encrypt: 'done', signin: 'failed' });
      }
      expect(await dovecot.failedLoginAttempts(frida.address)).toBe(3);

      await wizard.press('next');
      await wizard.waitForStep('password');
      expect(await wizard.text('lockout-count')).toMatch(
        /^We counted 3 failed sign-ins for this account in the last 60 minutes\. Without your confirmation no further sign-in is tried before \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M\.$/,
      );
      await wizard.record('password-lockout');
      await wizard.press('confirm-force', 'Space');
      await wizard.testWithPassword(WRONG);
      for (const protocol of ['imap', 'smtp'] as const) {
        expect(await wizard.get(`test-error-${protocol}`).getAttribute('data-code')).toBe('auth-failed');
      }
      expect(await dovecot.failedLoginAttempts(frida.address)).toBe(5);
      await wizard.expectCleanPage();
    } finally {
      await app.session.close();
      await app.backend.close();
    }
  });
});
