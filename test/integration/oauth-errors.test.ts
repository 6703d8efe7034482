// Every way a sign-in through the provider goes wrong, produced by real peers on 127.0.25.x: the
// OpenID provider's own page (Cancel, another account, a permission unticked), a provider that does not
// answer, a redirect port another program holds, and Dovecot refusing a good token for IMAP (the
// mailbox's IMAP switched off) while Postfix takes it. Each ends in its own code and plain words.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMailSetupError } from '../../core/errors.js';
import { t } from '../../core/messages/index.js';
import { createNet, type Net } from '../../core/net/index.js';
import { signIn } from '../../core/oauth/sign-in.js';
import type { OAuthClientRegistration } from '../../core/oauth/types.js';
import { probeServer } from '../../core/probe/probe.js';
import { Secret } from '../../core/probe/secret.js';
import { localizeProbeError } from '../../core/probe/test-run.js';
import { type FormPerson, signInByForm } from '../helpers/oidc-browser.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type OidcProviderHandle, startOidcProvider } from '../peers/oidc-provider.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';

const ISSUER_IP = '127.0.25.10';
const MAIL_IP = '127.0.25.20';
const SILENT_IP = '127.0.25.30';
const DOMAIN = 'oauth-errors.test';
const ISSUER_HOST = `login.${DOMAIN}`;
const DOWN_HOST = `down.${DOMAIN}`;
const MAIL_HOST = `mail.${DOMAIN}`;
const CLIENT_ID = 'mailsetup-errors-client';
const MAIL_SCOPE = 'mail';
const alice = { email: `alice@${DOMAIN}`, password: 'alice-provider-password' };
const bob = { email: `bob@${DOMAIN}`, password: 'bob-provider-password' };
const carol = { email: `carol@${DOMAIN}`, password: 'carol-provider-password' };
const dave = { email: `dave@${DOMAIN}`, password: 'dave-provider-password' };

let dns: DnsHandle;
let provider: OidcProviderHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let network: Net;

beforeAll(async () => {
  dns = await startDns({
    authoritative: ['test'],
    a: { [ISSUER_HOST]: [ISSUER_IP], [MAIL_HOST]: [MAIL_IP], [DOWN_HOST]: [SILENT_IP] },
  });
  provider = await startOidcProvider({
    ip: ISSUER_IP,
    hostname: ISSUER_HOST,
    users: [alice, bob, carol, dave],
    clientId: CLIENT_ID,
    extraScopes: [MAIL_SCOPE],
  });
  dovecot = await startDovecot({
    ip: MAIL_IP,
    users: [],
    certNames: [MAIL_HOST],
    oauth2: {
      introspectionUrl: provider.introspectionUrl,
      scope: MAIL_SCOPE,
      disabledServices: [
        { user: carol.email, services: ['imap'] },
        { user: dave.email, services: ['pop3', 'smtp'] },
      ],
    },
  });
  postfix = await startPostfix({
    ip: MAIL_IP,
    certNames: [MAIL_HOST],
    dovecotAuthSocket: dovecot.authSocket,
  });
  network = createNet({ dns: dns.server });
});
afterAll(async () => {
  network?.resolver.cancel();
  await postfix?.stop();
  await dovecot?.stop();
  await provider?.stop();
  await dns?.stop();
});

const registration: OAuthClientRegistration = { issuer: `https://${ISSUER_HOST}`, clientId: CLIENT_ID };

function signInAs(person: FormPerson, address: string, reg: OAuthClientRegistration = registration) {
  let opened = 0;
  const run = signIn(
    {
      address,
      registration: reg,
      scopes: [MAIL_SCOPE],
      waitForPersonMs: 10_000,
      openUrl: async (url) => {
        opened += 1;
        await signInByForm(url, person, { [ISSUER_HOST]: ISSUER_IP });
      },
    },
    { fetch: network.fetch },
  );
  return { run, opened: () => opened };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isMailSetupError(error)) return { code: error.code, detail: error.detail ?? '' };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('the sign-in', () => {
  it('says so when the person presses Cancel on the provider page (consent denied)', async () => {
    const { run } = signInAs({ login: alice.email, password: alice.password, action: 'deny' }, alice.email);
    const { code, detail } = await failure(run);
    expect(code).toBe('oauth-consent-denied');
    expect(detail).toContain('access_denied');
    expect(t('de', `error.${code}`)).toMatch(/abgebrochen/);
  });

  it('compares the account that signed in with the address (ID token e-mail)', async () => {
    const { run } = signInAs({ login: bob.email, password: bob.password }, alice.email);
    const { code, detail } = await failure(run);
    expect(code).toBe('oauth-wrong-account');
    expect(detail).toContain(bob.email);
    expect(detail).toContain(alice.email);
  });

  it('notices a mail permission left unticked on the consent page (scope missing)', async () => {
    const { run } = signInAs(
      { login: alice.email, password: alice.password, untick: [MAIL_SCOPE] },
      alice.email,
    );
    const { code, detail } = await failure(run);
    expect(code).toBe('oauth-scope-missing');
    expect(detail).toContain(`not granted: ${MAIL_SCOPE}`);
  });

  it('names the issuer that cannot be reached, before any page is opened', async () => {
    const { run, opened } = signInAs({ login: alice.email, password: alice.password }, alice.email, {
      issuer: `https://${DOWN_HOST}`,
      clientId: CLIENT_ID,
    });
    const { code, detail } = await failure(run);
    expect(code).toBe('oauth-issuer-unreachable');
    expect(detail).toContain(DOWN_HOST);
    expect(opened()).toBe(0);
  });

  it('says which port is taken when the registered redirect port is in use', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', () => resolve()));
    const port = (squatter.address() as net.AddressInfo).port;
    try {
      const { run, opened } = signInAs({ login: alice.email, password: alice.password }, alice.email, {
        ...registration,
        redirectPort: port,
      });
      const { code, detail } = await failure(run);
      expect(code).toBe('oauth-redirect-port-taken');
      expect(detail).toContain(String(port));
      expect(opened()).toBe(0);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('uses a free registered redirect port', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { run } = signInAs({ login: alice.email, password: alice.password }, alice.email, {
      ...registration,
      redirectPort: port,
    });
    const tokens = await run;
    expect(tokens.account).toBe(alice.email);
  });
});

describe('a mailbox with IMAP switched off', () => {
  it('takes the token for SMTP and refuses it for IMAP: "IMAP disabled" with the fix', async () => {
    const tokens = await signInAs({ login: carol.email, password: carol.password }, carol.email).run;
    const credentials = { username: carol.email, accessToken: tokens.accessToken };
    const common = { host: MAIL_HOST, resolver: network.resolver, credentials } as const;
    const [imap, smtp] = await Promise.all([
      probeServer({ ...common, protocol: 'imap', port: 993, security: 'tls' }),
      probeServer({ ...common, protocol: 'smtp', port: 465, security: 'tls' }),
    ]);
    expect(smtp.error).toBeUndefined();
    expect(imap).toMatchObject({ ok: false, auth: 'failed' });
    expect(imap.error).toMatchObject({ code: 'auth-failed', reason: 'imap-disabled' });
    const words = localizeProbeError(imap.error!, 'en');
    expect(words.message).toMatch(/IMAP is most likely switched off/);
    expect(words.fix).toMatch(/Exchange admin center/);
    expect(JSON.stringify(imap)).not.toContain(tokens.accessToken.reveal());
    // One attempt: Dovecot saw one IMAP login for carol.
    const attempts = (await dovecot.loginAttempts()).filter((a) => a.user === carol.email);
    expect(attempts.filter((a) => a.service === 'imap')).toHaveLength(1);
  });
});

describe('a mailbox with POP and sending (SMTP AUTH) switched off', () => {
  it('takes the token for IMAP and says which service is off, with "receive only" for SMTP', async () => {
    const tokens = await signInAs({ login: dave.email, password: dave.password }, dave.email).run;
    const credentials = { username: dave.email, accessToken: tokens.accessToken };
    const common = { host: MAIL_HOST, resolver: network.resolver, credentials } as const;
    const [imap, pop3, smtp] = await Promise.all([
      probeServer({ ...common, protocol: 'imap', port: 993, security: 'tls' }),
      probeServer({ ...common, protocol: 'pop3', port: 995, security: 'tls' }),
      probeServer({ ...common, protocol: 'smtp', port: 587, security: 'starttls' }),
    ]);
    expect(imap.error).toBeUndefined();
    expect(pop3.error).toMatchObject({ code: 'auth-failed', reason: 'pop3-disabled' });
    expect(smtp.error).toMatchObject({ code: 'auth-failed', reason: 'smtp-auth-disabled' });
    expect(smtp.error?.detail).toMatch(/^535 /);
    expect(localizeProbeError(smtp.error!, 'de').fix).toMatch(/nur zum Empfangen/);
    for (const result of [pop3, smtp])
      expect(JSON.stringify(result)).not.toContain(tokens.accessToken.reveal());
  });
});

describe('a token the provider does not know', () => {
  const FORGED = 'forged-access-token-0123456789abcdefghij';
  it.each([
    ['imap', 993, 'XOAUTH2'],
    ['imap', 143, 'OAUTHBEARER'],
    ['pop3', 995, 'XOAUTH2'],
    ['smtp', 465, 'OAUTHBEARER'],
    ['smtp', 587, 'XOAUTH2'],
  ] as const)(
    'is refused on %s %i (%s) after the error challenge, and never shown',
    async (protocol, port, mechanism) => {
      const result = await probeServer({
        protocol,
        port,
        security: port === 143 || port === 587 ? 'starttls' : 'tls',
        host: MAIL_HOST,
        resolver: network.resolver,
        credentials: { username: alice.email, accessToken: new Secret(FORGED), mechanism },
      });
      expect(result).toMatchObject({ ok: false, auth: 'failed' });
      expect(result.error).toMatchObject({ code: 'auth-failed', reason: 'oauth-token-refused' });
      const text = JSON.stringify(result);
      expect(text).not.toContain(FORGED);
      expect(text).not.toContain(Buffer.from(FORGED).toString('base64').slice(0, 24));
      // The challenge was answered (XOAUTH2: an empty line; OAUTHBEARER: %x01) and a verdict followed.
      expect(result.transcript.filter((line) => line.startsWith('C: ')).length).toBeGreaterThanOrEqual(3);
    },
  );
});
