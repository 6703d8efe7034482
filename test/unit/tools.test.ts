// A missing tool fails with the command that installs it (test/helpers/tools.ts), never a silent skip.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTool, TOOLS } from '../helpers/tools.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function testSources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((entry) => {
    if (entry === '.tmp' || entry === 'fixtures') return [];
    const relative = path.join(folder, entry);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return testSources(relative);
    return /\.tsx?$/.test(entry) ? [relative] : [];
  });
}

describe('requireTool', () => {
  it('names the apt-get command when the tool is missing', () => {
    expect(() => requireTool('pdftotext', () => false)).toThrow(
      '/usr/bin/pdftotext is missing: install it with `sudo apt-get install -y poppler-utils`',
    );
    expect(() => requireTool('chromium', () => false)).toThrow('sudo apt-get install -y chromium');
  });

  it('hands back the path of an installed tool', () => {
    expect(requireTool('pdftotext', (file) => file === TOOLS.pdftotext.path)).toBe('/usr/bin/pdftotext');
  });
});

describe('the test tree', () => {
  it('skips no test conditionally (CI installs every tool, so a skip would hide a broken machine)', () => {
    // Built from parts, so this file does not find itself.
    const skip = new RegExp(['\\.(skip', 'If|run', 'If)\\(|\\b(it|test|describe)\\.sk', 'ip\\('].join(''));
    const skipping = testSources('test').filter((file) =>
      skip.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(skipping).toEqual([]);
  });
});
