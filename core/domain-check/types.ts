// The domain check's shapes: one entry per check, each with a verdict, the finding in plain words,
// the fix, and the records it was judged by. Plain data, for the CLI's JSON and the app alike.

import type { Lang } from '../model.js';

export const DOMAIN_CHECKS = [
  'mx',
  'spf',
  'dmarc',
  'mta-sts',
  'tls-rpt',
  'autoconfig',
  'autodiscover',
  'pacc',
] as const;
export type DomainCheckName = (typeof DOMAIN_CHECKS)[number];

/** `ok`: fine; `warning`: there, but weak or broken; `missing`: not published at all. */
export type Verdict = 'ok' | 'warning' | 'missing';

export interface DomainCheckRequest {
  /** A domain ("example.com", IDN allowed) or an address, whose domain is then checked. */
  domain: string;
  lang?: Lang;
  /** `HOST[:PORT]` of the DNS server for every look-up of the run. */
  dns?: string;
  /** Deadline of the whole check. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DomainCheck {
  check: DomainCheckName;
  verdict: Verdict;
  /** What was asked: "TXT _dmarc.example.com", a URL. */
  target: string;
  /** The main finding, localized. */
  summary: string;
  /** What to do, localized; absent when nothing needs doing. */
  fix?: string;
  /** Further findings, localized. */
  notes: string[];
  /** What was found, as published (records, policy lines, URLs that answered). */
  records: string[];
}

export interface DomainCheckResult {
  /** ASCII (xn--) form, as looked up. */
  domain: string;
  domainUnicode: string;
  checks: DomainCheck[];
  counts: Record<Verdict, number>;
  elapsedMs: number;
}

/** One finding before localization: message key `domain.<check>.<key>` (and `.fix`). */
export interface Finding {
  verdict: Verdict;
  key: string;
  params?: Record<string, string | number>;
}

export interface RawCheck {
  check: DomainCheckName;
  target: string;
  /** The first finding of the worst verdict is the summary; the rest are notes. */
  findings: Finding[];
  records: string[];
}
