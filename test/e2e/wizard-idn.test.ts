// An IDN mail domain in the wizard (Chromium, real core through the browser host): the person reads
// their domain and servers in Unicode, the helpdesk agent the ASCII (xn--) form in brackets beside it;
// a domain mixing alphabets is pointed out with both forms. Test internet on 127.0.16.1.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configXml } from '../helpers/config-xml.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../peers/https-host.js';
import type { E2eSession } from './harness.js';
import { NO_KEYCHAIN_ENV, type WizardBackend, wizardBackend } from './wizard-backend.js';
import { openWizardSession, WizardDriver } from './wizard-driver.js';

const IP = { web: '127.0.16.1' };
const ASCII = 'xn--mller-kva.test'; // müller.test
const IMAP = `imap.${ASCII}`;
const SMTP = `smtp.${ASCII}`;

let dns: DnsHandle;
let web: HttpsHostsHandle;
let backend: WizardBackend;
let session: E2eSession;

beforeAll(async () => {
  [dns, web] = await Promise.all([
    startDns({ authoritative: ['test'], a: { [`autoconfig.${ASCII}`]: [IP.web] } }),
    startHttpsHosts({
      [`autoconfig.${ASCII}`]: {
        ip: IP.web,
        routes: {
          '/mail/config-v1.1.xml': () => ({
            body: configXml(ASCII, [
              { type: 'imap', host: IMAP, port: 993, socketType: 'SSL' },
              { type: 'smtp', host: SMTP, port: 465, socketType: 'SSL' },
            ]),
            headers: { 'content-type': 'text/xml' },
          }),
        },
      },
    }),
  ]);
  backend = wizardBackend({ dns: dns.server, keychainEnv: NO_KEYCHAIN_ENV });
  session = await openWizardSession({ api: backend.api, locale: 'de-DE' });
});

afterAll(async () => {
  await session?.close();
  await backend?.close();
  await web?.stop();
  await dns?.stop();
});

describe('an IDN mail domain', () => {
  it('shows the domain and every server in both forms, Unicode first', async () => {
    const wizard = new WizardDriver(session, 'idn', 'de');
    await wizard.open();
    await wizard.enterAddress('jörg@müller.test', 'Jörg Müller');
    expect(await wizard.searchOutcome()).toBe('found');
    const servers = await wizard.resultServers();
    expect(servers.imap).toBe(`imap.müller.test (${IMAP}) 993 SSL/TLS`);
    expect(servers.smtp).toBe(`smtp.müller.test (${SMTP}) 465 SSL/TLS`);
    await wizard.record('settings-idn');
    await wizard.expectCleanPage();
  });

  it('points out a domain that mixes alphabets, with both forms', async () => {
    const wizard = new WizardDriver(session, 'lookalike', 'de');
    await wizard.open();
    // A Cyrillic "а" in an otherwise Latin name; nothing is found there.
    await wizard.enterAddress('max@p\u0430ypal.test', 'Max');
    expect(await wizard.searchOutcome()).toBe('not-found');
    const warning = wizard.get('result-warnings').locator('li[data-code="possible-lookalike"]');
    expect(await warning.count()).toBe(1);
    const text = await warning.textContent();
    expect(text).toContain('p\u0430ypal.test');
    expect(text).toMatch(/\(fürs Internet geschrieben: xn--[a-z0-9-]+\.test\)/);
    await wizard.record('settings-lookalike');
  });
});
