import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNet } from '../../../core/net/index.js';
import { issueCert } from '../../peers/ca.js';

describe('test CA', () => {
  let server: https.Server;
  let port = 0;
  beforeAll(async () => {
    const { key, cert } = issueCert({ names: ['localhost'], ips: ['127.0.0.1'] });
    server = https.createServer({ key, cert }, (_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is trusted by worker processes through NODE_EXTRA_CA_CERTS', async () => {
    const net = createNet();
    const response = await net.fetch(`https://localhost:${port}/`);
    expect(response.status).toBe(200);
    expect(response.text).toBe('hello');
  });

  it('refuses plain http', async () => {
    const net = createNet();
    await expect(net.fetch(`http://localhost:${port}/`)).rejects.toMatchObject({
      code: 'tls-handshake-failed',
    });
  });
});
