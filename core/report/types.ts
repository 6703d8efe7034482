// The diagnostics report: what the helpdesk needs to see why mail does not work, as plain data (JSON)
// and as text for "Copy report". It never holds a password, in any encoding.

import type { ErrorData } from '../error-data.js';
import type { DetectResult, IncomingProtocol, Lang, ServerSettings } from '../model.js';
import type { PolicyOrigin, PolicyProblem } from '../policy/types.js';
import type { ServerTestResult } from '../probe/test-run.js';
import type { AppFacts, SystemFacts } from './system.js';

export interface ReportRequest {
  address: string;
  lang?: Lang;
  /** The servers to check; without them, detection chooses (as `mailsetup test` does). */
  servers?: ServerSettings[];
  /**
   * With a password, one login per chosen server is tested too; without, every server is reached and
   * its TLS and certificate checked, and no login is attempted. Never part of the report.
   */
  password?: string;
  /** Send the password to detected settings the mail domain did not confirm. */
  acceptUntrusted?: boolean;
  /** Log in even where the lockout count would refuse (the person confirmed). */
  force?: boolean;
  /** Hide the address and its domain everywhere: j***@m***.example. */
  maskAddress?: boolean;
  offline?: boolean;
  /** `HOST[:PORT]` of the DNS server for every look-up of the run. */
  dns?: string;
  /** Deadline of detection, and per server. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The policy in force, as far as it matters for this address. */
export interface ReportPolicy {
  file: string;
  origin: PolicyOrigin;
  shadowed?: string[];
  error?: PolicyProblem;
  /** The policy has a preset for the address's domain. */
  preset?: boolean;
  allowedDomains?: string[];
  protocols?: IncomingProtocol[];
  lockSettings?: boolean;
  requireAppPassword?: boolean;
  /** How many certificate pins the policy holds. */
  pinnedCertificates?: number;
}

/**
 * `tested`: one login per chosen server. Otherwise connection and TLS only, because there was no
 * password (`no-password`) or the detected settings were not confirmed (`untrusted-settings`).
 */
export type ReportLogin = 'tested' | 'no-password' | 'untrusted-settings';

export interface DiagnosticsReport {
  report: 'mailsetup-diagnostics';
  /** Grows only: a field, once shipped, keeps its meaning. */
  version: 1;
  createdAt: string;
  app: AppFacts;
  system: SystemFacts;
  address: string;
  masked: boolean;
  policy: ReportPolicy | null;
  /** `given`: servers passed in (command-line flags, the app's fields); `detected`: found by detect. */
  servers: 'given' | 'detected';
  /** Detection's whole result (look-ups included), or null when the servers were given. */
  detection: DetectResult | null;
  /** Why detection (and so the server checks) could not run: a policy refusal, a bad policy file. */
  error?: ErrorData;
  login: ReportLogin;
  /** Every checked server passed (a connection-only check passes without a login). */
  ok: boolean;
  results: ServerTestResult[];
  elapsedMs: number;
}

export interface ReportResult {
  report: DiagnosticsReport;
  /** The same report as text in the request's language, for "Copy report". */
  text: string;
}
