// Client ids come from configuration only: the policy's registration wins over the build's, issuers
// compare without a trailing slash, and without one there is no flow.

import { describe, expect, it } from 'vitest';
import { registrationFor } from '../../../core/oauth/registration.js';

const policy = [{ issuer: 'https://login.example.test/tenant-1/v2.0', clientId: 'from-policy' }];
const build = [
  { issuer: 'https://login.example.test/tenant-1/v2.0/', clientId: 'from-build' },
  { issuer: 'https://accounts.example.test', clientId: 'build-only', redirectPort: 8765 },
];

describe('registrationFor', () => {
  it('takes the policy before the build-time setting', () => {
    expect(registrationFor('https://login.example.test/tenant-1/v2.0/', policy, build).clientId).toBe(
      'from-policy',
    );
    expect(registrationFor('https://accounts.example.test/', policy, build)).toMatchObject({
      clientId: 'build-only',
      redirectPort: 8765,
    });
  });
  it('matches provider data that names the issuer by host, or by another tenant path, at that host', () => {
    expect(registrationFor('login.example.test', policy, build).issuer).toBe(
      'https://login.example.test/tenant-1/v2.0',
    );
    expect(registrationFor('https://login.example.test/common/v2.0', policy, build).clientId).toBe(
      'from-policy',
    );
    expect(() => registrationFor('http://login.example.test', policy)).toThrowError(
      expect.objectContaining({ code: 'oauth-not-configured' }),
    );
  });
  it('refuses an issuer nobody registered the app at: no flow, oauth-not-configured', () => {
    expect(() => registrationFor('https://other.example.test', policy, undefined)).toThrowError(
      expect.objectContaining({ code: 'oauth-not-configured' }),
    );
  });
});
