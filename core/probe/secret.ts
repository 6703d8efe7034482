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
