import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportAccount, GUIDE_FORMATS } from '../../../core/export/index.js';
import { fixedDeps, JOERG, POP_ACCOUNT } from './accounts.js';

const CASES = [
  ...EXPORT_FORMATS.map((format) => ({ format, document: 'html' as const })),
  ...GUIDE_FORMATS.map((format) => ({ format, document: 'pdf' as const })),
];

describe('export determinism', () => {
  it.each(CASES)(
    '$format ($document) is identical for the same clock and ids',
    async ({ format, document }) => {
      for (const account of [JOERG, POP_ACCOUNT]) {
        for (const lang of ['en', 'de'] as const) {
          const first = await exportAccount({ account, format, lang, document }, fixedDeps());
          const second = await exportAccount({ account, format, lang, document }, fixedDeps());
          expect(second).toEqual(first);
          if (Buffer.isBuffer(first.content))
            expect(Buffer.compare(first.content, second.content as Buffer)).toBe(0);
        }
      }
    },
  );

  it('differs in the profile only by the UUIDs when the ids differ', async () => {
    const first = await exportAccount({ account: JOERG, format: 'mobileconfig' }, fixedDeps('11111111'));
    const second = await exportAccount({ account: JOERG, format: 'mobileconfig' }, fixedDeps('22222222'));
    expect(second.content).not.toBe(first.content);
    expect((second.content as string).replaceAll('22222222', '11111111')).toBe(first.content);
  });

  it('differs in a guide only by the date when the clock differs', async () => {
    const later = { ...fixedDeps(), clock: () => new Date('2027-01-15T12:00:00Z') };
    const first = await exportAccount({ account: JOERG, format: 'guide-outlook', lang: 'en' }, fixedDeps());
    const second = await exportAccount({ account: JOERG, format: 'guide-outlook', lang: 'en' }, later);
    expect((second.content as string).replace('15 January 2027', '4 May 2026')).toBe(first.content);
  });

  it('takes the PDF dates from the clock', async () => {
    const request = { account: JOERG, format: 'guide-thunderbird', document: 'pdf' } as const;
    const pdf = await exportAccount(request, fixedDeps());
    const later = await exportAccount(request, {
      ...fixedDeps(),
      clock: () => new Date('2027-01-15T12:00:00Z'),
    });
    expect(pdf.mediaType).toBe('application/pdf');
    expect(pdf.filename).toBe('guide-thunderbird-en.pdf');
    expect((pdf.content as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(pdf.content as Buffer, later.content as Buffer)).not.toBe(0);
  });
});
