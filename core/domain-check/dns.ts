// DNS answers as the checks need them: records, "none published" (NXDOMAIN, NODATA), or a failure
// worth reporting (timeout, SERVFAIL), which is never mistaken for "none".

import { codeForNodeError, MailSetupError } from '../errors.js';
import { isNoRecord } from '../net/resolver.js';

export type Answer<T> = { records: T } | { none: true } | { failed: string };

export async function ask<T>(query: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { records: await query() };
  } catch (error) {
    if (isNoRecord(error)) return { none: true };
    if (error instanceof MailSetupError) return { failed: error.code };
    const code = (error as { code?: string } | null)?.code;
    return { failed: `${codeForNodeError(error) ?? 'error'}${code ? ` (${code})` : ''}` };
  }
}

/** TXT records with their character strings joined (RFC 7208 3.3), only those starting with `tag`. */
export function tagged(records: readonly string[][], tag: RegExp): string[] {
  return records.map((chunks) => chunks.join('')).filter((text) => tag.test(text.trim()));
}

/** "v=DMARC1; p=reject; rua=..." -> { v: 'DMARC1', p: 'reject', rua: '...' } (keys lower-case). */
export function tags(record: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of record.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = part.slice(0, at).trim().toLowerCase();
    if (key && !(key in out)) out[key] = part.slice(at + 1).trim();
  }
  return out;
}
