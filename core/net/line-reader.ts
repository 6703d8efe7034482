// Reads CRLF-terminated lines from a socket with a cap on line length, so that a hostile server's
// 1 MB "greeting" ends as a protocol error instead of eating memory.

import type { Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { MailSetupError } from '../errors.js';
import { abortReason } from './abort.js';

export const MAX_LINE_BYTES = 8192;

export class LineReader {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  // One decoder per stream: a character split across two TCP segments stays whole.
  private readonly decoder = new StringDecoder('utf8');
  private readonly onData = (chunk: Buffer) => this.push(this.decoder.write(chunk));
  private readonly onEnd = () =>
    this.fail(new MailSetupError('protocol-error', 'the server closed the connection'));
  private readonly onError = (error: Error) => this.fail(error);

  constructor(
    private readonly socket: Socket,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  /** Stops listening, so that the socket can be handed to TLS; returns bytes read but not yet consumed. */
  detach(): string {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    // Each queued line had its terminator: give it back, so the bytes counted are the bytes sent.
    const rest = this.lines.map((line) => `${line}\r\n`).join('') + this.buffer;
    this.lines.length = 0;
    this.buffer = '';
    return rest;
  }

  readLine(signal?: AbortSignal): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiting = undefined;
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting = {
        resolve: (line) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(line);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
    });
  }

  private push(text: string): void {
    this.buffer += text;
    for (;;) {
      const end = this.buffer.indexOf('\n');
      if (end < 0) break;
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      this.deliver(line);
    }
    if (Buffer.byteLength(this.buffer) > this.maxLineBytes) {
      this.fail(
        new MailSetupError('protocol-error', `a line from the server exceeds ${this.maxLineBytes} bytes`),
      );
      this.socket.destroy();
    }
  }

  private deliver(line: string): void {
    if (Buffer.byteLength(line) > this.maxLineBytes) {
      this.fail(
        new MailSetupError('protocol-error', `a line from the server exceeds ${this.maxLineBytes} bytes`),
      );
      this.socket.destroy();
      return;
    }
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.resolve(line);
    } else {
      this.lines.push(line);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}
