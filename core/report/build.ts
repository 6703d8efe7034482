// Builds the diagnostics report: detection (unless servers are given), then each server, with a login
// only when a password was given and the settings are the person's or confirmed. The password's every
// form is cut out of the finished report, whatever a server echoed; masking comes last.

import os from 'node:os';
import { parseAddress } from '../address/parse.js';
import { toBridgeError } from '../bridge.js';
import { detect } from '../detect.js';
import type { DetectResult, Lang, ServerSettings } from '../model.js';
import { createNet, type Net } from '../net/index.js';
import { problemError } from '../policy/problem.js';
import { assertDomainAllowed, presetFor } from '../policy/rules.js';
import type { PolicyState } from '../policy/types.js';
import type { LockoutGuard } from '../probe/lockout.js';
import { hiddenForms, scrub } from '../probe/sasl.js';
import { runConnectionTest, type ServerTestResult } from '../probe/test-run.js';
import { connectOnly } from './connect-only.js';
import { addressMasker, mapStrings } from './mask.js';
import { appFacts, systemFacts } from './system.js';
import { reportText } from './text.js';
import type { DiagnosticsReport, ReportLogin, ReportPolicy, ReportRequest, ReportResult } from './types.js';

export const REPORT_LIMITS = {
  /** Servers checked without a password: every detected one, up to this many. */
  maxServers: 8,
} as const;

export interface ReportDeps {
  net?: Net;
  guard?: LockoutGuard;
  /** The policy in force (core/policy/load.ts); none when absent. */
  policy?: PolicyState;
  clock?: () => Date;
}

export async function buildReport(request: ReportRequest, deps: ReportDeps = {}): Promise<ReportResult> {
  const started = performance.now();
  const lang: Lang = request.lang ?? 'en';
  const address = parseAddress(request.address);
  const state = deps.policy ?? {};
  // --offline keeps detection to the bundled list and the policy; the servers are still reached.
  const net = deps.net ?? createNet({ dns: request.dns });
  const given = request.servers !== undefined && request.servers.length > 0;
  let detection: DetectResult | null = null;
  let failure: DiagnosticsReport['error'];
  let results: ServerTestResult[] = [];
  let login: ReportLogin = request.password ? 'tested' : 'no-password';
  try {
    let servers: readonly ServerSettings[] = request.servers ?? [];
    if (!given) {
      detection = await detect(
        {
          address: request.address,
          lang,
          offline: request.offline ?? false,
          ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
        },
        { ...(request.offline && !deps.net ? {} : { net }), policy: state },
      );
      if (request.password && !detection.trusted && !request.acceptUntrusted) login = 'untrusted-settings';
      servers = chooseServers(detection, login === 'tested');
    } else if (state.error) {
      throw problemError(state.error);
    } else {
      assertDomainAllowed(state.policy, address);
    }
    const common = {
      lang,
      ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    };
    const trustedCertificates = state.policy?.trustedCertificates;
    if (login === 'tested' && request.password) {
      const test = await runConnectionTest(
        { address: request.address, servers, password: request.password, ...common },
        { net, ...(deps.guard ? { guard: deps.guard } : {}), trustedCertificates },
      );
      results = test.results;
    } else {
      results = await connectOnly(servers, { net, trustedCertificates, ...common });
    }
  } catch (error) {
    if (request.signal?.aborted) throw error;
    failure = toBridgeError(error, lang);
  } finally {
    if (!deps.net) net.resolver.cancel();
  }

  let report: DiagnosticsReport = {
    report: 'mailsetup-diagnostics',
    version: 1,
    createdAt: (deps.clock ?? (() => new Date()))().toISOString(),
    app: appFacts(),
    system: systemFacts(),
    address: address.address,
    masked: request.maskAddress ?? false,
    policy: policySummary(state, address.domain),
    servers: given ? 'given' : 'detected',
    detection,
    ...(failure ? { error: failure } : {}),
    login,
    ok: failure === undefined && results.length > 0 && results.every((result) => result.ok),
    results,
    elapsedMs: Math.round(performance.now() - started),
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

/**
 * With a password: the best incoming server (IMAP first) and the best outgoing one, as `test` logs in
 * (one login each). Without: every detected server, as connecting costs the account nothing.
 */
function chooseServers(detection: DetectResult, withLogin: boolean): ServerSettings[] {
  if (!withLogin) return [...detection.incoming, ...detection.outgoing].slice(0, REPORT_LIMITS.maxServers);
  const incoming = detection.incoming.find((server) => server.protocol === 'imap') ?? detection.incoming[0];
  const outgoing = detection.outgoing[0];
  return [incoming, outgoing].filter((server) => server !== undefined);
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
