// One SASL exchange (RFC 4422) for IMAP AUTHENTICATE, POP3 AUTH and SMTP AUTH: PLAIN (RFC 4616) or
// LOGIN, with the initial response where the server allows it. Every payload is written "****" in the
// transcript: PLAIN carries the password, and LOGIN's user line is redacted alike.

import { MailSetupError } from '../errors.js';
import type { MailConnection } from './connection.js';
import { base64, plainResponse } from './sasl.js';
import { type Credentials, HIDDEN } from './secret.js';

export type SaslMechanism = 'PLAIN' | 'LOGIN';

export interface SaslDialect {
  /** "a3 AUTHENTICATE" (IMAP) or "AUTH" (POP3, SMTP). */
  command: string;
  /** Reads one whole reply. */
  read(): Promise<string[]>;
  /** A server challenge ("+ ..." or "334 ..."), as opposed to the verdict. */
  isChallenge(reply: readonly string[]): boolean;
  /** Send the PLAIN response with the command, if the line stays within this length (undefined: never). */
  initialResponseMax: number | undefined;
}

/** Runs the exchange and returns the server's verdict (the reply after the last response). */
export async function saslLogin(
  connection: MailConnection,
  dialect: SaslDialect,
  mechanism: SaslMechanism,
  credentials: Credentials,
): Promise<string[]> {
  const responses =
    mechanism === 'PLAIN'
      ? [plainResponse(credentials.username, credentials.password.reveal())]
      : [base64(credentials.username), base64(credentials.password.reveal())];
  const first = `${dialect.command} ${mechanism}`;
  const withResponse = `${first} ${responses[0]}`;
  if (mechanism === 'PLAIN' && withResponse.length <= (dialect.initialResponseMax ?? -1)) {
    connection.sendCredential(withResponse, `${first} ${HIDDEN}`);
    responses.shift();
  } else {
    connection.send(first);
  }
  for (const response of responses) {
    const reply = await dialect.read();
    // Refused before the password went out (mechanism not allowed, locked account ...): the verdict.
    if (!dialect.isChallenge(reply)) return reply;
    connection.sendCredential(response, HIDDEN);
  }
  return readVerdict(connection, dialect, 'password');
}

/**
 * The server's verdict after the last response. More rounds than the mechanism has are cancelled
 * (RFC 4422 3.5) instead of guessing an answer.
 */
export async function readVerdict(
  connection: MailConnection,
  dialect: SaslDialect,
  sent: 'password' | 'token',
): Promise<string[]> {
  const verdict = await dialect.read();
  if (!dialect.isChallenge(verdict)) return verdict;
  connection.send('*');
  throw new MailSetupError(
    'protocol-error',
    `the server asked for more after the ${sent}: "${connection.quote(verdict.join(' '))}"`,
    'auth',
  );
}
