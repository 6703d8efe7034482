// The sign-in's redirect listener on 127.0.0.1: one redirect taken, the done page shown, anything else
// refused, a taken port named, and the port free again afterwards.

import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { openRedirectListener } from '../../../core/net/loopback-redirect.js';

function get(url: string): Promise<{ status: number; body: string; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body,
            csp: response.headers['content-security-policy'] as string | undefined,
          }),
        );
      })
      .on('error', reject);
  });
}

describe('openRedirectListener', () => {
  it('listens on 127.0.0.1 at a free port and takes exactly one redirect to its path', async () => {
    const listener = await openRedirectListener({ donePage: '<p>done</p>' });
    try {
      expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      expect((await get(`${listener.redirectUri.replace('/callback', '/favicon.ico')}`)).status).toBe(404);
      const page = await get(`${listener.redirectUri}?code=abc&state=xyz`);
      expect(page).toMatchObject({ status: 200, body: '<p>done</p>', csp: "default-src 'none'" });
      const url = await listener.waitForRedirect(AbortSignal.timeout(1000));
      expect(url.searchParams.get('code')).toBe('abc');
      // A second redirect (another tab, a replay) is not taken.
      expect((await get(`${listener.redirectUri}?code=other`)).status).toBe(404);
    } finally {
      await listener.close();
    }
  });

  it('gives up waiting when the signal fires', async () => {
    const listener = await openRedirectListener({ donePage: 'x' });
    try {
      await expect(listener.waitForRedirect(AbortSignal.timeout(50))).rejects.toMatchObject({
        code: 'timeout',
      });
    } finally {
      await listener.close();
    }
  });

  it('names a fixed port that another program holds, and frees its own port when closed', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
    const port = (holder.address() as net.AddressInfo).port;
    await expect(openRedirectListener({ port, donePage: 'x' })).rejects.toMatchObject({
      code: 'oauth-redirect-port-taken',
      detail: expect.stringContaining(String(port)),
    });
    await new Promise<void>((resolve) => holder.close(() => resolve()));
    const listener = await openRedirectListener({ port, donePage: 'x' });
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    await listener.close();
    const again = net.createServer();
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => again.close(() => resolve()));
  });
});
