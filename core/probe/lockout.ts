// The lockout guard. Providers lock an account after a few failed logins (five failures locking it for
// an hour is common), and a person who retries a test with the same wrong password gets there fast. So
// core counts failed logins per account and server and, from the fourth attempt on, logs in only when
// the person confirms (UI) or passes --force (CLI).
//
// - Key: user name (lower-cased: providers treat it without case), host (lower-cased) and port.
// - Counted: answers by which the server rejected the login (FAILED_LOGIN_CODES); a success resets the
//   count, as it does at the providers; a test that never reached the login leaves it alone.
// - A login in flight counts as a failure until it settles, so that two tests started together (a
//   double click) cannot both slip through at the limit.
// - The store is injectable: the app and the CLI each pass theirs (the default lives as long as the
//   process); a persistent one can replace it without touching this logic.

import type { ErrorCode } from '../errors.js';
import { FAILED_LOGIN_CODES } from './verdict.js';

export interface LockoutStore {
  failures(key: string): number;
  setFailures(key: string, count: number): void;
}

export class MemoryLockoutStore implements LockoutStore {
  private readonly counts = new Map<string, number>();
  failures(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  setFailures(key: string, count: number): void {
    if (count === 0) this.counts.delete(key);
    else this.counts.set(key, count);
  }
}

export interface LoginTarget {
  username: string;
  host: string;
  port: number;
}

export const LOCKOUT_DEFAULTS = {
  /** Failed logins after which the next one needs the person's confirmation. */
  maxFailures: 3,
} as const;

/** Admission to one login; settle it exactly once with how the login ended. */
export interface LoginTicket {
  settle(outcome: { loggedIn: boolean; code?: ErrorCode | undefined }): void;
}

export type Admission = { admitted: true; ticket: LoginTicket } | { admitted: false; failures: number };

export class LockoutGuard {
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly store: LockoutStore = new MemoryLockoutStore(),
    private readonly maxFailures: number = LOCKOUT_DEFAULTS.maxFailures,
  ) {}

  static key(target: LoginTarget): string {
    return `${target.username.toLowerCase()}\n${target.host.toLowerCase()}\n${target.port}`;
  }

  /** Failed logins recorded for the target (logins in flight not included). */
  failures(target: LoginTarget): number {
    return this.store.failures(LockoutGuard.key(target));
  }

  /** Lets a login go ahead, or refuses it once the limit is reached, unless `force`. */
  admit(target: LoginTarget, force = false): Admission {
    const key = LockoutGuard.key(target);
    const pending = this.inFlight.get(key) ?? 0;
    const failures = this.store.failures(key);
    if (!force && failures + pending >= this.maxFailures) return { admitted: false, failures };
    this.inFlight.set(key, pending + 1);
    let settled = false;
    return {
      admitted: true,
      ticket: {
        settle: ({ loggedIn, code }) => {
          if (settled) return;
          settled = true;
          const left = (this.inFlight.get(key) ?? 1) - 1;
          if (left > 0) this.inFlight.set(key, left);
          else this.inFlight.delete(key);
          if (loggedIn) this.store.setFailures(key, 0);
          else if (code && FAILED_LOGIN_CODES.includes(code))
            this.store.setFailures(key, this.store.failures(key) + 1);
        },
      },
    };
  }
}

/** The process's own guard: every test through core/api.ts shares it unless another is injected. */
export const processLockoutGuard = new LockoutGuard();
