// Sign-in through the provider against real peers on 127.0.15.x: the certified OpenID provider
// (oidc-provider, its own login page driven with HTTP requests), Dovecot checking each token by
// introspection at that provider, Postfix asking Dovecot. Core's flow (discovery, PKCE, loopback
// redirect, code exchange, refresh), then XOAUTH2 and OAUTHBEARER over real IMAP, POP3 and SMTP; the
// token never in a transcript. The refresh token lives in a real gnome-keyring and nowhere else; a
// revoked one leads back to one sign-in.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerSettings } from '../../core/model.js';
import { createNet, type Net } from '../../core/net/index.js';
import { refreshAccess } from '../../core/oauth/refresh.js';
import { obtainAccess, refreshTokenLabel } from '../../core/oauth/session.js';
import { signIn } from '../../core/oauth/sign-in.js';
import type { OAuthTokens } from '../../core/oauth/tokens.js';
import { probeServer } from '../../core/probe/probe.js';
import type { BearerMechanism } from '../../core/probe/secret.js';
import { createIsolatedStore, forkHost } from '../../core/secrets/isolated-store.js';
import { createKeychain, type Keychain } from '../../core/secrets/keychain.js';
import { createSavedIndex } from '../../core/secrets/saved-index.js';
import { CHROMIUM_ARGS } from '../e2e/harness.js';
import { type FormPerson, signInByForm } from '../helpers/oidc-browser.js';
import { filesHolding, filesUnder } from '../helpers/secret-search.js';
import { TEST_TMP } from '../peers/ca.js';
import { type DnsHandle, startDns } from '../peers/dnsmasq.js';
import { type DovecotHandle, startDovecot } from '../peers/dovecot.js';
import { type OidcProviderHandle, startOidcProvider } from '../peers/oidc-provider.js';
import { type PostfixHandle, startPostfix } from '../peers/postfix.js';
import { type SecretServiceHandle, startSecretService } from '../peers/secret-service.js';

const ISSUER_IP = '127.0.15.10';
const MAIL_IP = '127.0.15.20';
const DOMAIN = 'oauth.test';
const ISSUER_HOST = `login.${DOMAIN}`;
const MAIL_HOST = `mail.${DOMAIN}`;
const CLIENT_ID = 'mailsetup-test-client';
const MAIL_SCOPE = 'mail';
const alice = { email: `alice@${DOMAIN}`, password: 'alice-provider-password' };

let dns: DnsHandle;
let provider: OidcProviderHandle;
let dovecot: DovecotHandle;
let postfix: PostfixHandle;
let net: Net;
let keyring: SecretServiceHandle;
let keychain: Keychain;
let dataDir: string;

beforeAll(async () => {
  keyring = await startSecretService();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-oauth-'));
  keychain = createKeychain({
    store: createIsolatedStore({ launch: () => forkHost({ env: { ...process.env, ...keyring.env } }) }),
    index: createSavedIndex(dataDir),
    hostname: 'test-pc',
  });
  dns = await startDns({
    authoritative: ['test'],
    a: { [ISSUER_HOST]: [ISSUER_IP], [MAIL_HOST]: [MAIL_IP] },
  });
  provider = await startOidcProvider({
    ip: ISSUER_IP,
    hostname: ISSUER_HOST,
    users: [alice],
    clientId: CLIENT_ID,
    extraScopes: [MAIL_SCOPE],
  });
  dovecot = await startDovecot({
    ip: MAIL_IP,
    users: [],
    certNames: [MAIL_HOST],
    oauth2: { introspectionUrl: provider.introspectionUrl, scope: MAIL_SCOPE },
  });
  postfix = await startPostfix({
    ip: MAIL_IP,
    certNames: [MAIL_HOST],
    dovecotAuthSocket: dovecot.authSocket,
  });
  net = createNet({ dns: dns.server });
});
afterAll(async () => {
  await keychain?.close();
  await keyring?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  net?.resolver.cancel();
  await postfix?.stop();
  await dovecot?.stop();
  await provider?.stop();
  await dns?.stop();
});

const registration = { issuer: `https://${ISSUER_HOST}`, clientId: CLIENT_ID };

function signInAs(person: FormPerson, address = alice.email) {
  const pages: string[] = [];
  const run = signIn(
    {
      address,
      registration,
      scopes: [MAIL_SCOPE],
      openUrl: async (url) => {
        pages.push(url);
        await signInByForm(url, person, { [ISSUER_HOST]: ISSUER_IP });
      },
    },
    { fetch: net.fetch },
  );
  return { run, pages };
}

const SERVERS: [ServerSettings['protocol'], number, ServerSettings['security']][] = [
  ['imap', 993, 'tls'],
  ['imap', 143, 'starttls'],
  ['pop3', 995, 'tls'],
  ['pop3', 110, 'starttls'],
  ['smtp', 465, 'tls'],
  ['smtp', 587, 'starttls'],
];

function probeWith(
  tokens: OAuthTokens,
  [protocol, port, security]: (typeof SERVERS)[number],
  mechanism?: BearerMechanism,
) {
  return probeServer({
    protocol,
    host: MAIL_HOST,
    port,
    security,
    resolver: net.resolver,
    credentials: {
      username: alice.email,
      accessToken: tokens.accessToken,
      ...(mechanism ? { mechanism } : {}),
    },
  });
}

describe('a sign-in that works', () => {
  let tokens: OAuthTokens;
  beforeAll(async () => {
    const { run, pages } = signInAs({ login: alice.email, password: alice.password });
    tokens = await run;
    expect(pages).toHaveLength(1);
  });

  it('runs authorization code with PKCE and a loopback redirect on 127.0.0.1', async () => {
    const { run, pages } = signInAs({ login: alice.email, password: alice.password });
    await run;
    const url = new URL(pages[0] ?? '');
    expect(url.origin).toBe(`https://${ISSUER_HOST}`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(url.searchParams.get('login_hint')).toBe(alice.email);
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'email', 'offline_access', MAIL_SCOPE]),
    );
    expect(tokens.account).toBe(alice.email);
    expect(tokens.refreshToken).toBeDefined();
  });

  it.each(SERVERS)('logs in on %s %i (%s) with the access token', async (...server) => {
    const introspected = provider.introspections();
    const result = await probeWith(tokens, server);
    expect({ error: result.error, auth: result.auth }).toEqual({ error: undefined, auth: 'ok' });
    expect(result.tls?.authorized).toBe(true);
    const token = tokens.accessToken.reveal();
    const text = JSON.stringify(result);
    expect(text).not.toContain(token);
    expect(text).not.toContain(Buffer.from(token).toString('base64').slice(0, 40));
    expect(result.transcript.some((line) => /^C: .*(?:XOAUTH2|OAUTHBEARER|^C: \*\*\*\*$)/.test(line))).toBe(
      true,
    );
    // Dovecot asked the provider about this very token.
    expect(provider.introspections()).toBeGreaterThan(introspected);
  });

  it.each(['XOAUTH2', 'OAUTHBEARER'] as const)('speaks %s on IMAP and SMTP', async (mechanism) => {
    for (const server of [SERVERS[0]!, SERVERS[5]!]) {
      const result = await probeWith(tokens, server, mechanism);
      expect({ port: server[1], error: result.error }).toEqual({ port: server[1], error: undefined });
      expect(result.transcript.join('\n')).toContain(mechanism);
      expect(result.transcript.join('\n')).toContain('****');
    }
  });

  it('refreshes the access token with the refresh token', async () => {
    const refreshed = await refreshAccess(
      { address: alice.email, registration, scopes: [MAIL_SCOPE], refreshToken: tokens.refreshToken! },
      { fetch: net.fetch },
    );
    expect(refreshed.accessToken.reveal()).not.toBe(tokens.accessToken.reveal());
    const result = await probeWith(refreshed, SERVERS[0]!);
    expect(result.error).toBeUndefined();
  });
});

describe('tokens kept between tests', () => {
  const access = (opened: string[]) =>
    obtainAccess(
      {
        address: alice.email,
        registration,
        scopes: [MAIL_SCOPE],
        hosts: [MAIL_HOST],
        openUrl: async (url) => {
          opened.push(url);
          await signInByForm(
            url,
            { login: alice.email, password: alice.password },
            { [ISSUER_HOST]: ISSUER_IP },
          );
        },
      },
      { fetch: net.fetch, keychain },
    );
  const label = refreshTokenLabel(registration.issuer);

  it('keeps the refresh token in the keychain only, labelled like an app password, and signs in once', async () => {
    const started = Date.now();
    const opened: string[] = [];
    const first = await access(opened);
    expect(first).toMatchObject({ via: 'sign-in', stored: true });
    expect(opened).toHaveLength(1);
    const refreshToken = first.refreshToken!.reveal();
    expect(await keychain.getPassword({ address: alice.email, label })).toBe(refreshToken);
    // Never taken for an app password: `mailsetup test --keychain` would send it to the mail server.
    expect(await keychain.getPassword({ address: alice.email })).toBeNull();
    expect(await keychain.list()).toEqual([
      expect.objectContaining({
        address: alice.email,
        label: 'OAuth2 (login.oauth.test)',
        hosts: [MAIL_HOST],
      }),
    ]);
    // The second test needs no page: the stored refresh token brings a new access token.
    const second = await access(opened);
    expect(second.via).toBe('refresh');
    expect(opened).toHaveLength(1);
    expect((await probeWith(second, SERVERS[0]!)).error).toBeUndefined();
    // Neither token in any file written meanwhile outside the keyring's own encrypted store.
    // Left out: the keyring's own encrypted store, and the test peers' folders (test/.tmp): Dovecot
    // there logs the tokens it checks in debug mode, which is the peer's log, not anything of ours.
    // (A clone under /tmp has test/.tmp inside os.tmpdir().)
    const files = [...filesUnder(dataDir, started), ...filesUnder(os.tmpdir(), started)].filter(
      (file) => !file.startsWith(keyring.home) && !file.startsWith(TEST_TMP),
    );
    for (const token of [refreshToken, second.refreshToken!.reveal(), second.accessToken.reveal()]) {
      expect(filesHolding(files, token)).toEqual([]);
    }
  });

  it('forgets a revoked refresh token and signs in again, once', async () => {
    const stored = await keychain.getPassword({ address: alice.email, label });
    expect(stored).toBeTruthy();
    const revoked = await net.fetch(`https://${ISSUER_HOST}/token/revocation`, {
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ token: stored!, client_id: CLIENT_ID }).toString(),
    });
    expect(revoked.status).toBe(200);
    const opened: string[] = [];
    const again = await access(opened);
    expect(again).toMatchObject({ via: 'sign-in', stored: true });
    expect(opened).toHaveLength(1);
    const renewed = await keychain.getPassword({ address: alice.email, label });
    expect(renewed).toBe(again.refreshToken!.reveal());
    expect(renewed).not.toBe(stored);
  });
});

describe('in Chromium', () => {
  it('signs in on the provider page in a real browser and logs in on IMAP and SMTP', async () => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-oauth-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        `--host-resolver-rules=MAP ${ISSUER_HOST} ${ISSUER_IP}`,
        // Trusts exactly the provider's key (the browser has its own store, without the test CA).
        `--ignore-certificate-errors-spki-list=${provider.spkiSha256}`,
      ],
    });
    try {
      const page = await context.newPage();
      const tokens = await signIn(
        {
          address: alice.email,
          registration,
          scopes: [MAIL_SCOPE],
          lang: 'de',
          openUrl: async (url) => {
            await page.goto(url);
            // The login hint fills in the address; the person types the password and allows.
            expect(await page.inputValue('#login')).toBe(alice.email);
            await page.fill('#password', alice.password);
            await Promise.all([
              page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/),
              page.click('#allow'),
            ]);
          },
        },
        { fetch: net.fetch },
      );
      // The browser ends on the app's own page, in the person's language.
      expect(await page.textContent('h1')).toBe('Angemeldet');
      expect(tokens.account).toBe(alice.email);
      for (const server of [SERVERS[0]!, SERVERS[4]!]) {
        expect((await probeWith(tokens, server)).error).toBeUndefined();
      }
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
