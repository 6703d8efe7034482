// The account test, core's one entry point for every face (core/api.ts `test`): the person's servers,
// or detection's best ones (core/probe/choose-servers.ts); no password for detected settings that the
// mail domain did not confirm unless the person accepts them (`untrusted-settings`); then the
// connection test under the lockout guard (core/probe/test-run.ts).

import { parseAddress } from './address/parse.js';
import { monotonicMs } from './clock.js';
import { detect } from './detect.js';
import { codedErrorData } from './error-data.js';
import type { DetectResult } from './model.js';
import { createNet } from './net/index.js';
import type { PolicyState } from './policy/types.js';
import { serversToTest } from './probe/choose-servers.js';
import type { LockoutGuard } from './probe/lockout.js';
import {
  type DetectionSummary,
  runConnectionTest,
  type TestDeps,
  type TestRequest,
  type TestResult,
} from './probe/test-run.js';

export interface AccountTestDeps extends TestDeps {
  guard: LockoutGuard;
  /** The administrator's policy in force, for detection. */
  policy?: PolicyState;
  /**
   * Detect's answer for this address that the person has just seen (the app's detect call), so the test
   * uses exactly those settings and their trust verdict; detection runs anew without one.
   */
  recentDetection?: (address: string) => DetectResult | undefined;
}

export async function testAccount(request: TestRequest, deps: AccountTestDeps): Promise<TestResult> {
  const started = monotonicMs();
  const address = parseAddress(request.address);
  if (request.servers && request.servers.length > 0) {
    return runConnectionTest({ ...request, servers: request.servers }, deps);
  }
  const lang = request.lang ?? 'en';
  const net = deps.net ?? createNet({ dns: request.dns });
  try {
    const detection =
      deps.recentDetection?.(address.address) ??
      (await detect(
        {
          address: request.address,
          lang,
          offline: request.offline ?? false,
          ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
        },
        { ...(request.offline && !deps.net ? {} : { net }), ...(deps.policy ? { policy: deps.policy } : {}) },
      ));
    const summary: DetectionSummary = {
      ...(detection.source ? { source: detection.source } : {}),
      trusted: detection.trusted,
      warnings: detection.warnings,
    };
    const servers = serversToTest(detection, { protocol: request.protocol, username: request.username });
    const nothing = { address: address.address, ok: false, results: [], settings: [], detection: summary };
    const elapsedMs = () => Math.round(monotonicMs() - started);
    if (servers.length === 0) return { ...nothing, elapsedMs: elapsedMs() };
    // Settings the mail domain did not confirm (MX only, a server in another organisation's domain, a
    // redirect elsewhere) get no password unless the person says they are right: that is what a
    // phishing set-up looks like.
    if (!detection.trusted && !request.acceptUntrusted) {
      return {
        ...nothing,
        settings: servers,
        elapsedMs: elapsedMs(),
        error: codedErrorData('untrusted-settings', lang),
      };
    }
    const result = await runConnectionTest({ ...request, servers }, { ...deps, net });
    return { ...result, elapsedMs: elapsedMs(), detection: summary };
  } finally {
    if (!deps.net) net.resolver.cancel();
  }
}
