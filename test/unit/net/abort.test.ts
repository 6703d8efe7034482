// Composing signals (core/net/abort.ts): a caller's cancel and our own time limits, told apart.

import { describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { abortReason, anySignal, isAbortError, raceSignal, withTimeout } from '../../../core/net/abort.js';

describe('anySignal', () => {
  it('fires with the reason of the first source that fires', () => {
    const a = new AbortController();
    const b = new AbortController();
    const any = anySignal([a.signal, undefined, b.signal]);
    expect(any.aborted).toBe(false);
    b.abort(new Error('b first'));
    a.abort(new Error('a later'));
    expect(any.aborted).toBe(true);
    expect((any.reason as Error).message).toBe('b first');
  });

  it('is aborted at once when a source already is', () => {
    const any = anySignal([AbortSignal.abort(new Error('already'))]);
    expect((any.reason as Error).message).toBe('already');
  });
});

describe('withTimeout', () => {
  it('fires as a TimeoutError after the limit, which abortReason turns into our timeout', async () => {
    const signal = withTimeout(20);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    expect((signal.reason as Error).name).toBe('TimeoutError');
    const error = abortReason(signal);
    expect(error).toBeInstanceOf(MailSetupError);
    expect(error).toMatchObject({ code: 'timeout', detail: 'timed out after 20 ms' });
  });

  it("fires with the parent's reason when the parent goes first", () => {
    const parent = new AbortController();
    const signal = withTimeout(60_000, parent.signal);
    parent.abort(new Error('cancelled by the person'));
    expect((signal.reason as Error).message).toBe('cancelled by the person');
  });
});

describe('abortReason', () => {
  it("keeps a caller's error, and makes a plain abort an AbortError", () => {
    const reason = new Error('mine');
    expect(abortReason(AbortSignal.abort(reason))).toBe(reason);
    const plain = abortReason(AbortSignal.abort('just a string'));
    expect(plain.name).toBe('AbortError');
    expect(isAbortError(plain)).toBe(true);
    expect(isAbortError(new Error('other'))).toBe(false);
  });
});

describe('raceSignal', () => {
  it('settles like the promise while the signal stays quiet', async () => {
    await expect(raceSignal(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(raceSignal(Promise.reject(new Error('failed')), undefined)).rejects.toThrow('failed');
  });

  it('rejects as soon as the signal aborts, without waiting for the work', async () => {
    const controller = new AbortController();
    const never = new Promise<number>(() => undefined);
    const raced = raceSignal(never, controller.signal);
    controller.abort(new Error('stop'));
    await expect(raced).rejects.toThrow('stop');
    await expect(raceSignal(Promise.resolve(1), AbortSignal.abort(new Error('too late')))).rejects.toThrow(
      'too late',
    );
  });
});
