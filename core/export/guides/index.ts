// The guide formats: which client's steps, drawn as HTML or PDF.

import type { Lang } from '../../model.js';
import type { Account } from '../account.js';
import type { ExportBranding, GuideFormat } from '../types.js';
import { appleMailGuide } from './apple-mail.js';
import { branded } from './common.js';
import { findFontDir } from './fonts.js';
import { guideHtml } from './html.js';
import type { Guide } from './model.js';
import { outlookGuide } from './outlook.js';
import { resolveGuide } from './resolve.js';
import { thunderbirdGuide } from './thunderbird.js';

export const GUIDES: Readonly<Record<GuideFormat, (account: Account) => Guide>> = {
  'guide-outlook': outlookGuide,
  'guide-thunderbird': thunderbirdGuide,
  'guide-applemail': appleMailGuide,
};

export interface GuideOutput {
  document: 'html' | 'pdf';
  lang: Lang;
  createdAt: Date;
  fontDir?: string | undefined;
  /** The administrator's branding: name and support contacts in every guide. */
  branding?: ExportBranding | undefined;
}

export async function renderGuide(
  format: GuideFormat,
  account: Account,
  output: GuideOutput,
): Promise<string | Buffer> {
  const guide = resolveGuide(
    branded(GUIDES[format](account), output.branding),
    output.lang,
    output.createdAt,
  );
  if (output.document === 'html') return guideHtml(guide);
  // pdfkit loads only when a PDF is wanted: the text formats start faster without it.
  const { guidePdf } = await import('./pdf.js');
  return guidePdf(guide, output.createdAt, output.fontDir ?? findFontDir());
}
