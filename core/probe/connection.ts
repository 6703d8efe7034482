// One mail connection as the protocols see it: send a command line, read reply lines, switch to TLS.
// It writes the transcript, so that every byte we show went through one place and one redaction: what
// we send with a credential is written as the caller's redacted `shown` form, and every form of the
// password is cut out of what the server says (a server may echo a command back).
// Commands that carry a credential go through sendCredential(), the second guard behind the protocol
// clients' own checks: it asks the socket itself whether it is verified TLS 1.2+ and refuses otherwise.

import type { Socket } from 'node:net';
import { MailSetupError } from '../errors.js';
import { LineReader } from '../net/line-reader.js';
import type { Resolver } from '../net/resolver.js';
import { type CertificatePin, connectTls, isVerifiedTls, type TlsFacts } from '../net/tls.js';
import { scrub } from './sasl.js';

export const CONNECTION_LIMITS = {
  /** Lines of one reply (CAPA list, EHLO, untagged IMAP data): a server streaming lines ends as an error. */
  maxReplyLines: 500,
  /** Characters of one transcript line. */
  transcriptChars: 1000,
  /** Characters of the server's words quoted in an error detail. */
  detailChars: 200,
} as const;

/** Control characters and bidi overrides would let a server rewrite what a log or the UI shows. */
function isUnsafe(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** The server's text made safe to show: unsafe characters replaced, cut at `max` characters. */
export function sanitize(text: string, max: number = CONNECTION_LIMITS.detailChars): string {
  const clean = Array.from(text, (char) => (isUnsafe(char.codePointAt(0) ?? 0) ? '\uFFFD' : char)).join('');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The error for an answer that is not what the protocol says. */
export function unexpectedReply(what: string, text: string): MailSetupError {
  return new MailSetupError('protocol-error', `${what}: "${sanitize(text)}"`);
}

export class MailConnection {
  readonly transcript: string[] = [];
  private socket: Socket;
  private reader: LineReader;
  private encryptedNow: boolean;
  private handedOver = false;
  private readonly owned: Socket[] = [];
  private hidden: readonly string[] = [];

  constructor(
    socket: Socket,
    /** The probe's deadline: every read and the TLS upgrade end with it. */
    private readonly signal: AbortSignal,
    encrypted: boolean,
  ) {
    this.socket = socket;
    this.encryptedNow = encrypted;
    this.reader = new LineReader(socket);
    this.own(socket);
  }

  get encrypted(): boolean {
    return this.encryptedNow;
  }

  /** Still fit to send a polite goodbye. */
  get open(): boolean {
    return !this.handedOver && !this.socket.destroyed && this.socket.writable;
  }

  /** Our own address, for SMTP's EHLO literal. */
  get localAddress(): string | undefined {
    return this.socket.localAddress;
  }

  /** Texts never to show (the password's forms): cut out of every transcript line and detail. */
  hide(forms: readonly string[]): void {
    this.hidden = forms;
  }

  /** The server's words made safe to show: hidden forms cut out, then sanitized. */
  quote(text: string, max: number = CONNECTION_LIMITS.detailChars): string {
    return sanitize(scrub(text, this.hidden), max);
  }

  /** Sends one command that carries no credential. */
  send(line: string): void {
    this.record('C: ', line);
    this.socket.write(`${line}\r\n`);
  }

  /**
   * Sends one command that carries a credential (user name, password, a SASL response); `shown` stands
   * in for it in the transcript. Throws `credentials-unprotected`, writing nothing, unless the socket
   * is TLS 1.2+ that connectTls verified, whatever this connection was told or did before.
   */
  sendCredential(line: string, shown: string): void {
    if (this.handedOver || !isVerifiedTls(this.socket)) {
      this.record('C: ', `${shown} (not sent: the connection is not encrypted)`);
      throw new MailSetupError(
        'credentials-unprotected',
        'refused to send a credential on a connection that is not verified TLS 1.2 or newer',
        'auth',
      );
    }
    this.record('C: ', shown);
    this.socket.write(`${line}\r\n`);
  }

  async readLine(signal: AbortSignal = this.signal): Promise<string> {
    const line = await this.reader.readLine(signal);
    this.record('S: ', line);
    return line;
  }

  /** Reads lines up to and including the one `isLast` accepts, with a cap on their number. */
  async readReply(isLast: (line: string) => boolean, signal: AbortSignal = this.signal): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.readLine(signal);
      lines.push(line);
      if (isLast(line)) return lines;
      if (lines.length >= CONNECTION_LIMITS.maxReplyLines) {
        throw new MailSetupError('protocol-error', `a reply longer than ${lines.length} lines`);
      }
    }
  }

  /**
   * Hands the socket to TLS after the server's go-ahead. Bytes the server sent behind its go-ahead
   * would be read as if they came through TLS (CVE-2011-0411 style injection): refuse them.
   */
  async startTls(
    host: string,
    port: number,
    resolver: Resolver,
    pins?: readonly CertificatePin[],
  ): Promise<TlsFacts> {
    this.handedOver = true;
    const early = this.reader.detach();
    try {
      if (early) {
        for (const line of early.split(/\r?\n/)) this.record('S: ', line);
        throw new MailSetupError(
          'starttls-failed',
          `the server sent ${Buffer.byteLength(early)} bytes after its STARTTLS go-ahead, before TLS (command injection)`,
          'starttls',
        );
      }
      const { socket, tls } = await connectTls({
        host,
        port,
        resolver,
        signal: this.signal,
        socket: this.socket,
        pins,
      });
      this.socket = socket;
      this.reader = new LineReader(socket);
      this.own(socket);
      this.encryptedNow = true;
      this.handedOver = false;
      return tls;
    } catch (error) {
      this.destroy();
      throw error;
    }
  }

  destroy(): void {
    for (const socket of this.owned) socket.destroy();
  }

  private record(prefix: string, text: string): void {
    this.transcript.push(`${prefix}${this.quote(text, CONNECTION_LIMITS.transcriptChars)}`);
  }

  private own(socket: Socket): void {
    // Failures reach us through the reader or the TLS handshake; this only keeps a late error
    // (after those let go of the socket) from becoming an uncaught exception.
    socket.on('error', () => undefined);
    this.owned.push(socket);
  }
}
