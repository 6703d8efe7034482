// Looking for a password where it must never be: files on disk and a run's output, in every form it
// could take there.

import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` changed since `since` (ms), no symlinks followed; what vanishes meanwhile is skipped. */
export function filesUnder(dir: string, since = 0): string[] {
  const found: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, since));
    else if (entry.isFile()) {
      try {
        if (statSync(full).mtimeMs >= since) found.push(full);
      } catch {
        // Another test's file, gone already.
      }
    }
  }
  return found;
}

/** The forms a password could take on disk or in output: its bytes, UTF-16, base64, hex. */
export function encodings(password: string): Buffer[] {
  const utf8 = Buffer.from(password, 'utf8');
  return [
    utf8,
    Buffer.from(password, 'utf16le'),
    Buffer.from(utf8.toString('base64').replace(/=+$/, '')),
    Buffer.from(utf8.toString('base64url')),
    Buffer.from(utf8.toString('hex')),
  ];
}

/** The files (of `files`) that hold any form of `password`; unreadable ones are skipped. */
export function filesHolding(files: readonly string[], password: string): string[] {
  const forms = encodings(password);
  return [...new Set(files)].filter((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return false;
    }
    return forms.some((form) => bytes.includes(form));
  });
}

/** True when any output holds any form of `password`. */
export function outputsHold(outputs: readonly string[], password: string): boolean {
  const forms = encodings(password);
  return outputs.some((output) => forms.some((form) => Buffer.from(output).includes(form)));
}
