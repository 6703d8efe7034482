// The e2e harness: the browser host plus Debian's Chromium (playwright-core), a fresh profile per
// session, and the things every e2e test wants to know about a page: console errors, uncaught
// exceptions, CSP violations, screenshots (test/.tmp/e2e/, not committed) and axe-core's serious and
// critical violations.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { startUiHost, type UiHost } from '../../browser-host/host.js';
import type { MailSetupApi } from '../../core/api.js';
import { requireTool, TOOLS } from '../helpers/tools.js';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', '.tmp', 'e2e');
export const CHROMIUM = TOOLS.chromium.path;
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface CspViolation {
  directive: string;
  blockedUri: string;
  sourceFile: string;
}

export interface E2eSession {
  host: UiHost;
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught exceptions of the page, in order. */
  consoleErrors: string[];
  /** Every `securitypolicyviolation` event the page saw so far. */
  cspViolations(): Promise<CspViolation[]>;
  close(): Promise<void>;
}

export interface SessionOptions {
  rendererDir: string;
  api?: MailSetupApi;
  /** The page's language (navigator.language, Accept-Language), e.g. 'de-DE'. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** The path to open; index.html by default. */
  path?: string;
}

// Runs in the page before its own scripts (as text: the project's TypeScript has no DOM library).
const RECORD_CSP_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
      directive: event.effectiveDirective,
      blockedUri: event.blockedURI,
      sourceFile: event.sourceFile,
    });
  });
`;

/** Starts the host and Chromium and opens the page; waits for `load`. */
export async function openSession(options: SessionOptions): Promise<E2eSession> {
  requireTool('chromium');
  const host = await startUiHost({
    rendererDir: options.rendererDir,
    ...(options.api ? { api: options.api } : {}),
  });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.locale ? [`--lang=${options.locale}`] : [])],
      viewport: options.viewport ?? { width: 960, height: 720 },
      ...(options.locale ? { locale: options.locale } : {}),
      colorScheme: options.colorScheme ?? 'light',
    });
  } catch (error) {
    await host.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await page.addInitScript(RECORD_CSP_VIOLATIONS);
  const url = new URL(host.url);
  if (options.path) url.pathname = options.path;
  await page.goto(url.href, { waitUntil: 'load' });
  return {
    host,
    context,
    page,
    consoleErrors,
    cspViolations: () => page.evaluate('window.__cspViolations ?? []') as Promise<CspViolation[]>,
    close: async () => {
      await context.close();
      await host.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as test/.tmp/e2e/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/**
 * axe-core's serious and critical violations on the page as it is now. axe is evaluated through the
 * DevTools protocol, which the page's CSP does not govern (an injected <script> would be blocked).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
  })()`)) as AxeViolation[];
}
