// POP3 login: AUTH (RFC 5034) with PLAIN or LOGIN where CAPA lists them under SASL, else USER/PASS
// (RFC 1939). Failures carry RFC 2449/3206 response codes ([AUTH], [IN-USE], [SYS/TEMP]), judged in
// verdict.ts.

import type { MailConnection } from './connection.js';
import { bearerLogin, bearerMechanism, judgeTokenRefusal } from './sasl-bearer.js';
import { type SaslDialect, type SaslMechanism, saslLogin } from './sasl-exchange.js';
import { HIDDEN, isBearer, type LoginCredentials } from './secret.js';
import { judgeRefusal, noPasswordLogin } from './verdict.js';

export const isOk = (line: string) => line === '+OK' || line.startsWith('+OK ');
export const isErr = (line: string) => line === '-ERR' || line.startsWith('-ERR ');

/** RFC 5034 4: an AUTH command with its initial response stays within 255 octets. */
const MAX_COMMAND_OCTETS = 255;

export type Pop3LoginMethod = 'AUTH PLAIN' | 'AUTH LOGIN' | 'USER/PASS' | `AUTH ${string}`;

function saslMechanisms(capabilities: readonly string[]): string[] {
  return capabilities
    .filter((line) => /^SASL\b/i.test(line))
    .flatMap((line) => line.split(/\s+/).slice(1))
    .map((mechanism) => mechanism.toUpperCase());
}

export function pop3LoginMethod(
  capabilities: readonly string[],
  credentials?: LoginCredentials,
): Pop3LoginMethod {
  const sasl = saslMechanisms(capabilities);
  if (credentials && isBearer(credentials)) return `AUTH ${bearerMechanism(sasl, credentials.mechanism)}`;
  if (sasl.includes('PLAIN')) return 'AUTH PLAIN';
  // No CAPA at all (it is optional): USER/PASS of RFC 1939 is what such a server speaks.
  const user = capabilities.length === 0 || capabilities.some((line) => line.trim().toUpperCase() === 'USER');
  if (user) return 'USER/PASS';
  if (sasl.includes('LOGIN')) return 'AUTH LOGIN';
  throw noPasswordLogin(sasl);
}

export async function pop3Login(
  connection: MailConnection,
  credentials: LoginCredentials,
  capabilities: readonly string[],
): Promise<void> {
  const read = async () => [await connection.readLine()];
  const dialect: SaslDialect = {
    command: 'AUTH',
    read,
    isChallenge: (reply) => reply[0] === '+' || reply[0]?.startsWith('+ ') === true,
    initialResponseMax: MAX_COMMAND_OCTETS,
  };
  if (isBearer(credentials)) {
    const mechanism = bearerMechanism(saslMechanisms(capabilities), credentials.mechanism);
    const bearer = await bearerLogin(connection, dialect, mechanism, credentials);
    if (isOk(bearer.lines[0] ?? '')) return;
    throw judgeTokenRefusal('pop3', bearer, connection.quote(bearer.lines.join(' ')));
  }
  const method = pop3LoginMethod(capabilities);
  let verdict: string[];
  if (method === 'USER/PASS') {
    connection.sendCredential(`USER ${credentials.username}`, `USER ${credentials.username}`);
    verdict = await read();
    if (isOk(verdict[0] ?? '')) {
      connection.sendCredential(`PASS ${credentials.password.reveal()}`, `PASS ${HIDDEN}`);
      verdict = await read();
    }
  } else {
    verdict = await saslLogin(
      connection,
      dialect,
      method.slice('AUTH '.length) as SaslMechanism,
      credentials,
    );
  }
  if (isOk(verdict[0] ?? '')) return;
  throw judgeRefusal('pop3', verdict, connection.quote(verdict.join(' ')));
}
