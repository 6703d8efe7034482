// The one help-desk report writer: from results the caller already has (the app's on-screen detect and
// test results, or what `mailsetup report` just found) to the report as data and as text. Never a
// password: results carry none (the probe hides every echo), and a password a caller still holds is cut
// out of every string once more; masking comes last.

import os from 'node:os';
import { parseAddress } from '../address/parse.js';
import type { ErrorData } from '../error-data.js';
import type { DetectResult, Lang } from '../model.js';
import { presetFor } from '../policy/rules.js';
import type { PolicyState } from '../policy/types.js';
import { hiddenForms, scrub } from '../probe/sasl.js';
import type { ServerTestResult } from '../probe/test-run.js';
import { addressMasker, mapStrings } from './mask.js';
import { appFacts, systemFacts } from './system.js';
import { reportText } from './text.js';
import type { DiagnosticsReport, ReportLogin, ReportPolicy, ReportResult } from './types.js';

/** What the report is written from: plain data, as it crosses the app's bridge. */
export interface RenderReportRequest {
  address: string;
  lang?: Lang;
  /** `given`: the person's servers (flags, the app's form); `detected`: detection's. */
  servers: 'given' | 'detected';
  /** Detection's whole result as the person saw it, or null when the servers were given. */
  detection: DetectResult | null;
  /** `tested` when a password was tried (the app's test always is). */
  login: ReportLogin;
  results: ServerTestResult[];
  /** Why the servers could not be checked (a policy refusal, untrusted settings). */
  error?: ErrorData;
  elapsedMs?: number;
  /** Hide the address and its domain everywhere: j***@m***.example. */
  maskAddress?: boolean;
  /** Only to cut it out of every string, should a server have repeated it; never written. */
  password?: string;
}

export interface RenderDeps {
  policy?: PolicyState;
  clock?: () => Date;
}

export async function renderReport(
  request: RenderReportRequest,
  deps: RenderDeps = {},
): Promise<ReportResult> {
  const lang: Lang = request.lang ?? 'en';
  const address = parseAddress(request.address);
  const { results, error } = request;
  let report: DiagnosticsReport = {
    report: 'mailsetup-diagnostics',
    version: 1,
    createdAt: (deps.clock ?? (() => new Date()))().toISOString(),
    app: appFacts(),
    system: systemFacts(),
    address: address.address,
    masked: request.maskAddress ?? false,
    policy: policySummary(deps.policy ?? {}, address.domain),
    servers: request.servers,
    detection: request.detection,
    ...(error ? { error } : {}),
    login: request.login,
    ok: error === undefined && results.length > 0 && results.every((result) => result.ok),
    results,
    elapsedMs: request.elapsedMs ?? 0,
  };
  // No password in a report, ever: whatever a server or an error message repeated is cut out here too.
  if (request.password) {
    const usernames = new Set([address.address, ...results.map((result) => result.username)]);
    const forms = [...usernames].flatMap((username) => hiddenForms(username, request.password ?? ''));
    report = mapStrings(report, (text) => scrub(text, forms));
  }
  if (request.maskAddress) report = mapStrings(report, await addressMasker(address));
  return { report, text: reportText(report, lang) };
}

function policySummary(state: PolicyState, domain: string): ReportPolicy | null {
  const { file, origin, policy } = state;
  if (!file || !origin) return null;
  // A per-user file's path names the person's account on the machine: the report says "~" instead.
  const home = os.homedir();
  const summary: ReportPolicy = {
    file,
    origin,
    ...(state.shadowed ? { shadowed: state.shadowed } : {}),
    ...(state.error ? { error: state.error } : {}),
    ...(policy
      ? {
          preset: presetFor(policy, domain) !== undefined,
          ...(policy.allowedDomains ? { allowedDomains: policy.allowedDomains } : {}),
          ...(policy.protocols ? { protocols: policy.protocols } : {}),
          lockSettings: policy.lockSettings ?? false,
          requireAppPassword: policy.requireAppPassword ?? false,
          pinnedCertificates: policy.trustedCertificates?.length ?? 0,
        }
      : {}),
  };
  return home.length > 1 ? mapStrings(summary, (text) => text.split(home).join('~')) : summary;
}
