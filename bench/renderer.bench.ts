// Issue 6's figures for the wizard: the production bundle's JavaScript, gzipped, and how long Chromium
// takes from navigation start to the first step a person can type into.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DEFAULT_RENDERER_DIR, startUiHost } from '../browser-host/host.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness.js';
import { median, ms, percentile, type Row } from './lib.js';

const BUNDLE_TARGET_BYTES = 250 * 1024;
const LOAD_TARGET_MS = 500;
const LOADS = 15;

// Runs in every new document before the wizard's own script (an init script: the DevTools protocol
// adds it, so the page's CSP does not apply). It notes performance.now(), which counts from the
// navigation's start, at the first DOM change after which the address input is there, laid out,
// visible and enabled: the moment a person can start typing.
const WATCH_FIRST_STEP = `
  (() => {
    const ready = () => {
      const input = document.querySelector('[data-testid="address-input"]');
      if (!input || input.disabled) return false;
      const box = input.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(input).visibility !== 'hidden';
    };
    const observer = new MutationObserver(() => {
      if (window.__firstStepAt === undefined && ready()) {
        window.__firstStepAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  })();
`;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function bundleRow(): Row {
  const files = jsFiles(DEFAULT_RENDERER_DIR);
  if (files.length === 0)
    throw new Error(`no JavaScript in ${DEFAULT_RENDERER_DIR}: build the renderer first`);
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const content = readFileSync(file);
    raw += content.length;
    gzipped += gzipSync(content, { level: 9 }).length;
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return {
    figure: 'Renderer production bundle: JavaScript gzipped (dist/renderer, gzip -9)',
    target: '≤ 250 KB',
    measured: kb(gzipped),
    note: `${files.length} file${files.length === 1 ? '' : 's'}, ${kb(raw)} before gzip`,
    verdict: gzipped <= BUNDLE_TARGET_BYTES ? 'pass' : 'FAIL',
  };
}

async function loadRow(): Promise<Row> {
  const host = await startUiHost({ rendererDir: DEFAULT_RENDERER_DIR });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 960, height: 720 },
  });
  try {
    await context.addInitScript(WATCH_FIRST_STEP);
    const loadOnce = async (): Promise<number> => {
      const page = await context.newPage();
      try {
        await page.goto(host.url, { waitUntil: 'commit' });
        await page.waitForSelector('[data-testid="address-input"]:enabled', { state: 'visible' });
        const at = await page.evaluate('window.__firstStepAt');
        if (typeof at !== 'number') throw new Error('the first step was never seen ready');
        return at;
      } finally {
        await page.close();
      }
    };
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) times.push(await loadOnce());
    const middle = median(times);
    return {
      figure: 'Page load to the first interactive step (address input visible and enabled) in Chromium',
      target: `≤ ${LOAD_TARGET_MS} ms median`,
      measured: `median ${ms(middle)}, p90 ${ms(percentile(times, 90))}`,
      note: `${LOADS} loads in one headless Chromium, a fresh page each, the first (cold caches) ${ms(times[0] ?? 0)}; from navigation start to the input, measured in the page`,
      verdict: middle <= LOAD_TARGET_MS ? 'pass' : 'FAIL',
    };
  } finally {
    await context.close();
    await host.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export async function benchRenderer(): Promise<Row[]> {
  return [bundleRow(), await loadRow()];
}
