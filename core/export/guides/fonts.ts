// The PDF's fonts. DejaVu Sans (Bitstream Vera licence, assets/fonts/LICENSE-DejaVu.txt) is bundled:
// PDF's standard Helvetica covers German umlauts but not every script an IDN name may use, and
// the app must not rely on fonts of the machine it runs on.

import { existsSync } from 'node:fs';
import path from 'node:path';

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/**
 * assets/fonts of the repository or of the installed app: found by walking up from this module, which
 * lives in core/export/guides (sources) or dist/core/export/guides (build).
 */
export function findFontDir(start: string = import.meta.dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (existsSync(path.join(candidate, FONT_FILES.regular))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`export: fonts not found (assets/fonts above ${start})`);
    dir = parent;
  }
}
