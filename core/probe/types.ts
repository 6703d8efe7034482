// The shapes of a connection test. ProbeResult is one server of CONTRACT.md's `test` result; `message`
// and `fix` are left to the caller, who knows the language.

import type { ErrorCode, Phase } from '../errors.js';
import type { Protocol, Security } from '../model.js';
import type { Resolver } from '../net/resolver.js';
import type { CertificatePin, TlsFacts } from '../net/tls.js';
import type { MailConnection } from './connection.js';
import type { LoginCredentials } from './secret.js';
import type { ProbeReason } from './verdict.js';

/** Steps timed in `phases`; `capabilities` counts both asks of a STARTTLS run. */
export type ProbeStep =
  | 'dns'
  | 'connect'
  | 'tls'
  | 'greeting'
  | 'capabilities'
  | 'starttls'
  | 'auth'
  | 'logout';

/** `failed`: the login began (a login command went out) and did not succeed. */
export type AuthOutcome = 'ok' | 'failed' | 'not-attempted';

export interface ProbeError {
  code: ErrorCode;
  /** Localized by the caller from `reason` or `code`. */
  message?: string;
  /** What to do, localized like `message`. */
  fix?: string;
  /** Technical detail or the server's own words (sanitized, every form of the password cut out). */
  detail: string;
  phase: Phase;
  /** Set where the code alone says too little (e.g. `lockout-guard`: our guard, not the server). */
  reason?: ProbeReason;
}

export interface ProbeResult {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  ok: boolean;
  /** Also set when the certificate was refused: the report shows what we saw. */
  tls?: TlsFacts;
  auth: AuthOutcome;
  greeting?: string;
  /** Only what the server said inside TLS (the plain-text list is in the transcript; RFC 3207/2595/3501). */
  capabilities: string[];
  error?: ProbeError;
  /** "S: ..." and "C: ..." lines, sanitized; credentials will be written redacted. */
  transcript: string[];
  phases: Partial<Record<ProbeStep, number>>;
  ms: number;
}

export interface ProbeOptions {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  resolver: Resolver;
  /** The caller's cancel: a cancelled probe rejects instead of returning a result. */
  signal?: AbortSignal;
  /** One deadline for the whole probe. */
  timeoutMs?: number;
  /** Log in with these (a password or an OAuth2 token) once TLS is verified; without them the probe stops after the capabilities. */
  credentials?: LoginCredentials;
  /** Called as each step begins (for a live checklist). */
  onStep?: (step: ProbeStep) => void;
  /** The administrator's certificate pins (policy `trustedCertificates`). */
  trustedCertificates?: readonly CertificatePin[];
}

/** One protocol's dialogue on an open connection, step by step. */
export interface ProtocolSession {
  /** Reads and checks the greeting; the whole greeting text (multi-line joined by "\n"). */
  greet(): Promise<string>;
  capabilities(): Promise<string[]>;
  /** Asks for TLS; resolves on the go-ahead, throws `starttls-failed` on any other answer. */
  startTls(): Promise<void>;
  /**
   * Exactly one login with the method `loginMethod` chose from the same capabilities; resolves when the
   * server accepts, throws a coded error (ProbeFailure with the server's words) otherwise. Never retries.
   */
  login(credentials: LoginCredentials, capabilities: readonly string[]): Promise<void>;
  logout(signal: AbortSignal): Promise<void>;
}

export interface ProtocolDefinition {
  open(connection: MailConnection): ProtocolSession;
  offersStartTls(capabilities: readonly string[]): boolean;
  /** The capabilities (after TLS) show the service a mail client needs, not just something that answers. */
  confirms(capabilities: readonly string[]): boolean;
  /**
   * How we would log in, from the capabilities after TLS ("AUTHENTICATE PLAIN", "USER/PASS", ...), or a
   * coded error when the server offers nothing we speak: only PLAIN and LOGIN, only inside TLS; for a
   * token, OAUTHBEARER or XOAUTH2.
   */
  loginMethod(capabilities: readonly string[], credentials?: LoginCredentials): string;
}
