// A real OpenID provider on one loopback address, port 443, certificate from the test CA (valid for its
// host name and its IP, so Dovecot can reach it by IP without our DNS). It is the certified
// `oidc-provider` package with:
// - a public native client (PKCE, any loopback port, RFC 8252) for the product's sign-in;
// - a confidential client for Dovecot's token introspection (RFC 7662);
// - its own login and consent page (/interaction/UID): a form with user name, password, one checkbox per
//   requested scope, and "Cancel" (consent denied). Tests drive it with HTTP requests or Chromium.
// Access tokens are opaque; their introspection carries the account's e-mail address and the scopes.

import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { issueCert } from './ca.js';
import { assertPortsFree } from './process.js';

export interface OidcUser {
  /** The login name typed on the sign-in page; also the e-mail claim. */
  email: string;
  password: string;
}

export interface OidcProviderOptions {
  ip: string;
  /** Host name of the issuer (https://HOST); the test DNS must answer it with `ip`. */
  hostname: string;
  users: OidcUser[];
  /** Client id of the public native client (the product's, configured like an IT department would). */
  clientId: string;
  /** Scopes a client may ask for beyond openid, email and offline_access (e.g. the mail scope). */
  extraScopes?: string[];
  /** Access token lifetime in seconds (default 600). */
  accessTokenTtl?: number;
}

export interface OidcProviderHandle {
  ip: string;
  issuer: string;
  /** What Dovecot's oauth2 passdb posts tokens to, by IP, with the introspection client's credentials. */
  introspectionUrl: string;
  /**
   * Base64 SHA-256 of the certificate's public key, for Chromium's --ignore-certificate-errors-spki-list:
   * a browser that trusts this one server without the test CA in its own store.
   */
  spkiSha256: string;
  /** Interactions seen: one per sign-in page shown. */
  interactions(): number;
  /** Token introspection requests (the mail server's checks of a token). */
  introspections(): number;
  stop(): Promise<void>;
}

const INTROSPECTION_CLIENT = 'dovecot-introspection';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function loginPage(uid: string, scopes: string[], hint: string | undefined, problem?: string): string {
  const boxes = scopes
    .map(
      (scope) =>
        `<label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" checked> ${escapeHtml(scope)}</label><br>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test provider sign-in</title></head>
<body>
<h1>Sign in to the test provider</h1>
${problem ? `<p id="problem">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label>E-mail <input id="login" name="login" autocomplete="username" value="${escapeHtml(hint ?? '')}"></label><br>
<label>Password <input id="password" name="password" type="password" autocomplete="current-password"></label><br>
<fieldset><legend>The app asks for</legend>
${boxes}
</fieldset>
<button id="allow" type="submit" name="action" value="allow">Sign in and allow</button>
<button id="deny" type="submit" name="action" value="deny">Cancel</button>
</form>
</body></html>`;
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProviderHandle> {
  await assertPortsFree(options.ip, [443]);
  const issuer = `https://${options.hostname}`;
  const introspectionSecret = randomBytes(24).toString('hex');
  const users = new Map(options.users.map((user) => [user.email.toLowerCase(), user]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let interactionCount = 0;
  let introspectionCount = 0;

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        // RFC 8252 7.3: for a native client the loopback port is free; the path must match.
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      {
        client_id: INTROSPECTION_CLIENT,
        client_secret: introspectionSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    scopes: ['openid', 'email', 'offline_access', ...(options.extraScopes ?? [])],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // As Google and Microsoft do: the ID token itself carries the e-mail address (not only userinfo).
    conformIdTokenClaims: false,
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      introspection: {
        enabled: true,
        // Only the mail server may ask what a token is worth.
        allowedPolicy: async (_ctx, client) => client.clientId === INTROSPECTION_CLIENT,
      },
    },
    // Like Microsoft for native apps: a refresh token with every code, without prompt=consent.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // The e-mail address travels with the access token, for the mail server's username_attribute.
    extraTokenClaims: async (_ctx, token) =>
      'accountId' in token && typeof token.accountId === 'string' ? { email: token.accountId } : undefined,
    findAccount: async (_ctx, sub) => {
      if (!users.has(sub)) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: sub, email_verified: true }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 600,
      AuthorizationCode: 60,
      IdToken: 600,
      RefreshToken: 86_400,
      Interaction: 600,
      Session: 3600,
      Grant: 86_400,
    },
    renderError: async (ctx: KoaContextWithOIDC, out) => {
      ctx.type = 'text/plain';
      ctx.body = `error: ${out.error}: ${out.error_description ?? ''}`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const providerHandler = provider.callback();

  const interaction = async (request: IncomingMessage, response: ServerResponse, uid: string) => {
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) throw new Error('interaction does not match its cookie');
    const requested = String(details.params.scope ?? '')
      .split(' ')
      .filter(Boolean);
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined;
    if (request.method === 'GET') {
      interactionCount += 1;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(loginPage(uid, requested, hint));
      return;
    }
    const form = await readForm(request);
    if (form.get('action') === 'deny') {
      await provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const login = (form.get('login') ?? '').trim().toLowerCase();
    const user = users.get(login);
    if (!user || user.password !== form.get('password')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(loginPage(uid, requested, login, 'Wrong e-mail address or password.'));
      return;
    }
    // The person may untick scopes (granular consent, as Google offers): only the ticked ones are granted.
    const granted = form.getAll('scope').filter((scope) => requested.includes(scope));
    const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
    grant.addOIDCScope(granted.join(' '));
    // Unticked scopes are refused, not pending: the authorization goes on with what was granted.
    const refused = requested.filter((scope) => !granted.includes(scope));
    if (refused.length > 0) grant.rejectOIDCScope(refused.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };

  const pair = issueCert({ names: [options.hostname], ips: [options.ip] });
  const server = https.createServer({ key: pair.key, cert: pair.cert }, (request, response) => {
    const path = new URL(request.url ?? '/', issuer).pathname;
    const match = /^\/interaction\/([\w-]+)$/.exec(path);
    if (match?.[1]) {
      interaction(request, response, match[1]).catch((error: Error) => {
        if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/plain' });
        response.end(`interaction failed: ${error.message}`);
      });
      return;
    }
    if (path === '/token/introspection') introspectionCount += 1;
    providerHandler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, options.ip, () => resolve());
  });
  return {
    ip: options.ip,
    issuer,
    introspectionUrl: `https://${INTROSPECTION_CLIENT}:${introspectionSecret}@${options.ip}/token/introspection`,
    spkiSha256: createHash('sha256')
      .update(createPublicKey(pair.cert).export({ type: 'spki', format: 'der' }))
      .digest('base64'),
    interactions: () => interactionCount,
    introspections: () => introspectionCount,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
