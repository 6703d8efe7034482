#!/usr/bin/env node
// First step of `npm test`: the tests start real Dovecot, Postfix, dnsmasq, gnome-keyring and Chromium
// (Debian packages, scripts/peer-packages.txt) and bind ports below 1024. Rather than failing file by
// file on a fresh machine, this finds what is missing and, as root with apt, installs it once through
// scripts/install-peers.sh (saying so); otherwise it stops at once with the exact command to run.
// Plain Node and no dependencies: it runs before anything is built.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';

const HERE = import.meta.dirname;
const INSTALLER = path.join(HERE, 'install-peers.sh');

/** The package list, less comments and blank lines. */
function peerPackages(text = readFileSync(path.join(HERE, 'peer-packages.txt'), 'utf8')) {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** The full path of a program on PATH, or undefined. */
function onPath(program) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, program);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/** The packages of `wanted` that dpkg does not list as installed. */
function missingPackages(wanted) {
  // Unknown packages make dpkg-query exit 1 and complain on stderr; the installed ones still print.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's format fields, not a template.
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\\n', ...wanted], {
    encoding: 'utf8',
  });
  const installed = new Set(
    query.stdout
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, status]) => status === 'installed')
      .map(([name]) => name?.replace(/:.*/, '')),
  );
  return wanted.filter((name) => !installed.has(name));
}

function stop(lines) {
  process.stderr.write(`\n${lines.join('\n')}\n\n`);
  process.exit(1);
}

const ROOT_NEEDED = 'The tests start Dovecot, Postfix and dnsmasq on ports below 1024 and must run as root.';

function main() {
  const packages = peerPackages();
  const root = process.getuid?.() === 0;
  if (!onPath('dpkg-query') || !onPath('apt-get')) {
    stop([
      'npm test: this machine has no apt (dpkg-query, apt-get). The test servers are these Debian packages:',
      `  ${packages.join(' ')}`,
      'Run the tests on Debian or Ubuntu, as root: there npm test installs them itself.',
      `  sudo npm test`,
    ]);
  }
  const missing = missingPackages(packages);
  if (missing.length === 0) {
    if (!root)
      stop([`npm test: ${ROOT_NEEDED} Run: sudo npm test`, 'The unit tests alone: npm run test:unit']);
    return;
  }
  if (!root) {
    stop([
      `npm test: the test servers' Debian packages are missing: ${missing.join(' ')}`,
      'Install them once (apt-get, their system services kept stopped), then run npm test as root:',
      `  sudo ${INSTALLER} ${missing.join(' ')}`,
      `  sudo npm test`,
    ]);
  }
  process.stdout.write(
    `npm test: installing the test servers' missing Debian packages through apt-get (once): ${missing.join(' ')}\n`,
  );
  const install = spawnSync(INSTALLER, missing, { stdio: 'inherit' });
  const still = missingPackages(packages);
  if (install.status !== 0 || still.length > 0) {
    stop([
      `npm test: installing ${missing.join(' ')} failed (exit ${install.status ?? install.signal}).`,
      still.length > 0 ? `Still missing: ${still.join(' ')}` : 'See the output above.',
    ]);
  }
  process.stdout.write(`npm test: installed ${missing.join(' ')}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
