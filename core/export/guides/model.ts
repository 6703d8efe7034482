// A guide as data: sections of numbered steps, each a message key with parameters. The client
// modules (outlook.ts, thunderbird.ts, apple-mail.ts) write this; html.ts and pdf.ts draw the same
// thing after resolve.ts has put it into words.

/** A catalogue sentence. Its parameters are the person's values (shown verbatim and emphasized) or
 * other sentences (a localized word such as "Normal password"). */
export interface Text {
  key: string;
  params?: Readonly<Record<string, Param>>;
}
export type Param = string | number | Text;

/** One value to type or choose, as a label and the value. */
export interface Field {
  label: Text;
  value: Param;
}

export interface Step {
  text: Text;
  fields?: readonly Field[];
}

export interface Note {
  tone: 'info' | 'warning';
  text: Text;
}

export interface Section {
  heading: Text;
  intro?: Text;
  fields?: readonly Field[];
  steps?: readonly Step[];
  notes?: readonly Note[];
}

export interface Guide {
  title: Text;
  intro: readonly Text[];
  sections: readonly Section[];
  /** The organisation that hands out the guide (the administrator's policy), shown above the title. */
  brand?: Brand;
}

export interface Brand {
  name: string;
  /** A checked data:image URL; drawn by the HTML guide only. */
  logo?: string;
}

export function text(key: string, params?: Record<string, Param>): Text {
  return params ? { key, params } : { key };
}

export function field(labelKey: string, value: Param): Field {
  return { label: text(labelKey), value };
}

export function note(tone: Note['tone'], key: string, params?: Record<string, Param>): Note {
  return { tone, text: text(key, params) };
}

/** Leaves out the `false` entries of conditional steps and notes. */
export function present<T>(items: readonly (T | false | undefined)[]): T[] {
  return items.filter((item): item is T => item !== false && item !== undefined);
}
