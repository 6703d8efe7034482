#!/usr/bin/env node
// `npm start`: builds the renderer and the Electron shell, then launches the app. Where Electron's
// binary could not be downloaded (offline machines, CI), say so plainly, before building anything,
// instead of failing with a stack trace. `npm run ui:browser` shows the same wizard in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch {
  electronPath = undefined;
}
if (typeof electronPath !== 'string') {
  console.error(
    'Electron is not installed on this machine (its download needs the internet), so the desktop app cannot start.\n' +
      'The wizard runs in a browser: npm run ui:browser\n' +
      'The command line works: npx mailsetup detect you@example.org',
  );
  process.exit(1);
}

const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const script of ['build:renderer', 'build:electron']) {
  if (!scripts[script]) continue;
  const run = spawnSync(npm, ['run', '--silent', script], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const child = spawn(electronPath, ['.'], { cwd: ROOT, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
