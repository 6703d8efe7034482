// Puts a guide into words: each sentence becomes runs of plain text and emphasized values, so that
// both renderers can show the person's values in bold without parsing anything.

import { hasMessage, t } from '../../messages/index.js';
import type { Lang } from '../../model.js';
import type { Field, Guide, Param, Section, Text } from './model.js';

export interface Run {
  text: string;
  /** A value the person types or chooses (or a menu word given as a parameter): shown emphasized. */
  value: boolean;
}
export type Line = readonly Run[];

export interface ResolvedField {
  label: string;
  value: Line;
}

export interface ResolvedSection {
  heading: string;
  intro?: Line;
  fields: ResolvedField[];
  steps: { text: Line; fields: ResolvedField[] }[];
  notes: { tone: 'info' | 'warning'; text: Line }[];
}

export interface ResolvedGuide {
  lang: Lang;
  /** The organisation that hands out the guide, its logo (HTML only) and the logo's text alternative. */
  brand?: { name: string; logo?: string; logoAlt: string };
  title: string;
  intro: Line[];
  sections: ResolvedSection[];
  footer: string;
}

export function resolveGuide(guide: Guide, lang: Lang, createdAt: Date): ResolvedGuide {
  const line = (value: Text) => toLine(value, lang);
  const fields = (list: readonly Field[] = []) =>
    list.map((entry) => ({ label: plain(entry.label, lang), value: paramLine(entry.value, lang) }));
  const section = (entry: Section): ResolvedSection => ({
    heading: plain(entry.heading, lang),
    ...(entry.intro ? { intro: line(entry.intro) } : {}),
    fields: fields(entry.fields),
    steps: (entry.steps ?? []).map((step) => ({ text: line(step.text), fields: fields(step.fields) })),
    notes: (entry.notes ?? []).map((note) => ({ tone: note.tone, text: line(note.text) })),
  });
  const date = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long' }).format(
    createdAt,
  );
  const { brand } = guide;
  return {
    lang,
    ...(brand
      ? { brand: { ...brand, logoAlt: t(lang, 'export.guide.logo-alt', { organisation: brand.name }) } }
      : {}),
    title: plain(guide.title, lang),
    intro: guide.intro.map(line),
    sections: guide.sections.map(section),
    footer: t(lang, 'export.guide.footer', { date }),
  };
}

/** A sentence as plain text (for headings, labels and nested parameters). */
export function plain(value: Text, lang: Lang): string {
  return toLine(value, lang)
    .map((run) => run.text)
    .join('');
}

function toLine(value: Text, lang: Lang): Run[] {
  // A missing sentence would print its key in front of the person: a bug the tests must catch.
  if (!hasMessage(value.key)) throw new Error(`export guide: no message "${value.key}"`);
  const template = t(lang, value.key);
  const runs: Run[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const param = value.params?.[match[1]!];
    if (param === undefined) continue;
    pushRun(runs, template.slice(last, match.index), false);
    pushRun(runs, typeof param === 'object' ? plain(param, lang) : String(param), true);
    last = match.index + match[0].length;
  }
  pushRun(runs, template.slice(last), false);
  return runs;
}

function paramLine(value: Param, lang: Lang): Line {
  return [{ text: typeof value === 'object' ? plain(value, lang) : String(value), value: true }];
}

function pushRun(runs: Run[], text: string, value: boolean): void {
  if (text) runs.push({ text, value });
}
