// POP3 (RFC 1939, CAPA from RFC 2449, STLS from RFC 2595): greeting, CAPA, STLS, login (pop3-login.ts), QUIT.

import { MailSetupError } from '../errors.js';
import { type MailConnection, sanitize, unexpectedReply } from './connection.js';
import { isErr, isOk, pop3Login, pop3LoginMethod } from './pop3-login.js';
import type { LoginCredentials } from './secret.js';
import type { ProtocolDefinition, ProtocolSession } from './types.js';

export class Pop3Session implements ProtocolSession {
  constructor(private readonly connection: MailConnection) {}

  async greet(): Promise<string> {
    const line = await this.connection.readLine();
    if (isErr(line)) {
      throw new MailSetupError('connection-refused', `the server refused the session: "${sanitize(line)}"`);
    }
    if (!isOk(line)) throw unexpectedReply('not a POP3 greeting', line);
    return line;
  }

  /** CAPA is optional (RFC 2449): a server without it has no capabilities to tell, so no STLS either. */
  async capabilities(): Promise<string[]> {
    this.connection.send('CAPA');
    const status = await this.connection.readLine();
    if (isErr(status)) return [];
    if (!isOk(status)) throw unexpectedReply('not a POP3 reply to CAPA', status);
    const lines = await this.connection.readReply((line) => line === '.');
    // Drop the terminating "." and undo dot-stuffing.
    return lines.slice(0, -1).map((line) => (line.startsWith('..') ? line.slice(1) : line));
  }

  async startTls(): Promise<void> {
    this.connection.send('STLS');
    const line = await this.connection.readLine();
    if (!isOk(line)) {
      throw new MailSetupError('starttls-failed', `STLS refused: "${sanitize(line)}"`, 'starttls');
    }
  }

  login(credentials: LoginCredentials, capabilities: readonly string[]): Promise<void> {
    return pop3Login(this.connection, credentials, capabilities);
  }

  async logout(signal: AbortSignal): Promise<void> {
    this.connection.send('QUIT');
    await this.connection.readLine(signal);
  }
}

export const pop3: ProtocolDefinition = {
  open: (connection) => new Pop3Session(connection),
  offersStartTls: (capabilities) => capabilities.some((line) => line.trim().toUpperCase() === 'STLS'),
  // The +OK greeting is all POP3 has to prove itself with.
  confirms: () => true,
  loginMethod: pop3LoginMethod,
};
