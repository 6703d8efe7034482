// `npm run build:cli`: the `mailsetup` command line as dist/cli/mailsetup.js (bin/mailsetup.js runs
// it) with its lazily loaded parts beside it, and the keychain helper as dist/cli/host.js.

import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleNode, ROOT } from './bundle-node.js';

export const CLI_OUT = path.join(ROOT, 'dist', 'cli');

export async function buildCli(outdir: string = CLI_OUT) {
  rmSync(outdir, { recursive: true, force: true });
  // The keychain helper runs in a process of its own (core/secrets/isolated-store.ts forks
  // ./host.js beside the chunk that forks it): one file, sharing nothing with the command line.
  await bundleNode({
    entries: { host: path.join(ROOT, 'core', 'secrets', 'host.ts') },
    outdir,
    splitting: false,
  });
  const metafile = await bundleNode({
    entries: { mailsetup: path.join(ROOT, 'cli', 'main.ts') },
    startPath: path.join(ROOT, 'cli', 'run.ts'),
    outdir,
  });
  // What went where: the start-path test and `npm run bench` read it.
  writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(metafile));
  return metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const metafile = await buildCli();
  const files = Object.keys(metafile.outputs).length;
  console.log(`built dist/cli/mailsetup.js (${files} files with its lazily loaded parts)`);
}
