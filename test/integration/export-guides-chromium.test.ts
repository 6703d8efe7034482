// The HTML guides in a real browser (Debian's Chromium): no horizontal overflow at A4 width, nothing
// from a hostile name runs, and the print layout is A4. Screenshots land in test/.tmp/export/.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportAccount, exportAccount, GUIDE_FORMATS } from '../../core/export/index.js';
import { fixedDeps, HOSTILE, JOERG, POP_ACCOUNT, server } from '../unit/export/accounts.js';

/** A4 at 96 dpi. */
const A4 = { width: 794, height: 1123 };
const OUT = path.resolve(import.meta.dirname, '..', '.tmp', 'export');

let userDataDir: string;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: A4,
  });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

interface Rendered {
  page: Page;
  dialogs: string[];
  requests: string[];
}

async function render(account: ExportAccount, format: (typeof GUIDE_FORMATS)[number], lang: 'en' | 'de') {
  const result = await exportAccount({ account, format, lang }, fixedDeps());
  const page = await context.newPage();
  const rendered: Rendered = { page, dialogs: [], requests: [] };
  page.on('dialog', (dialog) => {
    rendered.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('data:') && request.url() !== 'about:blank')
      rendered.requests.push(request.url());
  });
  await page.setContent(result.content as string, { waitUntil: 'load' });
  return rendered;
}

interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** Elements reaching past the viewport's right edge. */
  wide: string[];
}

// Runs in the page (as text: Node's type library has no DOM).
const MEASURE_OVERFLOW = `(() => {
  const root = document.scrollingElement;
  const wide = [...document.querySelectorAll('main *')]
    .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map((element) => element.tagName);
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
})()`;

async function overflow(page: Page): Promise<Overflow> {
  return (await page.evaluate(MEASURE_OVERFLOW)) as Overflow;
}

const CASES = GUIDE_FORMATS.flatMap((format) =>
  (['de', 'en'] as const).map((lang) => [format, lang] as const),
);

describe('HTML guides in Chromium', () => {
  it.each(CASES)('%s (%s) fits A4 width and shows the values', { timeout: 30_000 }, async (format, lang) => {
    const { page, dialogs, requests } = await render(JOERG, format, lang);
    const size = await overflow(page);
    expect(size.clientWidth).toBe(A4.width);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
    expect(size.wide).toEqual([]);
    const text = await page.textContent('main');
    for (const value of [
      'jörg@müller.example',
      'imap.xn--mller-kva.example',
      'smtp.xn--mller-kva.example',
      '993',
      '587',
    ]) {
      expect(text).toContain(value);
    }
    expect(await page.locator('strong, td').count()).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(OUT, `${format}-${lang}.png`), fullPage: true });
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('prints on A4 pages', { timeout: 30_000 }, async () => {
    const { page } = await render(POP_ACCOUNT, 'guide-applemail', 'de');
    await page.emulateMedia({ media: 'print' });
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(A4.width);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    writeFileSync(path.join(OUT, 'guide-applemail-de-print.pdf'), pdf);
    // The page size comes from our @page rule: A4 is 595.28 x 841.89 points (Chromium rounds to 1/96 inch).
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(595.28, 0);
    expect(Number(box?.[2])).toBeCloseTo(841.89, 0);
    await page.close();
  });

  it.each(GUIDE_FORMATS)(
    '%s shows a hostile name as text and runs nothing',
    { timeout: 30_000 },
    async (format) => {
      const longHost = `${'a'.repeat(60)}.${'b'.repeat(60)}.example.org`;
      const account: ExportAccount = {
        ...HOSTILE,
        displayName: `${HOSTILE.displayName} ${'Ü'.repeat(150)}`,
        incoming: server('imap', longHost, 993, 'tls', HOSTILE.incoming.username),
      };
      const { page, dialogs, requests } = await render(account, format, 'en');
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
      const text = await page.textContent('main');
      expect(text).toContain(`<script>alert(1)</script> "&' Jörg`);
      expect(text).toContain(`"a<b>&c'"@example.org`);
      expect(text).toContain(longHost);
      const size = await overflow(page);
      expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
      await page.screenshot({ path: path.join(OUT, `${format}-hostile.png`), fullPage: true });
      await page.close();
    },
  );
});
