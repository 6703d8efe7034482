// tools/bundle-node.ts through tools/build-cli.ts: the command line as it ships. What `detect` and
// `test` read before their first `await import()` is one chunk beside the entry, without a schema
// library, the PDF or XML code, the keychain or the TLS stack; and a real run of the bundle loads
// none of Node's network or process modules for an offline detect.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../tools/build-cli.js';
import { sourcesOf, startPath } from '../../../tools/bundle-node.js';

let outdir: string;
let metafile: Metafile;
let entry: string;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-bundle-'));
  metafile = await buildCli(outdir);
  entry = Object.keys(metafile.outputs).find((file) => file.endsWith('/mailsetup.js')) ?? '';
}, 60_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Node modules an output file imports at its top (not through `import()`). */
function builtinsOf(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    (metafile.outputs[file]?.imports ?? [])
      .filter((imported) => imported.external && imported.kind === 'import-statement')
      .map((imported) => imported.path),
  );
}

describe('the CLI bundle', () => {
  it('starts from the entry and one shared chunk, holding detect and test', () => {
    const files = startPath(metafile, entry);
    // Beside the entry: one chunk with every module of the start path, and esbuild's small chunk of
    // helpers (it shares them with the lazily loaded packages).
    expect(files.length).toBeLessThanOrEqual(3);
    const holding = files.filter((file) => file !== entry && sourcesOf(metafile, [file]).length > 0);
    expect(holding).toHaveLength(1);
    const sources = sourcesOf(metafile, files);
    expect(sources).toEqual(expect.arrayContaining(['cli/detect-command.ts', 'cli/test-command.ts']));
  });

  it('keeps every heavy part off the start path, in chunks of their own', () => {
    const sources = sourcesOf(metafile, startPath(metafile, entry));
    const heavy = [
      /node_modules\/zod\//,
      /node_modules\/(pdfkit|fast-xml-parser|tldts|@zxcvbn-ts|node-forge|plist)\//,
      /^core\/policy\/schema\.ts$/,
      /^core\/secrets\/(keychain|isolated-store|saved-index)\.ts$/,
      /^core\/(probe\/test-run|net\/fetch|net\/resolver|net\/tls)\.ts$/,
      /^core\/export\/(index|guides\/pdf)\.ts$/,
    ];
    for (const pattern of heavy) expect(sources.filter((source) => pattern.test(source))).toEqual([]);
    expect(builtinsOf(startPath(metafile, entry))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^node:(https|tls|crypto|child_process|dns)$/)]),
    );
    // They are all still there, for the commands that need them.
    const everything = Object.keys(metafile.inputs);
    expect(everything).toEqual(
      expect.arrayContaining(['core/policy/schema.ts', 'core/probe/test-run.ts', 'core/secrets/keychain.ts']),
    );
    expect(everything.some((input) => input.includes('node_modules/zod/'))).toBe(true);
  });

  it('loads the plist writer for a profile only, not for every export', () => {
    const exportPart = Object.keys(metafile.outputs).find((file) =>
      metafile.outputs[file]?.entryPoint?.endsWith('core/export/index.ts'),
    );
    expect(exportPart).toBeDefined();
    const sources = sourcesOf(metafile, startPath(metafile, exportPart ?? ''));
    expect(sources).toContain('core/export/thunderbird.ts');
    expect(sources.filter((source) => /node_modules\/(plist|@xmldom|xmlbuilder)\//.test(source))).toEqual([]);
  });

  it('runs an offline detect without loading Node’s network, crypto or process modules', () => {
    // Reports the built-in modules the run loaded, as it exits.
    const report = path.join(outdir, 'report-loaded.cjs');
    writeFileSync(
      report,
      "process.on('exit', () => require('fs').writeSync(2, '\\nLOADED ' + process.moduleLoadList.join(',')));\n",
    );
    const args = ['detect', 'max@gmx.de', '--offline', '--json'];
    const run = spawnSync(process.execPath, ['-r', report, path.join(outdir, 'mailsetup.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, MAILSETUP_POLICY: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ found: true, source: 'bundled' });
    // An entry imported from the ISPDB comes from the second data file, loaded lazily in its own chunk.
    const imported = spawnSync(
      process.execPath,
      [path.join(outdir, 'mailsetup.js'), 'detect', 'a@pec.it', '--offline', '--json'],
      {
        encoding: 'utf8',
        env: { ...process.env, MAILSETUP_POLICY: '' },
      },
    );
    expect(imported.status, imported.stderr + imported.stdout).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ found: true, source: 'bundled', asOf: '2026-03' });
    const loaded = /LOADED (.*)/.exec(run.stderr)?.[1]?.split(',') ?? [];
    expect(loaded.length).toBeGreaterThan(10);
    for (const heavy of ['tls', 'https', 'crypto', 'child_process', 'dns', 'zlib']) {
      expect(loaded).not.toContain(`NativeModule ${heavy}`);
    }
  });
});
