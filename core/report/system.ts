// What the report says about the machine and the app: enough for the helpdesk to know what runs where,
// nothing that identifies the person (no host name, no user name, no paths of theirs).

import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AppFacts {
  name: string;
  version: string;
}

export interface SystemFacts {
  /** os.type(): Linux, Darwin, Windows_NT. */
  os: string;
  release: string;
  arch: string;
  node: string;
  electron?: string;
}

const APP_NAME = 'MailSetup Assistant';
const PACKAGE_NAME = 'mailsetup-assistant';

let app: AppFacts | undefined;

/** The version in our package.json, found by walking up from this module (source, dist/ or app.asar). */
export function appFacts(): AppFacts {
  if (app) return app;
  let dir = import.meta.dirname;
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === PACKAGE_NAME && manifest.version) {
        app = { name: APP_NAME, version: manifest.version };
        return app;
      }
    } catch {
      // No package.json here: look one folder up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      app = { name: APP_NAME, version: 'unknown' };
      return app;
    }
    dir = parent;
  }
}

export function systemFacts(): SystemFacts {
  return {
    os: os.type(),
    release: os.release(),
    arch: os.arch(),
    node: process.versions.node,
    ...(process.versions.electron ? { electron: process.versions.electron } : {}),
  };
}
