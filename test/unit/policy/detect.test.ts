// detect under a policy, with stand-in sources (no network): the preset wins over every source,
// allowedDomains refuses other addresses, protocols filter what every source found.

import { describe, expect, it } from 'vitest';
import { detect } from '../../../core/detect.js';
import type { DiscoverySource, FoundConfig } from '../../../core/discovery/types.js';
import type { ServerSettings, SourceName } from '../../../core/model.js';
import { createNet } from '../../../core/net/index.js';
import { policySchema } from '../../../core/policy/schema.js';
import type { PolicyState } from '../../../core/policy/types.js';

const FILE = '/etc/mailsetup/policy.json';

function state(policy: unknown): PolicyState {
  return { file: FILE, origin: 'machine', policy: policySchema('en').parse(policy) };
}

const preset = {
  domains: ['corp.example'],
  incoming: [
    { protocol: 'imap', host: 'mail.corp.example', port: 993, security: 'tls', username: '%EMAILLOCALPART%' },
  ],
  outgoing: [{ protocol: 'smtp', host: 'mail.corp.example', port: 465, security: 'tls' }],
};

const server = (protocol: ServerSettings['protocol'], host: string, port: number): ServerSettings => ({
  protocol,
  host,
  port,
  security: 'tls',
  username: 'jane@corp.example',
  auth: 'password',
});

function found(source: SourceName, incoming: ServerSettings[]): DiscoverySource {
  return async () =>
    ({
      source,
      trusted: true,
      incoming,
      outgoing: [server('smtp', `smtp.${source}.example`, 465)],
      hints: [],
      origin: `https://${source}.example/`,
      publishers: ['corp.example', `${source}.example`],
    }) satisfies FoundConfig;
}

const nothing: DiscoverySource = async () => null;
/** Every network source replaced: these tests never leave the process. */
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

describe('detect under a policy', () => {
  it('the preset wins over a source that also answers, trusted, with the user name pattern filled', async () => {
    const result = await detect(
      { address: 'Jane@corp.example' },
      {
        net,
        policy: state({ presets: [preset], requireAppPassword: true, branding: { name: 'Corp IT' } }),
        sources: {
          ...quiet,
          autoconfig: found('autoconfig', [server('imap', 'imap.autoconfig.example', 993)]),
        },
      },
    );
    expect(result).toMatchObject({ found: true, source: 'policy', trusted: true, warnings: [] });
    expect(result.incoming).toEqual([
      {
        protocol: 'imap',
        host: 'mail.corp.example',
        port: 993,
        security: 'tls',
        username: 'Jane',
        auth: 'app-password',
      },
    ]);
    expect(result.outgoing[0]).toMatchObject({ username: 'Jane@corp.example', auth: 'app-password' });
    expect(result.hints).toEqual([
      { code: 'app-password-required', message: expect.stringContaining('Corp IT requires an app password') },
    ]);
    expect(result.lookups).toContainEqual(
      expect.objectContaining({ source: 'policy', target: FILE, outcome: 'found' }),
    );
  });

  it('a domain without a preset goes on to the other sources', async () => {
    const result = await detect(
      { address: 'max@other.example' },
      {
        net,
        policy: state({ presets: [preset] }),
        sources: { ...quiet, autoconfig: found('autoconfig', [server('imap', 'imap.other.example', 993)]) },
      },
    );
    expect(result.source).toBe('autoconfig');
    expect(result.lookups).toContainEqual(
      expect.objectContaining({ source: 'policy', target: FILE, outcome: 'not-found' }),
    );
  });

  it('refuses an address outside allowedDomains before asking anything', async () => {
    let asked = false;
    const spy: DiscoverySource = async () => {
      asked = true;
      return null;
    };
    await expect(
      detect(
        { address: 'jane@gmail.example' },
        { net, policy: state({ allowedDomains: ['corp.example'] }), sources: { ...quiet, autoconfig: spy } },
      ),
    ).rejects.toMatchObject({ code: 'policy-domain-not-allowed', detail: 'gmail.example' });
    expect(asked).toBe(false);
    // A subdomain of an allowed domain is allowed.
    await expect(
      detect(
        { address: 'jane@de.corp.example' },
        { net, policy: state({ allowedDomains: ['corp.example'] }), sources: quiet },
      ),
    ).resolves.toMatchObject({ found: false });
  });

  it('protocols ["imap"]: POP3 servers are left out of a source’s answer, with a hint', async () => {
    const result = await detect(
      { address: 'jane@corp.example', lang: 'de' },
      {
        net,
        policy: state({ protocols: ['imap'] }),
        sources: {
          ...quiet,
          autoconfig: found('autoconfig', [
            server('pop3', 'pop.corp.example', 995),
            server('imap', 'imap.corp.example', 993),
          ]),
        },
      },
    );
    expect(result.incoming.map((entry) => entry.protocol)).toEqual(['imap']);
    expect(result.hints).toContainEqual({
      code: 'policy-protocols',
      message:
        'Ihr Administrator erlaubt für den Posteingang nur IMAP, daher wurden die POP3-Server weggelassen.',
    });
  });

  it('a source that offers only a forbidden protocol counts as nothing found: the next source answers', async () => {
    const result = await detect(
      { address: 'jane@corp.example' },
      {
        net,
        policy: state({ protocols: ['imap'] }),
        sources: {
          ...quiet,
          autoconfig: found('autoconfig', [server('pop3', 'pop.corp.example', 995)]),
          srv: found('srv', [server('imap', 'imap.corp.example', 993)]),
        },
      },
    );
    expect(result.source).toBe('srv');
    expect(result.lookups).toContainEqual(
      expect.objectContaining({
        source: 'autoconfig',
        outcome: 'skipped',
        detail: 'only POP3 offered; the policy allows IMAP',
      }),
    );
  });

  it('an unusable policy stops detect with policy-invalid, naming the field', async () => {
    const broken: PolicyState = {
      file: FILE,
      origin: 'machine',
      error: {
        code: 'policy-invalid',
        file: FILE,
        issues: [{ path: 'presets[0].incoming[0].security', message: 'no plain text' }],
        message: 'x',
        fix: 'y',
      },
    };
    await expect(
      detect({ address: 'jane@corp.example' }, { net, policy: broken, sources: quiet }),
    ).rejects.toMatchObject({
      code: 'policy-invalid',
      detail: `${FILE}: presets[0].incoming[0].security: no plain text`,
    });
  });
});
