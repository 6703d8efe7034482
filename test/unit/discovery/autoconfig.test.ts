import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { autoconfigSource } from '../../../core/discovery/autoconfig.js';
import { MailSetupError } from '../../../core/errors.js';
import { TooManyRedirectsError } from '../../../core/net/fetch.js';
import {
  delayed,
  type FetchCall,
  fakeContext,
  fixture,
  hanging,
  testAddress,
} from '../../fixtures/xml/fake-context.js';

const address = testAddress('jörg', 'müller.example', 'xn--mller-kva.example');
const FIRST =
  'https://autoconfig.xn--mller-kva.example/mail/config-v1.1.xml?emailaddress=j%C3%B6rg%40xn--mller-kva.example';
const SECOND = 'https://xn--mller-kva.example/.well-known/autoconfig/mail/config-v1.1.xml';
const config = fixture('localpart.xml');

/** Nothing but URL, signal and limits leaves us: no headers, no credentials, no body on a GET. */
function expectAnonymousGets(calls: FetchCall[]): void {
  for (const { url, options } of calls) {
    expect(Object.keys(options).sort()).toEqual(['signal', 'timeoutMs']);
    expect(new URL(url).username + new URL(url).password).toBe('');
    expect(new URL(url).protocol).toBe('https:');
  }
}

describe('autoconfigSource', () => {
  it('asks both URLs at once (ASCII domain, encoded address) and prefers the first', async () => {
    const { context, calls, lookups } = fakeContext({
      address,
      replies: { [FIRST]: delayed(30, config), [SECOND]: { text: fixture('gmail.com.xml') } },
    });
    const found = await autoconfigSource(context);
    expect(calls.map((call) => call.url)).toEqual([FIRST, SECOND]);
    expectAnonymousGets(calls);
    expect(calls[0]?.options.signal).toBeInstanceOf(AbortSignal);
    expect(found).toEqual({
      source: 'autoconfig',
      trusted: true,
      provider: { id: 'hosting.example', name: 'müller.example Mail' },
      incoming: expect.arrayContaining([
        expect.objectContaining({ host: 'xn--mller-kva.example', username: 'jörg' }),
      ]),
      outgoing: expect.any(Array),
      hints: [],
      origin: FIRST,
      publishers: ['xn--mller-kva.example'],
    });
    expect(lookups).toEqual([
      { source: 'autoconfig', target: SECOND, outcome: 'found', ms: expect.any(Number) },
      { source: 'autoconfig', target: FIRST, outcome: 'found', ms: expect.any(Number) },
    ]);
  });

  it('takes the second URL when the first has nothing', async () => {
    const { context, lookups } = fakeContext({
      address,
      replies: { [FIRST]: { status: 404, text: fixture('not-xml.txt') }, [SECOND]: { text: config } },
    });
    const found = await autoconfigSource(context);
    expect(found?.origin).toBe(SECOND);
    expect(lookups.map(({ target, outcome }) => [target, outcome])).toEqual([
      [FIRST, 'not-found'],
      [SECOND, 'found'],
    ]);
  });

  it('does not wait for the second URL once the first answered, and cancels it', async () => {
    const { context, lookups } = fakeContext({
      address,
      replies: { [FIRST]: { text: config }, [SECOND]: hanging() },
    });
    expect((await autoconfigSource(context))?.origin).toBe(FIRST);
    await tick();
    expect(lookups.map(({ target, outcome }) => [target, outcome])).toEqual([
      [FIRST, 'found'],
      [SECOND, 'cancelled'],
    ]);
  });

  it('does not trust an answer a redirect brought from another domain, and names both domains', async () => {
    const final = 'https://autoconfig.hoster.example/mail/config-v1.1.xml';
    const { context } = fakeContext({ address, replies: { [FIRST]: { text: config, url: final } } });
    const found = await autoconfigSource(context);
    expect(found).toMatchObject({
      trusted: false,
      origin: final,
      // The host we were sent to does not vouch for its own servers.
      publishers: ['xn--mller-kva.example'],
      detour: { from: 'autoconfig.xn--mller-kva.example', to: 'hoster.example', chain: [FIRST, final] },
    });
  });

  it('stays trusted when every redirect stays in the mail domain', async () => {
    const inside = [
      'https://www.xn--mller-kva.example/autoconfig',
      'https://xn--mller-kva.example/config.xml',
    ];
    const { context } = fakeContext({
      address,
      replies: { [FIRST]: { text: config, url: inside[1], redirects: inside } },
    });
    const found = await autoconfigSource(context);
    expect(found).toMatchObject({ trusted: true, origin: inside[1], publishers: ['xn--mller-kva.example'] });
    expect(found?.detour).toBeUndefined();
  });

  it('does not trust a chain that leaves the mail domain and comes back to it', async () => {
    const hops = ['https://tracker.example/r?to=config', 'https://xn--mller-kva.example/uploads/config.xml'];
    const { context } = fakeContext({
      address,
      replies: { [FIRST]: { text: config, url: hops[1], redirects: hops } },
    });
    expect(await autoconfigSource(context)).toMatchObject({
      trusted: false,
      origin: hops[1],
      detour: { from: 'autoconfig.xn--mller-kva.example', to: 'tracker.example', chain: [FIRST, ...hops] },
    });
  });

  it('records a redirect loop as such and finds nothing', async () => {
    const { context, lookups } = fakeContext({
      address,
      replies: {
        [FIRST]: new TooManyRedirectsError(`redirect loop: ${FIRST} -> ${SECOND} -> ${FIRST}`),
        [SECOND]: { status: 404, text: '' },
      },
    });
    expect(await autoconfigSource(context)).toBeNull();
    expect(lookups.find((lookup) => lookup.target === FIRST)).toMatchObject({
      outcome: 'too-many-redirects',
      detail: expect.stringContaining('redirect loop'),
    });
  });

  it('records HTML pages and hostile XML as not found, network failures as such', async () => {
    const { context, lookups } = fakeContext({
      address,
      replies: {
        [FIRST]: { text: fixture('xxe.xml') },
        [SECOND]: { text: fixture('not-xml-no-doctype.txt') },
      },
    });
    expect(await autoconfigSource(context)).toBeNull();
    expect(lookups.map((lookup) => lookup.outcome).sort()).toEqual(['not-found', 'not-found']);

    const failing = fakeContext({
      address,
      replies: {
        [FIRST]: new MailSetupError('timeout', 'no answer within 4000 ms'),
        [SECOND]: new MailSetupError('certificate-hostname-mismatch', 'cert is for other.example', 'http'),
      },
    });
    expect(await autoconfigSource(failing.context)).toBeNull();
    expect(failing.lookups).toEqual([
      {
        source: 'autoconfig',
        target: FIRST,
        outcome: 'timeout',
        ms: expect.any(Number),
        detail: expect.any(String),
      },
      {
        source: 'autoconfig',
        target: SECOND,
        outcome: 'error',
        ms: expect.any(Number),
        detail: expect.stringContaining('other.example'),
      },
    ]);
  });

  it('needs an incoming and an outgoing server', async () => {
    const incomingOnly = config.replace(/<outgoingServer[\s\S]*<\/outgoingServer>/, '');
    const { context, lookups } = fakeContext({ address, replies: { [FIRST]: { text: incomingOnly } } });
    expect(await autoconfigSource(context)).toBeNull();
    expect(lookups.find((lookup) => lookup.target === FIRST)?.outcome).toBe('not-found');
  });
});
