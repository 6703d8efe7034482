// Drives the real wizard in Chromium as a person would: typing, Tab and Enter where a keyboard user
// would, a click where a person reaches for the mouse (the download buttons), and on every screen a
// screenshot (test/.tmp/e2e/<flow>-<lang>-<step>.png), axe-core's serious and critical findings and
// the page's language. Hooks are the renderer's data-testids (renderer/README.md).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEFAULT_RENDERER_DIR } from '../../browser-host/host.js';
import type { MailSetupApi } from '../../core/api.js';
import { axeViolations, type E2eSession, openSession, screenshot } from './harness.js';

export type Lang = 'de' | 'en';
export type StepId = 'address' | 'settings' | 'type' | 'password' | 'test' | 'finish';
type Protocol = 'imap' | 'pop3' | 'smtp';

/** Long enough for a detect run or a connection test on a busy two-core machine. */
const WAIT_MS = 15_000;

/** The production renderer build (dist/renderer) in Chromium, behind the given API. */
export async function openWizardSession(options: { api: MailSetupApi; locale: string }): Promise<E2eSession> {
  if (!existsSync(path.join(DEFAULT_RENDERER_DIR, 'index.html'))) {
    throw new Error(`no renderer build in ${DEFAULT_RENDERER_DIR}: run \`npm run build:renderer\` first`);
  }
  return openSession({ rendererDir: DEFAULT_RENDERER_DIR, api: options.api, locale: options.locale });
}

export interface ManualServers {
  protocol: 'imap' | 'pop3';
  incoming: { host: string; port: number; security: 'tls' | 'starttls' };
  smtp: { host: string; port: number; security: 'tls' | 'starttls' };
  username?: string;
}

export interface SavedFile {
  filename: string;
  text: string;
}

export class WizardDriver {
  /** Every screen recorded so far, as `<flow>-<lang>-<step>`. */
  readonly recorded: string[] = [];

  constructor(
    readonly session: E2eSession,
    readonly flow: string,
    readonly lang: Lang,
  ) {}

  get page(): Page {
    return this.session.page;
  }

  get(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** A fresh wizard (the first step), in `lang`: by the system language or the header's buttons. */
  async open(): Promise<void> {
    // The host's URL differs from the page's only by its fragment (the token, which the page removes):
    // without a detour the browser would only scroll, not load the wizard afresh.
    await this.page.goto('about:blank');
    await this.page.goto(this.session.host.url, { waitUntil: 'load' });
    await this.get('address-input').waitFor({ timeout: WAIT_MS });
    const switcher = this.get(`language-${this.lang}`);
    if ((await switcher.getAttribute('aria-pressed')) !== 'true') await this.press(switcher);
    await this.until(`document.documentElement.lang === ${JSON.stringify(this.lang)}`);
  }

  /**
   * Waits until `expression` is true in the page. Each check is its own evaluation over the DevTools
   * protocol: Playwright's waitForFunction with a string would eval() it inside the page, which the
   * wizard's CSP (no 'unsafe-eval') rightly refuses, and the refusal would count as a CSP violation.
   */
  async until(expression: string, timeoutMs = WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.page.evaluate(`Boolean(${expression})`))) {
      if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Screenshot, axe (no serious or critical violation) and the page's language, for this screen. */
  async record(step: string): Promise<void> {
    const name = `${this.flow}-${this.lang}-${step}`;
    await screenshot(this.page, name);
    expect(await axeViolations(this.page), `axe on ${name}`).toEqual([]);
    expect(await this.page.getAttribute('html', 'lang'), `language of ${name}`).toBe(this.lang);
    this.recorded.push(name);
  }

  async waitForStep(step: StepId): Promise<void> {
    await this.get(`step-${step}`).waitFor({ timeout: WAIT_MS });
  }

  /** Keyboard: focus and Enter (buttons, links) or Space (check boxes, radios). */
  async press(target: string | Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    const locator = typeof target === 'string' ? this.get(target) : target;
    await locator.focus();
    await this.page.keyboard.press(key);
  }

  /** Types into an empty (or emptied) field, key by key. */
  async type(testId: string, text: string): Promise<void> {
    const field = this.get(testId);
    await field.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  async text(testId: string): Promise<string> {
    return ((await this.get(testId).textContent()) ?? '').trim();
  }

  /** Step 1: address and name (Tab moves on), Enter searches. */
  async enterAddress(address: string, name: string): Promise<void> {
    await this.type('address-input', address);
    await this.page.keyboard.press('Tab');
    expect(await this.page.evaluate('document.activeElement?.dataset.testid')).toBe('name-input');
    await this.page.keyboard.type(name);
    await this.record('address');
    await this.page.keyboard.press('Enter');
    await this.waitForStep('settings');
  }

  /** Step 2 once the search has finished: the result card, or the manual form when nothing was found. */
  async searchOutcome(): Promise<'found' | 'not-found'> {
    await this.page.waitForSelector('[data-testid="result-card"], [data-testid="manual-form"]', {
      timeout: WAIT_MS,
    });
    return (await this.get('result-card').count()) > 0 ? 'found' : 'not-found';
  }

  /** The sources the search asked and how each ended (the disclosure under the result card). */
  async sourceStates(): Promise<Record<string, string>> {
    return (await this.page.evaluate(`Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="source-"]')]
        .filter((row) => row.dataset.state)
        .map((row) => [row.dataset.testid.slice('source-'.length), row.dataset.state]))`)) as Record<
      string,
      string
    >;
  }

  /** host, port and encryption per row of the result card. */
  async resultServers(): Promise<Partial<Record<Protocol, string>>> {
    const rows: Partial<Record<Protocol, string>> = {};
    for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
      const row = this.get(`server-${protocol}`);
      if ((await row.count()) === 0) continue;
      const cells = await row.locator('td').allTextContents();
      rows[protocol] = cells.map((cell) => cell.trim()).join(' ');
    }
    return rows;
  }

  /** The manual form, filled by keyboard: radios by Space, fields by typing; Enter submits. */
  async fillManualForm(servers: ManualServers): Promise<void> {
    await this.press(`manual-protocol-${servers.protocol}`, 'Space');
    await this.press(`manual-incoming-security-${servers.incoming.security}`, 'Space');
    await this.type('manual-incoming-host', servers.incoming.host);
    await this.type('manual-incoming-port', String(servers.incoming.port));
    await this.press(`manual-smtp-security-${servers.smtp.security}`, 'Space');
    await this.type('manual-smtp-host', servers.smtp.host);
    await this.type('manual-smtp-port', String(servers.smtp.port));
    if (servers.username !== undefined) await this.type('manual-username', servers.username);
  }

  /** Step 2 → 3: Next on the result card. */
  async acceptSettings(): Promise<void> {
    await this.press('next');
    await this.waitForStep('type');
  }

  /** Step 3 → 4: IMAP (preselected when there is one) and Next. */
  async chooseImap(): Promise<void> {
    expect(await this.get('type-imap').isChecked()).toBe(true);
    await this.record('type');
    await this.press('next');
    await this.waitForStep('password');
  }

  /** Step 4 → 5: the password typed, Enter starts the test; resolves once the result is shown. */
  async testWithPassword(password: string): Promise<void> {
    // The step offers a name for the password once it has opened.
    await this.until(`document.querySelector('[data-testid="label-input"]')?.value !== ''`);
    await this.type('password-input', password);
    expect(await this.get('password-input').getAttribute('type')).toBe('password');
    await this.record('password');
    await this.page.keyboard.press('Enter');
    await this.waitForStep('test');
    await this.get('test-summary').waitFor({ timeout: WAIT_MS });
  }

  /** The state of one server's checklist: the card and its four items. */
  async checklist(protocol: Protocol): Promise<Record<string, string | null>> {
    const states: Record<string, string | null> = {
      server: await this.get(`test-server-${protocol}`).getAttribute('data-state'),
    };
    for (const item of ['connect', 'encrypt', 'certificate', 'signin']) {
      states[item] = await this.get(`check-${protocol}-${item}`).getAttribute('data-state');
    }
    return states;
  }

  /** "Copy report for the helpdesk", read back from the clipboard (or the text shown when it refuses). */
  async copyReport(): Promise<string> {
    await this.session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: this.session.host.origin,
    });
    await this.press('copy-report');
    await this.until(`document.querySelector('[data-testid="report-status"]')?.textContent.trim() !== ''`);
    if ((await this.get('report-text').count()) > 0) return this.get('report-text').inputValue();
    return (await this.page.evaluate('navigator.clipboard.readText()')) as string;
  }

  /** Step 5 → 6: "Save and continue"; resolves once saving has ended (saved, session-only, failed). */
  async saveAndContinue(): Promise<string> {
    await this.press('next');
    await this.waitForStep('finish');
    await this.page.waitForSelector('[data-testid="save-status"]:not([data-state="saving"])', {
      timeout: WAIT_MS,
    });
    return (await this.get('save-status').getAttribute('data-state')) ?? '';
  }

  /** Picks the mail program (a radio, by keyboard). */
  async chooseProgram(program: 'outlook' | 'thunderbird' | 'applemail'): Promise<void> {
    await this.press(`program-${program}`, 'Space');
    expect(await this.get(`program-${program}`).isChecked()).toBe(true);
  }

  /** Clicks a download button and reads the file the browser saved. */
  async download(testId: 'export-file' | 'export-guide'): Promise<SavedFile> {
    const started = this.page.waitForEvent('download', { timeout: WAIT_MS });
    await this.get(testId).click();
    const download = await started;
    const file = await download.path();
    await this.until(
      `document.querySelector('[data-testid="export-status"]')?.textContent.includes(${JSON.stringify(download.suggestedFilename())})`,
    );
    return { filename: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
  }

  /** The page so far: no console error, no uncaught exception, no CSP violation. */
  async expectCleanPage(): Promise<void> {
    expect(this.session.consoleErrors).toEqual([]);
    expect(await this.session.cspViolations()).toEqual([]);
  }
}

/** The forms a password could take in a text that must not contain it. */
export function passwordForms(user: string, password: string): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return [password, JSON.stringify(password).slice(1, -1), b64(password), b64(`\0${user}\0${password}`)];
}

export function expectNoPassword(text: string, user: string, password: string): void {
  for (const form of passwordForms(user, password)) expect(text).not.toContain(form);
}
