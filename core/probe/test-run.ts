// A whole connection test: every chosen server at once (the test takes as long as its slowest server),
// each with its own deadline, one login each, under the lockout guard. Core's entry point for the API,
// the CLI and the bench.

import { parseAddress } from '../address/parse.js';
import { t } from '../messages/index.js';
import type { Lang, ServerSettings } from '../model.js';
import { createNet, type Net } from '../net/index.js';
import type { CertificatePin } from '../net/tls.js';
import { type LockoutGuard, processLockoutGuard } from './lockout.js';
import { PROBE_DEFAULTS, probeServer } from './probe.js';
import { type Credentials, Secret } from './secret.js';
import type { ProbeError, ProbeResult, ProbeStep } from './types.js';
import type { ProbeReason } from './verdict.js';

export interface TestProgress {
  protocol: ServerSettings['protocol'];
  host: string;
  port: number;
  step: ProbeStep;
}

export interface TestRequest {
  /** The account's address (checked like detect's). */
  address: string;
  /** Each with its own user name; `auth: 'oauth2'` servers are checked without a password. */
  servers: readonly ServerSettings[];
  /** Used for this test only and dropped when it ends; never part of a result. */
  password: string;
  lang?: Lang;
  /** `HOST[:PORT]` of the DNS server for every look-up of the run. */
  dns?: string;
  /** Deadline per server, login included. */
  timeoutMs?: number;
  /** Log in even where the lockout guard would refuse (the person confirmed). */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: TestProgress) => void;
}

export interface TestDeps {
  net?: Net;
  guard?: LockoutGuard;
  /**
   * The administrator's certificate pins (policy `trustedCertificates`). A dependency, not part of the
   * request: requests come from the renderer, and only the policy file may relax a certificate check.
   */
  trustedCertificates?: readonly CertificatePin[];
}

/** One server's result (CONTRACT.md `test`), with the user name that was tried. */
export interface ServerTestResult extends ProbeResult {
  username: string;
}

export interface TestResult {
  address: string;
  ok: boolean;
  results: ServerTestResult[];
  elapsedMs: number;
}

// A NUL or line break cannot travel in any of the three protocols' login commands.
const UNSENDABLE = /[\0\r\n]/;

export async function runConnectionTest(request: TestRequest, deps: TestDeps = {}): Promise<TestResult> {
  const started = performance.now();
  const lang = request.lang ?? 'en';
  const address = parseAddress(request.address);
  const net = deps.net ?? createNet({ dns: request.dns });
  const guard = deps.guard ?? processLockoutGuard;
  const password = new Secret(request.password);
  try {
    const results = await Promise.all(
      request.servers.map((server) =>
        testServer(server, password, request, net, guard, deps.trustedCertificates),
      ),
    );
    for (const result of results) if (result.error) result.error = localizeProbeError(result.error, lang);
    return {
      address: address.address,
      ok: results.length > 0 && results.every((result) => result.ok),
      results,
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    password.forget();
    // A net we made is ours to close; an injected one belongs to the caller.
    if (!deps.net) net.resolver.cancel();
  }
}

async function testServer(
  server: ServerSettings,
  password: Secret,
  request: TestRequest,
  net: Net,
  guard: LockoutGuard,
  pins: readonly CertificatePin[] | undefined,
): Promise<ServerTestResult> {
  const { protocol, host, port, security, username } = server;
  const probe = (credentials?: Credentials) =>
    probeServer({
      protocol,
      host,
      port,
      security,
      resolver: net.resolver,
      timeoutMs: request.timeoutMs ?? PROBE_DEFAULTS.timeoutMs,
      ...(pins?.length ? { trustedCertificates: pins } : {}),
      ...(credentials ? { credentials } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onProgress
        ? { onStep: (step: ProbeStep) => request.onProgress?.({ protocol, host, port, step }) }
        : {}),
    });
  // Reasons not to send the password at all; the connection and TLS are still checked and reported.
  const withheld = (reason: ProbeReason, detail: string) =>
    probe().then((result) => serverResult(notLoggedIn(result, reason, detail), username));

  if (server.auth === 'oauth2') {
    return withheld(
      'oauth-only',
      'the settings say this server takes only OAuth2 sign-in; no password was sent',
    );
  }
  if (UNSENDABLE.test(password.reveal()) || UNSENDABLE.test(username)) {
    return withheld(
      'password-characters',
      'the password or user name contains a NUL or a line break; nothing was sent',
    );
  }
  const admission = guard.admit({ username, host, port }, request.force ?? false);
  if (!admission.admitted) {
    return withheld(
      'lockout-guard',
      `no login attempted: ${admission.failures} failed logins for ${username} on ${host}:${port} in this session; the lockout guard waits for confirmation (--force)`,
    );
  }
  let result: ProbeResult | undefined;
  try {
    result = await probe({ username, password });
    return serverResult(result, username);
  } finally {
    admission.ticket.settle({ loggedIn: result?.auth === 'ok', code: result?.error?.code });
  }
}

/** A server we checked without logging in: it fails for `reason`, unless it already failed on its own. */
function notLoggedIn(result: ProbeResult, reason: ProbeReason, detail: string): ProbeResult {
  if (result.error) return result;
  const code =
    reason === 'lockout-guard' ? 'auth-locked' : reason === 'oauth-only' ? 'protocol-error' : 'auth-failed';
  return { ...result, ok: false, error: { code, detail, phase: 'auth', reason } };
}

/** The person's words for an error: the reason's own where there is one, else the code's. */
export function localizeProbeError(error: ProbeError, lang: Lang): ProbeError {
  const key = error.reason ? `probe.${error.reason}` : `error.${error.code}`;
  const { code, detail, phase, reason } = error;
  return {
    code,
    message: t(lang, key),
    fix: t(lang, `${key}.fix`),
    detail,
    phase,
    ...(reason ? { reason } : {}),
  };
}

/** CONTRACT.md's field order, so the JSON reads top-down: where, verdict, why, then the evidence. */
export function serverResult(result: ProbeResult, username: string): ServerTestResult {
  const { protocol, host, port, security, ok, tls, auth, error, greeting, capabilities } = result;
  return {
    protocol,
    host,
    port,
    security,
    username,
    ok,
    ...(tls ? { tls } : {}),
    auth,
    ...(error ? { error } : {}),
    ...(greeting !== undefined ? { greeting } : {}),
    capabilities,
    transcript: result.transcript,
    ms: result.ms,
    phases: result.phases,
  };
}
