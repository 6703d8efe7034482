#!/usr/bin/env node
// `npm start`: launches the Electron app when its binary is installed. Where it could not be
// downloaded (offline machines, CI), say so plainly instead of failing with a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

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
      'The command line works: npx mailsetup detect you@example.org',
  );
  process.exit(1);
}
const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
