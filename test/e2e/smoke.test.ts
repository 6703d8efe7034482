// The renderer's side of the bridge in a real browser (Debian's Chromium): the page calls core through
// window.mailsetup exactly as the wizard will, under the production CSP, with no console error and no
// CSP violation. Uses a small fixture page, then the real renderer build in dist/renderer.
// Screenshots: test/.tmp/e2e/.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RENDERER_DIR } from '../../browser-host/host.js';
import { axeViolations, type E2eSession, openSession, screenshot } from './harness.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'renderer');

describe('the bridge in Chromium (fixture page)', () => {
  let session: E2eSession;
  beforeAll(async () => {
    session = await openSession({ rendererDir: FIXTURE });
  });
  afterAll(() => session?.close());

  it('gives the page window.mailsetup before its own scripts run, and takes the token out of the address', async () => {
    await session.page.waitForSelector('#status[data-ready="true"]');
    expect(await session.page.evaluate('typeof window.mailsetup.detect')).toBe('function');
    expect(await session.page.evaluate('location.hash')).toBe('');
  });

  it('detects max@gmx.de offline from the page: the bundled GMX settings, with tagged progress', async () => {
    const { envelope, progress } = (await session.page.evaluate(`(async () => {
      const progress = [];
      const stop = window.mailsetup.onProgress((message) => progress.push(message));
      const envelope = await window.mailsetup.detect({ address: 'max@gmx.de', offline: true }, 'smoke-1');
      stop();
      return { envelope, progress };
    })()`)) as {
      envelope: {
        ok: boolean;
        value: {
          source: string;
          provider: { id: string };
          incoming: { host: string; port: number; security: string }[];
        };
      };
      progress: { requestId: string; method: string }[];
    };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.source).toBe('bundled');
    expect(envelope.value.provider.id).toBe('gmx');
    expect(envelope.value.incoming[0]).toMatchObject({ host: 'imap.gmx.net', port: 993, security: 'tls' });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((message) => message.requestId === 'smoke-1' && message.method === 'detect')).toBe(
      true,
    );
  });

  it('returns bad input as an error envelope, in the asked language', async () => {
    const envelope = (await session.page.evaluate(
      `window.mailsetup.detect({ address: 'not an address', offline: true, lang: 'de' })`,
    )) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('invalid-address');
  });

  it('ends with no console error, no CSP violation, no serious accessibility problem', async () => {
    await screenshot(session.page, 'fixture');
    expect(session.consoleErrors).toEqual([]);
    expect(await session.cspViolations()).toEqual([]);
    expect(await axeViolations(session.page)).toEqual([]);
  });
  // Last: the refused request shows as a console error.
  it('lets no request through without the token, not even from the page itself', async () => {
    const status = await session.page.evaluate(`fetch('/api/detect', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ request: { address: 'max@gmx.de', offline: true } }),
    }).then((response) => response.status)`);
    expect(status).toBe(403);
  });
});

describe('the CSP in Chromium', () => {
  it('blocks inline scripts and remote images, and the harness sees it', async () => {
    const session = await openSession({ rendererDir: FIXTURE, path: '/csp-probe.html' });
    try {
      expect(await session.page.textContent('#inline')).toBe('The inline script below must not run.');
      const violations = await session.cspViolations();
      expect(violations.map((violation) => violation.directive).sort()).toEqual([
        'img-src',
        'script-src-elem',
      ]);
      expect(session.consoleErrors.some((message) => message.includes('Content Security Policy'))).toBe(true);
    } finally {
      await session.close();
    }
  });
});

describe('the renderer build (dist/renderer)', () => {
  let session: E2eSession;
  beforeAll(async () => {
    // `npm test` builds it first: a missing build is a failure, not a reason to skip.
    if (!existsSync(path.join(DEFAULT_RENDERER_DIR, 'index.html'))) {
      throw new Error(`no renderer build in ${DEFAULT_RENDERER_DIR}: run \`npm run build:renderer\` first`);
    }
    session = await openSession({ rendererDir: DEFAULT_RENDERER_DIR });
  });
  afterAll(() => session?.close());

  it('loads with the bridge, no console error, no CSP violation, no serious accessibility problem', async () => {
    await session.page.waitForLoadState('networkidle');
    expect(await session.page.evaluate('typeof window.mailsetup?.detect')).toBe('function');
    await screenshot(session.page, 'renderer-first-step');
    expect(session.consoleErrors).toEqual([]);
    expect(await session.cspViolations()).toEqual([]);
    expect(await axeViolations(session.page)).toEqual([]);
  });
});
