// What a refused login means, judged by the server's own words. Providers do not agree on codes, so
// the words decide first (an app password, encryption, a lock), the protocol's codes second:
// - app-password-required: Gmail's 534 5.7.9 / "Application-specific password required", "web login
//   required", "[ALERT] Please log in via your web browser", Microsoft's 5.7.139 and "basic
//   authentication is disabled".
// - plaintext-auth-refused: the server refuses passwords on this connection ([PRIVACYREQUIRED],
//   RFC 5530; 538 5.7.11, RFC 4954; 530 "Must issue a STARTTLS command first"; Dovecot's
//   "Plaintext authentication disallowed").
// - auth-locked: locked or rate-limited ([LIMIT], words such as "too many", "locked", "try again
//   later"), the mailbox in use by another session (POP3 [IN-USE], RFC 2449; IMAP [INUSE], RFC 5530),
//   and temporary refusals ([UNAVAILABLE], POP3 [SYS/TEMP] of RFC 3206, any SMTP 4xx): the password
//   may be right, and trying again at once is what gets accounts locked.
// - auth-failed: everything else that refuses, including RFC 3206's [AUTH] ("the credentials are
//   wrong") and [SYS/PERM], [AUTHENTICATIONFAILED], 535 5.7.8 and a plain -ERR.
// - protocol-error: an IMAP BAD (the server did not understand the command).

import type { ErrorCode } from '../errors.js';
import { MailSetupError } from '../errors.js';
import type { Protocol } from '../model.js';

/** More precise explanations than the codes' own; message keys `probe.<reason>` and `probe.<reason>.fix`. */
export const PROBE_REASONS = [
  'lockout-guard',
  'in-use',
  'temporary',
  'no-login',
  'no-password-login',
  'oauth-only',
  'password-characters',
  // An OAuth2 token login (sasl-bearer.ts):
  'no-oauth-login',
  'oauth-scope-refused',
  'oauth-token-refused',
  'imap-disabled',
  'pop3-disabled',
  'smtp-auth-disabled',
] as const;
export type ProbeReason = (typeof PROBE_REASONS)[number];

/** A coded failure with a reason, so the report can say more than the code alone. */
export class ProbeFailure extends MailSetupError {
  readonly reason: ProbeReason | undefined;
  constructor(code: ErrorCode, detail: string, reason?: ProbeReason) {
    super(code, detail, 'auth');
    this.name = 'ProbeFailure';
    this.reason = reason;
  }
}

const APP_PASSWORD = [
  /\b5\.7\.9\b/,
  /application[- ]specific password/i,
  /\bapp(?:lication)? password/i,
  /web ?login required/i,
  /log ?in (?:via|with|through) (?:your |a )?(?:web )?browser/i,
  /\[WEBALERT\b/i,
  /basic auth(?:entication)? is disabled/i,
  /\b5\.7\.139\b/,
  /SmtpClientAuthentication is disabled/i,
];
const PLAINTEXT = [
  /\[PRIVACYREQUIRED\]/i,
  /^538[ -]/,
  /\b5\.7\.11\b/,
  /must issue a STARTTLS/i,
  /plain ?text auth\w* (?:is )?(?:disallowed|not allowed|disabled)/i,
];
const IN_USE = [/\[IN-?USE\]/i];
const LOCKED = [
  /\[LIMIT\]/i,
  /too many/i,
  /\block(?:ed|out)\b/i,
  /\brate[- ]?limit/i,
  /\bthrottl/i,
  /try again later/i,
  /temporarily (?:blocked|locked|disabled|suspended)/i,
  /\bsuspended\b/i,
];
const TEMPORARY = [/\[UNAVAILABLE\]/i, /\[SYS\/TEMP\]/i];

const any = (patterns: readonly RegExp[], lines: readonly string[]) =>
  lines.some((line) => patterns.some((pattern) => pattern.test(line)));

/** The error for a refused login. `lines`: the server's answer (untagged lines and the final one). */
export function judgeRefusal(protocol: Protocol, lines: readonly string[], detail: string): ProbeFailure {
  if (any(APP_PASSWORD, lines)) return new ProbeFailure('app-password-required', detail);
  if (any(PLAINTEXT, lines)) return new ProbeFailure('plaintext-auth-refused', detail);
  if (any(IN_USE, lines)) return new ProbeFailure('auth-locked', detail, 'in-use');
  if (any(LOCKED, lines)) return new ProbeFailure('auth-locked', detail);
  const temporary =
    any(TEMPORARY, lines) || (protocol === 'smtp' && lines.some((line) => /^4\d\d/.test(line)));
  if (temporary) return new ProbeFailure('auth-locked', detail, 'temporary');
  const final = lines.at(-1) ?? '';
  if (protocol === 'imap' && /^\S+ BAD\b/i.test(final)) return new ProbeFailure('protocol-error', detail);
  return new ProbeFailure('auth-failed', detail);
}

/** Codes that mean the server counted a failed login against the account (the lockout guard counts them). */
export const FAILED_LOGIN_CODES: readonly ErrorCode[] = [
  'auth-failed',
  'auth-locked',
  'app-password-required',
];

const OAUTH = new Set(['XOAUTH2', 'OAUTHBEARER', 'XOAUTH']);

/**
 * The error for a server that offers no password login we use (only PLAIN and LOGIN, only inside TLS;
 * never NTLM/SPA, GSSAPI or CRAM-MD5), naming what it did offer.
 */
export function noPasswordLogin(offered: readonly string[], extra = ''): ProbeFailure {
  if (offered.length === 0) {
    return new ProbeFailure('protocol-error', `the server offers no login after TLS${extra}`, 'no-login');
  }
  const reason = offered.some((mechanism) => OAUTH.has(mechanism)) ? 'oauth-only' : 'no-password-login';
  return new ProbeFailure(
    'protocol-error',
    `the server offers only ${offered.join(' ')}${extra}; we send passwords only with PLAIN or LOGIN inside TLS`,
    reason,
  );
}
