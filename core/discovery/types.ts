// One signature for every discovery source (after Thunderbird's FetchConfig): it takes the context
// and a signal, and returns a config tagged with its origin, or null when it found nothing.
// It throws only for failures worth reporting; every network step is recorded as a lookup.

import type { ParsedAddress } from '../address/parse.js';
import type { Lookup, LookupOutcome, ProviderRef, ServerSettings, SourceName } from '../model.js';
import type { Net } from '../net/index.js';
import type { ProviderCatalog } from './catalog-types.js';

export interface DiscoveryContext {
  address: ParsedAddress;
  net: Net;
  /** Base URL of Thunderbird's ISPDB, ending in `/`. */
  ispdbUrl: string;
  bundled: ProviderCatalog;
  signal: AbortSignal;
  /** Per-source limit in ms (the orchestrator also enforces it). */
  sourceTimeoutMs: number;
  /** Records one network step of a source. */
  record(lookup: Lookup): void;
  /** Tells the caller a step started (for live progress). */
  progress?(event: { source: SourceName; target: string; state: 'started' | LookupOutcome }): void;
}

/** A hint before localization: a code from the catalogue, or the provider's own words. */
export interface RawHint {
  code: string;
  /** The provider's own text (from <instruction>/<documentation>), shown as it is. */
  text?: string;
  url?: string;
  /** Values for the hint's message beyond the provider's name (a lockout's numbers). */
  params?: Record<string, string | number>;
}

export interface FoundConfig {
  source: SourceName;
  /** False when the answer did not come from the mail domain itself over HTTPS (see trust.ts). */
  trusted: boolean;
  provider?: ProviderRef;
  incoming: ServerSettings[];
  outgoing: ServerSettings[];
  hints: RawHint[];
  /** Where the settings were read (URL, record or provider page). */
  origin: string;
  /** For answers from the built-in list: the month its facts are from (YYYY-MM). */
  asOf?: string;
  /** Registrable domains that legitimately published these settings (for server-outside-domain). */
  publishers: string[];
  /** For `mx`: the organisation that runs the mail (its registrable domain). */
  operatorDomain?: string;
}

export type DiscoverySource = (context: DiscoveryContext) => Promise<FoundConfig | null>;

/** Times one step and records it; returns what `step` returned. */
export async function timedLookup<T>(
  context: DiscoveryContext,
  source: SourceName,
  target: string,
  step: () => Promise<T>,
  outcomeOf: (value: T) => LookupOutcome,
): Promise<T> {
  const started = performance.now();
  context.progress?.({ source, target, state: 'started' });
  try {
    const value = await step();
    const outcome = outcomeOf(value);
    context.record({ source, target, outcome, ms: Math.round(performance.now() - started) });
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
          : 'error';
    const detail = error instanceof Error ? error.message : String(error);
    context.record({ source, target, outcome, ms: Math.round(performance.now() - started), detail });
    context.progress?.({ source, target, state: outcome });
    throw error;
  }
}
