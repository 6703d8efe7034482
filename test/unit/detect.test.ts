// detect's judgement of a source's answer, with stand-in sources (no network): a redirect to another
// domain makes the answer untrusted, with both domains named in plain words.

import { describe, expect, it } from 'vitest';
import { detect } from '../../core/detect.js';
import type { Detour, DiscoverySource, FoundConfig } from '../../core/discovery/types.js';
import type { ServerSettings, SourceName } from '../../core/model.js';
import { createNet } from '../../core/net/index.js';

const server = (protocol: ServerSettings['protocol'], host: string): ServerSettings => ({
  protocol,
  host,
  port: protocol === 'smtp' ? 465 : 993,
  security: 'tls',
  username: 'jane@example.org',
  auth: 'password',
});

function answer(source: SourceName, domain: string, extra: Partial<FoundConfig> = {}): DiscoverySource {
  return async () => ({
    source,
    trusted: true,
    incoming: [server('imap', `imap.${domain}`)],
    outgoing: [server('smtp', `smtp.${domain}`)],
    hints: [],
    origin: `https://autoconfig.${domain}/mail/config-v1.1.xml`,
    publishers: ['example.org'],
    ...extra,
  });
}

const nothing: DiscoverySource = async () => null;
const quiet: Partial<Record<SourceName, DiscoverySource>> = {
  bundled: nothing,
  autoconfig: nothing,
  ispdb: nothing,
  mx: nothing,
  srv: nothing,
  autodiscover: nothing,
  guess: nothing,
};
const net = createNet({ dns: '127.0.0.1:9' });

const detour: Detour = {
  from: 'autoconfig.example.org',
  to: 'provider.example',
  chain: [
    'https://autoconfig.example.org/mail/config-v1.1.xml',
    'https://autoconfig.provider.example/mail/config-v1.1.xml',
  ],
};

describe('detect: answers a redirect brought from another domain', () => {
  it('are untrusted, with a warning naming both domains and the way we went', async () => {
    const result = await detect(
      { address: 'jane@example.org' },
      {
        net,
        sources: {
          ...quiet,
          autoconfig: answer('autoconfig', 'provider.example', { trusted: false, detour }),
        },
      },
    );
    expect(result).toMatchObject({ found: true, source: 'autoconfig', trusted: false });
    const warning = result.warnings.find((entry) => entry.code === 'redirect-to-other-domain');
    expect(warning).toEqual({
      code: 'redirect-to-other-domain',
      message: expect.stringContaining('autoconfig.example.org sent us on to provider.example'),
      detail: `${detour.chain[0]} -> ${detour.chain[1]}`,
    });
    expect(warning?.message).toContain("not example.org's");
    // The servers are still named as another organisation's, whoever published them.
    expect(result.warnings.map((entry) => entry.code)).toEqual([
      'redirect-to-other-domain',
      'server-outside-domain',
      'server-outside-domain',
    ]);
  });

  it('say so in German too, with IDN domains in both forms, Unicode first', async () => {
    const result = await detect(
      { address: 'jörg@müller.example', lang: 'de' },
      {
        net,
        sources: {
          ...quiet,
          autodiscover: answer('autodiscover', 'xn--mller-kva.example', {
            trusted: false,
            publishers: ['xn--mller-kva.example'],
            detour: {
              from: 'autodiscover.xn--mller-kva.example',
              to: 'xn--hster-kva.example',
              chain: ['https://autodiscover.xn--mller-kva.example/a', 'https://xn--hster-kva.example/a'],
            },
          }),
        },
      },
    );
    expect(result.trusted).toBe(false);
    expect(result.warnings[0]?.message).toMatch(
      /^autodiscover\.müller\.example \(autodiscover\.xn--mller-kva\.example\) hat uns an hüster\.example \(xn--hster-kva\.example\) weitergeleitet: .*nicht von müller\.example \(xn--mller-kva\.example\)\./,
    );
  });

  it('become trusted when a trusted source of the mail domain names the same servers in it', async () => {
    // The detour's host chose nothing the domain's own DNS does not say itself.
    const result = await detect(
      { address: 'jane@example.org' },
      {
        net,
        sources: {
          ...quiet,
          autoconfig: answer('autoconfig', 'example.org', { trusted: false, detour }),
          srv: answer('srv', 'example.org', { origin: '_imaps._tcp.example.org' }),
        },
      },
    );
    expect(result).toMatchObject({ source: 'autoconfig', trusted: true, confirmedBy: ['srv'] });
    expect(result.warnings).toEqual([]);
  });
});
