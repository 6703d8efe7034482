// The branding logo (core/export/logo.ts): a file beside the policy or a data: URL, judged by its bytes.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkLogoDataUrl,
  isLogoPath,
  LOGO_LIMITS,
  readLogo,
  sniffImage,
} from '../../../core/export/logo.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
const SVG = Buffer.from(
  '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
);

const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-logo-'));
const policyFile = path.join(dir, 'policy.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  writeFileSync(path.join(dir, name), bytes);
  return name;
}

describe('sniffImage', () => {
  it('names the type by the first bytes', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(JPEG)).toBe('image/jpeg');
    expect(sniffImage(WEBP)).toBe('image/webp');
    expect(sniffImage(SVG)).toBe('image/svg+xml');
    expect(sniffImage(Buffer.from('GIF89a'))).toBeUndefined();
  });
});

describe('isLogoPath', () => {
  it('takes file paths with an image extension, never URLs', () => {
    expect(isLogoPath('logo.PNG')).toBe(true);
    expect(isLogoPath('branding/logo.svg')).toBe(true);
    expect(isLogoPath('https://corp.example/logo.png')).toBe(false);
    expect(isLogoPath('file:///etc/logo.png')).toBe(false);
    expect(isLogoPath('logo.gif')).toBe(false);
  });
});

describe('checkLogoDataUrl', () => {
  const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

  it('accepts an image whose bytes are what the URL says, white space and all', () => {
    expect(checkLogoDataUrl(dataUrl('image/png', PNG))).toBeUndefined();
    expect(checkLogoDataUrl(` ${dataUrl('image/jpeg', JPEG)}\n`)).toBeUndefined();
  });

  it('says why anything else is no logo', () => {
    expect(checkLogoDataUrl('data:text/html;base64,PGI+')).toBe('data-url');
    expect(checkLogoDataUrl(dataUrl('image/png', JPEG))).toBe('not-image');
    expect(
      checkLogoDataUrl(dataUrl('image/png', Buffer.concat([PNG, Buffer.alloc(LOGO_LIMITS.maxBytes)]))),
    ).toBe('too-big');
  });
});

describe('readLogo', () => {
  it('reads a file beside the policy into a data: URL of its sniffed type', async () => {
    const result = await readLogo(file('logo.png', PNG), policyFile);
    expect(result).toEqual({ dataUrl: `data:image/png;base64,${PNG.toString('base64')}` });
  });

  it('refuses bytes that do not match the extension, too-big files, folders and missing files', async () => {
    expect(await readLogo(file('fake.png', JPEG), policyFile)).toEqual({ problem: 'not-image' });
    expect(await readLogo(file('huge.png', Buffer.alloc(LOGO_LIMITS.maxBytes + 1)), policyFile)).toEqual({
      problem: 'too-big',
    });
    mkdirSync(path.join(dir, 'folder.png'));
    expect(await readLogo('folder.png', policyFile)).toMatchObject({ problem: 'unreadable' });
    expect(await readLogo('missing.png', policyFile)).toMatchObject({
      problem: 'unreadable',
      reason: expect.stringContaining('ENOENT'),
    });
  });

  it('passes a data: URL through, without its white space', async () => {
    expect(await readLogo('data:image/png;base64,iVBO\n  Rw0K', policyFile)).toEqual({
      dataUrl: 'data:image/png;base64,iVBORw0K',
    });
  });
});
