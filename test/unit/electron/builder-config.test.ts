// `npm run check:builder` as CI runs it, on the real configuration and on broken copies of it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'check-builder.js');
const TMP = path.join(ROOT, 'test', '.tmp', 'builder');

function check(configFile?: string) {
  const run = spawnSync(process.execPath, [SCRIPT, ...(configFile ? ['--config', configFile] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

function brokenCopy(name: string, edit: (yaml: string) => string): string {
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `${name}.yml`);
  writeFileSync(file, edit(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')));
  return file;
}

describe('check:builder', () => {
  it('passes the real configuration, offline', () => {
    const { code, output } = check();
    expect(output).toMatch(/all \d+ checks passed/);
    expect(code).toBe(0);
  });

  it('fails on weakened fuses, per-user installers, missing targets, a packed keyring, unknown options', () => {
    const file = brokenCopy('weakened', (yaml) =>
      yaml
        .replace('runAsNode: false', 'runAsNode: true')
        .replace('onlyLoadAppFromAsar: true', 'onlyLoadAppFromAsar: false')
        .replaceAll('perMachine: true', 'perMachine: false')
        .replace('oneClick: false', 'oneClick: false\n  oneClik: false')
        .replace('- target: pkg', '- target: tar.gz')
        .replace('- target: msi', '- target: portable')
        .replace('  - node_modules/@napi-rs/keyring*/**', '  - node_modules/nothing/**')
        .replace('{react,react-dom,', '{fast-xml-parser,react,react-dom,'),
    );
    const { code, output } = check(file);
    expect(code).toBe(1);
    for (const failure of [
      'electron-builder schema',
      'electronFuses.runAsNode is false',
      'electronFuses.onlyLoadAppFromAsar is true',
      'nsis installs per machine',
      'msi installs per machine',
      'mac targets pkg',
      'win targets nsis and msi',
      'asarUnpack has node_modules/@napi-rs/keyring*/**',
      'runtime dependency fast-xml-parser is packaged',
    ]) {
      expect(output).toContain(failure);
    }
  });

  it('fails when the installed app would lose its mailsetup command or its PATH entries', () => {
    const file = brokenCopy('no-command', (yaml) =>
      yaml
        .replace('filter: [mailsetup, mailsetup.cmd]', 'filter: [mailsetup]')
        .replace('scripts: pkg-scripts', 'scripts: no-such-scripts')
        .replace('msiProjectCreated: ./build/msi-project-created.js', 'msiProjectCreated: ./build/nothing.js')
        .replace('executableName: mailsetup-assistant', 'executableName: mailsetup-app'),
    );
    const { code, output } = check(file);
    expect(code).toBe(1);
    for (const failure of [
      'resources/bin/mailsetup.cmd is shipped',
      'pkg.scripts has a postinstall',
      'msiProjectCreated (the MSI PATH entry) exists',
      'resources/bin/mailsetup runs "MacOS/MailSetup Assistant" and the Linux executable with --cli',
    ]) {
      expect(output).toContain(failure);
    }
    expect(output).toContain('4 of');
  });
});
