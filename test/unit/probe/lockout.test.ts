// The lockout guard's rule over a ledger in memory: three failed logins per account and provider in
// an hour, the fourth only with force, the most important first, a success clears, expiry.

import { describe, expect, it } from 'vitest';
import { LOCKOUT_RULE, LockoutGuard, type LoginOutcome, lockoutKey } from '../../../core/probe/lockout.js';
import { createMemoryLedger, type LedgerEntries } from '../../../core/probe/lockout-ledger.js';

const imap = { username: 'Alice@Example.test', host: 'IMAP.mail.example.test' };
const smtp = { username: 'alice@example.test', host: 'smtp.example.test' };
const failed: LoginOutcome = { loggedIn: false, code: 'auth-failed' };

function clock(start = Date.parse('2026-12-07T08:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function attempt(guard: LockoutGuard, outcome: LoginOutcome = failed, force = false) {
  const admission = await guard.admit([imap], force);
  if (!admission.admitted[0]) return { admitted: false, before: admission.before };
  return { admitted: true, after: await admission.settle([outcome]) };
}

describe('LockoutGuard', () => {
  it('names the provider rule it follows: 5 failures lock for 60 minutes; we allow 3', () => {
    expect(LOCKOUT_RULE).toEqual({ providerLimit: 5, maxFailures: 3, windowMs: 3_600_000 });
    expect(LOCKOUT_RULE.maxFailures).toBeLessThan(LOCKOUT_RULE.providerLimit);
  });

  it('admits three failed logins, refuses the fourth with the count and its expiry, and admits it with force', async () => {
    const time = clock();
    const guard = new LockoutGuard(createMemoryLedger(), LOCKOUT_RULE, time.now);
    for (let i = 0; i < 3; i++) {
      expect((await attempt(guard)).admitted).toBe(true);
      time.advance(60_000);
    }
    const refused = await attempt(guard);
    expect(refused).toEqual({
      admitted: false,
      before: {
        failures: 3,
        limit: 3,
        windowMinutes: 60,
        // The newest failure (08:02) plus an hour.
        expiresAt: '2026-12-07T09:02:00.000Z',
      },
    });
    const forced = await attempt(guard, failed, true);
    expect(forced).toMatchObject({ admitted: true, after: { failures: 4 } });
  });

  it('keys by account without case and by provider: IMAP and SMTP of one provider share one count', async () => {
    const ledger: LedgerEntries = new Map();
    const guard = new LockoutGuard(createMemoryLedger(ledger));
    expect(await lockoutKey(imap)).toBe(await lockoutKey(smtp));
    expect(await lockoutKey(imap)).not.toBe(await lockoutKey({ ...imap, host: 'imap.other.test' }));
    expect(await lockoutKey(imap)).not.toBe(await lockoutKey({ ...imap, username: 'bob@example.test' }));
    const admission = await guard.admit([imap, smtp]);
    await admission.settle([failed, failed]);
    expect([...ledger.values()].map((times) => times.length)).toEqual([2]);
    expect([...ledger.keys()][0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('with fewer logins left than servers, admits the first (most important) ones only', async () => {
    const guard = new LockoutGuard(createMemoryLedger());
    await (await guard.admit([imap, smtp])).settle([failed, failed]);
    const admission = await guard.admit([imap, smtp]);
    expect(admission.admitted).toEqual([true, false]);
    expect(admission.before.failures).toBe(2);
    expect((await admission.settle([failed, undefined])).failures).toBe(3);
  });

  it('counts only answers by which the server refused the login; a login without a verdict is taken back', async () => {
    const guard = new LockoutGuard(createMemoryLedger());
    for (const code of ['auth-locked', 'app-password-required', 'timeout', 'certificate-expired'] as const) {
      await attempt(guard, { loggedIn: false, code });
    }
    expect((await guard.count([imap])).failures).toBe(2);
    await attempt(guard, { loggedIn: false });
    expect((await guard.count([imap])).failures).toBe(2);
  });

  it('a successful login clears the count', async () => {
    const guard = new LockoutGuard(createMemoryLedger());
    await attempt(guard);
    await attempt(guard);
    expect(await attempt(guard, { loggedIn: true })).toMatchObject({ after: { failures: 0 } });
    expect(await guard.count([imap])).toEqual({ failures: 0, limit: 3, windowMinutes: 60 });
  });

  it('counts logins in flight, so that two tests started together cannot both pass the limit', async () => {
    const guard = new LockoutGuard(createMemoryLedger());
    await attempt(guard);
    await attempt(guard);
    const first = await guard.admit([imap]);
    const second = await guard.admit([imap]);
    expect(first.admitted).toEqual([true]);
    expect(second.admitted).toEqual([false]);
    await first.settle([failed]);
    expect((await guard.count([imap])).failures).toBe(3);
  });

  it('forgets failures older than the window', async () => {
    const time = clock();
    const guard = new LockoutGuard(createMemoryLedger(), LOCKOUT_RULE, time.now);
    for (let i = 0; i < 3; i++) await attempt(guard);
    expect((await guard.admit([imap])).admitted).toEqual([false]);
    time.advance(LOCKOUT_RULE.windowMs - 1);
    expect((await guard.count([imap])).failures).toBe(3);
    time.advance(1);
    expect(await guard.count([imap])).toEqual({ failures: 0, limit: 3, windowMinutes: 60 });
    expect((await attempt(guard)).admitted).toBe(true);
  });
});
