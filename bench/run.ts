// `npm run bench`: measures what the issues ask for and writes docs/benchmarks.md. Figures, not
// tests: a shared machine's timing is noisy, so nothing here fails the build.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CA_CERT_FILE, ensureTestCa } from '../test/peers/ca.js';
import { benchCatalogue } from './catalogue.bench.js';
import { benchConnectionTest } from './connection-test.bench.js';
import { benchDetect } from './detect.bench.js';
import { ROOT, type Row } from './lib.js';
import { benchRenderer } from './renderer.bench.js';

ensureTestCa();
// This process and the CLIs it measures trust the test internet's CA exactly as the tests do. Node
// reads NODE_EXTRA_CA_CERTS only at start, so the bench starts itself again with it set.
if (process.env.NODE_EXTRA_CA_CERTS !== CA_CERT_FILE) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: CA_CERT_FILE },
  });
  process.exit(child.status ?? 1);
}

const sections: { title: string; rows: Row[] }[] = [];
sections.push({ title: 'Settings discovery (issue 2)', rows: await benchDetect() });
sections.push({ title: 'Built-in provider catalogue at full size (issue 13)', rows: await benchCatalogue() });
sections.push({ title: 'Connection test (issue 3)', rows: await benchConnectionTest() });
sections.push({ title: 'Wizard (issue 6)', rows: await benchRenderer() });

const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${os.platform()}.`,
  'Whole-process times include Node start-up. The test internet is dnsmasq and HTTPS hosts on loopback.',
  '',
];
for (const section of sections) {
  lines.push(
    `## ${section.title}`,
    '',
    '| figure | target | measured | verdict |',
    '| --- | --- | --- | --- |',
  );
  for (const row of section.rows) {
    lines.push(
      `| ${row.figure} | ${row.target} | ${row.measured}${row.note ? ` (${row.note})` : ''} | ${row.verdict} |`,
    );
  }
  lines.push('');
}
const file = path.join(ROOT, 'docs', 'benchmarks.md');
writeFileSync(file, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
