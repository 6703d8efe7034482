#!/usr/bin/env node
// `npm run lint:electron`: Doyensec's electronegativity over the code that makes up the app (electron/,
// core/, renderer/ and package.json), failing on any finding above informational that is not in the
// ACCEPTED list below (each with its reason; electron/README.md explains them). Parse errors fail too.
// Offline and deterministic: the tool's two network look-ups are replaced (translations: the bundled
// English texts are used; Electron's release list: AvailableSecurityFixesGlobalCheck is off, keeping
// Electron current is the dependency updates' job). The Electron version comes from electron-builder.yml.
// All findings go to test/.tmp/electronegativity.csv.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCANNED = ['electron', 'core', 'renderer', 'package.json'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.tmp']);
const CSV = path.join(ROOT, 'test', '.tmp', 'electronegativity.csv');

/** Findings above informational that we keep, and why. Matched by check id, file and confidence. */
const ACCEPTED = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'electron/csp.ts',
    confidence: 'FIRM',
    reason:
      "csp-evaluator's \"'self' can be problematic if you host JSONP, Angular or user uploaded files\": " +
      'the app:// origin serves only the files of our own renderer build, read-only from the asar; no ' +
      'JSONP, no Angular, no uploads.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/window.ts',
    reason:
      'the preload is needed for the bridge and was reviewed: it exposes one function per API_METHODS ' +
      'entry and onProgress (never ipcRenderer, never the IPC event), sandboxed, 1.4 KB bundled.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main.ts',
    reason:
      'shell.openExternal gets only URLs that navigation.ts allows (https without credentials, or ' +
      'mailto, at most 2048 characters; unit-tested), so a help link opens in the browser, not the app.',
  },
];

const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolRequire = createRequire(path.join(toolDir, 'dist', 'runner.js'));

// Replace the tool's HTTP client before it loads: no request leaves the machine.
const gotPath = toolRequire.resolve('got');
const offlineGot = Object.assign(async () => ({ statusCode: 404, body: '' }), {
  head: async () => {
    throw new Error('electronegativity: offline');
  },
});
toolRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot };
const run = toolRequire('./runner.js');

function electronVersion() {
  const match = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8').match(
    /^electronVersion:\s*["']?([\d.]+)/m,
  );
  if (!match) throw new Error('electron-builder.yml has no electronVersion');
  return match[1];
}

/** A copy of what is scanned, so that build output (dist/) and tests stay out of the scan. */
function stage() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-electronegativity-'));
  for (const entry of SCANNED) {
    const from = path.join(ROOT, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(dir, entry), {
      recursive: true,
      filter: (source) => !SKIPPED_DIRS.has(path.basename(source)),
    });
  }
  return dir;
}

const started = performance.now();
const staged = stage();
let result;
try {
  mkdirSync(path.dirname(CSV), { recursive: true });
  result = await run({
    input: staged,
    output: CSV,
    isSarif: false,
    isRelative: true,
    electronVersionOverride: electronVersion(),
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    customScan: [],
    parserPlugins: [],
  });
} finally {
  rmSync(staged, { recursive: true, force: true });
}

const relative = (file) =>
  (path.isAbsolute(file) ? path.relative(staged, file) : file).split(path.sep).join('/');
const level = (attribute) => attribute?.name ?? String(attribute?.value);
let failed = 0;
for (const error of result.errors) {
  if (error.tolerable) continue;
  failed++;
  console.error(`PARSE ERROR ${relative(error.file)}: ${error.message}`);
}
for (const issue of result.issues) {
  const file = relative(issue.file);
  const severity = level(issue.severity);
  const confidence = level(issue.confidence);
  const where = `${file}:${issue.location.line}`;
  if (severity === 'INFORMATIONAL') {
    console.log(`info      ${issue.id} ${where}`);
    continue;
  }
  const accepted = ACCEPTED.find(
    (rule) =>
      rule.id === issue.id && rule.file === file && (!rule.confidence || rule.confidence === confidence),
  );
  if (accepted) {
    console.log(`accepted  ${issue.id} (${severity}, ${confidence}) ${where}: ${accepted.reason}`);
  } else {
    failed++;
    console.error(`FINDING   ${issue.id} (${severity}, ${confidence}) ${where}: ${issue.description}`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const summary = `${result.issues.length} findings, ${result.globalChecks + result.atomicChecks} checks, ${seconds} s; all findings in ${path.relative(ROOT, CSV)}`;
if (failed > 0) {
  console.error(`lint:electron: ${failed} problem(s) above informational. ${summary}`);
  process.exit(1);
}
console.log(`lint:electron: nothing above informational except the accepted findings. ${summary}`);
