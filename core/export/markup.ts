// The one template mechanism for every XML and HTML export: a tagged template whose interpolations
// are escaped unless they are Markup already. Nothing reaches a file unescaped by accident.

export class Markup {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** Values a template accepts: `undefined`, `null` and `false` write nothing (for `cond && markup...`). */
export type Interpolation = string | number | Markup | readonly Interpolation[] | undefined | null | false;

export function markup(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return new Markup(text);
}

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeMarkup(value);
  return value.map(render).join('');
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Safe in XML and HTML text and in double- or single-quoted attributes. */
export function escapeMarkup(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/**
 * Removes what no XML 1.0 document may hold and what a name or user name never needs: control
 * characters (tab and line breaks become spaces), lone surrogates and the non-characters U+FFFE/U+FFFF.
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/[\t\n\r]/g, ' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  );
}
