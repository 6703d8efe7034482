// A password held for one test. It shows as "****" wherever it might be printed by accident
// (JSON.stringify, util.inspect, template strings, error messages), and it can be dropped when the test
// is over. JavaScript cannot wipe a string's memory; dropping the only reference is what we can do.

import { inspect } from 'node:util';

export const HIDDEN = '****';

export class Secret {
  #value: string | undefined;

  constructor(value: string) {
    this.#value = value;
  }

  /** The password itself, for the one place that sends it. */
  reveal(): string {
    if (this.#value === undefined) throw new Error('the password was already forgotten');
    return this.#value;
  }

  forget(): void {
    this.#value = undefined;
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  [inspect.custom](): string {
    return `Secret(${HIDDEN})`;
  }
}

/** What a login needs: the user name may show in a transcript, the password never. */
export interface Credentials {
  username: string;
  password: Secret;
}

/** OAuth2 bearer-token mechanisms: RFC 7628's standard one and Google's and Microsoft's older one. */
export type BearerMechanism = 'OAUTHBEARER' | 'XOAUTH2';

/** An OAuth2 access token instead of a password; shown as "****" like one. */
export interface BearerCredentials {
  username: string;
  accessToken: Secret;
  /** Use this mechanism (when offered); otherwise OAUTHBEARER where offered, else XOAUTH2. */
  mechanism?: BearerMechanism;
  /** The server dialled, for OAUTHBEARER's host and port fields (set by the probe). */
  server?: { host: string; port: number };
}

export type LoginCredentials = Credentials | BearerCredentials;

export function isBearer(credentials: LoginCredentials): credentials is BearerCredentials {
  return 'accessToken' in credentials;
}
