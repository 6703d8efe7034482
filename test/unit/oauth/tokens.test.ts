// What a token response means (scopes granted, the refresh token kept across a refresh) and how the
// issuer's refusals become our codes, with oauth4webapi's own errors.

import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { codedOAuthError, signedInAccount, tokenResult } from '../../../core/oauth/tokens.js';
import { Secret } from '../../../core/probe/secret.js';

const server: oauth.AuthorizationServer = {
  issuer: 'https://login.example.test',
  authorization_endpoint: 'https://login.example.test/auth',
  token_endpoint: 'https://login.example.test/token',
};
const client: oauth.Client = { client_id: 'configured-client' };
const response = (extra: Partial<oauth.TokenEndpointResponse>): oauth.TokenEndpointResponse => ({
  access_token: 'access-1',
  token_type: 'bearer',
  ...extra,
});

describe('signedInAccount', () => {
  it('takes the e-mail claim, else a preferred_username that is an address', () => {
    const claims = { iss: 'i', sub: 's', aud: 'a', iat: 0, exp: 1 };
    expect(signedInAccount({ ...claims, email: 'a@x.test', preferred_username: 'b@x.test' })).toBe(
      'a@x.test',
    );
    expect(signedInAccount({ ...claims, preferred_username: 'b@x.test' })).toBe('b@x.test');
    expect(signedInAccount({ ...claims, preferred_username: 'Bob Example' })).toBeUndefined();
    expect(signedInAccount(undefined)).toBeUndefined();
  });
});

describe('tokenResult', () => {
  it('reads the scopes granted and refuses a response without a mail scope asked for', () => {
    const ok = tokenResult(response({ scope: 'openid mail' }), 'a@x.test', ['openid', 'email', 'mail']);
    expect(ok.grantedScopes).toEqual(['openid', 'mail']);
    expect(ok.accessToken.reveal()).toBe('access-1');
    expect(() =>
      tokenResult(response({ scope: 'openid email' }), 'a@x.test', ['openid', 'mail']),
    ).toThrowError(
      expect.objectContaining({
        code: 'oauth-scope-missing',
        detail: expect.stringContaining('not granted: mail'),
      }),
    );
  });
  it('takes a response without `scope` as granting what was asked (RFC 6749 5.1)', () => {
    expect(tokenResult(response({}), 'a@x.test', ['mail']).grantedScopes).toEqual(['mail']);
  });
  it('keeps the earlier refresh token when a refresh brings none, and takes a rotated one', () => {
    const earlier = new Secret('refresh-1');
    expect(tokenResult(response({}), 'a@x.test', [], earlier).refreshToken).toBe(earlier);
    expect(
      tokenResult(response({ refresh_token: 'refresh-2' }), 'a@x.test', [], earlier).refreshToken?.reveal(),
    ).toBe('refresh-2');
  });
  it('shows the tokens as **** when printed', () => {
    const tokens = tokenResult(response({ refresh_token: 'refresh-3', expires_in: 60 }), 'a@x.test', []);
    expect(JSON.stringify(tokens)).not.toMatch(/access-1|refresh-3/);
    expect(tokens.expiresAt).toBeGreaterThan(Date.now());
  });
});

describe('codedOAuthError', () => {
  const redirect = (params: Record<string, string>) => {
    try {
      oauth.validateAuthResponse(server, client, new URLSearchParams(params), 'the-state');
    } catch (error) {
      return codedOAuthError(error);
    }
    throw new Error('expected a refusal');
  };
  it('access_denied on the redirect: consent denied, in the issuer’s words', () => {
    expect(
      redirect({ error: 'access_denied', error_description: 'End-User aborted', state: 'the-state' }),
    ).toMatchObject({
      code: 'oauth-consent-denied',
      detail: 'access_denied: End-User aborted',
    });
  });
  it('invalid_scope: scope missing; another error: oauth-failed', () => {
    expect(redirect({ error: 'invalid_scope', state: 'the-state' }).code).toBe('oauth-scope-missing');
    expect(redirect({ error: 'server_error', state: 'the-state' }).code).toBe('oauth-failed');
  });
  it('a state that is not ours never goes on', () => {
    expect(redirect({ code: 'c', state: 'someone-elses' })).toMatchObject({ code: 'oauth-failed' });
  });
  it('invalid_grant at the token endpoint: sign in again', async () => {
    const answer = new Response(
      JSON.stringify({ error: 'invalid_grant', error_description: 'grant revoked' }),
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
      },
    );
    const error = await oauth.processRefreshTokenResponse(server, client, answer).catch((e: unknown) => e);
    expect(codedOAuthError(error)).toMatchObject({
      code: 'oauth-sign-in-again',
      detail: 'invalid_grant: grant revoked',
    });
  });
});
