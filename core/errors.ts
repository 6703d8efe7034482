// One taxonomy of error codes for CLI, UI and reports (CONTRACT.md). Errors cross faces as plain data
// keyed by `code`; class identity would not survive the IPC bridge.

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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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
