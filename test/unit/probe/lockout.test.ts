import { describe, expect, it } from 'vitest';
import { LockoutGuard, type LockoutStore, MemoryLockoutStore } from '../../../core/probe/lockout.js';

const target = { username: 'Alice@Example.test', host: 'IMAP.example.test', port: 993 };

function fail(guard: LockoutGuard, force = false): boolean {
  const admission = guard.admit(target, force);
  if (!admission.admitted) return false;
  admission.ticket.settle({ loggedIn: false, code: 'auth-failed' });
  return true;
}

describe('LockoutGuard', () => {
  it('admits three failed logins, refuses the fourth, and admits it with force', () => {
    const guard = new LockoutGuard();
    expect([fail(guard), fail(guard), fail(guard)]).toEqual([true, true, true]);
    expect(guard.admit(target)).toEqual({ admitted: false, failures: 3 });
    expect(fail(guard, true)).toBe(true);
    expect(guard.failures(target)).toBe(4);
  });

  it('keys by user name and host without case, and by port', () => {
    const guard = new LockoutGuard();
    for (let i = 0; i < 3; i++) fail(guard);
    expect(
      guard.admit({ username: 'alice@example.test', host: 'imap.example.test', port: 993 }).admitted,
    ).toBe(false);
    expect(guard.admit({ ...target, port: 143 }).admitted).toBe(true);
    expect(guard.admit({ ...target, username: 'bob@example.test' }).admitted).toBe(true);
  });

  it('counts only answers by which the server refused the login', () => {
    const guard = new LockoutGuard();
    for (const code of ['auth-locked', 'app-password-required', 'timeout', 'certificate-expired'] as const) {
      const admission = guard.admit(target);
      if (admission.admitted) admission.ticket.settle({ loggedIn: false, code });
    }
    expect(guard.failures(target)).toBe(2);
    const untried = guard.admit(target);
    if (untried.admitted) untried.ticket.settle({ loggedIn: false });
    expect(guard.failures(target)).toBe(2);
  });

  it('a successful login resets the count', () => {
    const guard = new LockoutGuard();
    fail(guard);
    fail(guard);
    const admission = guard.admit(target);
    if (admission.admitted) admission.ticket.settle({ loggedIn: true });
    expect(guard.failures(target)).toBe(0);
  });

  it('counts logins in flight, so that two tests started together cannot both pass the limit', () => {
    const guard = new LockoutGuard();
    fail(guard);
    fail(guard);
    const first = guard.admit(target);
    const second = guard.admit(target);
    expect(first.admitted).toBe(true);
    expect(second.admitted).toBe(false);
    if (first.admitted) {
      first.ticket.settle({ loggedIn: false, code: 'auth-failed' });
      // Settling twice changes nothing.
      first.ticket.settle({ loggedIn: false, code: 'auth-failed' });
    }
    expect(guard.failures(target)).toBe(3);
  });

  it('keeps its counts in the injected store', () => {
    const counts = new Map<string, number>();
    const store: LockoutStore = {
      failures: (key) => counts.get(key) ?? 0,
      setFailures: (key, count) => counts.set(key, count),
    };
    fail(new LockoutGuard(store));
    fail(new LockoutGuard(store));
    fail(new LockoutGuard(store));
    expect(new LockoutGuard(store).admit(target).admitted).toBe(false);
    expect([...counts.values()]).toEqual([3]);
    expect(new MemoryLockoutStore().failures('x')).toBe(0);
  });
});
