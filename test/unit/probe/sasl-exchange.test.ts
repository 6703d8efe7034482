// One SASL exchange (core/probe/sasl-exchange.ts) against a scripted TLS server on loopback: PLAIN with
// and without the initial response, LOGIN's two rounds, a refusal before the password, and a server
// that wants more than the mechanism has.

import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResolver } from '../../../core/net/resolver.js';
import { connectTls } from '../../../core/net/tls.js';
import { MailConnection } from '../../../core/probe/connection.js';
import { base64, plainResponse } from '../../../core/probe/sasl.js';
import { type SaslDialect, type SaslMechanism, saslLogin } from '../../../core/probe/sasl-exchange.js';
import { Secret } from '../../../core/probe/secret.js';
import { issueCert } from '../../peers/ca.js';

const IP = '127.0.12.7';
const USER = 'max@example.org';
const PASSWORD = 'Pa55-word';
let server: tls.Server;
let port: number;
/** Answers to the lines the server receives, in order; what it received. */
let answers: string[] = [];
const received: string[] = [];

beforeAll(async () => {
  server = tls.createServer(issueCert({ names: ['mail.example'], ips: [IP] }), (socket) => {
    socket.on('error', () => undefined);
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        received.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        const answer = answers.shift();
        if (answer !== undefined) socket.write(`${answer}\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, IP, resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function exchange(mechanism: SaslMechanism, script: string[], initialResponseMax?: number) {
  answers = [...script];
  received.length = 0;
  const { socket } = await connectTls({ host: IP, port, resolver: createResolver() });
  const connection = new MailConnection(socket, AbortSignal.timeout(5000), true);
  const dialect: SaslDialect = {
    command: 'AUTH',
    read: async () => [await connection.readLine()],
    isChallenge: (reply) => reply[0]?.startsWith('334') === true,
    initialResponseMax,
  };
  try {
    const verdict = await saslLogin(connection, dialect, mechanism, {
      username: USER,
      password: new Secret(PASSWORD),
    });
    return { verdict, transcript: connection.transcript };
  } finally {
    // Let the last line we wrote reach the server before the connection goes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    connection.destroy();
  }
}

describe('saslLogin', () => {
  it('sends PLAIN with the command when the line allows, and shows it redacted', async () => {
    const { verdict, transcript } = await exchange('PLAIN', ['235 ok'], 512);
    expect(received).toEqual([`AUTH PLAIN ${plainResponse(USER, PASSWORD)}`]);
    expect(verdict).toEqual(['235 ok']);
    expect(transcript).toEqual(['C: AUTH PLAIN ****', 'S: 235 ok']);
  });

  it('waits for the challenge when the initial response would not fit', async () => {
    const { verdict, transcript } = await exchange('PLAIN', ['334 ', '235 ok'], 10);
    expect(received).toEqual(['AUTH PLAIN', plainResponse(USER, PASSWORD)]);
    expect(verdict).toEqual(['235 ok']);
    expect(transcript.join('\n')).not.toContain(plainResponse(USER, PASSWORD));
  });

  it("answers LOGIN's two challenges, user then password, both redacted", async () => {
    const { verdict, transcript } = await exchange('LOGIN', [
      '334 VXNlcm5hbWU6',
      '334 UGFzc3dvcmQ6',
      '535 no',
    ]);
    expect(received).toEqual(['AUTH LOGIN', base64(USER), base64(PASSWORD)]);
    expect(verdict).toEqual(['535 no']);
    expect(transcript.filter((line) => line.startsWith('C: '))).toEqual([
      'C: AUTH LOGIN',
      'C: ****',
      'C: ****',
    ]);
  });

  it('stops before the password when the server refuses the mechanism', async () => {
    const { verdict } = await exchange('LOGIN', ['504 mechanism not allowed']);
    expect(received).toEqual(['AUTH LOGIN']);
    expect(verdict).toEqual(['504 mechanism not allowed']);
  });

  it('cancels a server that asks for more after the password, instead of guessing', async () => {
    const failure = await exchange('PLAIN', ['334 more?', '501 cancelled'], 512).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'protocol-error', phase: 'auth' });
    expect(received).toEqual([`AUTH PLAIN ${plainResponse(USER, PASSWORD)}`, '*']);
  });
});
