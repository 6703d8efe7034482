// SMTP submission (RFC 5321, RFC 6409, STARTTLS from RFC 3207): greeting, EHLO, STARTTLS, AUTH
// (smtp-login.ts), QUIT. No mail is ever sent.

import { isIP } from 'node:net';
import { MailSetupError } from '../errors.js';
import { type MailConnection, sanitize, unexpectedReply } from './connection.js';
import type { LoginCredentials } from './secret.js';
import { smtpLogin, smtpLoginMethod } from './smtp-login.js';
import type { ProtocolDefinition, ProtocolSession } from './types.js';

interface SmtpReply {
  code: number;
  /** Text of each line, without code and separator. */
  texts: string[];
  raw: string;
}

/**
 * The EHLO argument: our own address as a literal, as Thunderbird sends it. Postfix accepts it by
 * default and also under reject_invalid_helo_hostname / reject_non_fqdn_helo_hostname; it is true
 * (unlike a made-up name, which reject_unknown_helo_hostname refuses) and it is not "[127.0.0.1]",
 * which helo_access tables in many set-up guides reject as forged.
 */
export function ehloName(localAddress: string | undefined): string {
  const address = (localAddress ?? '127.0.0.1').replace(/%.*$/, '').replace(/^::ffff:(?=[\d.]+$)/i, '');
  if (isIP(address) === 6) return `[IPv6:${address}]`;
  return isIP(address) === 4 ? `[${address}]` : '[127.0.0.1]';
}

export class SmtpSession implements ProtocolSession {
  constructor(private readonly connection: MailConnection) {}

  async greet(): Promise<string> {
    const reply = await this.reply('as a greeting');
    if (reply.code === 220) return reply.raw;
    // 554 (RFC 5321 3.1) and 421 say "no service for you": refused, in the server's words.
    if (reply.code >= 400) {
      throw new MailSetupError(
        'connection-refused',
        `the server refused the session: "${sanitize(reply.raw)}"`,
      );
    }
    throw unexpectedReply('not an SMTP greeting', reply.raw);
  }

  async capabilities(): Promise<string[]> {
    this.connection.send(`EHLO ${ehloName(this.connection.localAddress)}`);
    const reply = await this.reply('to EHLO');
    if (reply.code !== 250) throw unexpectedReply('EHLO refused', reply.raw);
    // The first line names the server; the rest are extensions.
    return reply.texts.slice(1);
  }

  async startTls(): Promise<void> {
    this.connection.send('STARTTLS');
    const reply = await this.reply('to STARTTLS');
    if (reply.code !== 220) {
      throw new MailSetupError('starttls-failed', `STARTTLS refused: "${sanitize(reply.raw)}"`, 'starttls');
    }
  }

  login(credentials: LoginCredentials, extensions: readonly string[]): Promise<void> {
    const reader = { read: async () => (await this.reply('to AUTH')).raw.split('\n') };
    return smtpLogin(this.connection, reader, credentials, extensions);
  }

  async logout(signal: AbortSignal): Promise<void> {
    this.connection.send('QUIT');
    await this.reply('to QUIT', signal);
  }

  /** One reply, multi-line ("250-...") included; every line must carry the same code. */
  private async reply(what: string, signal?: AbortSignal): Promise<SmtpReply> {
    const lines = await this.connection.readReply((line) => !/^\d{3}-/.test(line), signal);
    const code = lines[0]?.slice(0, 3) ?? '';
    for (const line of lines) {
      if (!/^\d{3}(?:[ -]|$)/.test(line) || line.slice(0, 3) !== code) {
        throw unexpectedReply(`not an SMTP reply ${what}`, line);
      }
    }
    return { code: Number(code), texts: lines.map((line) => line.slice(4)), raw: lines.join('\n') };
  }
}

const keyword = (extension: string) => extension.split(/[\s=]/)[0]?.toUpperCase() ?? '';

export const smtp: ProtocolDefinition = {
  open: (connection) => new SmtpSession(connection),
  offersStartTls: (extensions) => extensions.some((extension) => keyword(extension) === 'STARTTLS'),
  // A submission server a client can use advertises AUTH (after TLS, where smtpd_tls_auth_only puts it).
  confirms: (extensions) => extensions.some((extension) => keyword(extension) === 'AUTH'),
  loginMethod: (extensions, credentials) => `AUTH ${smtpLoginMethod(extensions, credentials)}`,
};
