// IMAP login (RFC 9051/3501, SASL-IR from RFC 4959): AUTHENTICATE PLAIN where offered, else LOGIN with
// quoted strings or, for 8-bit text, synchronizing literals. One attempt; the password only inside TLS.

import { MailSetupError } from '../errors.js';
import type { MailConnection } from './connection.js';
import { imapQuoted } from './sasl.js';
import { bearerLogin, bearerMechanism, judgeTokenRefusal } from './sasl-bearer.js';
import { type SaslDialect, saslLogin } from './sasl-exchange.js';
import { HIDDEN, isBearer, type LoginCredentials } from './secret.js';
import { judgeRefusal, noPasswordLogin } from './verdict.js';

export const hasCapability = (capabilities: readonly string[], name: string): boolean =>
  capabilities.some((capability) => capability.toUpperCase() === name);

export type ImapLoginMethod = 'AUTHENTICATE PLAIN' | 'LOGIN';

const authMechanisms = (capabilities: readonly string[]) =>
  capabilities.filter((c) => /^AUTH=/i.test(c)).map((c) => c.slice(5).toUpperCase());

export function imapLoginMethod(capabilities: readonly string[], credentials?: LoginCredentials): string {
  if (credentials && isBearer(credentials)) {
    return `AUTHENTICATE ${bearerMechanism(authMechanisms(capabilities), credentials.mechanism)}`;
  }
  return imapPasswordMethod(capabilities);
}

function imapPasswordMethod(capabilities: readonly string[]): ImapLoginMethod {
  if (hasCapability(capabilities, 'AUTH=PLAIN')) return 'AUTHENTICATE PLAIN';
  if (!hasCapability(capabilities, 'LOGINDISABLED')) return 'LOGIN';
  const offered = authMechanisms(capabilities);
  if (offered.length > 0) throw noPasswordLogin(offered, ' (and LOGINDISABLED)');
  // LOGINDISABLED inside TLS: this server takes no password on this connection at all.
  throw new MailSetupError(
    'plaintext-auth-refused',
    'the server advertises LOGINDISABLED even inside TLS and offers no AUTHENTICATE PLAIN',
    'auth',
  );
}

const isContinuation = (line: string | undefined) => line === '+' || line?.startsWith('+ ') === true;
const isBye = (line: string) => /^\* BYE\b/i.test(line);

function until(connection: MailConnection, tag: string, continuation: boolean): Promise<string[]> {
  return connection.readReply(
    (line) => line.startsWith(`${tag} `) || isBye(line) || (continuation && isContinuation(line)),
  );
}

export async function imapLogin(
  connection: MailConnection,
  tag: string,
  credentials: LoginCredentials,
  capabilities: readonly string[],
): Promise<void> {
  const dialect: SaslDialect = {
    command: `${tag} AUTHENTICATE`,
    read: () => until(connection, tag, true),
    isChallenge: (reply) => isContinuation(reply.at(-1)),
    // Without SASL-IR the response waits for the server's "+" (RFC 4959).
    initialResponseMax: hasCapability(capabilities, 'SASL-IR') ? Number.POSITIVE_INFINITY : undefined,
  };
  const isOk = (lines: readonly string[]) => new RegExp(`^${tag} OK\\b`, 'i').test(lines.at(-1) ?? '');
  // Capability lists sent along are noise; alerts, NO/BAD and BYE carry the server's reasons.
  const reasons = (lines: readonly string[]) =>
    lines.filter((line) => !/^\* (?:CAPABILITY|OK\s+(?!\[ALERT\]))/i.test(line));
  if (isBearer(credentials)) {
    const mechanism = bearerMechanism(authMechanisms(capabilities), credentials.mechanism);
    const verdict = await bearerLogin(connection, dialect, mechanism, credentials);
    if (isOk(verdict.lines)) return;
    const said = reasons(verdict.lines);
    throw judgeTokenRefusal('imap', { ...verdict, lines: said }, connection.quote(said.join(' ')));
  }
  const lines =
    imapPasswordMethod(capabilities) === 'AUTHENTICATE PLAIN'
      ? await saslLogin(connection, dialect, 'PLAIN', credentials)
      : await login(connection, tag, credentials.username, credentials.password.reveal());
  if (isOk(lines)) return;
  const said = reasons(lines);
  throw judgeRefusal('imap', said, connection.quote(said.join(' ')));
}

/** LOGIN user password; a text a quoted string cannot carry goes as a literal, announced and confirmed. */
async function login(
  connection: MailConnection,
  tag: string,
  username: string,
  password: string,
): Promise<string[]> {
  let line = `${tag} LOGIN`;
  let shown = line;
  const parts: [text: string, secret: boolean][] = [
    [username, false],
    [password, true],
  ];
  for (const [text, secret] of parts) {
    const quoted = imapQuoted(text);
    if (quoted !== undefined) {
      line += ` ${quoted}`;
      shown += ` ${secret ? HIDDEN : quoted}`;
      continue;
    }
    // Synchronizing literal (RFC 9051 4.3): even its length would tell something about the password.
    const size = Buffer.byteLength(text, 'utf8');
    line += ` {${size}}`;
    shown += secret ? ` {${HIDDEN}}` : ` {${size}}`;
    connection.sendCredential(line, shown);
    const ready = await until(connection, tag, true);
    if (!isContinuation(ready.at(-1))) return ready;
    line = text;
    shown = secret ? HIDDEN : text;
  }
  connection.sendCredential(line, shown);
  return until(connection, tag, true);
}
