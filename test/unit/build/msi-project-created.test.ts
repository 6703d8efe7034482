// build/msi-project-created.js on the WiX project electron-builder itself writes for the MSI: its own
// MsiTarget renders the project for a simulated win-unpacked folder (offline: WiX runs only later),
// and the hook is loaded from electron-builder.yml the way a build loads it.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BuilderConfig,
  builderRequire,
  copyExtraResources,
  loadBuilderConfig,
  ROOT,
} from './builder-layout.js';

type Hook = (projectFile: string) => Promise<void>;

// electron-builder's CommonJS internals, typed as far as this test uses them.
const { resolveFunction } = builderRequire('app-builder-lib/out/util/resolve') as {
  resolveFunction(type: string, executor: string, name: string, root: string): Promise<Hook>;
};
const MsiTarget = (builderRequire('app-builder-lib/out/targets/MsiTarget') as { default: MsiTargetClass })
  .default;
const { getEffectiveOptions } = builderRequire(
  'app-builder-lib/out/options/CommonWindowsInstallerConfiguration',
) as {
  getEffectiveOptions(options: unknown, packager: unknown): unknown;
};
const { Arch } = builderRequire('builder-util') as { Arch: { x64: number } };
type MsiTargetClass = new (
  packager: unknown,
  outDir: string,
) => {
  options: unknown;
  writeManifest(appOutDir: string, arch: number, options: unknown): Promise<string>;
};

const TMP = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-msi-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** win-unpacked as electron-builder lays it out: the exe, resources/app.asar and the extraResources. */
function unpackedApp(config: BuilderConfig, withResources: boolean): string {
  const dir = mkdtempSync(path.join(TMP, 'win-unpacked-'));
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFileSync(path.join(dir, 'MailSetup Assistant.exe'), 'exe');
  writeFileSync(path.join(dir, 'resources', 'app.asar'), 'asar');
  if (withResources) copyExtraResources(config, path.join(dir, 'resources'));
  return dir;
}

async function msiProject(config: BuilderConfig, appDir: string): Promise<string> {
  const appInfo = {
    productFilename: 'MailSetup Assistant',
    productName: 'MailSetup Assistant',
    sanitizedProductName: 'MailSetup Assistant',
    id: 'de.mailsetup.assistant',
    companyName: 'MailSetup',
    getVersionInWeirdWindowsForm: () => '0.1.0.0',
  };
  const packager = {
    appInfo,
    config: { msi: config.msi },
    platformSpecificBuildOptions: {},
    fileAssociations: [],
    expandMacro: (text: string) => text,
    getIconPath: async () => null,
    compression: 'normal',
  };
  const target = new MsiTarget(packager, TMP);
  const wxs = await target.writeManifest(appDir, Arch.x64, getEffectiveOptions(target.options, packager));
  const file = path.join(appDir, '..', `${path.basename(appDir)}.wxs`);
  writeFileSync(file, wxs);
  return file;
}

type XmlNode = Record<string, unknown>;
const list = (value: unknown): XmlNode[] => (value === undefined ? [] : ([value].flat() as XmlNode[]));

function components(wxs: string): XmlNode[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const product = parser.parse(wxs).Wix.Product as XmlNode;
  const group = list(product.ComponentGroup).find((entry) => entry.Id === 'ProductComponents');
  return list(group?.Component);
}

describe('msiProjectCreated (build/msi-project-created.js)', async () => {
  const config = await loadBuilderConfig();
  const hook = await resolveFunction('module', config.msiProjectCreated, 'msiProjectCreated', ROOT);

  it("appends the command's folder to the machine PATH in mailsetup.cmd's component, removed on uninstall", async () => {
    const file = await msiProject(config, unpackedApp(config, true));
    const before = readFileSync(file, 'utf8');
    await hook(file);
    const after = readFileSync(file, 'utf8');
    const withEnvironment = components(after).filter((component) => component.Environment !== undefined);
    expect(withEnvironment).toHaveLength(1);
    expect(withEnvironment[0]?.File).toMatchObject({ Name: 'mailsetup.cmd', KeyPath: 'yes' });
    expect(withEnvironment[0]?.Environment).toEqual({
      Id: 'MailSetupCommandOnPath',
      Name: 'PATH',
      Value: '[APPLICATIONFOLDER]resources\\bin',
      Action: 'set',
      Part: 'last',
      System: 'yes',
      Permanent: 'no',
    });
    // Nothing else changed.
    expect(after.replace(/\n\s*<Environment [^>]*\/>/, '')).toBe(before);
    // A second run (a retried build) adds nothing.
    await hook(file);
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('stops the build when the app does not carry mailsetup.cmd', async () => {
    const file = await msiProject(config, unpackedApp(config, false));
    await expect(hook(file)).rejects.toThrow(/mailsetup\.cmd/);
  });
});
