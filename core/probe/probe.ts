// One connection test: DNS, connect, TLS (implicit or STARTTLS) under the one TLS policy, greeting and
// capabilities, then (with credentials) exactly one login. Before TLS is verified nothing but the
// protocol's own greeting-phase commands is sent; a failure becomes a coded result, never a retry.

import type { Socket } from 'node:net';
import { MailSetupError, type Phase, toMailSetupError } from '../errors.js';
import type { Protocol } from '../model.js';
import { abortReason, withTimeout } from '../net/abort.js';
import { connectTcp } from '../net/socket.js';
import { connectTls, TlsError } from '../net/tls.js';
import { CONNECTION_LIMITS, MailConnection, sanitize } from './connection.js';
import { imap } from './imap.js';
import { pop3 } from './pop3.js';
import { scrub, secretForms } from './sasl.js';
import { isBearer } from './secret.js';
import { smtp } from './smtp.js';
import type {
  ProbeError,
  ProbeOptions,
  ProbeResult,
  ProbeStep,
  ProtocolDefinition,
  ProtocolSession,
} from './types.js';
import { ProbeFailure } from './verdict.js';

export const PROBE_DEFAULTS = {
  /** Per server, login included: a slow provider's auth back end can take seconds. */
  timeoutMs: 8000,
  /** How long a polite goodbye may take once the verdict stands. */
  logoutGraceMs: 500,
} as const;

/** The only place that tells the protocols apart. */
export const PROTOCOLS: Readonly<Record<Protocol, ProtocolDefinition>> = { imap, pop3, smtp };

export async function probeServer(options: ProbeOptions): Promise<ProbeResult> {
  const { protocol, host, port, security, resolver } = options;
  // OAUTHBEARER names the server it is for (RFC 7628 3.1).
  const credentials =
    options.credentials && isBearer(options.credentials)
      ? { ...options.credentials, server: { host, port } }
      : options.credentials;
  const pins = options.trustedCertificates;
  // AbortSignal.timeout takes whole milliseconds only.
  const timeoutMs = Math.max(1, Math.floor(options.timeoutMs ?? PROBE_DEFAULTS.timeoutMs));
  const definition = PROTOCOLS[protocol];
  const started = performance.now();
  const deadline = withTimeout(timeoutMs, options.signal);
  const result: ProbeResult = {
    protocol,
    host,
    port,
    security,
    ok: false,
    auth: 'not-attempted',
    capabilities: [],
    transcript: [],
    phases: {},
    ms: 0,
  };

  let phase: Phase = 'dns';
  const step = async <T>(name: ProbeStep, errorPhase: Phase, work: () => Promise<T>): Promise<T> => {
    phase = errorPhase;
    options.onStep?.(name);
    const stepStarted = performance.now();
    try {
      return await work();
    } finally {
      result.phases[name] = (result.phases[name] ?? 0) + elapsed(stepStarted);
    }
  };

  let plain: Socket | undefined;
  let connection: MailConnection | undefined;
  let session: ProtocolSession | undefined;
  // Every form of the password a server could echo back; cut out of everything we report.
  const hidden = credentials ? secretForms(credentials) : [];
  try {
    try {
      // Timed apart from connect; the socket still dials the name, so SNI and the host check use it.
      await step('dns', 'dns', () => resolver.resolveAddresses(host, deadline));
      const tcp = await step('connect', 'connect', () => connectTcp(host, port, resolver, deadline));
      plain = tcp;
      if (security === 'tls') {
        const secured = await step('tls', 'tls', () =>
          connectTls({ host, port, resolver, signal: deadline, socket: tcp, pins }),
        );
        result.tls = secured.tls;
        connection = new MailConnection(secured.socket, deadline, true);
      } else {
        connection = new MailConnection(tcp, deadline, false);
      }
      connection.hide(hidden);
      const open = connection;
      const active = definition.open(open);
      session = active;
      result.greeting = await step('greeting', 'greeting', () => active.greet());
      const first = await step('capabilities', 'greeting', () => active.capabilities());
      if (security === 'tls') result.capabilities = first;
      else {
        // The plain-text list only decides whether to ask for TLS; it stays in the transcript.
        if (!definition.offersStartTls(first)) {
          throw new MailSetupError(
            'starttls-not-offered',
            `the server does not advertise ${protocol === 'pop3' ? 'STLS' : 'STARTTLS'}`,
            'starttls',
          );
        }
        await step('starttls', 'starttls', () => active.startTls());
        result.tls = await step('tls', 'tls', () => open.startTls(host, port, resolver, pins));
        // What the server said before TLS may have been forged: ask again (RFC 3207, 2595, 3501).
        result.capabilities = await step('capabilities', 'starttls', () => active.capabilities());
      }
      if (credentials) {
        const capabilities = result.capabilities;
        await step('auth', 'auth', async () => {
          // Chooses PLAIN or LOGIN (or a token mechanism), or refuses (nothing sent yet: not attempted).
          definition.loginMethod(capabilities, credentials);
          result.auth = 'failed';
          await active.login(credentials, capabilities);
        });
        result.auth = 'ok';
      }
      result.ok = true;
    } catch (error) {
      if (options.signal?.aborted) throw abortReason(options.signal);
      result.error = describeError(error, phase, deadline.aborted ? timeoutMs : undefined, hidden);
      if (error instanceof TlsError && error.tls) result.tls = error.tls;
    }
    if (session && result.greeting !== undefined && connection?.open && !deadline.aborted) {
      await step('logout', phase, () => politeLogout(session!, options.signal));
    }
  } finally {
    connection?.destroy();
    plain?.destroy();
    result.transcript = connection?.transcript ?? [];
    result.ms = elapsed(started);
  }
  // The server's own words, made safe to show like the transcript.
  const quote = (text: string) => sanitize(scrub(text, hidden), CONNECTION_LIMITS.transcriptChars);
  if (result.greeting !== undefined) result.greeting = result.greeting.split('\n').map(quote).join('\n');
  result.capabilities = result.capabilities.map(quote);
  return result;
}

/** A goodbye after the verdict: it may fail or go unanswered without changing the result. */
async function politeLogout(session: ProtocolSession, signal: AbortSignal | undefined): Promise<void> {
  try {
    await session.logout(withTimeout(PROBE_DEFAULTS.logoutGraceMs, signal));
  } catch {
    // The verdict is already made; the socket is destroyed next either way.
  }
}

function describeError(
  error: unknown,
  phase: Phase,
  timedOutAfterMs: number | undefined,
  hidden: readonly string[],
): ProbeError {
  const coded = toMailSetupError(error, 'protocol-error', phase);
  const detail =
    coded.code === 'timeout' && timedOutAfterMs !== undefined
      ? `no answer within ${timedOutAfterMs} ms (${coded.phase ?? phase})`
      : (coded.detail ?? coded.message).trim();
  const described: ProbeError = {
    code: coded.code,
    detail: scrub(detail, hidden),
    phase: coded.phase ?? phase,
  };
  if (coded instanceof ProbeFailure && coded.reason) described.reason = coded.reason;
  return described;
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}
