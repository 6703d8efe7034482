// Signal helpers: every core call takes `{ signal }`; these compose a caller's signal with our own limits.

import { setMaxListeners } from 'node:events';
import { MailSetupError } from '../errors.js';

/**
 * A signal that fires when any of `signals` fires. Built by hand rather than with AbortSignal.any: on
 * Node 20 a composite holds its sources only weakly, and a garbage-collected AbortSignal.timeout then
 * never fires, leaving a hung look-up to run on past its limit.
 */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): AbortSignal {
  const controller = new AbortController();
  const sources = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  const already = sources.find((signal) => signal.aborted);
  if (already) {
    controller.abort(already.reason);
    return controller.signal;
  }
  // Many steps of one run (guess probes a dozen servers) listen on the same run or source signal;
  // each listener goes when that signal fires, which every run's end does, so the count is bounded.
  setMaxListeners(0, ...sources);
  const listeners = sources.map((source) => {
    const listener = () => {
      for (const [index, other] of sources.entries()) other.removeEventListener('abort', listeners[index]!);
      controller.abort(source.reason);
    };
    source.addEventListener('abort', listener, { once: true });
    return listener;
  });
  return controller.signal;
}

/** A signal that fires when `parent` aborts or after `ms`, whichever comes first. */
export function withTimeout(ms: number, parent?: AbortSignal): AbortSignal {
  const timeout = new AbortController();
  // The timer holds the controller strongly; unref'd, it never keeps a finished process alive.
  const timer = setTimeout(
    () => timeout.abort(new DOMException(`timed out after ${Math.round(ms)} ms`, 'TimeoutError')),
    Math.max(0, Math.round(ms)),
  );
  timer.unref();
  if (!parent) return timeout.signal;
  const combined = anySignal([parent, timeout.signal]);
  combined.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return combined;
}

/** The error to throw for an aborted signal: a timeout is ours, a caller's cancel stays an AbortError. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError')
    return new MailSetupError('timeout', reason.message);
  if (reason instanceof Error) return reason;
  return new DOMException('The operation was aborted', 'AbortError');
}

/** Settles like `promise`, or rejects as soon as `signal` aborts (the work itself is left to its own limits). */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    // Nobody waits for the work any more; its late failure must not become an unhandled rejection.
    promise.catch(() => undefined);
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
