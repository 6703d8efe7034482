// The provider's hints (what the person must do before a mail program gets in: switch on IMAP, make an
// app password) carried into exports. Detection words them for the wizard ("enter it here"); a guide or
// an exported file is read before the mail program is set up, so each known code has a second wording
// (`export.hint.<code>`) and the provider's own instructions are quoted as they are.

import { httpsUrl } from '../discovery/config-xml.js';
import { hasMessage, t } from '../messages/index.js';
import type { Lang, Notice } from '../model.js';
import { cleanText } from './markup.js';

/** A hint an export can carry: a known code, or the provider's own words. */
export interface ExportHint {
  code: string;
  /** The provider's own instruction (code `provider-instruction` only). */
  text?: string;
  /** The provider's page for it (https only). */
  url?: string;
  /** Numbers and short words the sentence names (a lockout's failures and minutes). */
  params?: Record<string, string | number>;
}

const PROVIDER_INSTRUCTION = 'provider-instruction';
/** As detection caps the provider's words (config-xml.ts); a pasted essay would only break layouts. */
const MAX_TEXT_CHARS = 500;
/** A provider publishes a few; more is noise or an attack on the layout. */
const MAX_HINTS = 8;

export function exportHintKey(code: string): string {
  return `export.hint.${code}`;
}

/**
 * The hints of a request that an export can word: codes with an export wording (the rest, such as a
 * typo suggestion or "OAuth2 is also offered", says nothing about setting up a mail program) and the
 * provider's instructions, cleaned. Requests arrive as plain data over IPC: nothing is trusted.
 */
export function exportHints(hints: unknown): ExportHint[] {
  if (!Array.isArray(hints)) return [];
  const kept: ExportHint[] = [];
  const seen = new Set<string>();
  for (const hint of hints as Partial<Notice>[]) {
    if (typeof hint?.code !== 'string' || !hasMessage(exportHintKey(hint.code))) continue;
    const url = typeof hint.url === 'string' ? httpsUrl(hint.url) : undefined;
    let text: string | undefined;
    if (hint.code === PROVIDER_INSTRUCTION) {
      text = Array.from(
        cleanText(String(hint.message ?? ''))
          .replace(/\s+/g, ' ')
          .trim(),
      )
        .slice(0, MAX_TEXT_CHARS)
        .join('');
      if (!text) continue;
    }
    const identity = `${hint.code}\n${text ?? ''}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const params = cleanParams(hint.params);
    kept.push({
      code: hint.code,
      ...(text ? { text } : {}),
      ...(url ? { url } : {}),
      ...(params ? { params } : {}),
    });
    if (kept.length === MAX_HINTS) break;
  }
  return kept;
}

/** A sentence's values from a request: whole numbers and a few short words, nothing else. */
function cleanParams(params: unknown): Record<string, string | number> | undefined {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return undefined;
  const kept: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params).slice(0, 4)) {
    if (!/^[a-z]{1,20}$/i.test(name) || name === 'provider' || name === 'text') continue;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) kept[name] = value;
    else if (typeof value === 'string' && value.length <= 40) kept[name] = cleanText(value);
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The hints as sentences for the person who has just exported a file (the CLI prints them). */
export function localizedExportHints(hints: readonly ExportHint[], provider: string, lang: Lang): Notice[] {
  return hints.map((hint) => ({
    code: hint.code,
    message: t(lang, exportHintKey(hint.code), { ...hint.params, provider, text: hint.text ?? '' }),
    ...(hint.url ? { url: hint.url } : {}),
  }));
}
