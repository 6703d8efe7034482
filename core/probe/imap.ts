// IMAP (RFC 9051, RFC 3501): greeting, CAPABILITY, STARTTLS, login (imap-login.ts), LOGOUT.

import { MailSetupError } from '../errors.js';
import { type MailConnection, sanitize, unexpectedReply } from './connection.js';
import { hasCapability as has, imapLogin, imapLoginMethod } from './imap-login.js';
import type { LoginCredentials } from './secret.js';
import type { ProtocolDefinition, ProtocolSession } from './types.js';

interface TaggedReply {
  /** OK, NO or BAD. */
  status: string;
  tagged: string;
  untagged: string[];
}

export class ImapSession implements ProtocolSession {
  private tags = 0;

  constructor(private readonly connection: MailConnection) {}

  async greet(): Promise<string> {
    const line = await this.connection.readLine();
    const status = /^\* (OK|PREAUTH|BYE)\b/i.exec(line)?.[1]?.toUpperCase();
    if (status === 'BYE') {
      throw new MailSetupError('connection-refused', `the server refused the session: "${sanitize(line)}"`);
    }
    // After PREAUTH no STARTTLS is allowed: on a plain connection that is a session we can never secure.
    if (status === 'PREAUTH' && !this.connection.encrypted) {
      throw new MailSetupError(
        'protocol-error',
        `PREAUTH on an unencrypted connection, which rules out STARTTLS: "${sanitize(line)}"`,
      );
    }
    if (!status) throw unexpectedReply('not an IMAP greeting', line);
    return line;
  }

  async capabilities(): Promise<string[]> {
    const reply = await this.command('CAPABILITY');
    if (reply.status !== 'OK') throw unexpectedReply('CAPABILITY failed', reply.tagged);
    return reply.untagged.flatMap((line) => {
      const match = /^\* CAPABILITY (.*)$/i.exec(line);
      return match ? (match[1] ?? '').split(' ').filter(Boolean) : [];
    });
  }

  async startTls(): Promise<void> {
    const reply = await this.command('STARTTLS');
    if (reply.status !== 'OK') {
      throw new MailSetupError(
        'starttls-failed',
        `STARTTLS refused: "${sanitize(reply.tagged)}"`,
        'starttls',
      );
    }
  }

  login(credentials: LoginCredentials, capabilities: readonly string[]): Promise<void> {
    return imapLogin(this.connection, this.nextTag(), credentials, capabilities);
  }

  async logout(signal: AbortSignal): Promise<void> {
    const tag = this.nextTag();
    this.connection.send(`${tag} LOGOUT`);
    await this.connection.readReply((line) => line.startsWith(`${tag} `), signal);
  }

  private async command(command: string): Promise<TaggedReply> {
    const tag = this.nextTag();
    this.connection.send(`${tag} ${command}`);
    const lines = await this.connection.readReply((line) => line.startsWith(`${tag} `) || isBye(line));
    const tagged = lines.pop() ?? '';
    if (isBye(tagged)) throw unexpectedReply('the server ended the session', tagged);
    const status =
      tagged
        .slice(tag.length + 1)
        .split(' ')[0]
        ?.toUpperCase() ?? '';
    return { status, tagged, untagged: lines };
  }

  private nextTag(): string {
    this.tags += 1;
    return `a${this.tags}`;
  }
}

function isBye(line: string): boolean {
  return /^\* BYE\b/i.test(line);
}

export const imap: ProtocolDefinition = {
  open: (connection) => new ImapSession(connection),
  offersStartTls: (capabilities) => has(capabilities, 'STARTTLS'),
  confirms: (capabilities) => has(capabilities, 'IMAP4REV1') || has(capabilities, 'IMAP4REV2'),
  loginMethod: imapLoginMethod,
};
