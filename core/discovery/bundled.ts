// PLACEHOLDER interface — the providers helper replaces this file with the real implementation.
import type { AuthKind, IncomingProtocol, Security } from '../model.js';
import type { DiscoverySource } from './types.js';

export interface ProviderServer {
  protocol: IncomingProtocol | 'smtp';
  host: string;
  port: number;
  security: Security;
  /** Username pattern with %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN%. */
  username: string;
  auth: AuthKind;
}

export interface Provider {
  id: string;
  name: string;
  domains: string[];
  /** Registrable domains of the provider's MX hosts (e.g. "ionos.de"): a company domain whose MX points there is hosted here. */
  mxDomains: string[];
  incoming: ProviderServer[];
  outgoing: ProviderServer[];
  /** Hint codes from the hints catalogue, e.g. "app-password-required", "enable-imap-first", "oauth2-only". */
  hints: { code: string; url?: string }[];
  /** The provider's public set-up page these facts were taken from. */
  source: string;
}

export interface ProviderCatalog {
  providers: readonly Provider[];
  byDomain(domain: string): Provider | undefined;
  /** Looks up the registrable domain of an MX host ("mx00.ionos.de" -> IONOS). */
  byMxHost(host: string): Provider | undefined;
}

export function loadCatalog(): ProviderCatalog {
  return { providers: [], byDomain: () => undefined, byMxHost: () => undefined };
}

export const bundledSource: DiscoverySource = async () => null;
