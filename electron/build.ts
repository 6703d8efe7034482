// `npm run build:electron`: bundles the main process (and core, which it imports) the way the command
// line is bundled (tools/bundle-node.ts): dist/electron/main.js with its lazily loaded parts beside
// it, the keychain helper as dist/electron/host.js, and the preload as dist/electron/preload.cjs.
// The renderer is built apart (`npm run build:renderer`, into dist/renderer).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleNode, ROOT } from '../tools/bundle-node.js';
import { bundleBridge } from './bundle.js';

const OUT = path.join(ROOT, 'dist', 'electron');
export const PRELOAD_OUT = path.join(OUT, 'preload.cjs');

export async function buildPreload(out: string = PRELOAD_OUT): Promise<void> {
  const code = await bundleBridge({ entry: path.join(ROOT, 'electron', 'preload.ts'), format: 'cjs' });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
}

async function bundleMain(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  // main.ts starts the keychain helper from ./host.js beside it, as an Electron utility process.
  await bundleNode({
    entries: { host: path.join(ROOT, 'core', 'secrets', 'host.ts') },
    outdir: OUT,
    splitting: false,
  });
  await bundleNode({
    entries: { main: path.join(ROOT, 'electron', 'start.ts') },
    outdir: OUT,
    external: ['electron'],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await bundleMain();
  await buildPreload();
  console.log('built dist/electron/main.js and dist/electron/preload.cjs');
}
