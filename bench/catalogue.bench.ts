// Issue 13's figure: offline detect with the full built-in catalogue (curated + ISPDB import), whole
// process and in process, beside the same build with the curated entries alone (the catalogue's size
// before the import), run in turns so that a busy machine slows both alike, and beside the
// 19-provider figure recorded in docs/benchmarks.md on 2026-11-26.

import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAddress } from '../core/address/parse.js';
import { detect } from '../core/detect.js';
import { catalogFrom, loadCatalog } from '../core/discovery/bundled.js';
import type { CuratedFile, ImportedFile } from '../core/discovery/catalog-types.js';
import { createNet } from '../core/net/index.js';
import { median, ms, percentile, ROOT, type Row, timeCommand } from './lib.js';

const RUNS = 30;
/** `mailsetup detect --offline` with the 19-provider catalogue, median of 10 (docs/benchmarks.md, 2026-11-26). */
const RECORDED_BEFORE_MS = 124;
/** A copy of the CLI bundle whose ISPDB import is empty (inside the repository, so node_modules resolve). */
const CURATED_ONLY_DIST = path.join(ROOT, 'bench', '.curated-only');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(ROOT, 'core', 'discovery', file), 'utf8')) as T;
}

async function timeIt(runs: number, step: () => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await step();
    times.push(performance.now() - started);
  }
  return times;
}

export async function benchCatalogue(): Promise<Row[]> {
  const rows: Row[] = [];
  const curated = readJson<CuratedFile>('providers.json');
  const imported = readJson<ImportedFile>('ispdb-providers.json');
  const catalogue = catalogFrom(curated, imported);
  const domains = catalogue.providers.flatMap((provider) => provider.domains).length;

  rmSync(CURATED_ONLY_DIST, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'dist', 'cli'), path.join(CURATED_ONLY_DIST, 'cli'), { recursive: true });
  // The bundle holds the import as its own lazily loaded chunk (tools/bundle-node.ts): empty it there.
  const chunk = readdirSync(path.join(CURATED_ONLY_DIST, 'cli')).find((file) =>
    /^ispdb-providers-[\w-]+\.js$/.test(file),
  );
  if (!chunk)
    throw new Error('the CLI bundle has no ispdb-providers chunk: the catalogue bench needs updating');
  const chunkFile = path.join(CURATED_ONLY_DIST, 'cli', chunk);
  const header = readFileSync(chunkFile, 'utf8').split('\n// core/discovery/ispdb-providers.json')[0] ?? '';
  writeFileSync(
    chunkFile,
    `${header}\nexport default ${JSON.stringify({ ...imported, providers: [], aliases: [] })};\n`,
  );
  const cli = (dist: string, address: string) =>
    timeCommand(process.execPath, [
      path.join(dist, 'cli', 'mailsetup.js'),
      'detect',
      address,
      '--offline',
      '--json',
    ]);
  try {
    for (const [label, address] of [
      ['curated provider', 'max@gmx.de'],
      ['imported provider', 'max@bigpond.com'],
    ] as const) {
      const full: number[] = [];
      const before: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const withFull = await cli(path.join(ROOT, 'dist'), address);
        if (withFull.code !== 0) throw new Error(`offline detect of ${address} failed: ${withFull.stderr}`);
        full.push(withFull.ms);
        // The curated-only build has no answer for an imported provider: it searches and finds nothing.
        before.push((await cli(CURATED_ONLY_DIST, address)).ms);
      }
      rows.push({
        figure: `\`mailsetup detect --offline\`, ${label}, whole process: full catalogue (${catalogue.providers.length} providers, ${domains} domains) beside curated entries only (${curated.providers.length})`,
        target: 'no slower than the small catalogue',
        measured: `full median ${ms(median(full))} (p90 ${ms(percentile(full, 90))}); curated only median ${ms(median(before))} (p90 ${ms(percentile(before, 90))}); ${RUNS} runs each, in turns`,
        verdict: median(full) <= median(before) * 1.1 ? 'pass' : 'FAIL',
        note: `the 19-provider catalogue measured ${RECORDED_BEFORE_MS} ms on an idle machine on 2026-11-26`,
      });
    }
  } finally {
    rmSync(CURATED_ONLY_DIST, { recursive: true, force: true });
  }

  // In process: the catalogue's own cost, full versus curated only (reading is JSON.parse of the files).
  const curatedOnly = { ...imported, providers: [], aliases: [] };
  const indexFull = await timeIt(20, () =>
    catalogFrom(readJson('providers.json'), readJson('ispdb-providers.json')),
  );
  const indexCurated = await timeIt(20, () => catalogFrom(readJson('providers.json'), curatedOnly));
  rows.push({
    figure: 'Reading and indexing the catalogue (once per process, on first use)',
    target: 'report',
    measured: `full median ${median(indexFull).toFixed(2)} ms; curated only ${median(indexCurated).toFixed(2)} ms`,
    verdict: 'info',
  });

  const names = catalogue.providers.flatMap((provider) => provider.domains);
  const lookups = await timeIt(5, () => {
    for (const name of names) catalogue.byDomain(name);
    for (const name of names) catalogue.byMxHost(`mx1.${name}`);
  });
  rows.push({
    figure: `Domain and MX-suffix look-ups (Map), ${names.length * 2} per run`,
    target: 'report',
    measured: `median ${((median(lookups) * 1000) / (names.length * 2)).toFixed(2)} µs per look-up`,
    verdict: 'info',
  });

  await loadCatalog();
  const net = createNet({ offline: true });
  const address = parseAddress('max@bigpond.com').address;
  const inProcess = await timeIt(200, () => detect({ address, offline: true }, { net }));
  rows.push({
    figure: 'Offline detect in process (catalogue loaded), imported provider',
    target: 'report',
    measured: `median ${median(inProcess).toFixed(2)} ms, p90 ${percentile(inProcess, 90).toFixed(2)} ms of 200`,
    verdict: 'info',
  });
  return rows;
}
