// The lockout guard: failed logins are counted per account and provider in a ledger that outlives the
// process (core/probe/lockout-ledger.ts), and once LOCKOUT_RULE.maxFailures have failed within the
// window, no further login goes out until the person confirms (the wizard's confirm, `--force`).
//
// - Provider: the registrable domain of the server (imap.example.net and smtp.example.net share one
//   login backend, so one count). Key: SHA-256 of account (the user name, without case) and provider.
// - Counted: answers by which the server rejected the login (FAILED_LOGIN_CODES). A login is written
//   down before it goes out (so two processes at once both see it) and taken back when it ended
//   without reaching a verdict (a timeout, a bad certificate); a successful login clears the count.
// - Fewer logins left than servers to test: the most important go first (the caller's order).

import { createHash } from 'node:crypto';
import { registrableDomain } from '../discovery/domains.js';
import type { ErrorCode } from '../errors.js';
import type { LedgerEntries, LedgerNotice, LockoutLedger } from './lockout-ledger.js';
import { FAILED_LOGIN_CODES } from './verdict.js';

/**
 * The numbers. Providers lock a mailbox after 5 failed logins for 60 minutes: "Nach 5 ungültigen
 * Anmeldeversuchen erfolgt automatisch eine Sperrung für 60 Minuten" (mailserviceonline.net's FAQ,
 * ../shared/seeds/003_2b576fc5cd5196ad.txt). We stop two short of that within the same hour, so that
 * the person's own mail program still has tries left.
 */
export const LOCKOUT_RULE = {
  /** Failed logins a provider allows before it locks the mailbox (the source above). */
  providerLimit: 5,
  /** Failed logins that go out without the person's confirmation. */
  maxFailures: 3,
  /** How long a failed login counts (the provider's lock time, the source above). */
  windowMs: 60 * 60 * 1000,
} as const;

export type LockoutRule = { readonly [K in keyof typeof LOCKOUT_RULE]: number };

export interface LoginTarget {
  username: string;
  host: string;
}

/** How a login ended, for the count: signed in, refused by the server (a code), or no verdict. */
export interface LoginOutcome {
  loggedIn: boolean;
  code?: ErrorCode | undefined;
}

/** What the count says after a test (CONTRACT.md `test` JSON, `lockout`). */
export interface LockoutSummary {
  /** Failed logins counted for the account at this provider within the window. */
  failures: number;
  /** Failed logins that go out without confirmation. */
  limit: number;
  windowMinutes: number;
  /** When the count is gone (the newest counted failure plus the window); absent when it is zero. */
  expiresAt?: string;
  /** The ledger was corrupt or unreadable and was replaced, or cannot be written (counted in memory). */
  ledger?: LedgerNotice;
}

export interface Admission {
  /** Per target, in the order given: may its login go out? */
  admitted: boolean[];
  /** The count before this test, for refused targets' messages. */
  before: LockoutSummary;
  /** Records how each admitted login ended (undefined for refused targets); returns the new count. */
  settle(outcomes: readonly (LoginOutcome | undefined)[]): Promise<LockoutSummary>;
}

/** The ledger key of an account at a provider: no address or host name in clear. */
export async function lockoutKey(target: LoginTarget): Promise<string> {
  const provider = await registrableDomain(target.host);
  return createHash('sha256')
    .update(`mailsetup-lockout\0${target.username.toLowerCase()}\0${provider}`)
    .digest('hex');
}

export class LockoutGuard {
  constructor(
    private readonly ledger: LockoutLedger,
    private readonly rule: LockoutRule = LOCKOUT_RULE,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Admits the targets' logins in their order (most important first) while the count allows, or all
   * of them with `force`. Every admitted login is written down as a failure until it settles.
   */
  async admit(targets: readonly LoginTarget[], force = false): Promise<Admission> {
    const keys = await Promise.all(targets.map(lockoutKey));
    const started = this.now();
    const { admitted, before } = await this.ledger.update((entries) => {
      this.forgetOld(entries, started);
      const before = this.summary(entries, keys);
      const admitted = keys.map((key) => {
        const times = entries.get(key) ?? [];
        if (!force && times.length >= this.rule.maxFailures) return false;
        entries.set(key, [...times, started]);
        return true;
      });
      return { admitted, before };
    });
    return {
      admitted,
      before,
      settle: (outcomes) =>
        this.ledger.update((entries) => {
          const cleared = new Set(keys.filter((_key, index) => admitted[index] && outcomes[index]?.loggedIn));
          keys.forEach((key, index) => {
            if (!admitted[index] || cleared.has(key)) return;
            const code = outcomes[index]?.code;
            if (code && FAILED_LOGIN_CODES.includes(code)) return;
            // No verdict from the server: this login does not count after all.
            const times = entries.get(key) ?? [];
            const at = times.indexOf(started);
            if (at >= 0) entries.set(key, times.toSpliced(at, 1));
          });
          for (const key of cleared) entries.delete(key);
          this.forgetOld(entries, this.now());
          return this.summary(entries, keys);
        }),
    };
  }

  /** The count for these targets now, without changing it. */
  async count(targets: readonly LoginTarget[]): Promise<LockoutSummary> {
    const keys = await Promise.all(targets.map(lockoutKey));
    return this.ledger.update((entries) => {
      this.forgetOld(entries, this.now());
      return this.summary(entries, keys);
    });
  }

  private forgetOld(entries: LedgerEntries, now: number): void {
    for (const [key, times] of entries) {
      const recent = times.filter(
        (time) => time > now - this.rule.windowMs && time <= now + this.rule.windowMs,
      );
      if (recent.length > 0) entries.set(key, recent);
      else entries.delete(key);
    }
  }

  /** The highest count among the keys (one provider per test, as a rule), with its expiry. */
  private summary(entries: LedgerEntries, keys: readonly string[]): LockoutSummary {
    let worst: number[] = [];
    for (const key of new Set(keys)) {
      const times = entries.get(key) ?? [];
      if (times.length > worst.length) worst = times;
    }
    const notice = this.ledger.takeNotice();
    return {
      failures: worst.length,
      limit: this.rule.maxFailures,
      windowMinutes: Math.round(this.rule.windowMs / 60_000),
      ...(worst.length > 0
        ? { expiresAt: new Date(Math.max(...worst) + this.rule.windowMs).toISOString() }
        : {}),
      ...(notice ? { ledger: notice } : {}),
    };
  }
}
