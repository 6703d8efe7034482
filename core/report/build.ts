// `mailsetup report`: detection (unless servers are given), then each server, with a login only when a
// password was given: through core's account test (core/probe/account-test.ts: its choice of servers,
// its trust gate, its lockout count), else connection and TLS only. The report itself is written by
// core/report/render.ts, the same writer the app's "Copy report" uses.

import { testAccount } from '../account-test.js';
import { parseAddress } from '../address/parse.js';
import { detect } from '../detect.js';
import { type ErrorData, errorData } from '../error-data.js';
import type { DetectResult, Lang, ServerSettings } from '../model.js';
import { createNet, type Net } from '../net/index.js';
import { problemError } from '../policy/problem.js';
import { assertDomainAllowed } from '../policy/rules.js';
import type { PolicyState } from '../policy/types.js';
import type { LockoutGuard } from '../probe/lockout.js';
import type { ServerTestResult } from '../probe/test-run.js';
import { connectOnly } from './connect-only.js';
import { renderReport } from './render.js';
import type { ReportLogin, ReportRequest, ReportResult } from './types.js';

export const REPORT_LIMITS = {
  /** Servers checked without a password: every detected one, up to this many. */
  maxServers: 8,
} as const;

export interface ReportDeps {
  net?: Net;
  /** The lockout guard of core/api.ts (over the user's ledger). */
  guard: LockoutGuard;
  /** The policy in force (core/policy/load.ts); none when absent. */
  policy?: PolicyState;
  clock?: () => Date;
}

export async function buildReport(request: ReportRequest, deps: ReportDeps): Promise<ReportResult> {
  const started = performance.now();
  const lang: Lang = request.lang ?? 'en';
  const address = parseAddress(request.address);
  const state = deps.policy ?? {};
  // --offline keeps detection to the bundled list and the policy; the servers are still reached.
  const net = deps.net ?? createNet({ dns: request.dns });
  const given = request.servers !== undefined && request.servers.length > 0;
  let detection: DetectResult | null = null;
  let failure: ErrorData | undefined;
  let results: ServerTestResult[] = [];
  let login: ReportLogin = request.password ? 'tested' : 'no-password';
  const common = {
    lang,
    ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  };
  const trustedCertificates = state.policy?.trustedCertificates;
  try {
    if (!given) {
      detection = await detect(
        { address: request.address, offline: request.offline ?? false, ...common },
        { ...(request.offline && !deps.net ? {} : { net }), policy: state },
      );
    } else if (state.error) {
      throw problemError(state.error);
    } else {
      assertDomainAllowed(state.policy, address);
    }
    let unchecked: readonly ServerSettings[] = [];
    if (request.password) {
      const seen = detection;
      const test = await testAccount(
        {
          address: request.address,
          password: request.password,
          acceptUntrusted: request.acceptUntrusted ?? false,
          force: request.force ?? false,
          ...(given && request.servers ? { servers: request.servers } : {}),
          ...common,
        },
        {
          net,
          guard: deps.guard,
          ...(trustedCertificates ? { trustedCertificates } : {}),
          ...(seen ? { recentDetection: () => seen } : {}),
        },
      );
      results = test.results;
      // Not confirmed: the servers are still reached and described, without a password.
      if (test.error?.code === 'untrusted-settings') {
        login = 'untrusted-settings';
        unchecked = test.settings;
      }
    } else {
      // Without a password, connecting costs the account nothing: every server.
      unchecked = given
        ? (request.servers ?? [])
        : [...(detection?.incoming ?? []), ...(detection?.outgoing ?? [])].slice(0, REPORT_LIMITS.maxServers);
    }
    if (unchecked.length > 0) results = await connectOnly(unchecked, { net, trustedCertificates, ...common });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    failure = errorData(error, lang);
  } finally {
    if (!deps.net) net.resolver.cancel();
  }
  return renderReport(
    {
      address: request.address,
      lang,
      servers: given ? 'given' : 'detected',
      detection,
      login,
      results,
      ...(failure ? { error: failure } : {}),
      elapsedMs: Math.round(performance.now() - started),
      ...(request.maskAddress ? { maskAddress: true } : {}),
      ...(request.password ? { password: request.password } : {}),
    },
    { policy: state, ...(deps.clock ? { clock: deps.clock } : {}) },
  );
}
