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
  /**
   * False when the answer did not come from the mail domain itself over HTTPS, or a redirect on the
   * way left it (see trust.ts).
   */
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
  /** A redirect took the lookup to another domain (trust.ts): then `trusted` is false. */
  detour?: Detour;
}

/** A lookup that a redirect took out of the domain it asked (see detourFrom in trust.ts). */
export interface Detour {
  /** The host (or DNS record) that sent us away: "autoconfig.example.org". */
  from: string;
  /** The registrable domain it sent us to: "provider.example". */
  to: string;
  /** Every step followed, in order: URLs, and first the SRV record's name when one named the host. */
  chain: string[];
}

export type DiscoverySource = (context: DiscoveryContext) => Promise<FoundConfig | null>;
