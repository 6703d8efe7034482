// The branding logo of the guides and the app: a file next to the policy or a data: URL, never a web
// address (the app loads nothing from the internet). Whatever the policy names ends up as a data: URL.
// It lives with export because the guides draw it; the policy loader reads it from here (policy ->
// export, one direction only).

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const LOGO_LIMITS = {
  /** Bytes of the image itself. */
  maxBytes: 256 * 1024,
} as const;

const EXTENSIONS: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

const DATA_URL = /^data:(image\/(?:png|jpeg|svg\+xml|webp));base64,([A-Za-z0-9+/]+={0,2})$/;

export type LogoProblem = 'data-url' | 'too-big' | 'not-image';

/** A file path with an image extension; URLs (http:, https:, file:) are not paths. */
export function isLogoPath(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]+:/i.test(value)) return false;
  return path.extname(value).toLowerCase() in EXTENSIONS;
}

/** The media type the bytes are, judged by their first bytes (not by the name they came with). */
export function sniffImage(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 512));
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head.toString('utf8'))) {
    return 'image/svg+xml';
  }
  return undefined;
}

/** Why a data: URL is no usable logo, or undefined when it is one. */
export function checkLogoDataUrl(value: string): LogoProblem | undefined {
  const match = DATA_URL.exec(value.replace(/\s+/g, ''));
  if (!match) return 'data-url';
  const bytes = Buffer.from(match[2] ?? '', 'base64');
  if (bytes.length > LOGO_LIMITS.maxBytes) return 'too-big';
  return sniffImage(bytes) === match[1] ? undefined : 'not-image';
}

export type LogoResult = { dataUrl: string } | { problem: LogoProblem | 'unreadable'; reason?: string };

/** Reads a logo path (relative to the policy file's folder) into a data: URL. */
export async function readLogo(reference: string, policyFile: string): Promise<LogoResult> {
  if (reference.startsWith('data:')) return { dataUrl: reference.replace(/\s+/g, '') };
  const file = path.resolve(path.dirname(policyFile), reference);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { problem: 'unreadable', reason: `${file} is not a file` };
    if (info.size > LOGO_LIMITS.maxBytes) return { problem: 'too-big' };
    const bytes = await readFile(file);
    const type = sniffImage(bytes);
    if (!type || type !== EXTENSIONS[path.extname(file).toLowerCase()]) return { problem: 'not-image' };
    return { dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
  } catch (error) {
    return { problem: 'unreadable', reason: `${file}: ${(error as NodeJS.ErrnoException).code ?? error}` };
  }
}
