// The wizard in Chromium under an administrator's policy, read by core's own loader from files in the
// test's folder (never the machine's /etc): first a policy file with mistakes (the banner names the file,
// each field and the fix, and nothing can be searched), then a valid one for corp.test that allows IMAP
// only, locks the settings, requires an app password, limits the downloads and brands the app with a
// logo file and a helpdesk. That run goes through a real test against Dovecot and Postfix to the finish
// step and the Thunderbird guide, which carries the branding too. Test internet on 127.0.7.50.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../core/policy/load.js';
import type { PolicyState } from '../../core/policy/types.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';
import type { E2eSession } from './harness.js';
import { NO_KEYCHAIN_ENV, type WizardBackend, wizardBackend } from './wizard-backend.js';
import { expectNoPassword, openWizardSession, WizardDriver } from './wizard-driver.js';

const IP = '127.0.7.50';
const DOMAIN = 'corp.test';
const MAIL_HOST = `mail.${DOMAIN}`;
const jane = { address: `jane@${DOMAIN}`, name: 'Jane Doe', password: 'Janes app password 4 mail' };
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="36" viewBox="0 0 120 36">' +
  '<rect width="120" height="36" rx="6" fill="#0a6b4f"/>' +
  '<text x="60" y="24" font-size="16" font-family="sans-serif" text-anchor="middle" fill="#fff">Corp IT</text></svg>';

const VALID_POLICY = {
  presets: [
    {
      domains: [DOMAIN],
      provider: { id: 'corp', name: 'Corp Mail' },
      incoming: [{ protocol: 'imap', host: MAIL_HOST, port: 993, security: 'tls' }],
      outgoing: [{ protocol: 'smtp', host: MAIL_HOST, port: 465, security: 'tls' }],
    },
  ],
  allowedDomains: [DOMAIN],
  protocols: ['imap'],
  lockSettings: true,
  requireAppPassword: true,
  exportFormats: ['thunderbird', 'guide-thunderbird', 'guide-outlook'],
  branding: {
    name: 'Corp IT',
    logo: 'corp-logo.svg',
    supportPhone: '+49 30 1234 5678',
    supportMail: `it-help@${DOMAIN}`,
    supportUrl: `https://it.${DOMAIN}/mail`,
  },
};

const INVALID_POLICY = {
  ...VALID_POLICY,
  presets: [
    {
      ...VALID_POLICY.presets[0],
      incoming: [{ protocol: 'imap', host: MAIL_HOST, port: 993, security: 'plain' }],
    },
  ],
  lockSetting: true,
};

let folder: string;
let dns: DnsHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
const opened: { backend: WizardBackend; session: E2eSession }[] = [];

/** The policy file as core's loader reads it, with no machine or user file around. */
async function policyFrom(name: string, content: object): Promise<PolicyState> {
  const file = path.join(folder, name);
  writeFileSync(file, JSON.stringify(content, null, 2));
  const empty = path.join(folder, 'nothing-here');
  return loadPolicy({ file, lang: 'en', places: { platform: 'linux', env: {}, home: empty, root: empty } });
}

async function open(policy: PolicyState, flow: string): Promise<WizardDriver> {
  const backend = wizardBackend({
    dns: dns.server,
    keychainEnv: NO_KEYCHAIN_ENV,
    keychainTimeoutMs: 5000,
    policy,
  });
  const session = await openWizardSession({ api: backend.api, locale: 'en-GB' });
  opened.push({ backend, session });
  const wizard = new WizardDriver(session, flow, 'en');
  await wizard.open();
  return wizard;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-e2e-policy-'));
  mkdirSync(path.join(folder, 'nothing-here'));
  writeFileSync(path.join(folder, 'corp-logo.svg'), LOGO_SVG);
  const mail = (async () => {
    dovecot = await startDovecot({
      ip: IP,
      users: [{ user: jane.address, password: jane.password }],
      certNames: [MAIL_HOST],
    });
    postfix = await startPostfix({ ip: IP, certNames: [MAIL_HOST], dovecotAuthSocket: dovecot.authSocket });
  })();
  dns = await startDns({ authoritative: ['test'], a: { [MAIL_HOST]: [IP] } });
  await mail;
});

afterAll(async () => {
  for (const { session, backend } of opened) {
    await session.close();
    await backend.close();
  }
  await postfix?.stop();
  await dovecot?.stop();
  await dns?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('an administrator policy in the wizard (English)', () => {
  it('an invalid policy file: the banner with the file, each field and the fix; nothing can be searched', async () => {
    const policy = await policyFrom('broken-policy.json', INVALID_POLICY);
    expect(policy.error?.code).toBe('policy-invalid');
    const wizard = await open(policy, 'policy-invalid');

    const banner = wizard.get('policy-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    const text = await wizard.text('policy-banner');
    expect(text).toContain(path.join(folder, 'broken-policy.json'));
    expect(text).toContain('presets[0].incoming[0].security: "plain" is not allowed');
    expect(text).toContain('lockSetting:');
    expect(text).toContain('What to do: Tell your IT department');
    expect(await wizard.get('next').isDisabled()).toBe(true);
    expect(await wizard.text('policy-blocked')).toContain('Searching is paused');
    // Enter in the address field searches nothing either.
    await wizard.type('address-input', jane.address);
    await wizard.page.keyboard.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await wizard.get('step-address').count()).toBe(1);
    await wizard.record('address');
    await wizard.expectCleanPage();
  });

  it('IMAP only, locked, app password, branded: no POP3, no change, the helpdesk and a branded guide', async () => {
    const policy = await policyFrom('policy.json', VALID_POLICY);
    expect(policy.error).toBeUndefined();
    const wizard = await open(policy, 'policy');

    // The organisation in the header: its logo (from the file, as a data: URL) and its name.
    const logo = wizard.get('branding-logo');
    await logo.waitFor();
    expect(await logo.getAttribute('alt')).toBe('Logo of Corp IT');
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(
      await wizard.page.evaluate(`document.querySelector('[data-testid="branding-logo"]').naturalWidth`),
    ).toBe(120);
    expect(await wizard.text('branding-name')).toBe('Corp IT');
    expect(await wizard.get('policy-banner').count()).toBe(0);
    await wizard.enterAddress(jane.address, jane.name);

    // The policy's servers, locked.
    expect(await wizard.searchOutcome()).toBe('found');
    expect(await wizard.text('result-source')).toBe("Your organisation's settings");
    expect(await wizard.resultServers()).toEqual({
      imap: `${MAIL_HOST} 993 SSL/TLS`,
      smtp: `${MAIL_HOST} 465 SSL/TLS`,
    });
    expect(await wizard.get('change-settings').count()).toBe(0);
    expect(await wizard.text('settings-locked')).toBe(
      'Your administrator has fixed these settings, so they cannot be changed here.',
    );
    await wizard.record('settings');
    await wizard.acceptSettings();

    // IMAP only: no POP3 to choose, and why.
    expect(await wizard.get('type-pop3').count()).toBe(0);
    expect(await wizard.text('protocols-note')).toContain('Your administrator allows only IMAP');
    await wizard.chooseImap();

    // An app password, asked for as such.
    expect(await wizard.text('app-password-required')).toContain(
      'Corp IT requires an app password for mail programs.',
    );
    expect(await wizard.page.getByLabel('App password', { exact: true }).count()).toBe(1);
    await wizard.testWithPassword(jane.password);
    expect(await wizard.get('test-summary').getAttribute('data-ok')).toBe('true');
    expect(await wizard.get('change-settings').count()).toBe(0);
    await wizard.record('test');
    expect(await wizard.saveAndContinue()).toBe('session-only');

    // Only the programs the policy's formats allow; the helpdesk with working links.
    expect(await wizard.get('program-applemail').count()).toBe(0);
    expect(await wizard.get('program-outlook').count()).toBe(1);
    const support = wizard.get('support-box');
    expect(await support.getByRole('link', { name: '+49 30 1234 5678' }).getAttribute('href')).toBe(
      'tel:+493012345678',
    );
    expect(await support.getByRole('link', { name: `it-help@${DOMAIN}` }).getAttribute('href')).toBe(
      `mailto:it-help@${DOMAIN}`,
    );
    expect(
      await support.getByRole('link', { name: `https://it.${DOMAIN}/mail` }).getAttribute('target'),
    ).toBe('_blank');
    await wizard.chooseProgram('thunderbird');
    await wizard.record('finish');
    const guide = await wizard.download('export-guide');
    expect(guide.filename).toBe('guide-thunderbird-en.html');
    expect(guide.text).toContain('<p class="brand"><img src="data:image/svg+xml;base64,');
    expect(guide.text).toContain('<span>Corp IT</span>');
    expect(guide.text).toContain('Need help?');
    expect(guide.text).toContain('+49 30 1234 5678');
    expect(guide.text).toContain(`it-help@${DOMAIN}`);
    expect(guide.text).toContain(`https://it.${DOMAIN}/mail`);
    expectNoPassword(guide.text, jane.address, jane.password);
    await wizard.expectCleanPage();
  });
});
