// The issuer's endpoints from its own metadata: OpenID Connect Discovery first
// (/.well-known/openid-configuration), then RFC 8414 (/.well-known/oauth-authorization-server).
// oauth4webapi checks that the metadata names the issuer we asked for (a mix-up defence).

import * as oauth from 'oauth4webapi';
import { isMailSetupError, MailSetupError } from '../errors.js';
import type { Fetcher } from '../net/fetch.js';
import { httpOptions } from './http.js';

export async function discoverIssuer(
  issuer: string,
  fetcher: Fetcher,
  signal?: AbortSignal,
): Promise<oauth.AuthorizationServer> {
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new MailSetupError('oauth-issuer-unreachable', `not an issuer URL: ${issuer}`, 'http');
  }
  if (issuerUrl.protocol !== 'https:') {
    throw new MailSetupError('oauth-issuer-unreachable', `the issuer is not an https URL: ${issuer}`, 'http');
  }
  const problems: string[] = [];
  for (const algorithm of ['oidc', 'oauth2'] as const) {
    try {
      const response = await oauth.discoveryRequest(issuerUrl, {
        algorithm,
        ...httpOptions(fetcher, signal),
      });
      const server = await oauth.processDiscoveryResponse(issuerUrl, response);
      if (!server.authorization_endpoint || !server.token_endpoint) {
        throw new MailSetupError('oauth-failed', 'the metadata names no authorization or token endpoint');
      }
      return server;
    } catch (error) {
      if (signal?.aborted) throw error;
      // Unreachable is unreachable for both documents: no second try at the same host.
      if (isMailSetupError(error) && error.code === 'oauth-issuer-unreachable') throw error;
      problems.push(`${algorithm}: ${(error as Error).message}`);
    }
  }
  throw new MailSetupError(
    'oauth-issuer-unreachable',
    `no usable metadata at ${issuerUrl.href} (${problems.join('; ')})`,
    'http',
  );
}
