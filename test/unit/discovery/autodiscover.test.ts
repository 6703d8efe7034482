import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { autodiscoverSource } from '../../../core/discovery/autodiscover.js';
import { buildPoxRequest } from '../../../core/discovery/pox.js';
import {
  type FetchCall,
  fakeContext,
  fixture,
  hanging,
  type Reply,
  testAddress,
} from '../../fixtures/xml/fake-context.js';

const jane = testAddress('jane', 'corp.example');
const AUTODISCOVER = 'https://autodiscover.corp.example/autodiscover/autodiscover.xml';
const BARE = 'https://corp.example/autodiscover/autodiscover.xml';
const SRV_NAME = '_autodiscover._tcp.corp.example';

function srvRecord(name: string, port = 443) {
  return { [SRV_NAME]: [{ name, port, priority: 0, weight: 0 }] };
}

/** Every request is an anonymous POST of the standard request: no headers, no credentials. */
function expectAnonymousPosts(calls: FetchCall[]): void {
  for (const { url, options } of calls) {
    expect(Object.keys(options).sort()).toEqual(['body', 'contentType', 'method', 'signal', 'timeoutMs']);
    expect(options.method).toBe('POST');
    expect(options.contentType).toBe('text/xml; charset=utf-8');
    expect(options.body).not.toMatch(/password|authorization/i);
    expect(new URL(url).username + new URL(url).password).toBe('');
  }
}

function outcomes(lookups: { target: string; outcome: string }[]): Record<string, string> {
  return Object.fromEntries(lookups.map(({ target, outcome }) => [target, outcome]));
}

describe('autodiscoverSource', () => {
  it('POSTs the request to autodiscover.DOMAIN and DOMAIN and asks SRV, all at once', async () => {
    const { context, calls, lookups } = fakeContext({
      address: jane,
      replies: { [AUTODISCOVER]: { text: fixture('pox-imap-smtp.xml') }, [BARE]: { status: 401, text: '' } },
    });
    const found = await autodiscoverSource(context);
    expect(calls.map((call) => call.url)).toEqual([AUTODISCOVER, BARE]);
    expectAnonymousPosts(calls);
    expect(calls[0]?.options.body).toBe(buildPoxRequest('jane@corp.example'));
    expect(found).toMatchObject({
      source: 'autodiscover',
      trusted: true,
      origin: AUTODISCOVER,
      publishers: ['corp.example'],
      hints: [],
    });
    expect(found?.provider).toBeUndefined();
    expect(
      found?.incoming.map((server) => [server.host, server.port, server.security, server.username]),
    ).toEqual([['imap.corp.example', 993, 'tls', 'jane.doe']]);
    await tick();
    expect(outcomes(lookups)).toEqual({
      [AUTODISCOVER]: 'found',
      [BARE]: 'not-found',
      [`SRV ${SRV_NAME}`]: 'not-found',
    });
    expect(lookups.every((lookup) => lookup.source === 'autodiscover')).toBe(true);
  });

  it('uses an SRV target in another organisation, but does not trust it', async () => {
    const target = 'https://mail.hoster.example/autodiscover/autodiscover.xml';
    const { context, calls, lookups } = fakeContext({
      address: jane,
      srv: srvRecord('Mail.Hoster.example.'),
      replies: {
        [AUTODISCOVER]: { text: fixture('pox-error.xml') },
        [BARE]: { text: fixture('not-xml.txt') },
        [target]: { text: fixture('pox-pop3-tls.xml') },
      },
    });
    const found = await autodiscoverSource(context);
    expectAnonymousPosts(calls);
    expect(found).toMatchObject({
      trusted: false,
      origin: target,
      publishers: ['corp.example'],
      detour: { from: SRV_NAME, to: 'hoster.example', chain: [SRV_NAME, target] },
    });
    expect(found?.incoming[0]).toMatchObject({
      protocol: 'pop3',
      security: 'starttls',
      username: 'jane@corp.example',
    });
    expect(outcomes(lookups)).toEqual({
      [AUTODISCOVER]: 'not-found',
      [BARE]: 'not-found',
      [`SRV ${SRV_NAME}`]: 'found',
      [target]: 'found',
    });
  });

  it('trusts an SRV target in the mail domain, with its port', async () => {
    const target = 'https://exchange.corp.example:8443/autodiscover/autodiscover.xml';
    const { context } = fakeContext({
      address: jane,
      srv: srvRecord('exchange.corp.example', 8443),
      replies: { [target]: { text: fixture('pox-imap-smtp.xml') } },
    });
    const found = await autodiscoverSource(context);
    expect(found).toMatchObject({ trusted: true, origin: target, publishers: ['corp.example'] });
    expect(found?.detour).toBeUndefined();
  });

  it('does not ask an SRV target twice when it is one of the usual URLs', async () => {
    const { context, calls } = fakeContext({ address: jane, srv: srvRecord('autodiscover.corp.example') });
    expect(await autodiscoverSource(context)).toBeNull();
    expect(calls.map((call) => call.url)).toEqual([AUTODISCOVER, BARE]);
  });

  it('follows a redirectAddr once, asking for the new address at its domain, and does not trust it', async () => {
    const hosted = 'https://autodiscover.hosted.example/autodiscover/autodiscover.xml';
    const withoutLogin = fixture('pox-pop3-tls.xml');
    const { context, calls, lookups } = fakeContext({
      address: jane,
      replies: {
        [AUTODISCOVER]: { text: fixture('pox-redirect-addr.xml') },
        [hosted]: { text: withoutLogin },
      },
    });
    const found = await autodiscoverSource(context);
    expectAnonymousPosts(calls);
    expect(calls.find((call) => call.url === hosted)?.options.body).toBe(
      buildPoxRequest('jane@hosted.example'),
    );
    expect(found).toMatchObject({
      trusted: false,
      origin: hosted,
      publishers: ['corp.example'],
      detour: { from: 'autodiscover.corp.example', to: 'hosted.example', chain: [AUTODISCOVER, hosted] },
    });
    // No LoginName: the address the server redirected to.
    expect(found?.incoming[0]?.username).toBe('jane@hosted.example');
    expect(outcomes(lookups)[AUTODISCOVER]).toBe('found');
    expect(outcomes(lookups)[hosted]).toBe('found');
  });

  it('does not follow a redirectAddr back to the same address', async () => {
    const self = fixture('pox-redirect-addr.xml').replace('jane@hosted.example', 'JANE@corp.example');
    const { context, calls } = fakeContext({ address: jane, replies: { [AUTODISCOVER]: { text: self } } });
    expect(await autodiscoverSource(context)).toBeNull();
    expect(calls.map((call) => call.url)).toEqual([AUTODISCOVER, BARE]);
  });

  it('follows one https redirectUrl, not a second one', async () => {
    const first = 'https://autodiscover.hosted.example/one.xml';
    const second = 'https://autodiscover.hosted.example/two.xml';
    const redirectTo = (url: string): Reply => ({
      text: `<Autodiscover><Response><Account><AccountType>email</AccountType><Action>redirectUrl</Action>
        <RedirectUrl>${url}</RedirectUrl></Account></Response></Autodiscover>`,
    });
    const { context, calls } = fakeContext({
      address: jane,
      replies: {
        [AUTODISCOVER]: redirectTo(first),
        [first]: redirectTo(second),
        [second]: { text: fixture('pox-imap-smtp.xml') },
      },
    });
    expect(await autodiscoverSource(context)).toBeNull();
    expect(calls.map((call) => call.url)).toEqual([AUTODISCOVER, BARE, first]);

    const once = fakeContext({
      address: jane,
      replies: { [AUTODISCOVER]: redirectTo(first), [first]: { text: fixture('pox-imap-smtp.xml') } },
    });
    expect(await autodiscoverSource(once.context)).toMatchObject({
      origin: first,
      trusted: false,
      detour: { from: 'autodiscover.corp.example', to: 'hosted.example', chain: [AUTODISCOVER, first] },
    });
    expectAnonymousPosts(once.calls);
    expect(once.calls.find((call) => call.url === first)?.options.body).toBe(
      buildPoxRequest('jane@corp.example'),
    );
  });

  it('trusts a redirectAddr to another address of the same domain', async () => {
    const sameDomain = fixture('pox-redirect-addr.xml').replace(
      'jane@hosted.example',
      'jane.doe@corp.example',
    );
    const { context, calls } = fakeContext({
      address: jane,
      replies: { [AUTODISCOVER]: { text: sameDomain }, [BARE]: { text: fixture('pox-imap-smtp.xml') } },
    });
    // The first answer redirects; the bare domain, asked for jane.doe, answers with settings.
    const found = await autodiscoverSource(context);
    expect(calls.map((call) => [call.url, call.options.body])).toContainEqual([
      BARE,
      buildPoxRequest('jane.doe@corp.example'),
    ]);
    expect(found).toMatchObject({ trusted: true, origin: BARE });
    expect(found?.detour).toBeUndefined();
  });

  it('does not trust an answer an HTTP redirect brought from another domain', async () => {
    const moved = 'https://autodiscover.outlook.example/autodiscover/autodiscover.xml';
    const { context } = fakeContext({
      address: jane,
      replies: { [AUTODISCOVER]: { text: fixture('pox-imap-smtp.xml'), url: moved } },
    });
    expect(await autodiscoverSource(context)).toMatchObject({
      trusted: false,
      origin: moved,
      detour: { from: 'autodiscover.corp.example', to: 'outlook.example', chain: [AUTODISCOVER, moved] },
    });
  });

  it('never follows a redirectUrl to plain http', async () => {
    const { context, calls, lookups } = fakeContext({
      address: jane,
      replies: {
        [AUTODISCOVER]: {
          text: `<Autodiscover><Response><Account><AccountType>email</AccountType><Action>redirectUrl</Action>
            <RedirectUrl>http://evil.example/autodiscover.xml</RedirectUrl></Account></Response></Autodiscover>`,
        },
      },
    });
    expect(await autodiscoverSource(context)).toBeNull();
    expect(calls.every((call) => call.url.startsWith('https://'))).toBe(true);
    expect(outcomes(lookups)[AUTODISCOVER]).toBe('not-found');
  });

  it('finds nothing in SPA-only answers and hostile XML', async () => {
    const { context, lookups } = fakeContext({
      address: jane,
      replies: { [AUTODISCOVER]: { text: fixture('pox-spa-on.xml') }, [BARE]: { text: fixture('xxe.xml') } },
    });
    expect(await autodiscoverSource(context)).toBeNull();
    expect(outcomes(lookups)[AUTODISCOVER]).toBe('not-found');
    expect(outcomes(lookups)[BARE]).toBe('not-found');
  });

  it('prefers autodiscover.DOMAIN and cancels what still runs', async () => {
    const { context, lookups } = fakeContext({
      address: jane,
      replies: { [AUTODISCOVER]: { text: fixture('pox-imap-smtp.xml') }, [BARE]: hanging() },
    });
    expect((await autodiscoverSource(context))?.origin).toBe(AUTODISCOVER);
    await tick();
    expect(outcomes(lookups)[BARE]).toBe('cancelled');
  });
});
