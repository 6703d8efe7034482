// Reply lines from a real TCP peer on loopback (core/net/line-reader.ts): split at CRLF or LF, kept
// whole across segments, capped in length, ended by the peer or by the caller.

import net, { type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { LineReader } from '../../../core/net/line-reader.js';

const IP = '127.0.12.4';
let server: net.Server;
let port: number;
/** What the server does with the next connection. */
let script: (socket: net.Socket) => void = () => undefined;
const clients: net.Socket[] = [];

beforeAll(async () => {
  server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    script(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, IP, resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function connect(serverSide: (socket: net.Socket) => void, maxLineBytes?: number): Promise<LineReader> {
  script = serverSide;
  const socket = net.connect({ host: IP, port });
  socket.on('error', () => undefined);
  clients.push(socket);
  await new Promise((resolve) => socket.once('connect', resolve));
  return new LineReader(socket, maxLineBytes);
}

describe('LineReader', () => {
  it('splits at CRLF and bare LF, whatever the segments', async () => {
    const reader = await connect((socket) => {
      socket.write('* OK rea');
      setTimeout(() => socket.write('dy\r\nsecond\nthi'), 20);
      setTimeout(() => socket.write('rd\r\n'), 40);
    });
    expect([await reader.readLine(), await reader.readLine(), await reader.readLine()]).toEqual([
      '* OK ready',
      'second',
      'third',
    ]);
  });

  it('keeps a character whole when its bytes arrive in two segments', async () => {
    const bytes = Buffer.from('Grüße\r\n', 'utf8');
    const reader = await connect((socket) => {
      socket.write(bytes.subarray(0, 3));
      setTimeout(() => socket.write(bytes.subarray(3)), 20);
    });
    expect(await reader.readLine()).toBe('Grüße');
  });

  it('ends a line longer than the cap as a protocol error', async () => {
    const reader = await connect((socket) => socket.write(`${'x'.repeat(100)}`), 64);
    const error = await reader.readLine().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(MailSetupError);
    expect(error).toMatchObject({
      code: 'protocol-error',
      detail: 'a line from the server exceeds 64 bytes',
    });
  });

  it('says the server closed the connection, for this and every later read', async () => {
    const reader = await connect((socket) => socket.end('last\r\n'));
    expect(await reader.readLine()).toBe('last');
    await expect(reader.readLine()).rejects.toMatchObject({
      code: 'protocol-error',
      detail: 'the server closed the connection',
    });
    await expect(reader.readLine()).rejects.toMatchObject({ code: 'protocol-error' });
  });

  it('gives up when the caller does, a timeout as our own code', async () => {
    const reader = await connect(() => undefined);
    await expect(reader.readLine(AbortSignal.timeout(30))).rejects.toMatchObject({ code: 'timeout' });
    const controller = new AbortController();
    const pending = reader.readLine(controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('hands back unread bytes when detached (what a STARTTLS injection would leave)', async () => {
    const reader = await connect((socket) => socket.write('+OK go ahead\r\nINJECTED\r\nhalf'));
    expect(await reader.readLine()).toBe('+OK go ahead');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reader.detach()).toBe('INJECTED\r\nhalf');
  });
});
