// scripts/test-preflight.js, the first step of `npm test`: run as it runs, with stand-ins for dpkg-query
// and apt-get first on PATH (a fresh machine's packages are the one thing a test cannot really take
// away), as root and as the real `nobody` user.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const PREFLIGHT = path.join(ROOT, 'scripts', 'test-preflight.js');
const INSTALLER = path.join(ROOT, 'scripts', 'install-peers.sh');
const PACKAGES = readFileSync(path.join(ROOT, 'scripts', 'peer-packages.txt'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter(Boolean);
const NOBODY = 65534;

let dir: string;
let installed: string;
let aptLog: string;

// dpkg-query -W -f=...: one "name installed" line per package named in the `installed` file.
const FAKE_DPKG_QUERY = `#!/bin/sh
shift 2
status=0
for name in "$@"; do
  if grep -qx "$name" "$FAKE_DIR/installed"; then echo "$name installed"; else status=1; fi
done
exit $status
`;
// apt-get: logs each call and whether services were kept from starting; `install` "installs".
const FAKE_APT_GET = `#!/bin/sh
policy=none
[ -x /usr/sbin/policy-rc.d ] && { /usr/sbin/policy-rc.d; policy=$?; }
echo "$* policy=$policy" >> "$FAKE_DIR/apt.log"
[ "$FAKE_APT_FAILS" = yes ] && exit 100
for arg in "$@"; do
  case $arg in -*|*=*|install|update) ;; *) echo "$arg" >> "$FAKE_DIR/installed" ;; esac
done
`;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-preflight-'));
  // The nobody user runs the stand-ins too.
  chmodSync(dir, 0o755);
  installed = path.join(dir, 'installed');
  aptLog = path.join(dir, 'apt.log');
  writeFileSync(path.join(dir, 'dpkg-query'), FAKE_DPKG_QUERY, { mode: 0o755 });
  writeFileSync(path.join(dir, 'apt-get'), FAKE_APT_GET, { mode: 0o755 });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function preflight(options: { installed: string[]; uid?: number; path?: string; aptFails?: boolean }) {
  writeFileSync(installed, options.installed.map((name) => `${name}\n`).join(''), { mode: 0o644 });
  const asNobody = options.uid === NOBODY;
  const command = asNobody ? 'setpriv' : process.execPath;
  const args = asNobody
    ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', process.execPath, PREFLIGHT]
    : [PREFLIGHT];
  const started = performance.now();
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    // /usr/sbin stays out: no `service` to stop anything with (no service package is installed here).
    env: {
      PATH: options.path ?? `${dir}:/usr/bin:/bin`,
      FAKE_DIR: dir,
      FAKE_APT_FAILS: options.aptFails ? 'yes' : 'no',
    },
    timeout: 60_000,
  });
  return { ...run, ms: performance.now() - started };
}

const aptCalls = () => (existsSync(aptLog) ? readFileSync(aptLog, 'utf8').trim().split('\n') : []);
const missingTwo = PACKAGES.filter((name) => name !== 'poppler-utils' && name !== 'libsecret-tools');

describe('npm test preflight', () => {
  it('as root, installs exactly the missing packages through apt once, with services kept from starting', () => {
    const run = preflight({ installed: missingTwo });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('installing');
    expect(run.stdout).toContain('libsecret-tools poppler-utils');
    const calls = aptCalls();
    expect(calls[0]).toMatch(/^-qq update policy=/);
    expect(calls[1]).toMatch(
      /^-qq install -y --no-install-recommends -o Dpkg::Use-Pty=0 libsecret-tools poppler-utils policy=101$/,
    );
    expect(calls).toHaveLength(2);
    expect(readFileSync(installed, 'utf8').trim().split('\n').sort()).toEqual([...PACKAGES].sort());
  });

  it('as root with every package present, asks apt nothing and says nothing', () => {
    const run = preflight({ installed: PACKAGES });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
    expect(aptCalls()).toEqual([]);
  });

  it('says so and fails when apt cannot install them', () => {
    const run = preflight({ installed: missingTwo, aptFails: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('installing libsecret-tools poppler-utils failed');
  });

  it('not root: stops at once with the exact command, installing nothing', () => {
    const run = preflight({ installed: missingTwo, uid: NOBODY });
    expect(run.status, run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(5000);
    expect(run.stderr).toContain(`sudo ${INSTALLER} libsecret-tools poppler-utils`);
    expect(run.stderr).toContain('sudo npm test');
    expect(aptCalls()).toEqual([]);
  });

  it('not root with every package present: stops at once, as the servers need root', () => {
    const run = preflight({ installed: PACKAGES, uid: NOBODY });
    expect(run.status).toBe(1);
    expect(run.ms).toBeLessThan(5000);
    expect(run.stderr).toContain('must run as root. Run: sudo npm test');
  });

  it('no apt: stops at once, naming every package', () => {
    const run = preflight({ installed: [], path: path.join(dir, 'nothing-here') });
    expect(run.status).toBe(1);
    expect(run.ms).toBeLessThan(5000);
    expect(run.stderr).toContain('has no apt');
    expect(run.stderr).toContain(PACKAGES.join(' '));
  });
});
