// The installed app's `mailsetup` command (issue 12.5), on the layouts electron-builder makes: the
// extraResources of electron-builder.yml copied into an app's resources folder beside a stand-in for
// the app binary (app-binary-stand-in.ts: electron/main.ts under the fake electron module), reached the
// way a person reaches it: by name through PATH, over the symlink the macOS pkg's postinstall makes
// (that script runs here too), or over a chain of relative symlinks.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuilderConfig, copyExtraResources, loadBuilderConfig, ROOT } from './builder-layout.js';

const TMP = mkdtempSync(path.join(os.tmpdir(), 'mailsetup packaged '));
const STAND_IN = path.join(import.meta.dirname, 'app-binary-stand-in.ts');
// tsx's loader by its file URL: the commands run from unrelated folders, where `--import tsx` finds nothing.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const LOG = path.join(TMP, 'argv.log');
const CLI_TIMEOUT = 60_000;

let config: BuilderConfig;
beforeAll(async () => {
  config = await loadBuilderConfig();
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A shell script where the app binary belongs, running the stand-in (quoted: paths have spaces). */
function installStandIn(binary: string): void {
  mkdirSync(path.dirname(binary), { recursive: true });
  const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
  writeFileSync(
    binary,
    `#!/bin/sh\nMAILSETUP_STAND_IN_EXE="$0" MAILSETUP_STAND_IN_LOG=${quote(LOG)} exec ${quote(process.execPath)} --import ${quote(TSX)} ${quote(STAND_IN)} "$@"\n`,
  );
  chmodSync(binary, 0o755);
}

/** Runs `command` (a name looked up in `pathDirs`, or a path) from an unrelated folder. */
function run(command: string, args: string[], pathDirs: string[] = []) {
  const cwd = mkdtempSync(path.join(TMP, 'cwd-'));
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: CLI_TIMEOUT,
    env: {
      ...process.env,
      PATH: [...pathDirs, process.env.PATH].join(path.delimiter),
      MAILSETUP_DATA_DIR: cwd,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

function lastArgv(): string[] {
  const lines = readFileSync(LOG, 'utf8').trim().split('\n');
  return JSON.parse(lines.at(-1) ?? '[]') as string[];
}

describe('macOS: MailSetup Assistant.app from the pkg', () => {
  let app: string;
  let usrLocalBin: string;

  beforeAll(() => {
    const applications = path.join(TMP, 'Applications');
    app = path.join(applications, `${config.productName}.app`);
    installStandIn(path.join(app, 'Contents', 'MacOS', config.productName));
    copyExtraResources(config, path.join(app, 'Contents', 'Resources'));
    // The Installer runs postinstall with the package, the install location and the target volume.
    const volume = path.join(TMP, 'volume');
    const postinstall = path.join(ROOT, config.directories.buildResources, config.pkg.scripts, 'postinstall');
    const installed = spawnSync(postinstall, ['/tmp/MailSetup.pkg', applications, volume], {
      encoding: 'utf8',
    });
    expect(installed.stderr).toBe('');
    expect(installed.status).toBe(0);
    usrLocalBin = path.join(volume, 'usr', 'local', 'bin');
  });

  it('postinstall links /usr/local/bin/mailsetup to the command inside the app', () => {
    const link = path.join(usrLocalBin, 'mailsetup');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe(
      readFileSync(path.join(ROOT, 'build', 'bin', 'mailsetup'), 'utf8'),
    );
  });

  it(
    '`mailsetup detect a@gmx.de --offline --json` through PATH: exit 0 and the JSON answer',
    () => {
      const result = run('mailsetup', ['detect', 'a@gmx.de', '--offline', '--json'], [usrLocalBin]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        address: 'a@gmx.de',
        provider: { id: 'gmx' },
        source: 'bundled',
      });
      expect(lastArgv()).toEqual([
        `${path.join(app, 'Contents', 'Resources')}/../MacOS/${config.productName}`,
        '--cli',
        'detect',
        'a@gmx.de',
        '--offline',
        '--json',
      ]);
    },
    CLI_TIMEOUT,
  );

  it(
    '`mailsetup detect bad` exits 2 with the usage error',
    () => {
      const result = run('mailsetup', ['detect', 'bad'], [usrLocalBin]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/no @ sign/);
    },
    CLI_TIMEOUT,
  );

  it(
    'passes arguments with spaces, quotes and empty ones intact',
    () => {
      const args = ['detect', 'jörg müller@example.org', `it's "quoted"`, '', '--json'];
      run('mailsetup', args, [usrLocalBin]);
      expect(lastArgv().slice(1)).toEqual(['--cli', ...args]);
    },
    CLI_TIMEOUT,
  );

  it('postinstall leaves a /usr/local/bin/mailsetup alone that is not a symlink', () => {
    const volume = path.join(TMP, 'volume-with-own-file');
    const own = path.join(volume, 'usr', 'local', 'bin', 'mailsetup');
    mkdirSync(path.dirname(own), { recursive: true });
    writeFileSync(own, '#!/bin/sh\necho mine\n');
    const postinstall = path.join(ROOT, config.directories.buildResources, config.pkg.scripts, 'postinstall');
    const installed = spawnSync(postinstall, ['/tmp/MailSetup.pkg', path.join(TMP, 'Applications'), volume], {
      encoding: 'utf8',
    });
    expect(installed.status).toBe(0);
    expect(installed.stderr).toMatch(/not a symlink/);
    expect(readFileSync(own, 'utf8')).toBe('#!/bin/sh\necho mine\n');
  });
});

describe('Linux: an unpacked app folder', () => {
  let links: string;

  beforeAll(() => {
    const appDir = path.join(TMP, 'linux-unpacked');
    installStandIn(path.join(appDir, config.linux.executableName));
    copyExtraResources(config, path.join(appDir, 'resources'));
    // A chain of relative symlinks, as a package manager or a person might make.
    const first = path.join(TMP, 'opt-bin');
    links = path.join(TMP, 'home bin');
    mkdirSync(first);
    mkdirSync(links);
    symlinkSync(
      path.join('..', 'linux-unpacked', 'resources', 'bin', 'mailsetup'),
      path.join(first, 'mailsetup-link'),
    );
    symlinkSync(path.join('..', 'opt-bin', 'mailsetup-link'), path.join(links, 'mailsetup'));
  });

  it(
    'finds the binary through relative symlinks and returns the JSON and exit code',
    () => {
      const result = run('mailsetup', ['detect', 'a@gmx.de', '--offline', '--json'], [links]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ provider: { id: 'gmx' } });
      expect(lastArgv()[0]).toMatch(/linux-unpacked\/resources\/\.\.\/mailsetup-assistant$/);
    },
    CLI_TIMEOUT,
  );
});

describe('the command without its app', () => {
  it('says so and exits 127, the shell code for a missing program', () => {
    const lonely = path.join(TMP, 'lonely', 'resources', 'bin', 'mailsetup');
    copyExtraResources(config, path.dirname(path.dirname(lonely)));
    expect(existsSync(lonely)).toBe(true);
    const result = run(lonely, ['detect', 'a@gmx.de']);
    expect(result.code).toBe(127);
    expect(result.stderr).toMatch(/MailSetup Assistant program was not found/);
  });
});
