// `npm run build:electron`: compiles the main process (and core, which it imports) with tsc into
// dist/electron/main.js and dist/core/, and bundles the preload into dist/electron/preload.cjs.
// The renderer is built apart (`npm run build:renderer`, into dist/renderer).

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleBridge } from './bundle.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const PRELOAD_OUT = path.join(ROOT, 'dist', 'electron', 'preload.cjs');

export async function buildPreload(out: string = PRELOAD_OUT): Promise<void> {
  const code = await bundleBridge({ entry: path.join(ROOT, 'electron', 'preload.ts'), format: 'cjs' });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
}

function compileMain(): void {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'electron', 'tsconfig.json')], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`tsc -p electron/tsconfig.json failed (exit ${run.status})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  compileMain();
  await buildPreload();
  console.log('built dist/electron/main.js and dist/electron/preload.cjs');
}
