// The keychain label of a kept sign-in: language-neutral, naming the issuer.

import { describe, expect, it } from 'vitest';
import { refreshTokenLabel } from '../../../core/oauth/session.js';

describe('refreshTokenLabel', () => {
  it('names the issuer host, the same in every language', () => {
    expect(refreshTokenLabel('https://login.example.test/tenant-1/v2.0')).toBe('OAuth2 (login.example.test)');
  });
});
