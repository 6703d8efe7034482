// electron-builder's view of the app, for tests of what the installers ship: the configuration as a
// build loads it, and the extraResources copied where electron-builder copies them.

import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
/** electron-builder's own CommonJS modules (app-builder-lib, builder-util), resolved as a build does. */
export const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));

interface ExtraResource {
  from: string;
  to: string;
  filter: string[];
}
export interface BuilderConfig {
  productName: string;
  linux: { executableName: string };
  msi: Record<string, unknown>;
  msiProjectCreated: string;
  pkg: { scripts: string; installLocation: string };
  directories: { buildResources: string };
  extraResources: ExtraResource[];
}

builderRequire('app-builder-lib'); // first the package: its modules require each other in this order
const { getConfig } = builderRequire('app-builder-lib/out/util/config/config') as {
  getConfig(root: string, file: string, extra: null): Promise<BuilderConfig>;
};

export function loadBuilderConfig(): Promise<BuilderConfig> {
  return getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
}

/** Copies the configuration's extraResources into `resourcesDir` (an app's resources folder). */
export function copyExtraResources(config: BuilderConfig, resourcesDir: string): void {
  for (const resource of config.extraResources) {
    mkdirSync(path.join(resourcesDir, resource.to), { recursive: true });
    for (const name of resource.filter) {
      copyFileSync(path.join(ROOT, resource.from, name), path.join(resourcesDir, resource.to, name));
    }
  }
}
