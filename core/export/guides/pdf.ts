// A guide as an A4 PDF, made in core with pdfkit so that the command line can make it too. Same
// resolved guide as the HTML page; values in bold, like there. Lines are laid out here rather than by
// pdfkit's wrapper, which breaks after hyphens: a host name such as "imap.xn--mller-kva.example" must
// never be split across lines, or a person types half of it.

import path from 'node:path';
import PDFDocument from 'pdfkit';
import { FONT_FILES } from './fonts.js';
import type { Line, ResolvedField, ResolvedGuide } from './resolve.js';

type Doc = PDFKit.PDFDocument;

const PAGE = { margin: 50, labelShare: 0.42, gap: 8, stepIndent: 20, noteIndent: 14 } as const;
const SIZE = { title: 18, heading: 13.5, body: 10.5, small: 8.5 } as const;
const COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#bbbbbb',
  info: '#5b8bd9',
  warning: '#d98c1c',
} as const;
const LINE_GAP = 2.5;

interface Style {
  size: number;
  color: string;
  /** Plain text in bold too (titles); values are bold anyway. */
  bold?: boolean;
}
const BODY: Style = { size: SIZE.body, color: COLOR.text };

export async function guidePdf(guide: ResolvedGuide, createdAt: Date, fontDir: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    lang: guide.lang,
    displayTitle: true,
    // Fixed dates make the file depend on the injected clock only (pdfkit derives the file ID from them).
    info: {
      Title: guide.title,
      Author: 'MailSetup Assistant',
      Creator: 'MailSetup Assistant',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  doc.registerFont('regular', path.join(fontDir, FONT_FILES.regular));
  doc.registerFont('bold', path.join(fontDir, FONT_FILES.bold));
  const done = collect(doc);
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;

  if (guide.brand) {
    // The organisation that hands out the guide, above its title (the logo is the HTML page's only).
    block(doc, [{ text: guide.brand.name, value: false }], left, width, {
      size: SIZE.body,
      color: COLOR.muted,
      bold: true,
    });
    doc.y += 6;
  }
  block(doc, [{ text: guide.title, value: false }], left, width, {
    size: SIZE.title,
    color: COLOR.text,
    bold: true,
  });
  doc.y += 8;
  for (const line of guide.intro) {
    block(doc, line, left, width, BODY);
    doc.y += 5;
  }
  for (const section of guide.sections) {
    heading(doc, section.heading, left, width);
    if (section.intro) {
      block(doc, section.intro, left, width, BODY);
      doc.y += 5;
    }
    fieldRows(doc, section.fields, left, width);
    section.steps.forEach((step, index) => {
      const text = layout(doc, step.text, width - PAGE.stepIndent, BODY);
      ensureRoom(doc, lineHeight(doc, BODY) * Math.min(text.length, 2));
      draw(
        doc,
        layout(doc, [{ text: `${index + 1}.`, value: true }], PAGE.stepIndent, BODY),
        left,
        doc.y,
        BODY,
      );
      doc.y = draw(doc, text, left + PAGE.stepIndent, doc.y, BODY);
      fieldRows(doc, step.fields, left + PAGE.stepIndent, width - PAGE.stepIndent);
      doc.y += 5;
    });
    for (const note of section.notes) noteBox(doc, note.text, note.tone, left, width);
  }
  doc.y += 16;
  block(doc, [{ text: guide.footer, value: false }], left, width, { size: SIZE.small, color: COLOR.muted });
  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function heading(doc: Doc, text: string, left: number, width: number): void {
  const style: Style = { size: SIZE.heading, color: COLOR.text, bold: true };
  const lines = layout(doc, [{ text, value: false }], width, style);
  doc.y += 14;
  // A heading never ends a page: it keeps a few lines of its section with it.
  ensureRoom(doc, lines.length * lineHeight(doc, style) + 4 * lineHeight(doc, BODY));
  doc.y = draw(doc, lines, left, doc.y, style) + 1;
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.75)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.y += 7;
}

function block(doc: Doc, line: Line, left: number, width: number, style: Style): void {
  doc.y = draw(doc, layout(doc, line, width, style), left, doc.y, style);
}

/** Label left, value right in bold; a row stays on one page. */
function fieldRows(doc: Doc, fields: readonly ResolvedField[], left: number, width: number): void {
  if (fields.length === 0) return;
  const labelWidth = Math.round(width * PAGE.labelShare);
  const valueWidth = width - labelWidth - PAGE.gap;
  const labelStyle: Style = { size: SIZE.body, color: COLOR.muted };
  doc.y += 3;
  for (const entry of fields) {
    const label = layout(doc, [{ text: entry.label, value: false }], labelWidth, labelStyle);
    const value = layout(doc, entry.value, valueWidth, BODY);
    ensureRoom(doc, Math.max(label.length, value.length) * lineHeight(doc, BODY));
    const top = doc.y;
    const bottom = Math.max(
      draw(doc, label, left, top, labelStyle),
      draw(doc, value, left + labelWidth + PAGE.gap, top, BODY),
    );
    doc.y = bottom + 1.5;
  }
  doc.y += 3;
}

function noteBox(doc: Doc, line: Line, tone: 'info' | 'warning', left: number, width: number): void {
  const lines = layout(doc, line, width - PAGE.noteIndent, BODY);
  const height = lines.length * lineHeight(doc, BODY);
  doc.y += 4;
  ensureRoom(doc, height);
  const top = doc.y;
  doc.rect(left, top - 1, 3.5, height).fill(COLOR[tone]);
  doc.y = draw(doc, lines, left + PAGE.noteIndent, top, BODY) + 6;
}

// ---- line layout ---------------------------------------------------------------------------------

interface Piece {
  text: string;
  bold: boolean;
}
interface Placed extends Piece {
  x: number;
  /** A space separates it from the piece before it on the line. */
  spaced: boolean;
}
type LaidLine = Placed[];

/** Breaks only at spaces of the surrounding text; a value is one unbreakable word unless it is wider
 * than the whole line. */
function layout(doc: Doc, line: Line, width: number, style: Style): LaidLine[] {
  const space = measure(doc, { text: ' ', bold: style.bold ?? false }, style);
  const lines: LaidLine[] = [];
  let current: Placed[] = [];
  let x = 0;
  for (const word of words(line, style).flatMap((entry) => splitWide(doc, entry, width, style))) {
    const wordWidth = word.reduce((sum, piece) => sum + measure(doc, piece, style), 0);
    if (current.length > 0 && x + space + wordWidth > width) {
      lines.push(current);
      current = [];
      x = 0;
    } else if (current.length > 0) {
      x += space;
    }
    word.forEach((piece, index) => {
      current.push({ ...piece, x, spaced: index === 0 && current.length > 0 });
      x += measure(doc, piece, style);
    });
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/**
 * Words of a line, split at white space; a value breaks only at its own spaces (a name, or a host in
 * both forms: "imap.müller.example (imap.xn--mller-kva.example)"), never inside a host name, and glues
 * to the punctuation around it.
 */
function words(line: Line, style: Style): Piece[][] {
  const result: Piece[][] = [];
  let current: Piece[] = [];
  const end = () => {
    if (current.length > 0) result.push(current);
    current = [];
  };
  for (const run of line) {
    const bold = run.value || (style.bold ?? false);
    for (const part of run.text.split(/(\s+)/)) {
      if (/^\s+$/.test(part)) end();
      else if (part) current.push({ text: part, bold });
    }
  }
  end();
  return result;
}

/** A word wider than the line is cut by characters: better than running off the page. */
function splitWide(doc: Doc, word: Piece[], width: number, style: Style): Piece[][] {
  const total = word.reduce((sum, piece) => sum + measure(doc, piece, style), 0);
  if (total <= width) return [word];
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  let used = 0;
  for (const piece of word) {
    for (const char of Array.from(piece.text)) {
      const charWidth = measure(doc, { text: char, bold: piece.bold }, style);
      if (used + charWidth > width && chunk.length > 0) {
        chunks.push(chunk);
        chunk = [];
        used = 0;
      }
      const last = chunk[chunk.length - 1];
      if (last && last.bold === piece.bold) last.text += char;
      else chunk.push({ text: char, bold: piece.bold });
      used += charWidth;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

// pdfkit shapes every new string with fontkit (about a millisecond each); a guide has thousands of
// words. Character advances, measured once per font and summed, are fast and close enough: kerning
// only ever narrows a word by a fraction of a point.
const advances = new WeakMap<Doc, Map<string, number>>();

function measure(doc: Doc, piece: Piece, style: Style): number {
  let cache = advances.get(doc);
  if (!cache) {
    cache = new Map();
    advances.set(doc, cache);
  }
  const font = piece.bold ? 'bold' : 'regular';
  let width = 0;
  for (const char of piece.text) {
    const key = font + char;
    let advance = cache.get(key);
    if (advance === undefined) {
      advance = doc.font(font).fontSize(1).widthOfString(char);
      cache.set(key, advance);
    }
    width += advance;
  }
  return width * style.size;
}

function lineHeight(doc: Doc, style: Style): number {
  return doc.font('regular').fontSize(style.size).currentLineHeight(true) + LINE_GAP;
}

/** Starts a new page unless `height` still fits below the current position. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
}

/** Draws laid-out lines from `top`, turning pages as needed; returns the y below the last line. */
function draw(doc: Doc, lines: LaidLine[], left: number, top: number, style: Style): number {
  const height = lineHeight(doc, style);
  let y = top;
  for (const line of lines) {
    if (y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    for (const run of sameFontRuns(line)) {
      doc
        .font(run.bold ? 'bold' : 'regular')
        .fontSize(style.size)
        .fillColor(style.color)
        .text(run.text, left + run.x, y, { lineBreak: false });
    }
    y += height;
  }
  return y;
}

/** Neighbouring pieces in the same font are drawn as one string: pdfkit shapes each call anew. */
function sameFontRuns(line: LaidLine): Placed[] {
  const runs: Placed[] = [];
  for (const piece of line) {
    const last = runs[runs.length - 1];
    if (last && last.bold === piece.bold) last.text += (piece.spaced ? ' ' : '') + piece.text;
    else runs.push({ ...piece });
  }
  return runs;
}
