// Every network step of a discovery source is timed and recorded the same way: one helper, apart from
// the shared types so that any source (and the policy source) can use it without a circle.

import { monotonicMs } from '../clock.js';
import type { LookupOutcome, SourceName } from '../model.js';
import type { DiscoveryContext } from './types.js';

/** Times one step and records it; returns what `step` returned. */
export async function timedLookup<T>(
  context: DiscoveryContext,
  source: SourceName,
  target: string,
  step: () => Promise<T>,
  outcomeOf: (value: T) => LookupOutcome,
): Promise<T> {
  const started = monotonicMs();
  context.progress?.({ source, target, state: 'started' });
  try {
    const value = await step();
    const outcome = outcomeOf(value);
    context.record({ source, target, outcome, ms: Math.round(monotonicMs() - started) });
    context.progress?.({ source, target, state: outcome });
    return value;
  } catch (error) {
    const name = (error as Error | null)?.name;
    const code = (error as { code?: string } | null)?.code;
    const outcome: LookupOutcome =
      name === 'AbortError'
        ? 'cancelled'
        : code === 'timeout' || name === 'TimeoutError'
          ? 'timeout'
          : name === 'TooManyRedirectsError'
            ? 'too-many-redirects'
            : 'error';
    const detail = error instanceof Error ? error.message : String(error);
    context.record({ source, target, outcome, ms: Math.round(monotonicMs() - started), detail });
    context.progress?.({ source, target, state: outcome });
    throw error;
  }
}
