// The scopes a sign-in asks for: the servers' own plus who signed in and a refresh token.

import { describe, expect, it } from 'vitest';
import { requestedScopes } from '../../../core/oauth/sign-in.js';

describe('requestedScopes', () => {
  it('adds openid, email and offline_access to the servers’ scopes, once each', () => {
    expect(requestedScopes(['mail', 'openid'])).toEqual(['openid', 'email', 'offline_access', 'mail']);
  });
  it('leaves out identity scopes the issuer’s metadata says it lacks', () => {
    expect(requestedScopes(['mail'], ['mail', 'offline_access'])).toEqual(['offline_access', 'mail']);
  });
});
