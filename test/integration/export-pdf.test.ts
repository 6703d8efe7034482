// The PDF guides read back with Debian's poppler-utils: pdftotext must find the exact host names,
// ports, address and name (umlauts included); pdfinfo the A4 page size and the injected date.

import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type ExportAccount, exportAccount, GUIDE_FORMATS } from '../../core/export/index.js';
import { fixedDeps, HOSTILE, HOSTILE_NAME, JOERG, POP_ACCOUNT } from '../unit/export/accounts.js';

const run = promisify(execFile);
const OUT = path.resolve(import.meta.dirname, '..', '.tmp', 'export');

async function pdfFile(
  account: ExportAccount,
  format: (typeof GUIDE_FORMATS)[number],
  lang: 'en' | 'de',
  name: string,
) {
  const result = await exportAccount({ account, format, lang, document: 'pdf' }, fixedDeps());
  expect(result.mediaType).toBe('application/pdf');
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, result.content);
  return file;
}

async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
}

const CASES = GUIDE_FORMATS.flatMap((format) =>
  (['de', 'en'] as const).map((lang) => [format, lang] as const),
);

describe('PDF guides', () => {
  it.each(CASES)('%s (%s) holds the exact values', async (format, lang) => {
    const file = await pdfFile(JOERG, format, lang, `${format}-${lang}.pdf`);
    const text = await pdfText(file);
    for (const value of [
      'imap.xn--mller-kva.example',
      'smtp.xn--mller-kva.example',
      'jörg@müller.example',
      'Jörg Müller',
    ]) {
      expect(text).toContain(value);
    }
    const lines = text.split('\n').map((line) => line.trim());
    expect(lines).toContain('993');
    expect(lines).toContain('587');
    expect(text).toContain(lang === 'de' ? 'Erstellt am 4. Mai 2026' : 'Made on 4 May 2026');

    const info = (await run('pdfinfo', [file])).stdout;
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/CreationDate:\s+Mon May\s+4 10:00:00 2026 UTC/);
    expect(info).toContain(
      `Title:           ${lang === 'de' ? 'Einrichtung von' : 'Setting up'} jörg@müller.example`,
    );
  });

  it('says the same as the HTML guide: POP3, its own ports and the client’s words', async () => {
    const text = await pdfText(
      await pdfFile(POP_ACCOUNT, 'guide-outlook', 'de', 'guide-outlook-pop3-de.pdf'),
    );
    expect(text).toContain('pop.example.org');
    expect(text).toContain('smtp.example.org');
    for (const port of ['110', '465']) expect(text.split('\n').map((line) => line.trim())).toContain(port);
    expect(text).toContain('STARTTLS');
    expect(text).toContain('SSL/TLS');
    expect(text).toContain('Das neue Outlook kann dieses Konto nicht einrichten');
    expect(text).toContain('App-Passwort');
  });

  it('prints hostile names as plain text', async () => {
    const text = await pdfText(
      await pdfFile(HOSTILE, 'guide-applemail', 'en', 'guide-applemail-hostile.pdf'),
    );
    expect(text).toContain(HOSTILE_NAME);
    expect(text).toContain(HOSTILE.address);
  });
});
