// The connection's own credential guard (core/probe/connection.ts): whatever a protocol client did
// before, a command carrying a credential goes out only on TLS that connectTls verified. Real servers
// on loopback count the bytes that arrive.

import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailSetupError } from '../../../core/errors.js';
import { createResolver } from '../../../core/net/resolver.js';
import { connectTcp } from '../../../core/net/socket.js';
import { connectTls } from '../../../core/net/tls.js';
import { MailConnection, sanitize } from '../../../core/probe/connection.js';
import { issueCert } from '../../peers/ca.js';

const IP = '127.0.12.2';
const resolver = createResolver();
const SECRET = 'PASS correct-horse-battery';

/** What each server received, in arrival order (decrypted, for the TLS one). */
const received: string[] = [];
let plainPort: number;
let tlsPort: number;
const servers: net.Server[] = [];

function collect(socket: net.Socket): void {
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')));
}

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, IP, resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  plainPort = await listen(net.createServer(collect));
  tlsPort = await listen(tls.createServer(issueCert({ names: ['mail.example'], ips: [IP] }), collect));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Waits long enough for a written line to reach the server (it is on the same machine). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

function refusal(run: () => void): MailSetupError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MailSetupError);
    return error as MailSetupError;
  }
  throw new Error('the credential was written');
}

describe('MailConnection.sendCredential', () => {
  it('refuses a plain socket with a coded error and writes nothing', async () => {
    received.length = 0;
    const connection = new MailConnection(
      await connectTcp(IP, plainPort, resolver),
      AbortSignal.timeout(5000),
      false,
    );
    try {
      connection.send('CAPA');
      const error = refusal(() => connection.sendCredential(SECRET, 'PASS ****'));
      expect(error).toMatchObject({ code: 'credentials-unprotected', phase: 'auth' });
      await settle();
      expect(received.join('')).toBe('CAPA\r\n');
      expect(connection.transcript).toEqual([
        'C: CAPA',
        'C: PASS **** (not sent: the connection is not encrypted)',
      ]);
    } finally {
      connection.destroy();
    }
  });

  it('refuses a plain socket even when told it is encrypted', async () => {
    received.length = 0;
    const connection = new MailConnection(
      await connectTcp(IP, plainPort, resolver),
      AbortSignal.timeout(5000),
      true,
    );
    try {
      expect(refusal(() => connection.sendCredential(SECRET, 'PASS ****')).code).toBe(
        'credentials-unprotected',
      );
      await settle();
      expect(received).toEqual([]);
    } finally {
      connection.destroy();
    }
  });

  it('refuses TLS that nobody verified', async () => {
    received.length = 0;
    const socket = tls.connect({ host: IP, port: tlsPort, rejectUnauthorized: false });
    await new Promise((resolve) => socket.once('secureConnect', resolve));
    const connection = new MailConnection(socket, AbortSignal.timeout(5000), true);
    try {
      expect(refusal(() => connection.sendCredential(SECRET, 'PASS ****')).code).toBe(
        'credentials-unprotected',
      );
      await settle();
      expect(received).toEqual([]);
    } finally {
      connection.destroy();
    }
  });

  it('sends on verified TLS, and shows only the redacted form', async () => {
    received.length = 0;
    const { socket } = await connectTls({ host: IP, port: tlsPort, resolver });
    const connection = new MailConnection(socket, AbortSignal.timeout(5000), true);
    try {
      connection.sendCredential(SECRET, 'PASS ****');
      await settle();
      expect(received.join('')).toBe(`${SECRET}\r\n`);
      expect(connection.transcript).toEqual(['C: PASS ****']);
    } finally {
      connection.destroy();
    }
  });

  it('refuses once the verified socket is gone', async () => {
    const { socket } = await connectTls({ host: IP, port: tlsPort, resolver });
    const connection = new MailConnection(socket, AbortSignal.timeout(5000), true);
    connection.destroy();
    expect(refusal(() => connection.sendCredential(SECRET, 'PASS ****')).code).toBe(
      'credentials-unprotected',
    );
  });
});

describe('sanitize', () => {
  it('replaces control and bidi characters and cuts long text', () => {
    expect(sanitize('a\u0007b\u202ec')).toBe('a\uFFFDb\uFFFDc');
    expect(sanitize('x'.repeat(10), 4)).toBe('xxxx…');
  });
});
