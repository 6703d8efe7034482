// The domain check's view of published client settings, asked through detection's own sources with a
// stand-in fetch: a redirect to another domain is named with both domains, a loop as broken.

import { describe, expect, it } from 'vitest';
import { checkAutoconfig, checkAutodiscover } from '../../../core/domain-check/client-config.js';
import { t } from '../../../core/messages/index.js';
import { TooManyRedirectsError } from '../../../core/net/fetch.js';
import { fakeContext, fixture, testAddress } from '../../fixtures/xml/fake-context.js';

const AUTOCONFIG =
  'https://autoconfig.corp.example/mail/config-v1.1.xml?emailaddress=postmaster%40corp.example';
const AUTODISCOVER = 'https://autodiscover.corp.example/autodiscover/autodiscover.xml';

function netWith(replies: Parameters<typeof fakeContext>[0]['replies']) {
  return fakeContext({ address: testAddress('postmaster', 'corp.example'), replies }).context.net;
}

describe('client-config checks', () => {
  it('name an autoconfig redirect to another domain with both domains', async () => {
    const moved = 'https://autoconfig.provider.example/corp.xml';
    const net = netWith({ [AUTOCONFIG]: { text: fixture('gmail.com.xml'), url: moved } });
    const check = await checkAutoconfig('corp.example', net, new AbortController().signal);
    expect(check.findings).toContainEqual({
      verdict: 'warning',
      key: 'redirected',
      params: { from: 'autoconfig.corp.example', to: 'provider.example' },
    });
    expect(check.findings.map((finding) => finding.key)).toEqual(['ok', 'redirected']);
    const said = t('en', 'domain.any.redirected', {
      from: 'autoconfig.corp.example',
      to: 'provider.example',
    });
    expect(said).toMatch(/^autoconfig\.corp\.example sends mail programs on to provider\.example/);
  });

  it('name an autodiscover redirectAddr to another domain the same way', async () => {
    const hosted = 'https://autodiscover.hosted.example/autodiscover/autodiscover.xml';
    const redirect = fixture('pox-redirect-addr.xml').replace(
      'jane@hosted.example',
      'postmaster@hosted.example',
    );
    const net = netWith({
      [AUTODISCOVER]: { text: redirect },
      [hosted]: { text: fixture('pox-imap-smtp.xml') },
    });
    const check = await checkAutodiscover('corp.example', net, new AbortController().signal);
    expect(check.findings).toContainEqual({
      verdict: 'warning',
      key: 'redirected',
      params: { from: 'autodiscover.corp.example', to: 'hosted.example' },
    });
  });

  it('call a redirect loop broken, with the loop as the reason', async () => {
    const loop = new TooManyRedirectsError(`redirect loop: ${AUTOCONFIG} -> ${AUTOCONFIG}`);
    const check = await checkAutoconfig(
      'corp.example',
      netWith({ [AUTOCONFIG]: loop }),
      new AbortController().signal,
    );
    expect(check.findings).toEqual([
      {
        verdict: 'warning',
        key: 'broken',
        params: { url: AUTOCONFIG, reason: expect.stringContaining('redirect loop') },
      },
    ]);
    expect(check.records).toContainEqual(expect.stringContaining(`${AUTOCONFIG} too-many-redirects`));
  });
});
