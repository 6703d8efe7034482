// The policy file's rules, one by one: what is accepted and normalized, and for what is refused the
// field (as a path) and the reason in the person's language.

import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../core/model.js';
import { formatPath } from '../../../core/policy/problem.js';
import { policySchema, zodMessages } from '../../../core/policy/schema.js';

const FINGERPRINT = 'ab'.repeat(32);

const valid = {
  $schema: 'https://mailsetup.invalid/schemas/policy.schema.json',
  presets: [
    {
      domains: ['corp.example', 'MÜLLER.example.'],
      incoming: [{ protocol: 'imap', host: 'Mail.Corp.Example', port: 993, security: 'tls' }],
      outgoing: [
        {
          protocol: 'smtp',
          host: 'mail.corp.example',
          port: 587,
          security: 'starttls',
          username: '%EMAILLOCALPART%',
        },
      ],
      provider: { id: 'corp', name: 'Corp Mail' },
    },
  ],
  allowedDomains: ['corp.example', 'müller.example'],
  protocols: ['imap'],
  lockSettings: true,
  requireAppPassword: true,
  exportFormats: ['thunderbird', 'guide-outlook'],
  branding: {
    name: 'Corp IT',
    supportPhone: '+49 30 1234-567',
    supportMail: 'it@corp.example',
    supportUrl: 'https://it.corp.example/mail',
  },
  trustedCertificates: [{ host: 'mail.corp.example', sha256: FINGERPRINT }],
};

function issues(input: unknown, lang: Lang = 'en'): { path: string; message: string }[] {
  const result = policySchema(lang).safeParse(input, { error: zodMessages(lang) });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** The valid policy with one change made by `edit`. */
function changed(edit: (policy: typeof valid & Record<string, unknown>) => void): unknown {
  const copy = structuredClone(valid) as typeof valid & Record<string, unknown>;
  edit(copy);
  return copy;
}

describe('a valid policy', () => {
  it('is accepted and normalized: ASCII domains and hosts, fingerprints as Node writes them', () => {
    const result = policySchema('en').parse(valid);
    expect(result.presets[0]?.domains).toEqual(['corp.example', 'xn--mller-kva.example']);
    expect(result.presets[0]?.incoming[0]?.host).toBe('mail.corp.example');
    expect(result.allowedDomains).toEqual(['corp.example', 'xn--mller-kva.example']);
    expect(result.trustedCertificates?.[0]?.sha256).toBe(Array(32).fill('AB').join(':'));
    expect(result).not.toHaveProperty('$schema');
  });

  it('takes a fingerprint with colons and spaces around it, as pasted from openssl', () => {
    const pasted = ` ${Array(32).fill('0f').join(':')} `;
    const result = policySchema('en').parse({ trustedCertificates: [{ sha256: pasted }] });
    expect(result.trustedCertificates?.[0]?.sha256).toBe(Array(32).fill('0F').join(':'));
    expect(result.presets).toEqual([]);
  });

  it('is {} at the least', () => {
    expect(issues({})).toEqual([]);
  });
});

describe('an invalid policy names the field and the reason', () => {
  it.each(['plain', 'none', 'ssl', ''])('security "%s": no unencrypted or unknown choice', (security) => {
    const found = issues(changed((policy) => Object.assign(policy.presets[0]!.incoming[0]!, { security })));
    expect(found).toEqual([
      {
        path: 'presets[0].incoming[0].security',
        message: expect.stringContaining('there is no unencrypted choice'),
      },
    ]);
    expect(found[0]?.message).toContain(JSON.stringify(security));
  });

  it('a wrong type: port as text', () => {
    expect(
      issues(changed((policy) => Object.assign(policy.presets[0]!.incoming[0]!, { port: '993' }))),
    ).toEqual([
      {
        path: 'presets[0].incoming[0].port',
        message: 'a port is a whole number from 1 to 65535 (got "993")',
      },
    ]);
  });

  it('a missing field', () => {
    const found = issues(
      changed((policy) => Reflect.deleteProperty(policy.presets[0]!.outgoing[0]!, 'host')),
    );
    expect(found).toEqual([{ path: 'presets[0].outgoing[0].host', message: 'is required' }]);
  });

  it('an unknown key (a typo would otherwise switch nothing on)', () => {
    const found = issues(changed((policy) => Object.assign(policy, { lockSetting: true })));
    expect(found).toEqual([{ path: '', message: 'Unrecognized key: "lockSetting"' }]);
  });

  it.each([
    ['too short', 'ab'.repeat(31)],
    ['not hex', 'zz'.repeat(32)],
    ['SHA-1', 'ab'.repeat(20)],
  ])('a bad fingerprint (%s)', (_name, sha256) => {
    expect(issues({ trustedCertificates: [{ sha256 }] })).toEqual([
      {
        path: 'trustedCertificates[0].sha256',
        message: expect.stringContaining('is not a SHA-256 fingerprint'),
      },
    ]);
  });

  it('POP3 as outgoing, SMTP as incoming', () => {
    const found = issues(
      changed((policy) => {
        Object.assign(policy.presets[0]!.incoming[0]!, { protocol: 'smtp' });
        Object.assign(policy.presets[0]!.outgoing[0]!, { protocol: 'pop3' });
      }),
    );
    expect(found.map((issue) => issue.path)).toEqual([
      'presets[0].incoming[0].protocol',
      'presets[0].outgoing[0].protocol',
    ]);
  });

  it('a user name pattern with an unknown placeholder', () => {
    const found = issues(
      changed((policy) => Object.assign(policy.presets[0]!.incoming[0]!, { username: '%EMAILUSER%@corp' })),
    );
    expect(found).toEqual([
      {
        path: 'presets[0].incoming[0].username',
        message: expect.stringContaining('unknown placeholder %EMAILUSER%'),
      },
    ]);
  });

  it('rules between fields: presets inside allowedDomains and protocols, one preset per domain', () => {
    const found = issues(
      changed((policy) => {
        policy.presets[0]!.incoming.push({
          protocol: 'pop3',
          host: 'pop.corp.example',
          port: 995,
          security: 'tls',
        });
        policy.presets.push({
          ...structuredClone(valid.presets[0]!),
          domains: ['corp.example', 'other.example'],
        });
      }),
    );
    expect(found).toEqual([
      { path: 'presets[0].incoming[1].protocol', message: 'pop3 is not in protocols' },
      { path: 'presets[1].domains[0]', message: 'corp.example already has a preset (presets[0])' },
      { path: 'presets[1].domains[1]', message: 'other.example is outside allowedDomains' },
    ]);
  });

  it('branding: no web address as logo, no plain-http support page, a real address and phone number', () => {
    const found = issues(
      changed((policy) =>
        Object.assign(policy.branding, {
          logo: 'https://corp.example/logo.png',
          supportUrl: 'http://it.corp.example',
          supportMail: 'not an address',
          supportPhone: 'call us',
        }),
      ),
    );
    expect(found.map((issue) => issue.path).sort()).toEqual([
      'branding.logo',
      'branding.supportMail',
      'branding.supportPhone',
      'branding.supportUrl',
    ]);
  });

  it('a data: logo that is not the image it says it is', () => {
    const found = issues({
      branding: { name: 'X', logo: `data:image/png;base64,${Buffer.from('<svg></svg>').toString('base64')}` },
    });
    expect(found).toEqual([
      { path: 'branding.logo', message: expect.stringContaining('not the PNG, JPEG, SVG or WebP') },
    ]);
  });

  it('an unknown export format lists the known ones', () => {
    expect(issues({ exportFormats: ['pdf'] })).toEqual([
      {
        path: 'exportFormats[0]',
        message: expect.stringContaining('unknown format "pdf": use thunderbird, mobileconfig'),
      },
    ]);
  });

  it('speaks German, zod’s own messages included', () => {
    const found = issues(
      changed((policy) => {
        Object.assign(policy.presets[0]!.incoming[0]!, { security: 'plain' });
        Object.assign(policy, { lockSettings: 'yes', extra: 1 });
      }),
      'de',
    );
    expect(found).toEqual([
      {
        path: 'presets[0].incoming[0].security',
        message: expect.stringContaining('eine unverschlüsselte Wahl gibt es nicht'),
      },
      { path: 'lockSettings', message: 'muss true oder false sein (angegeben: "yes")' },
      { path: '', message: 'Unbekannter Schlüssel: "extra"' },
    ]);
  });
});

describe('oauthClients', () => {
  const registration = { issuer: 'https://login.example.test/tenant-1/v2.0', clientId: 'abc-123' };
  it('takes the organisation’s registrations, with an optional fixed redirect port', () => {
    const policy = policySchema('en').parse({
      ...valid,
      oauthClients: [registration, { ...registration, redirectPort: 51234 }],
    });
    expect(policy.oauthClients).toEqual([registration, { ...registration, redirectPort: 51234 }]);
  });
  it('refuses an issuer that is not https, a client id with spaces, a port out of range', () => {
    expect(
      issues({ ...valid, oauthClients: [{ ...registration, issuer: 'http://login.example.test' }] }),
    ).toEqual([
      {
        path: 'oauthClients[0].issuer',
        message: '"http://login.example.test" is not an https:// issuer address',
      },
    ]);
    expect(issues({ ...valid, oauthClients: [{ ...registration, clientId: 'two words' }] })[0]?.path).toBe(
      'oauthClients[0].clientId',
    );
    expect(issues({ ...valid, oauthClients: [{ ...registration, redirectPort: 70000 }] })[0]?.path).toBe(
      'oauthClients[0].redirectPort',
    );
    expect(issues({ ...valid, oauthClients: [{ ...registration, secret: 'x' }] })[0]?.message).toMatch(
      /secret/,
    );
  });
});
