// Issuer discovery's refusals before and at the network: only https issuers, and an issuer whose host
// does not answer is named as unreachable (one code, whichever metadata document was asked for).

import { describe, expect, it } from 'vitest';
import { createFetcher } from '../../../core/net/fetch.js';
import { discoverIssuer } from '../../../core/oauth/metadata.js';
import { staticResolver } from '../../peers/adversaries.js';

// Nothing listens here (the range is this file's own); the name is known only to this resolver.
const fetcher = createFetcher(staticResolver({ 'login.nowhere.test': '127.0.25.99' }));

describe('discoverIssuer', () => {
  it('refuses an issuer that is not an https URL, without any request', async () => {
    await expect(discoverIssuer('http://login.nowhere.test', fetcher)).rejects.toMatchObject({
      code: 'oauth-issuer-unreachable',
      detail: expect.stringContaining('not an https URL'),
    });
    await expect(discoverIssuer('login.nowhere.test', fetcher)).rejects.toMatchObject({
      code: 'oauth-issuer-unreachable',
    });
  });

  it('names the issuer whose host refuses the connection', async () => {
    await expect(discoverIssuer('https://login.nowhere.test', fetcher)).rejects.toMatchObject({
      code: 'oauth-issuer-unreachable',
      detail: expect.stringMatching(/^https:\/\/login\.nowhere\.test: connection-refused/),
    });
  });

  it('names an issuer that no resolver knows', async () => {
    await expect(discoverIssuer('https://unknown.nowhere.test', fetcher)).rejects.toMatchObject({
      code: 'oauth-issuer-unreachable',
      detail: expect.stringContaining('dns-not-found'),
    });
  });
});
