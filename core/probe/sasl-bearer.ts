// One OAuth2 bearer-token login (XOAUTH2, or OAUTHBEARER of RFC 7628) in any of the three protocols'
// SASL dialects. A refused token comes back as a challenge carrying a JSON error (RFC 7628 3.2.2); the
// client answers it with the mechanism's dummy response and then reads the verdict. The token is
// written "****" in the transcript, like a password.

import type { Protocol } from '../model.js';
import type { MailConnection } from './connection.js';
import { base64, bearerResponse } from './sasl.js';
import { readVerdict, type SaslDialect } from './sasl-exchange.js';
import { type BearerCredentials, type BearerMechanism, HIDDEN } from './secret.js';
import { judgeRefusal, ProbeFailure } from './verdict.js';

/** The mechanism to use from those offered: the one asked for, else OAUTHBEARER, else XOAUTH2. */
export function bearerMechanism(offered: readonly string[], wanted?: BearerMechanism): BearerMechanism {
  const upper = offered.map((mechanism) => mechanism.toUpperCase());
  const choices: BearerMechanism[] = wanted ? [wanted] : ['OAUTHBEARER', 'XOAUTH2'];
  const found = choices.find((mechanism) => upper.includes(mechanism));
  if (found) return found;
  throw new ProbeFailure(
    'protocol-error',
    `the server offers ${wanted ?? 'no OAuth2 sign-in (OAUTHBEARER, XOAUTH2)'}${wanted ? ' not' : ''} after TLS; it offers ${upper.join(' ') || 'nothing'}`,
    'no-oauth-login',
  );
}

/** What the server said about a refused token (RFC 7628 3.2.2), where it said anything. */
export interface BearerError {
  status?: string;
  scope?: string;
}

function decodeError(challenge: string): BearerError | undefined {
  try {
    const json: unknown = JSON.parse(Buffer.from(challenge.trim(), 'base64').toString('utf8'));
    if (typeof json !== 'object' || json === null) return undefined;
    const { status, scope } = json as Record<string, unknown>;
    return {
      ...(typeof status === 'string' ? { status } : {}),
      ...(typeof scope === 'string' ? { scope } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The text after the challenge marker: "+ xyz" (IMAP, POP3) or "334 xyz" (SMTP). */
const challengeText = (reply: readonly string[]) => (reply.at(-1) ?? '').replace(/^(?:\+|334)\s?/, '');

export interface BearerVerdict {
  /** The server's final reply. */
  lines: string[];
  error?: BearerError;
}

export async function bearerLogin(
  connection: MailConnection,
  dialect: SaslDialect,
  mechanism: BearerMechanism,
  credentials: BearerCredentials,
): Promise<BearerVerdict> {
  const response = bearerResponse(mechanism, credentials);
  const first = `${dialect.command} ${mechanism}`;
  const withResponse = `${first} ${response}`;
  let reply: string[];
  if (withResponse.length <= (dialect.initialResponseMax ?? -1)) {
    connection.sendCredential(withResponse, `${first} ${HIDDEN}`);
    reply = await dialect.read();
  } else {
    connection.send(first);
    reply = await dialect.read();
    if (!dialect.isChallenge(reply)) return { lines: reply };
    connection.sendCredential(response, HIDDEN);
    reply = await dialect.read();
  }
  if (!dialect.isChallenge(reply)) return { lines: reply };
  // The token was refused with an error challenge: acknowledge it (XOAUTH2: an empty response; RFC
  // 7628 3.2.3: %x01) and the server sends its verdict.
  const error = decodeError(challengeText(reply));
  connection.send(mechanism === 'XOAUTH2' ? '' : base64('\x01'));
  const verdict = await readVerdict(connection, dialect, 'token');
  return { lines: verdict, ...(error ? { error } : {}) };
}

// Microsoft's 535 5.7.139 "SmtpClientAuthentication is disabled for the Tenant/Mailbox", and its IMAP
// and POP answer for a mailbox without that protocol ("User is authenticated but not connected").
const SERVICE_DISABLED = [
  // Also inside a server's own words, as Postfix quotes its SASL back end ("…failed: 5.7.139_SMTP…").
  /(?<![\d.])5\.7\.139(?!\d)/,
  /SmtpClientAuthentication is disabled/i,
  /\bSMTP[ _]AUTH[ _]is[ _]disabled/i,
  /authenticated but not connected/i,
];

/**
 * The error for a refused token. A server that answers with an error challenge (RFC 7628 3.2.2) judged
 * the token itself: invalid or expired, or a scope missing. Core tests only with a token it has just
 * obtained and checked (the right account, every scope granted), so a server that refuses it without
 * a word about the token most likely has the service switched off for this mailbox (Microsoft 365:
 * IMAP, POP or SMTP AUTH per mailbox and per tenant), unless it says the account is locked or busy.
 */
export function judgeTokenRefusal(protocol: Protocol, verdict: BearerVerdict, detail: string): ProbeFailure {
  const judged = judgeRefusal(protocol, verdict.lines, detail);
  if (judged.code === 'auth-locked' || judged.code === 'plaintext-auth-refused') return judged;
  const disabled =
    protocol === 'smtp' ? 'smtp-auth-disabled' : protocol === 'imap' ? 'imap-disabled' : 'pop3-disabled';
  // The provider's own words that the service is off for the mailbox or the tenant win.
  if (verdict.lines.some((line) => SERVICE_DISABLED.some((pattern) => pattern.test(line)))) {
    return new ProbeFailure('auth-failed', detail, disabled);
  }
  if (verdict.error?.status === 'insufficient_scope') {
    return new ProbeFailure('auth-failed', detail, 'oauth-scope-refused');
  }
  if (verdict.error) return new ProbeFailure('auth-failed', detail, 'oauth-token-refused');
  return new ProbeFailure('auth-failed', detail, disabled);
}
