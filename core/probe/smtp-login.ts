// SMTP AUTH (RFC 4954): PLAIN, else LOGIN, as advertised in EHLO after TLS. A submission server that
// offers no AUTH there cannot take mail from a mail program: that is a protocol error, named as such.

import type { MailConnection } from './connection.js';
import { bearerLogin, bearerMechanism, judgeTokenRefusal } from './sasl-bearer.js';
import { type SaslDialect, saslLogin } from './sasl-exchange.js';
import { isBearer, type LoginCredentials } from './secret.js';
import { judgeRefusal, noPasswordLogin } from './verdict.js';

/** RFC 5321 4.5.3.1.4: a command line is at most 512 octets with CRLF. */
const MAX_COMMAND_OCTETS = 510;

/** Mechanisms from "AUTH PLAIN LOGIN" and the pre-standard "AUTH=PLAIN LOGIN" (older Outlook-era servers). */
export function smtpMechanisms(extensions: readonly string[]): string[] {
  return extensions
    .filter((extension) => /^AUTH[\s=]/i.test(extension))
    .flatMap((extension) => extension.slice(5).trim().split(/\s+/))
    .filter(Boolean)
    .map((mechanism) => mechanism.toUpperCase());
}

export function smtpLoginMethod(extensions: readonly string[], credentials?: LoginCredentials): string {
  const offered = [...new Set(smtpMechanisms(extensions))];
  if (credentials && isBearer(credentials)) return bearerMechanism(offered, credentials.mechanism);
  if (offered.includes('PLAIN')) return 'PLAIN';
  if (offered.includes('LOGIN')) return 'LOGIN';
  throw noPasswordLogin(offered);
}

export interface SmtpReader {
  /** One reply's lines ("250-..." joined in order). */
  read(): Promise<string[]>;
}

export async function smtpLogin(
  connection: MailConnection,
  reader: SmtpReader,
  credentials: LoginCredentials,
  extensions: readonly string[],
): Promise<void> {
  const dialect: SaslDialect = {
    command: 'AUTH',
    read: () => reader.read(),
    isChallenge: (reply) => reply[0]?.startsWith('334') === true,
    initialResponseMax: MAX_COMMAND_OCTETS,
  };
  if (isBearer(credentials)) {
    const mechanism = bearerMechanism(smtpMechanisms(extensions), credentials.mechanism);
    const bearer = await bearerLogin(connection, dialect, mechanism, credentials);
    if (bearer.lines[0]?.startsWith('235')) return;
    throw judgeTokenRefusal('smtp', bearer, connection.quote(bearer.lines.join(' ')));
  }
  const mechanism = smtpLoginMethod(extensions) === 'PLAIN' ? 'PLAIN' : 'LOGIN';
  const verdict = await saslLogin(connection, dialect, mechanism, credentials);
  if (verdict[0]?.startsWith('235')) return;
  throw judgeRefusal('smtp', verdict, connection.quote(verdict.join(' ')));
}
