import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedAddress } from '../../../core/address/parse.js';
import { createGuessSource, guessCandidates } from '../../../core/discovery/guess.js';
import type { DiscoveryContext } from '../../../core/discovery/types.js';
import type { Lookup } from '../../../core/model.js';
import type { Resolver } from '../../../core/net/resolver.js';
import { proveCandidate } from '../../../core/probe/prove-candidate.js';
import {
  type Adversary,
  type AdversaryOptions,
  CREDENTIAL_COMMANDS,
  startAdversary,
  staticResolver,
} from '../../peers/adversaries.js';
import { issueCert } from '../../peers/ca.js';

/** The source as detect builds it: candidates proven by the probe, without a login. */
const guessSource = createGuessSource(proveCandidate);

// Standard ports need addresses of their own: other test files use random ports on 127.0.2.1.
const GOOD_IP = '127.0.2.10';
const WRONG_NAME_IP = '127.0.2.11';
const SILENT_IP = '127.0.2.12';

function address(domain: string): ParsedAddress {
  return {
    address: `jo@${domain}`,
    localPart: 'jo',
    domain,
    domainUnicode: domain,
    asciiAddress: `jo@${domain}`,
  };
}

function contextFor(domain: string, resolver: Resolver, sourceTimeoutMs = 4000) {
  const lookups: Lookup[] = [];
  const context: DiscoveryContext = {
    address: address(domain),
    net: { resolver, fetch: () => Promise.reject(new Error('guess never fetches')), offline: false },
    ispdbUrl: 'https://ispdb.invalid/v1.1/',
    bundled: { providers: [], byDomain: () => undefined, byMxHost: () => undefined },
    signal: new AbortController().signal,
    sourceTimeoutMs,
    record: (lookup) => lookups.push(lookup),
  };
  return { context, lookups };
}

describe('guessCandidates', () => {
  it('lists IMAP, POP3, SMTP best first: implicit TLS before STARTTLS, specific names first', () => {
    const targets = guessCandidates('example.test').map(
      (c) => `${c.protocol}://${c.host}:${c.port}/${c.security}`,
    );
    expect(targets).toEqual([
      'imap://imap.example.test:993/tls',
      'imap://mail.example.test:993/tls',
      'imap://example.test:993/tls',
      'imap://imap.example.test:143/starttls',
      'imap://mail.example.test:143/starttls',
      'imap://example.test:143/starttls',
      'pop3://pop3.example.test:995/tls',
      'pop3://pop.example.test:995/tls',
      'pop3://mail.example.test:995/tls',
      'pop3://pop3.example.test:110/starttls',
      'pop3://pop.example.test:110/starttls',
      'pop3://mail.example.test:110/starttls',
      'smtp://smtp.example.test:465/tls',
      'smtp://mail.example.test:465/tls',
      'smtp://smtp.example.test:587/starttls',
      'smtp://mail.example.test:587/starttls',
    ]);
  });

  it('covers the host rule of seed 002 (pop./imap./smtp.DOMAIN on 995, 993, 465 and 587)', () => {
    const targets = new Set(guessCandidates('domain.de').map((c) => `${c.host}:${c.port}/${c.security}`));
    for (const seeded of [
      'pop.domain.de:995/tls',
      'imap.domain.de:993/tls',
      'smtp.domain.de:465/tls',
      'smtp.domain.de:587/starttls',
    ]) {
      expect(targets, seeded).toContain(seeded);
    }
  });
});

describe('guessSource', () => {
  const adversaries: Adversary[] = [];
  beforeAll(async () => {
    const good = issueCert({ names: ['imap.guess.test', 'smtp.guess.test'] });
    const wrongName = issueCert({ names: ['other.test'] });
    const servers: AdversaryOptions[] = [
      { ip: GOOD_IP, port: 993, behaviour: 'imap-ok', security: 'tls', tls: good },
      { ip: GOOD_IP, port: 143, behaviour: 'imap-ok', tls: good },
      { ip: GOOD_IP, port: 465, behaviour: 'smtp-ok', security: 'tls', tls: good },
      { ip: GOOD_IP, port: 587, behaviour: 'smtp-ok', tls: good },
      // mail.guess.test answers like a mail server, but with a certificate for another name.
      { ip: WRONG_NAME_IP, port: 993, behaviour: 'imap-ok', security: 'tls', tls: wrongName },
      { ip: WRONG_NAME_IP, port: 587, behaviour: 'smtp-ok', tls: wrongName },
      { ip: SILENT_IP, port: 993, behaviour: 'silent' },
    ];
    for (const options of servers) adversaries.push(await startAdversary(options));
  });
  afterAll(async () => {
    await Promise.all(adversaries.map((adversary) => adversary.close()));
  });

  const resolver = staticResolver({
    'imap.guess.test': GOOD_IP,
    'smtp.guess.test': GOOD_IP,
    'mail.guess.test': WRONG_NAME_IP,
  });

  it('finds the proven IMAP and SMTP servers and ignores a wrong-name certificate', async () => {
    const { context, lookups } = contextFor('guess.test', resolver);
    const found = await guessSource(context);
    const server = { username: 'jo@guess.test', auth: 'password' };
    expect(found).toEqual({
      source: 'guess',
      trusted: true,
      incoming: [
        { protocol: 'imap', host: 'imap.guess.test', port: 993, security: 'tls', ...server },
        { protocol: 'imap', host: 'imap.guess.test', port: 143, security: 'starttls', ...server },
      ],
      outgoing: [
        { protocol: 'smtp', host: 'smtp.guess.test', port: 465, security: 'tls', ...server },
        { protocol: 'smtp', host: 'smtp.guess.test', port: 587, security: 'starttls', ...server },
      ],
      hints: [],
      origin: 'guess',
      publishers: ['guess.test'],
    });

    const outcome = (target: string) => lookups.find((lookup) => lookup.target === target);
    expect(lookups.every((lookup) => lookup.source === 'guess')).toBe(true);
    // Names that do not resolve are looked up once and never probed.
    for (const host of ['guess.test', 'pop3.guess.test', 'pop.guess.test']) {
      expect(lookups.filter((lookup) => lookup.target === `A ${host}`)).toHaveLength(1);
      expect(outcome(`A ${host}`)?.outcome).toBe('not-found');
      expect(lookups.some((lookup) => lookup.target.includes(`://${host}:`))).toBe(false);
    }
    expect(outcome('A imap.guess.test')?.outcome).toBe('found');
    expect(outcome('imap://imap.guess.test:993')?.outcome).toBe('found');
    expect(outcome('smtp://smtp.guess.test:587')?.outcome).toBe('found');
    expect(outcome('imap://mail.guess.test:993')).toMatchObject({ outcome: 'error' });
    expect(outcome('imap://mail.guess.test:993')?.detail).toContain('certificate-hostname-mismatch');
    expect(outcome('smtp://mail.guess.test:587')?.detail).toContain('certificate-hostname-mismatch');
    expect(outcome('pop3://mail.guess.test:995')?.detail).toContain('connection-refused');
    for (const adversary of adversaries) expect(adversary.received()).not.toMatch(CREDENTIAL_COMMANDS);
  });

  it('finds nothing when no incoming server proves itself', async () => {
    const onlySmtp = staticResolver({ 'smtp.guess.test': GOOD_IP });
    const { context } = contextFor('guess.test', onlySmtp);
    expect(await guessSource(context)).toBeNull();
  });

  it('finds nothing, without probing, when no name resolves', async () => {
    const { context, lookups } = contextFor('nothing.test', staticResolver({}));
    expect(await guessSource(context)).toBeNull();
    expect(lookups.map((lookup) => lookup.outcome)).toEqual(Array(6).fill('not-found'));
  });

  it('gives up on a silent server at its own deadline, within the source timeout', async () => {
    const slow = staticResolver({ 'imap.slow.test': SILENT_IP, 'smtp.slow.test': GOOD_IP });
    const { context, lookups } = contextFor('slow.test', slow, 1000);
    expect(await guessSource(context)).toBeNull();
    expect(lookups.find((lookup) => lookup.target === 'imap://imap.slow.test:993')?.outcome).toBe('timeout');
  });
});
