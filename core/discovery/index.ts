// The orchestrator: every source starts at once; the answer is the best-ranked source that found
// something, given as soon as no better-ranked source can still answer (Thunderbird's
// promiseFirstSuccessful, without waiting for the slow ones). The ranking is the order of
// SOURCE_NAMES (core/model.ts); each source's time limit is in timeouts.ts.

import type { ParsedAddress } from '../address/parse.js';
import { monotonicMs } from '../clock.js';
import { type Lookup, SOURCE_NAMES, type SourceName } from '../model.js';
import { abortReason, anySignal, raceSignal, withTimeout } from '../net/abort.js';
import type { Net } from '../net/index.js';
import type { ProviderCatalog } from './bundled.js';
import { inContractOrder } from './order.js';
import { SOURCE_TIMEOUTS_MS } from './timeouts.js';
import type { DiscoveryContext, DiscoverySource, FoundConfig } from './types.js';

export const DISCOVERY_DEFAULTS = {
  /** The whole run. */
  deadlineMs: 10_000,
  ispdbUrl: 'https://autoconfig.thunderbird.net/v1.1/',
} as const;

/** Best first: the contract's list of sources is written in ranking order (core/model.ts). */
export const SOURCE_RANKING: readonly SourceName[] = SOURCE_NAMES;

/** Sources that work without a network; an offline run uses only these. */
const OFFLINE_SOURCES: ReadonlySet<SourceName> = new Set(['policy', 'bundled']);

export interface DiscoveryOptions {
  address: ParsedAddress;
  net: Net;
  bundled: ProviderCatalog;
  sources: Partial<Record<SourceName, DiscoverySource>>;
  signal?: AbortSignal;
  deadlineMs?: number;
  /** One limit for every source (tests); otherwise each source's own from SOURCE_TIMEOUTS_MS. */
  sourceTimeoutMs?: number;
  ispdbUrl?: string;
  onProgress?: DiscoveryContext['progress'];
}

export interface DiscoveryOutcome {
  chosen?: FoundConfig;
  /** Every other source that answered before the choice, in ranking order. */
  others: FoundConfig[];
  lookups: Lookup[];
}

type Settled = ({ config: FoundConfig | null } | { error: unknown }) & { ms: number };

export async function discover(options: DiscoveryOptions): Promise<DiscoveryOutcome> {
  const deadlineMs = options.deadlineMs ?? DISCOVERY_DEFAULTS.deadlineMs;
  const timeoutOf = (name: SourceName) =>
    Math.min(options.sourceTimeoutMs ?? SOURCE_TIMEOUTS_MS[name], deadlineMs);
  const run = new AbortController();
  const runSignal = withTimeout(deadlineMs, anySignal([run.signal, options.signal]));
  const lookups: Lookup[] = [];
  const started = monotonicMs();

  const active = SOURCE_RANKING.filter(
    (name) => options.sources[name] && (!options.net.offline || OFFLINE_SOURCES.has(name)),
  );
  const settled = new Map<SourceName, Settled>();
  const pending = active.map((name) => {
    const sourceTimeoutMs = timeoutOf(name);
    const signal = withTimeout(sourceTimeoutMs, runSignal);
    const context: DiscoveryContext = {
      address: options.address,
      net: options.net,
      ispdbUrl: options.ispdbUrl ?? process.env.MAILSETUP_ISPDB_URL ?? DISCOVERY_DEFAULTS.ispdbUrl,
      bundled: options.bundled,
      signal,
      sourceTimeoutMs,
      record: (lookup) => {
        if (!run.signal.aborted) lookups.push(lookup);
      },
      ...(options.onProgress ? { progress: options.onProgress } : {}),
    };
    const source = options.sources[name]!;
    // raceSignal: a source that ignores its signal still cannot hold the answer past its timeout.
    return raceSignal(source(context), signal).then(
      (config) =>
        settled.set(name, {
          config: config && inContractOrder(config),
          ms: Math.round(monotonicMs() - started),
        }),
      (error: unknown) =>
        settled.set(name, {
          error: signal.aborted ? abortReason(signal) : error,
          ms: Math.round(monotonicMs() - started),
        }),
    );
  });

  // Walk the ranking: wait for each source in turn; the first that found something is the answer.
  let chosen: FoundConfig | undefined;
  for (const [index, name] of active.entries()) {
    await pending[index];
    const result = settled.get(name);
    if (result && 'config' in result && result.config) {
      chosen = result.config;
      break;
    }
    if (runSignal.aborted) break;
  }

  const others: FoundConfig[] = [];
  for (const name of active) {
    const result = settled.get(name);
    if (result && 'config' in result && result.config && result.config !== chosen) others.push(result.config);
  }
  // What is still running is no longer needed.
  run.abort(new DOMException('answer found', 'AbortError'));
  // Every source shows up in the look-ups, also one that never got to record a step of its own.
  const elapsed = Math.round(monotonicMs() - started);
  for (const name of SOURCE_RANKING) {
    if (!options.sources[name] || lookups.some((lookup) => lookup.source === name)) continue;
    const result = settled.get(name);
    lookups.push(summaryLookup(name, active.includes(name), result, elapsed));
  }
  return { ...(chosen ? { chosen } : {}), others, lookups };
}

function summaryLookup(source: SourceName, active: boolean, result: Settled | undefined, ms: number): Lookup {
  if (!active) return { source, target: 'offline', outcome: 'skipped', ms: 0 };
  if (!result)
    return { source, target: source, outcome: 'cancelled', ms, detail: 'a better source answered first' };
  if ('config' in result)
    return { source, target: source, outcome: result.config ? 'found' : 'not-found', ms };
  const error = result.error as { code?: string; name?: string; message?: string } | undefined;
  const timedOut = error?.code === 'timeout' || error?.name === 'TimeoutError';
  return {
    source,
    target: source,
    outcome: timedOut ? 'timeout' : 'error',
    ms,
    detail: error?.message ?? String(error),
  };
}
