// A guide as one self-contained HTML page that prints on A4: inline styles only, no script, and a CSP
// that forbids everything else, so even a name that slipped past escaping could not run.

import { Markup, markup } from '../markup.js';
import type { Line, ResolvedField, ResolvedGuide, ResolvedSection } from './resolve.js';

// Ours and constant: it passes through the template as trusted markup.
const STYLE_SHEET = new Markup(`
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
html { font: 11pt/1.45 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #1a1a1a; }
body { margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 12px 16px; overflow-wrap: anywhere; }
h1 { font-size: 18pt; margin: 0 0 8px; }
h2 { font-size: 13.5pt; margin: 22px 0 8px; padding-bottom: 3px; border-bottom: 1px solid #bbb; break-after: avoid; }
p { margin: 0 0 8px; }
strong { font-weight: 700; }
ol { margin: 0; padding-left: 24px; }
li { margin: 0 0 10px; break-inside: avoid; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4px 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px 3px 0; border-bottom: 1px solid #e2e2e2; }
th { width: 42%; font-weight: 400; color: #444; }
td { font-weight: 700; }
.note { margin: 8px 0; padding: 6px 10px; border-left: 4px solid #5b8bd9; background: #f2f6fc; break-inside: avoid; }
.note.warning { border-left-color: #d98c1c; background: #fdf6ea; }
footer { margin-top: 24px; font-size: 9pt; color: #555; }
.brand { display: flex; align-items: center; gap: 10px; margin: 0 0 10px; font-weight: 700; color: #444; }
.brand img { max-height: 40px; max-width: 160px; }
@media print { main { max-width: none; padding: 0; } .note { background: none; } }
`);

// A branded guide's logo is a data: URL checked by the policy's rules; nothing else may load.
const CSP = new Markup("default-src 'none'; style-src 'unsafe-inline'");
const CSP_WITH_LOGO = new Markup(`${CSP.text}; img-src data:`);

export function guideHtml(guide: ResolvedGuide): string {
  const { brand } = guide;
  return markup`<!DOCTYPE html>
<html lang="${guide.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${brand?.logo ? CSP_WITH_LOGO : CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${guide.title}</title>
<style>${STYLE_SHEET}</style>
</head>
<body>
<main>
${
  brand &&
  markup`<p class="brand">${brand.logo && markup`<img src="${brand.logo}" alt="${brand.logoAlt}">`}<span>${brand.name}</span></p>\n`
}<h1>${guide.title}</h1>
${guide.intro.map((line) => markup`<p>${runs(line)}</p>\n`)}${guide.sections.map(section)}<footer>${guide.footer}</footer>
</main>
</body>
</html>
`.text;
}

function section(entry: ResolvedSection): Markup {
  return markup`<section>
<h2>${entry.heading}</h2>
${entry.intro && markup`<p>${runs(entry.intro)}</p>\n`}${fieldTable(entry.fields)}${
  entry.steps.length > 0 &&
  markup`<ol>
${entry.steps.map((step) => markup`<li><p>${runs(step.text)}</p>${fieldTable(step.fields)}</li>\n`)}</ol>
`
}${entry.notes.map((note) => markup`<p class="note ${note.tone}">${runs(note.text)}</p>\n`)}</section>
`;
}

function fieldTable(fields: readonly ResolvedField[]): Markup | false {
  return (
    fields.length > 0 &&
    markup`<table>
${fields.map((entry) => markup`<tr><th scope="row">${entry.label}</th><td>${plainRuns(entry.value)}</td></tr>\n`)}</table>
`
  );
}

function runs(line: Line): Markup[] {
  return line.map((run) => (run.value ? markup`<strong>${run.text}</strong>` : markup`${run.text}`));
}

/** Table cells are bold already. */
function plainRuns(line: Line): string {
  return line.map((run) => run.text).join('');
}
