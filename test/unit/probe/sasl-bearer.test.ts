// The OAuth2 bearer mechanisms' pure parts: which one is chosen, the exact bytes of each initial
// response (RFC 7628 3.1 and Google's XOAUTH2 format), what a refusal means, and every form of the
// token that a transcript must hide.

import { describe, expect, it } from 'vitest';
import { bearerResponse, scrub, secretForms } from '../../../core/probe/sasl.js';
import { bearerMechanism, judgeTokenRefusal } from '../../../core/probe/sasl-bearer.js';
import { type BearerCredentials, Secret } from '../../../core/probe/secret.js';

const TOKEN = 'ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg';
const credentials = (extra: Partial<BearerCredentials> = {}): BearerCredentials => ({
  username: 'user@example.com',
  accessToken: new Secret(TOKEN),
  ...extra,
});
const decoded = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('bearerMechanism', () => {
  it('prefers the standard OAUTHBEARER, takes XOAUTH2 where it is the only one', () => {
    expect(bearerMechanism(['PLAIN', 'XOAUTH2', 'OAUTHBEARER'])).toBe('OAUTHBEARER');
    expect(bearerMechanism(['plain', 'xoauth2'])).toBe('XOAUTH2');
  });
  it('uses the mechanism asked for, and refuses one the server does not offer', () => {
    expect(bearerMechanism(['XOAUTH2', 'OAUTHBEARER'], 'XOAUTH2')).toBe('XOAUTH2');
    expect(() => bearerMechanism(['OAUTHBEARER'], 'XOAUTH2')).toThrow(/offers XOAUTH2 not/);
  });
  it('names what the server offers when it has no OAuth2 mechanism', () => {
    expect(() => bearerMechanism(['PLAIN', 'LOGIN'])).toThrowError(
      expect.objectContaining({ code: 'protocol-error', reason: 'no-oauth-login' }),
    );
  });
});

describe('bearerResponse', () => {
  it('writes XOAUTH2 as user, auth=Bearer and two ^A', () => {
    expect(decoded(bearerResponse('XOAUTH2', credentials()))).toBe(
      `user=user@example.com\x01auth=Bearer ${TOKEN}\x01\x01`,
    );
  });
  it('writes OAUTHBEARER with the GS2 header, host and port (RFC 7628 4.1)', () => {
    const server = { host: 'server.example.com', port: 143 };
    expect(decoded(bearerResponse('OAUTHBEARER', credentials({ server })))).toBe(
      `n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer ${TOKEN}\x01\x01`,
    );
  });
  it('escapes "," and "=" in the authorization identity (RFC 5801 saslname)', () => {
    expect(
      decoded(bearerResponse('OAUTHBEARER', credentials({ username: 'a,b=c@x.test' }))).startsWith(
        'n,a=a=2Cb=3Dc@x.test,\x01auth=',
      ),
    ).toBe(true);
  });
});

describe('secretForms', () => {
  it('hides the token and both mechanisms’ responses wherever a server echoes them', () => {
    const forms = secretForms(credentials({ server: { host: 'h.test', port: 993 } }));
    const echoed = `+ ${bearerResponse('XOAUTH2', credentials())} and ${TOKEN} and ${Buffer.from(TOKEN).toString('base64')}`;
    const shown = scrub(echoed, forms);
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(shown).toBe('+ **** and **** and ****');
  });
});

describe('judgeTokenRefusal', () => {
  const judge = (lines: string[], error?: { status?: string }) =>
    judgeTokenRefusal(
      /^\d/.test(lines[0] ?? '') ? 'smtp' : 'imap',
      { lines, ...(error ? { error } : {}) },
      'd',
    );
  it('an error challenge about the token: refused token; about the scope: scope refused', () => {
    expect(judge(['a2 NO failed'], { status: '401' }).reason).toBe('oauth-token-refused');
    expect(judge(['a2 NO failed'], { status: 'insufficient_scope' }).reason).toBe('oauth-scope-refused');
  });
  it('a plain refusal of a fresh, checked token: the service is off for the mailbox', () => {
    expect(judge(['a2 NO AUTHENTICATE failed.'])).toMatchObject({
      code: 'auth-failed',
      reason: 'imap-disabled',
    });
    expect(
      judge([
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      ]),
    ).toMatchObject({ code: 'auth-failed', reason: 'smtp-auth-disabled' });
  });
  it('takes the provider’s words that the service is off over an error challenge', () => {
    expect(judge(['535 5.7.139 Authentication unsuccessful'], { status: 'invalid_token' }).reason).toBe(
      'smtp-auth-disabled',
    );
    expect(judge(['a2 NO User is authenticated but not connected.'], { status: '401' }).reason).toBe(
      'imap-disabled',
    );
    // Postfix quotes its SASL back end's reason.
    const quoted = ['535 5.7.8 Error: authentication failed: 5.7.139_SMTP_AUTH_is_disabled'];
    expect(judge(quoted, { status: 'invalid_token' }).reason).toBe('smtp-auth-disabled');
    expect(judge(['535 5.7.1390 other'], { status: 'invalid_token' }).reason).toBe('oauth-token-refused');
  });
  it('keeps locks and temporary refusals as they are: trying again would not help', () => {
    expect(judge(['a2 NO [UNAVAILABLE] Temporary authentication failure.']).code).toBe('auth-locked');
    expect(judge(['454 4.7.0 Temporary authentication failure']).code).toBe('auth-locked');
  });
});
