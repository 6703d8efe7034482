import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  isAppUrl,
  serveAppRequest,
} from '../../../electron/app-protocol.js';
import { APP_CSP } from '../../../electron/csp.js';
import { rendererFile } from '../../../electron/renderer-files.js';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-app-protocol-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-1a2b.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, '.env'), 'SECRET=1');
  writeFileSync(path.join(rendererDir, 'notes.md'), '# notes');
  writeFileSync(path.join(root, 'secret.json'), '{"secret":true}');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the app:// origin', () => {
  it('is app://mailsetup, a standard and secure scheme', () => {
    expect(APP_ENTRY_URL).toBe('app://mailsetup/index.html');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges.bypassCSP).toBeUndefined();
  });

  it.each([
    ['app://mailsetup/index.html', true],
    ['app://mailsetup/assets/index.js?x=1#y', true],
    ['app://mailsetup.evil.example/index.html', false],
    ['app://evil.example/index.html', false],
    ['app://user@mailsetup/index.html', false],
    ['app://mailsetup:8080/index.html', false],
    ['https://mailsetup/index.html', false],
    ['file:///opt/MailSetup/resources/app.asar/dist/renderer/index.html', false],
    ['about:blank', false],
    ['devtools://devtools/bundled/devtools_app.html', false],
    ['not a url', false],
  ])('%s is ours: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('renderer files', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-1a2b.js', 'assets/index-1a2b.js'],
  ])('%s names %s', (urlPath, file) => {
    expect(rendererFile(rendererDir, urlPath)).toBe(path.join(rendererDir, file));
  });

  it.each([
    '/../secret.json',
    '/%2e%2e/secret.json',
    '/assets/../../secret.json',
    '/.env',
    '/assets/%2e%2e%2f..%2fsecret.json',
    '/..%5csecret.json',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/notes.md',
    '/assets/',
    '',
  ])('%s is refused', (urlPath) => {
    expect(rendererFile(rendererDir, urlPath)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  it('serves the entry page with the CSP and its content type', async () => {
    const response = await serveAppRequest(rendererDir, new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('serves assets as JavaScript', async () => {
    const response = await serveAppRequest(rendererDir, new Request('app://mailsetup/assets/index-1a2b.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it.each(['app://mailsetup/missing.js', 'app://mailsetup/.env', 'app://other/index.html'])(
    'answers 404, with the CSP, for %s',
    async (url) => {
      const response = await serveAppRequest(rendererDir, new Request(url));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    },
  );

  it('refuses anything but GET and HEAD', async () => {
    const response = await serveAppRequest(
      rendererDir,
      new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});
