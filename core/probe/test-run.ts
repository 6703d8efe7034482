// A whole connection test: every chosen server at once (the test takes as long as its slowest server),
// each with its own deadline, one login each, under the lockout guard. core/account-test.ts
// chooses the servers (or takes the person's) and gates untrusted settings before this runs.

import { parseAddress } from '../address/parse.js';
import type { ErrorData } from '../error-data.js';
import { t } from '../messages/index.js';
import type { IncomingProtocol, Lang, Notice, ServerSettings, SourceName } from '../model.js';
import { createNet, type Net } from '../net/index.js';
import type { CertificatePin } from '../net/tls.js';
import { loginPriority, withoutRepeats } from './choose-servers.js';
import type { LockoutGuard, LockoutSummary, LoginOutcome } from './lockout.js';
import { PROBE_DEFAULTS, probeServer } from './probe.js';
import { type Credentials, Secret } from './secret.js';
import type { ProbeError, ProbeResult, ProbeStep } from './types.js';
import type { ProbeReason } from './verdict.js';

export interface TestProgress {
  protocol: ServerSettings['protocol'];
  host: string;
  port: number;
  security: ServerSettings['security'];
  step: ProbeStep;
}

export interface TestRequest {
  /** The account's address (checked like detect's). */
  address: string;
  /**
   * The servers to test, as the person gave them (they vouch for them). Without: core detects first
   * and tests the best incoming server (of `protocol`) and the best outgoing one, and sends no password
   * to settings the mail domain did not confirm unless `acceptUntrusted`.
   */
  servers?: readonly ServerSettings[] | undefined;
  /** IMAP or POP3 among the detected servers; the best one otherwise. */
  protocol?: IncomingProtocol;
  /** Replaces the detected user name. */
  username?: string;
  /** Used for this test only and dropped when it ends; never part of a result. */
  password: string;
  /** The person confirmed detected settings the mail domain did not confirm. */
  acceptUntrusted?: boolean;
  /** Log in even where the lockout count would refuse (the person confirmed). */
  force?: boolean;
  /** Detection from the bundled list and the policy only (the servers are still reached). */
  offline?: boolean;
  lang?: Lang;
  /** `HOST[:PORT]` of the DNS server for every look-up of the run. */
  dns?: string;
  /** Deadline per server, login included (and of detection). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: TestProgress) => void;
}

export interface TestDeps {
  net?: Net;
  /** The lockout guard over the ledger; core/api.ts makes one over the user's ledger file. */
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

/** Where detected settings came from, when the test detected first (CONTRACT.md). */
export interface DetectionSummary {
  source?: SourceName;
  trusted: boolean;
  warnings: Notice[];
}

/** The lockout count after the test, in words too, and the servers it held back. */
export interface TestLockout extends LockoutSummary {
  /** The count and its expiry in the request's language (plus what was skipped, a replaced ledger). */
  message: string;
  /** Servers that got no login because the count was at its limit. */
  skipped: { protocol: ServerSettings['protocol']; host: string; port: number }[];
}

export interface TestResult {
  address: string;
  ok: boolean;
  results: ServerTestResult[];
  /** The servers tested, as settings (with their sign-in kind): what an export of this account uses. */
  settings: ServerSettings[];
  elapsedMs: number;
  /** Present when the test detected the servers first. */
  detection?: DetectionSummary;
  /** Why no server was tested at all (`untrusted-settings`). */
  error?: ErrorData;
  /** Present when a password login was due: the count of failed logins for the account. */
  lockout?: TestLockout;
}

// A NUL or line break cannot travel in any of the three protocols' login commands.
const UNSENDABLE = /[\0\r\n]/;

/** Tests the given servers (core/account-test.ts chose or took them). */
export async function runConnectionTest(
  request: TestRequest & { servers: readonly ServerSettings[] },
  deps: TestDeps & { guard: LockoutGuard },
): Promise<TestResult> {
  const started = performance.now();
  const lang = request.lang ?? 'en';
  const address = parseAddress(request.address);
  const net = deps.net ?? createNet({ dns: request.dns });
  const password = new Secret(request.password);
  const servers = withoutRepeats(request.servers);
  try {
    const probe = (server: ServerSettings, credentials?: Credentials) =>
      probeServer({
        protocol: server.protocol,
        host: server.host,
        port: server.port,
        security: server.security,
        resolver: net.resolver,
        timeoutMs: request.timeoutMs ?? PROBE_DEFAULTS.timeoutMs,
        ...(deps.trustedCertificates?.length ? { trustedCertificates: deps.trustedCertificates } : {}),
        ...(credentials ? { credentials } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
        ...(request.onProgress
          ? {
              onStep: (step: ProbeStep) =>
                request.onProgress?.({
                  protocol: server.protocol,
                  host: server.host,
                  port: server.port,
                  security: server.security,
                  step,
                }),
            }
          : {}),
      });
    // Reasons not to send the password at all; the connection and TLS are still checked and reported.
    const holdBack = (server: ServerSettings): [ProbeReason, string] | undefined => {
      if (server.auth === 'oauth2')
        return ['oauth-only', 'the settings say this server takes only OAuth2 sign-in; no password was sent'];
      if (UNSENDABLE.test(password.reveal()) || UNSENDABLE.test(server.username))
        return [
          'password-characters',
          'the password or user name contains a NUL or a line break; nothing was sent',
        ];
      return undefined;
    };
    const withLogin = loginPriority(servers.filter((server) => holdBack(server) === undefined));
    const admission = await deps.guard.admit(withLogin, request.force ?? false);
    const admitted = new Set(withLogin.filter((_server, index) => admission.admitted[index]));
    const guarded = guardDetail(admission.before);
    const outcomes = new Map<ServerSettings, LoginOutcome>();

    const settled = await Promise.allSettled(
      servers.map(async (server) => {
        const held =
          holdBack(server) ?? (admitted.has(server) ? undefined : (['lockout-guard', guarded] as const));
        if (held) return serverResult(notLoggedIn(await probe(server), held[0], held[1]), server.username);
        // Until the server's answer is known (a cancelled test), the login counts as failed.
        let outcome: LoginOutcome = { loggedIn: false, code: 'auth-failed' };
        try {
          const result = await probe(server, { username: server.username, password });
          outcome = { loggedIn: result.auth === 'ok', code: result.error?.code };
          return serverResult(result, server.username);
        } finally {
          outcomes.set(server, outcome);
        }
      }),
    );
    // Every admitted login is settled, whatever happened to the others.
    const after = await admission.settle(withLogin.map((server) => outcomes.get(server)));
    const results = settled.map((entry) => {
      if (entry.status === 'rejected') throw entry.reason;
      return entry.value;
    });
    for (const result of results) if (result.error) result.error = localizeProbeError(result.error, lang);
    const skipped = withLogin
      .filter((server) => !admitted.has(server))
      .map(({ protocol, host, port }) => ({ protocol, host, port }));
    const ledger = admission.before.ledger ?? after.ledger;
    return {
      address: address.address,
      ok: results.length > 0 && results.every((result) => result.ok),
      results,
      settings: servers,
      elapsedMs: Math.round(performance.now() - started),
      ...(withLogin.length > 0
        ? {
            lockout: lockoutWithWords(
              { ...after, ...(ledger ? { ledger } : {}) },
              skipped,
              admitted.size === 0,
              lang,
            ),
          }
        : {}),
    };
  } finally {
    password.forget();
    // A net we made is ours to close; an injected one belongs to the caller.
    if (!deps.net) net.resolver.cancel();
  }
}

/** A person's date and time, in their language and the machine's time zone. */
export function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The technical detail of a login the count held back (English, like every detail). */
function guardDetail(count: LockoutSummary): string {
  const expiry = count.expiresAt ? `; the count expires at ${count.expiresAt}` : '';
  return `no login attempted: ${count.failures} failed logins for this account at this provider in the last ${count.windowMinutes} minutes (at most ${count.limit} go out unconfirmed)${expiry}; confirm to try once more (--force)`;
}

function lockoutWithWords(
  count: LockoutSummary,
  skipped: TestLockout['skipped'],
  allSkipped: boolean,
  lang: Lang,
): TestLockout {
  const words = [
    t(lang, count.failures === 0 ? 'probe.lockout.clear' : 'probe.lockout.count', {
      failures: count.failures,
      limit: count.limit,
      minutes: count.windowMinutes,
      time: count.expiresAt ? formatTime(count.expiresAt, lang) : '',
    }),
  ];
  // Some went out and some not: say which were held back (when none went, each result says so).
  if (skipped.length > 0 && !allSkipped) {
    const servers = skipped.map((server) => `${server.protocol.toUpperCase()} ${server.host}:${server.port}`);
    words.push(t(lang, 'probe.lockout.skipped', { servers: servers.join(', ') }));
  }
  if (count.ledger) words.push(t(lang, `probe.lockout.ledger-${count.ledger}`));
  return { ...count, message: words.join(' '), skipped };
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
