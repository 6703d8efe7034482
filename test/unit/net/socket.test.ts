// Plain TCP through the run's resolver (core/net/socket.ts): connected, refused, or given up.

import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResolver } from '../../../core/net/resolver.js';
import { connectTcp } from '../../../core/net/socket.js';

const IP = '127.0.12.6';
const resolver = createResolver();
let server: net.Server;
let port: number;

beforeAll(async () => {
  server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end('* OK\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, IP, resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('connectTcp', () => {
  it('hands back a connected socket', async () => {
    const socket = await connectTcp(IP, port, resolver);
    expect(socket.remoteAddress).toBe(IP);
    expect(socket.remotePort).toBe(port);
    socket.destroy();
  });

  it('calls a closed port connection-refused, in the connect phase', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, IP, resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(connectTcp(IP, free, resolver)).rejects.toMatchObject({
      code: 'connection-refused',
      phase: 'connect',
    });
  });

  it('does not dial when the caller already gave up', async () => {
    let dialled = false;
    server.once('connection', () => {
      dialled = true;
    });
    await expect(connectTcp(IP, port, resolver, AbortSignal.abort(new Error('gone')))).rejects.toThrow(
      'gone',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialled).toBe(false);
  });
});
