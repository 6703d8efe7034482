// Detect's live progress as one row per source: which source is being asked and what it answered.
// A source may ask several targets (autoconfig tries two URLs); its row shows the best news.

import type { DetectProgress, Lookup, LookupOutcome, SourceName } from '../api/types.js';

export type SourceState = 'asking' | 'found' | 'not-found' | 'untrusted' | 'failed' | 'skipped' | 'cancelled';

export interface SourceRow {
  source: SourceName;
  state: SourceState;
  /** What was asked (URLs, record names), in order. */
  targets: string[];
}

type TargetState = 'started' | LookupOutcome;

const OUTCOME_STATE: Readonly<Record<LookupOutcome, SourceState>> = {
  found: 'found',
  'not-found': 'not-found',
  untrusted: 'untrusted',
  error: 'failed',
  timeout: 'failed',
  'too-many-redirects': 'failed',
  skipped: 'skipped',
  cancelled: 'cancelled',
  // A PACC document nobody vouches for: there, but not used.
  'digest-missing': 'untrusted',
  'digest-mismatch': 'untrusted',
};

/** Best news first: one found target makes the source "found". */
const PRECEDENCE: readonly SourceState[] = [
  'found',
  'asking',
  'untrusted',
  'failed',
  'not-found',
  'cancelled',
  'skipped',
];

function rowState(states: readonly TargetState[]): SourceState {
  const mapped = states.map((state) => (state === 'started' ? 'asking' : OUTCOME_STATE[state]));
  return PRECEDENCE.find((state) => mapped.includes(state)) ?? 'asking';
}

function rows(steps: readonly { source: SourceName; target: string; state: TargetState }[]): SourceRow[] {
  const bySource = new Map<SourceName, Map<string, TargetState>>();
  for (const step of steps) {
    const targets = bySource.get(step.source) ?? new Map<string, TargetState>();
    targets.set(step.target, step.state);
    bySource.set(step.source, targets);
  }
  return [...bySource].map(([source, targets]) => ({
    source,
    state: rowState([...targets.values()]),
    targets: [...targets.keys()],
  }));
}

/** Rows while the search runs, from the progress events in arrival order. */
export function rowsFromProgress(events: readonly DetectProgress[]): SourceRow[] {
  return rows(events);
}

/** Rows once the search is done, from the result's record of every look-up. */
export function rowsFromLookups(lookups: readonly Lookup[]): SourceRow[] {
  return rows(
    lookups.map((lookup) => ({ source: lookup.source, target: lookup.target, state: lookup.outcome })),
  );
}
