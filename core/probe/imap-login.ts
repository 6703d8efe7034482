// IMAP login (RFC 9051/3501, SASL-IR from RFC 4959): AUTHENTICATE PLAIN where offered, else LOGIN with
// quoted strings or, for 8-bit text, synchronizing literals. One attempt; the password only inside TLS.

import { MailSetupError } from '../errors.js';
import type { MailConnection } from './connection.js';
import { imapQuoted } from './sasl.js';
import { saslLogin } from './sasl-exchange.js';
import { type Credentials, HIDDEN } from './secret.js';
import { judgeRefusal, noPasswordLogin } from './verdict.js';

export const hasCapability = (capabilities: readonly string[], name: string): boolean =>
  capabilities.some((capability) => capability.toUpperCase() === name);

export type ImapLoginMethod = 'AUTHENTICATE PLAIN' | 'LOGIN';

export function imapLoginMethod(capabilities: readonly string[]): ImapLoginMethod {
  if (hasCapability(capabilities, 'AUTH=PLAIN')) return 'AUTHENTICATE PLAIN';
  if (!hasCapability(capabilities, 'LOGINDISABLED')) return 'LOGIN';
  const offered = capabilities.filter((c) => /^AUTH=/i.test(c)).map((c) => c.slice(5).toUpperCase());
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
  credentials: Credentials,
  capabilities: readonly string[],
): Promise<void> {
  const lines =
    imapLoginMethod(capabilities) === 'AUTHENTICATE PLAIN'
      ? await saslLogin(
          connection,
          {
            command: `${tag} AUTHENTICATE`,
            read: () => until(connection, tag, true),
            isChallenge: (reply) => isContinuation(reply.at(-1)),
            // Without SASL-IR the response waits for the server's "+" (RFC 4959).
            initialResponseMax: hasCapability(capabilities, 'SASL-IR') ? Number.POSITIVE_INFINITY : undefined,
          },
          'PLAIN',
          credentials,
        )
      : await login(connection, tag, credentials.username, credentials.password.reveal());
  const final = lines.at(-1) ?? '';
  if (new RegExp(`^${tag} OK\\b`, 'i').test(final)) return;
  // Capability lists sent along are noise; alerts, NO/BAD and BYE carry the server's reasons.
  const said = lines.filter((line) => !/^\* (?:CAPABILITY|OK\s+(?!\[ALERT\]))/i.test(line));
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
