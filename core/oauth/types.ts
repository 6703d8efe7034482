// The shapes of a sign-in through the provider (OAuth2 / OpenID Connect). Where an issuer comes from
// (provider data: our catalogue, the ISPDB's and the autoconfig file's OAuth2 elements) and which
// client id the app uses (the administrator's policy, or the packaged app's build-time setting) are

// In core/model.ts: discovery reads issuers from provider data without depending on sign-in.
export type { OAuthIssuerData } from '../model.js';
// data; nothing here names a provider.

/** The app's registration at an issuer: configuration only (policy file or build-time setting). */
export interface OAuthClientRegistration {
  issuer: string;
  clientId: string;
  /** A fixed loopback port, where the registration names an exact redirect URI; any free port otherwise. */
  redirectPort?: number;
}

/** Scopes that identify the person or keep the sign-in, as opposed to what the mail servers need. */
export const IDENTITY_SCOPES: readonly string[] = ['openid', 'email', 'profile', 'offline_access'];
