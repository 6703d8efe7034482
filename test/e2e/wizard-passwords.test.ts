// Saved passwords in the wizard (Chromium, real core through the browser host) against a real
// gnome-keyring: the wizard saves an app password after a real test against Dovecot and Postfix, the
// "Saved passwords" view lists it beside one saved earlier (label, account, servers; never a password),
// renames it (a taken name is refused first), deletes it after asking, and each step is checked in the
// keyring itself with secret-tool. Then the view again from the start screen's header, in German, light
// and dark.
// Test internet on 127.0.17.20-21.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryKey, SERVICE_NAME } from '../../core/secrets/account.js';
import { configXml } from '../helpers/config-xml.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';
import { type SecretServiceHandle, startSecretService } from '../peers/secret-service.js';
import type { E2eSession } from './harness.js';
import { type WizardBackend, wizardBackend } from './wizard-backend.js';
import { expectNoPassword, openWizardSession, WizardDriver } from './wizard-driver.js';

const run = promisify(execFile);

const IP = { mail: '127.0.17.20', web: '127.0.17.21' };
const DOMAIN = 'kanzlei.test';
const IMAP_HOST = `imap.${DOMAIN}`;
const SMTP_HOST = `smtp.${DOMAIN}`;
const ADDRESS = `clara@${DOMAIN}`;
const PASSWORD = 'clara app password: 4 words "and" quotes';
const EARLIER = { label: 'Thunderbird on the laptop', password: 'saved earlier from the laptop' };
const RENAMED = 'Outlook on the office PC';

let dns: DnsHandle;
let web: HttpsHostsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let secrets: SecretServiceHandle;
let backend: WizardBackend;
let session: E2eSession;

/** The secret stored for (address, label), read straight from the keyring; null when there is none. */
async function keyringSecret(label: string): Promise<string | null> {
  const account = entryKey(ADDRESS, label).account;
  try {
    const { stdout } = await run('secret-tool', ['lookup', 'service', SERVICE_NAME, 'username', account], {
      env: { ...process.env, ...secrets.env },
      timeout: 10_000,
    });
    return stdout;
  } catch (error) {
    // secret-tool exits 1 with no output when nothing matches.
    if ((error as { code?: unknown }).code === 1) return null;
    throw error;
  }
}

async function keyringItems(label: string): Promise<number> {
  return secrets.countItems({ service: SERVICE_NAME, username: entryKey(ADDRESS, label).account });
}

beforeAll(async () => {
  const mail = (async () => {
    dovecot = await startDovecot({
      ip: IP.mail,
      users: [{ user: ADDRESS, password: PASSWORD }],
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
          '/mail/config-v1.1.xml': () => ({
            body: configXml(DOMAIN, [
              { type: 'imap', host: IMAP_HOST, port: 993, socketType: 'SSL' },
              { type: 'smtp', host: SMTP_HOST, port: 465, socketType: 'SSL' },
            ]),
            headers: { 'content-type': 'text/xml' },
          }),
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

describe('saved passwords in the wizard, on gnome-keyring', () => {
  it('saves, lists, renames and deletes an app password', { timeout: 120_000 }, async () => {
    // One saved earlier (another program of the same account), so the list has two and a name is taken.
    await backend.keychain.set({ address: ADDRESS, label: EARLIER.label, password: EARLIER.password });

    const wizard = new WizardDriver(session, 'passwords', 'en');
    await wizard.open();
    await wizard.enterAddress(ADDRESS, 'Clara Berg');
    expect(await wizard.searchOutcome()).toBe('found');
    await wizard.acceptSettings();
    await wizard.chooseImap();
    await wizard.testWithPassword(PASSWORD);
    expect(await wizard.get('test-summary').getAttribute('data-ok')).toBe('true');

    // Save: the wizard's own label, in the keyring.
    expect(await wizard.saveAndContinue()).toBe('saved');
    const label = (await backend.keychain.list()).find((entry) => entry.label !== EARLIER.label)?.label ?? '';
    expect(label).not.toBe('');
    expect(await keyringSecret(label)).toBe(PASSWORD);

    // List: from the last step, both entries by label with account and servers, never a password.
    await wizard.press('finish-manage-passwords');
    await wizard.get('passwords-view').waitFor();
    await wizard.until(`document.querySelectorAll('[data-testid="saved-password"]').length === 2`);
    expect(await wizard.page.evaluate('document.activeElement?.id')).toBe('passwords-title');
    expect(await entryLabels(wizard)).toEqual([label, EARLIER.label].sort());
    const saved = entry(wizard, label);
    expect(await saved.getByTestId('saved-password-address').textContent()).toBe(ADDRESS);
    expect(await saved.getByTestId('saved-password-servers').textContent()).toBe(
      `${IMAP_HOST}, ${SMTP_HOST}`,
    );
    const page = await wizard.page.content();
    expectNoPassword(page, ADDRESS, PASSWORD);
    expectNoPassword(page, ADDRESS, EARLIER.password);
    await wizard.record('list');

    // Rename: the other entry's name is refused (nothing changes), then a free one is taken.
    await wizard.press(saved.getByTestId('rename-password'));
    expect(await wizard.page.evaluate('document.activeElement?.dataset.testid')).toBe('rename-input');
    await wizard.type('rename-input', EARLIER.label);
    await wizard.page.keyboard.press('Enter');
    await wizard.get('rename-replace').waitFor();
    expect(await saved.locator('[data-code="keychain-label-taken"]').count()).toBe(1);
    await wizard.record('rename-taken');
    expect(await keyringSecret(EARLIER.label)).toBe(EARLIER.password);
    expect(await keyringSecret(label)).toBe(PASSWORD);

    await wizard.type('rename-input', RENAMED);
    await wizard.page.keyboard.press('Enter');
    await wizard.until(
      `document.querySelector('[data-testid="passwords-status"]')?.textContent.includes('is now called')`,
    );
    expect(await wizard.text('passwords-status')).toBe(`“${label}” is now called “${RENAMED}”.`);
    expect(await entryLabels(wizard)).toEqual([RENAMED, EARLIER.label].sort());
    // Focus stays with the renamed entry.
    expect(await wizard.page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(
      `Rename “${RENAMED}”`,
    );
    await wizard.record('renamed');
    // In the keyring: the same secret under the new name, nothing left under the old one.
    expect(await keyringSecret(RENAMED)).toBe(PASSWORD);
    expect(await keyringSecret(label)).toBeNull();
    expect(await keyringItems(label)).toBe(0);
    expect(await keyringItems(RENAMED)).toBe(1);

    // Delete: asked first, naming the program that will need the password again; "Keep it" keeps it.
    await wizard.press(entry(wizard, RENAMED).getByTestId('delete-password'));
    const confirm = wizard.get('delete-confirm');
    expect(await confirm.textContent()).toContain(
      `The program it is for, “${RENAMED}”, will then ask for the password again`,
    );
    expect(await wizard.page.evaluate('document.activeElement?.dataset.testid')).toBe('delete-keep');
    await wizard.record('delete-confirm');
    await wizard.press('delete-keep');
    expect(await confirm.count()).toBe(0);
    expect(await keyringSecret(RENAMED)).toBe(PASSWORD);

    await wizard.press(entry(wizard, RENAMED).getByTestId('delete-password'));
    await wizard.press('delete-confirm-yes');
    await wizard.until(`document.querySelectorAll('[data-testid="saved-password"]').length === 1`);
    expect(await wizard.text('passwords-status')).toBe(
      `Deleted the saved password “${RENAMED}” for ${ADDRESS}.`,
    );
    expect(await entryLabels(wizard)).toEqual([EARLIER.label]);
    await wizard.record('deleted');
    expect(await keyringSecret(RENAMED)).toBeNull();
    expect(await keyringItems(RENAMED)).toBe(0);
    // The other program's password was never touched.
    expect(await keyringSecret(EARLIER.label)).toBe(EARLIER.password);
    expect((await backend.keychain.list()).map((item) => item.label)).toEqual([EARLIER.label]);

    // Back to the set-up: the last step as it was left.
    await wizard.press('close-passwords');
    await wizard.waitForStep('finish');
    await wizard.expectCleanPage();
  });

  it('is reachable from the start screen, in German', { timeout: 60_000 }, async () => {
    const wizard = new WizardDriver(session, 'passwords', 'de');
    await wizard.open();
    await wizard.press('open-passwords');
    await wizard.get('passwords-view').waitFor();
    expect(await wizard.page.locator('#passwords-title').textContent()).toBe('Gespeicherte Passwörter');
    await wizard.until(`document.querySelectorAll('[data-testid="saved-password"]').length === 1`);
    expect(await entryLabels(wizard)).toEqual([EARLIER.label]);
    expect(await wizard.get('delete-password').getAttribute('aria-label')).toBe(`„${EARLIER.label}“ löschen`);
    await wizard.record('start');
    // Dark as well: the screenshot, and axe judging the contrast of the question's buttons.
    await wizard.page.emulateMedia({ colorScheme: 'dark' });
    await wizard.press('delete-password');
    await wizard.get('delete-confirm').waitFor();
    await wizard.record('start-confirm-dark');
    await wizard.press('delete-keep');
    await wizard.page.emulateMedia({ colorScheme: 'light' });
    expect(await keyringSecret(EARLIER.label)).toBe(EARLIER.password);
    await wizard.press('close-passwords');
    await wizard.waitForStep('address');
    await wizard.expectCleanPage();
  });
});

function entry(wizard: WizardDriver, label: string) {
  return wizard.page.locator(`[data-testid="saved-password"][data-label=${JSON.stringify(label)}]`);
}

/** The labels listed, sorted. A string expression: the page's CSP refuses eval of a function body. */
async function entryLabels(wizard: WizardDriver): Promise<string[]> {
  const labels = (await wizard.page.evaluate(
    `[...document.querySelectorAll('[data-testid="saved-password"]')].map((item) => item.dataset.label)`,
  )) as string[];
  return labels.sort();
}
