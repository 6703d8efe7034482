// The Debian tools some tests read their results with. CI (.ci/run) installs every one, so a missing
// tool is a broken machine, not a reason to skip: the test fails and says how to install it.

import { existsSync } from 'node:fs';

/** Tool binaries and the Debian package that brings each. */
export const TOOLS = {
  pdftotext: { path: '/usr/bin/pdftotext', aptPackage: 'poppler-utils' },
  chromium: { path: '/usr/bin/chromium', aptPackage: 'chromium' },
} as const;

export type ToolName = keyof typeof TOOLS;

/** The tool's path; throws, naming the apt-get command, when it is not installed. */
export function requireTool(name: ToolName, exists: (file: string) => boolean = existsSync): string {
  const tool = TOOLS[name];
  if (!exists(tool.path)) {
    throw new Error(
      `${tool.path} is missing: install it with \`sudo apt-get install -y ${tool.aptPackage}\` (.ci/run installs every tool the tests use)`,
    );
  }
  return tool.path;
}
