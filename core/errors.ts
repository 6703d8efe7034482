// One taxonomy of error codes for CLI, UI and reports (CONTRACT.md): every code any face emits is in
// ERROR_CODES, each with `error.<code>` and `error.<code>.fix` in core's catalogue (core/messages/
// errors.ts, de and en) and a line in docs/cli.md; test/unit/errors.test.ts checks all three. Errors
// cross faces as plain data keyed by `code`; class identity would not survive the IPC bridge.

export const ERROR_CODES = [
  'invalid-address',
  'dns-not-found',
  'connection-refused',
  'timeout',
  'tls-version-too-old',
  'tls-handshake-failed',
  'certificate-expired',
  'certificate-untrusted',
  'certificate-hostname-mismatch',
  'starttls-not-offered',
  'starttls-failed',
  'plaintext-auth-refused',
  'auth-failed',
  'auth-locked',
  'app-password-required',
  'protocol-error',
  'keychain-unavailable',
  // A secret longer than the smallest keychain takes (core/secrets/account.ts MAX_SECRET_LENGTH).
  'secret-too-long',
  // Renaming a saved password (core/secrets/keychain.ts rename): no such entry, the new name is another
  // entry's, or the new name breaks the label rules (core/secrets/account.ts).
  'keychain-entry-not-found',
  'keychain-label-taken',
  'invalid-label',
  // The administrator's policy (docs/policy.md): a file that cannot be used, and what it refuses.
  'policy-invalid',
  'policy-domain-not-allowed',
  'policy-protocol-not-allowed',
  'policy-format-not-allowed',
  // Sign-in through the provider (OAuth2, core/oauth): each with its own plain-words fix.
  'oauth-not-configured',
  'oauth-issuer-unreachable',
  'oauth-consent-denied',
  'oauth-wrong-account',
  'oauth-scope-missing',
  'oauth-redirect-port-taken',
  'oauth-sign-in-again',
  'oauth-failed',
  'oauth-not-in-profile',
  // The connection's own guard stopped a credential from going out unencrypted (a bug above it).
  'credentials-unprotected',
  // Detected settings the mail domain did not confirm: no password goes out until the person confirms.
  'untrusted-settings',
  // Detection found nothing to test or export.
  'not-found',
  // The command line was called wrongly (unknown command or flag, missing argument).
  'usage',
  // The wizard's page has no bridge to core (opened outside the app or the browser host).
  'bridge-missing',
  // A bug: the message says so, the detail helps the helpdesk.
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

/** An error as plain data, the way it crosses a face (IPC, the browser host, JSON output). */
export interface BridgeError {
  /** A code of the taxonomy above (`internal` for a bug). */
  code: ErrorCode;
  message: string;
  fix?: string;
  detail?: string;
}

/** The phase a network error happened in, for reports and the live checklist. */
export type Phase = 'dns' | 'connect' | 'greeting' | 'tls' | 'starttls' | 'auth' | 'http' | 'parse';

export class MailSetupError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly phase: Phase | undefined;

  constructor(code: ErrorCode, detail?: string, phase?: Phase, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'MailSetupError';
    this.code = code;
    this.detail = detail;
    this.phase = phase;
  }
}

export function isMailSetupError(value: unknown): value is MailSetupError {
  return value instanceof MailSetupError;
}

/** Maps Node's network error codes to ours; anything unknown stays undefined for the caller to decide. */
export function codeForNodeError(error: unknown): ErrorCode | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'ENODATA':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'ESERVFAIL':
    case 'EREFUSED':
    case 'ENOTIMP':
    case 'EBADRESP':
      return 'dns-not-found';
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EPIPE':
      return 'connection-refused';
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
    case 'ABORT_ERR':
      return 'timeout';
    default:
      return undefined;
  }
}

/** Turns anything thrown into our error, keeping the original as `cause`. */
export function toMailSetupError(error: unknown, fallback: ErrorCode, phase?: Phase): MailSetupError {
  if (error instanceof MailSetupError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MailSetupError(codeForNodeError(error) ?? fallback, message, phase, { cause: error });
}
