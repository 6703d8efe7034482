// The shapes of a connection test. ProbeResult grows into CONTRACT.md's `test` result: login and `auth`
// come with the next step; `message` is left to the caller, who knows the language.

import type { ErrorCode, Phase } from '../errors.js';
import type { Protocol, Security } from '../model.js';
import type { Resolver } from '../net/resolver.js';
import type { TlsFacts } from '../net/tls.js';
import type { MailConnection } from './connection.js';

/** Steps timed in `phases`; `capabilities` counts both asks of a STARTTLS run. */
export type ProbeStep = 'dns' | 'connect' | 'tls' | 'greeting' | 'capabilities' | 'starttls' | 'logout';

export interface ProbeError {
  code: ErrorCode;
  /** Localized by the caller from `code`. */
  message?: string;
  /** Technical detail or the server's own words (sanitized). */
  detail: string;
  phase: Phase;
}

export interface ProbeResult {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  ok: boolean;
  /** Also set when the certificate was refused: the report shows what we saw. */
  tls?: TlsFacts;
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
}

/** One protocol's dialogue on an open connection, step by step (login joins later). */
export interface ProtocolSession {
  /** Reads and checks the greeting; the whole greeting text (multi-line joined by "\n"). */
  greet(): Promise<string>;
  capabilities(): Promise<string[]>;
  /** Asks for TLS; resolves on the go-ahead, throws `starttls-failed` on any other answer. */
  startTls(): Promise<void>;
  logout(signal: AbortSignal): Promise<void>;
}

export interface ProtocolDefinition {
  open(connection: MailConnection): ProtocolSession;
  offersStartTls(capabilities: readonly string[]): boolean;
  /** The capabilities (after TLS) show the service a mail client needs, not just something that answers. */
  confirms(capabilities: readonly string[]): boolean;
}
