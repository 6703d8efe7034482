#!/usr/bin/env node
// `npm run check:builder`: validates electron-builder.yml without downloading anything (no Electron,
// no NSIS, no WiX). First electron-builder's own loader and schema check (the ones a real build runs
// first), then the rules of issues 6 and 7 and LIBRARY-NOTES: targets, per-machine installers, fuses,
// the keychain's native module outside the asar, resources that exist. With makensis on the PATH it
// also compiles build/installer.nsh inside a small probe script.
//   node scripts/check-builder.js [--config FILE]

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as plist from 'plist';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// Resolved the way electron-builder resolves them, so the check reads the config exactly as a build would.
const builderRequire = createRequire(require.resolve('electron-builder'));
const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config');
const { DebugLogger } = builderRequire('builder-util');
const { minimatch } = builderRequire('minimatch');
const semver = builderRequire('semver');

const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};
const KEYRING_UNPACK = 'node_modules/@napi-rs/keyring*/**';
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

const { values } = parseArgs({ options: { config: { type: 'string' } } });
const configFile = path.resolve(ROOT, values.config ?? 'electron-builder.yml');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const failures = [];
let checked = 0;
function check(what, ok, detail = '') {
  checked++;
  if (!ok) failures.push(detail ? `${what} (${detail})` : what);
}

/** Target names of a platform section: `target: [nsis]` or `target: [{ target: nsis, arch: [...] }]`. */
function targetsOf(section) {
  const raw = section?.target;
  const list = raw == null ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target).toLowerCase());
}

function resource(file) {
  return file ? path.resolve(ROOT, file) : '';
}

function pngSize(file) {
  const header = readFileSync(file).subarray(0, 24);
  if (header.toString('latin1', 1, 4) !== 'PNG') return null;
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** Package names that core/, electron/ and cli/ import at run time (static and dynamic imports, requires). */
function runtimePackages() {
  const names = new Set();
  const pattern = /(?:from\s+|import\(\s*|require\(\s*)'([^'.][^']*)'/g;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const source = readFileSync(file, 'utf8').replace(/^\s*import type .*$/gm, '');
        for (const match of source.matchAll(pattern)) {
          const specifier = match[1];
          if (specifier.startsWith('node:') || specifier === 'electron' || specifier === 'esbuild') continue;
          const parts = specifier.split('/');
          names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
        }
      }
    }
  };
  walk(path.join(ROOT, 'core'));
  walk(path.join(ROOT, 'electron'));
  // The app also runs the command line (`--cli`).
  walk(path.join(ROOT, 'cli'));
  return [...names];
}

const loaded = await getConfig(ROOT, configFile, null);
try {
  await validateConfiguration(loaded, new DebugLogger(false));
  check('electron-builder schema', true);
} catch (error) {
  const withoutHowTo = error.message.replace(/\n\s*How to fix:[\s\S]*?(?=\n - |$)/g, '');
  check('electron-builder schema', false, withoutHowTo.trim());
}
const config = loaded;

check('appId is de.mailsetup.assistant', config.appId === 'de.mailsetup.assistant', config.appId);
check(
  'productName is "MailSetup Assistant"',
  config.productName === 'MailSetup Assistant',
  config.productName,
);
check(
  'package.json main is dist/electron/main.js',
  packageJson.main === 'dist/electron/main.js',
  packageJson.main,
);

const electronRange = packageJson.optionalDependencies?.electron ?? packageJson.devDependencies?.electron;
check(
  "electronVersion pinned to an exact version within package.json's electron range",
  typeof config.electronVersion === 'string' &&
    semver.valid(config.electronVersion) !== null &&
    (!electronRange || semver.satisfies(config.electronVersion, electronRange)),
  `${config.electronVersion} vs ${electronRange}`,
);

// electron-builder's loader turns `files` into [{ filter: [...] }]; a `from`/`to` entry keeps its filter.
const files = (config.files ?? []).flatMap((entry) =>
  typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat(),
);
for (const needed of ['package.json', 'dist/**', 'assets/**']) {
  check(`files include ${needed}`, files.includes(needed));
}
const included = files.filter((pattern) => typeof pattern === 'string' && !pattern.startsWith('!'));
check(
  'files include nothing but package.json, dist/ and assets/ (no tests, no sources)',
  included.every((pattern) => pattern === 'package.json' || /^(dist|assets)\//.test(pattern)),
  included.join(', '),
);
const exclusions = files.filter((pattern) => typeof pattern === 'string' && pattern.startsWith('!'));
for (const name of runtimePackages()) {
  const excludedBy = exclusions.find((pattern) =>
    minimatch(`node_modules/${name}/package.json`, pattern.slice(1)),
  );
  check(`runtime dependency ${name} is packaged`, !excludedBy, excludedBy);
}
check('asar is on', config.asar !== false);
check(`asarUnpack has ${KEYRING_UNPACK}`, (config.asarUnpack ?? []).includes(KEYRING_UNPACK));

const fuses = config.electronFuses ?? {};
for (const [fuse, expected] of Object.entries(EXPECTED_FUSES)) {
  check(`electronFuses.${fuse} is ${expected}`, fuses[fuse] === expected, String(fuses[fuse]));
}

const icon = resource(config.icon);
check('icon exists', Boolean(icon) && existsSync(icon), config.icon);
if (icon && existsSync(icon)) {
  const size = pngSize(icon);
  check('icon is a PNG of at least 512x512', size !== null && size.width >= 512 && size.height >= 512);
}

const winTargets = targetsOf(config.win);
check(
  'win targets nsis and msi',
  winTargets.includes('nsis') && winTargets.includes('msi'),
  winTargets.join(', '),
);
check('nsis is assisted (oneClick: false)', config.nsis?.oneClick === false);
check('nsis installs per machine', config.nsis?.perMachine === true);
check('nsis may ask for elevation', config.nsis?.allowElevation !== false);
const nsisInclude = resource(config.nsis?.include);
check('nsis include exists', Boolean(nsisInclude) && existsSync(nsisInclude), config.nsis?.include);
check('msi installs per machine', config.msi?.perMachine === true);
check('msi has a fixed upgradeCode', GUID.test(config.msi?.upgradeCode ?? ''), config.msi?.upgradeCode);

const macTargets = targetsOf(config.mac);
for (const target of ['dmg', 'zip', 'pkg']) {
  check(`mac targets ${target}`, macTargets.includes(target), macTargets.join(', '));
}
check('mac uses the hardened runtime', config.mac?.hardenedRuntime !== false);
for (const key of ['entitlements', 'entitlementsInherit']) {
  const file = resource(config.mac?.[key]);
  const exists = Boolean(file) && existsSync(file);
  check(`mac.${key} exists`, exists, config.mac?.[key]);
  if (exists) {
    let parsed;
    try {
      parsed = plist.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      parsed = undefined;
      check(`mac.${key} is a valid plist`, false, error.message);
    }
    if (parsed) check(`mac.${key} allows JIT`, parsed['com.apple.security.cs.allow-jit'] === true);
  }
}
check(
  'pkg installs into /Applications',
  (config.pkg?.installLocation ?? '/Applications') === '/Applications',
);
check('pkg is not relocatable', config.pkg?.isRelocatable === false);

const linuxTargets = targetsOf(config.linux);
check('linux targets AppImage', linuxTargets.includes('appimage'), linuxTargets.join(', '));

// The `mailsetup` command of the installed app (issue 12.5): scripts in resources/bin that run the app
// binary with --cli first (the fuses above leave no other way), and the installers' PATH entries.
const CLI_COMMANDS = { posix: 'mailsetup', windows: 'mailsetup.cmd' };
const binResource = (config.extraResources ?? []).find(
  (entry) => typeof entry === 'object' && entry.to === 'bin',
);
check(
  'extraResources copy a folder to resources/bin',
  Boolean(binResource?.from),
  JSON.stringify(binResource),
);
const binFrom = binResource?.from ? resource(binResource.from) : '';
const binFilter = [binResource?.filter ?? []].flat();
/** A command script's text when it is shipped (in the folder, not filtered out), else ''. */
function commandScript(name) {
  const file = binFrom ? path.join(binFrom, name) : '';
  const shipped = Boolean(file) && existsSync(file) && (binFilter.length === 0 || binFilter.includes(name));
  check(`resources/bin/${name} is shipped`, shipped, binFrom ? path.relative(ROOT, file) : 'no bin resource');
  return shipped ? { text: readFileSync(file, 'utf8'), mode: statSync(file).mode } : undefined;
}
const productName = config.productName ?? '';
const posixCommand = commandScript(CLI_COMMANDS.posix);
if (posixCommand) {
  check('resources/bin/mailsetup is executable', (posixCommand.mode & 0o111) !== 0);
  check('resources/bin/mailsetup is a /bin/sh script', posixCommand.text.startsWith('#!/bin/sh\n'));
  check(
    `resources/bin/mailsetup runs "MacOS/${productName}" and the Linux executable with --cli`,
    posixCommand.text.includes(`/../MacOS/${productName}"`) &&
      posixCommand.text.includes(`/../${config.linux?.executableName}"`) &&
      posixCommand.text.includes('exec "$app" --cli "$@"'),
  );
}
const windowsCommand = commandScript(CLI_COMMANDS.windows);
if (windowsCommand) {
  check(
    `resources/bin/mailsetup.cmd runs "${productName}.exe" two folders up with --cli and returns its exit code`,
    windowsCommand.text.includes(`"%~dp0..\\..\\${productName}.exe" --cli %*`) &&
      windowsCommand.text.includes('exit /b %ERRORLEVEL%'),
  );
  check('resources/bin/mailsetup.cmd has CRLF line endings', !/(^|[^\r])\n/.test(windowsCommand.text));
}
const nsisText = nsisInclude && existsSync(nsisInclude) ? readFileSync(nsisInclude, 'utf8') : '';
check(
  'nsis adds $INSTDIR\\resources\\bin to the machine PATH and removes it on uninstall',
  nsisText.includes('"$INSTDIR\\resources\\bin"') &&
    /!macro customUnInstall[\s\S]*mailsetupRemoveFromPath/.test(nsisText) &&
    /!macro customInstall[\s\S]*mailsetupAddToPath/.test(nsisText),
);
const msiHook = typeof config.msiProjectCreated === 'string' ? resource(config.msiProjectCreated) : '';
check(
  'msiProjectCreated (the MSI PATH entry) exists',
  Boolean(msiHook) && existsSync(msiHook),
  String(config.msiProjectCreated),
);
const pkgScripts = config.pkg?.scripts
  ? path.resolve(resource(config.directories?.buildResources ?? 'build'), config.pkg.scripts)
  : '';
const postinstall = pkgScripts ? path.join(pkgScripts, 'postinstall') : '';
const postinstallShipped = Boolean(postinstall) && existsSync(postinstall);
check('pkg.scripts has a postinstall', postinstallShipped, pkgScripts);
if (postinstallShipped) {
  check('pkg postinstall is executable', (statSync(postinstall).mode & 0o111) !== 0);
  check(
    'pkg postinstall links /usr/local/bin/mailsetup into the app',
    readFileSync(postinstall, 'utf8').includes(`/${productName}.app"`),
  );
}

// Optional: compile the NSIS include where makensis exists (Debian package nsis); CI does not need it.
let nsisNote = 'makensis not found: build/installer.nsh not compiled';
if (nsisInclude && existsSync(nsisInclude) && spawnSync('makensis', ['-VERSION']).status === 0) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-nsis-'));
  try {
    writeFileSync(
      path.join(dir, 'probe.nsi'),
      [
        'Unicode true',
        '!include LogicLib.nsh',
        '!include FileFunc.nsh',
        `!include "${nsisInclude}"`,
        `OutFile "${path.join(dir, 'probe.exe')}"`,
        'RequestExecutionLevel user',
        'Function .onInit',
        '  !insertmacro customInit',
        'FunctionEnd',
        'Section',
        '  !insertmacro customInstall',
        `  WriteUninstaller "$TEMP\\probe-uninstall.exe"`,
        'SectionEnd',
        'Section "Uninstall"',
        '  !insertmacro customUnInstall',
        'SectionEnd',
        '',
      ].join('\n'),
    );
    execFileSync('makensis', ['-V2', '-WX', path.join(dir, 'probe.nsi')], { stdio: 'pipe' });
    check('build/installer.nsh compiles (makensis)', statSync(path.join(dir, 'probe.exe')).size > 0);
    nsisNote = 'build/installer.nsh compiled with makensis';
  } catch (error) {
    check('build/installer.nsh compiles (makensis)', false, String(error.stdout ?? error.message).trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const name = path.relative(ROOT, configFile);
if (failures.length > 0) {
  console.error(`check:builder: ${name}: ${failures.length} of ${checked} checks failed:`);
  for (const failure of failures) console.error(`  - ${failure}`);
  process.exit(1);
}
console.log(`check:builder: ${name}: all ${checked} checks passed; ${nsisNote}.`);
