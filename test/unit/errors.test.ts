// The one error taxonomy (core/errors.ts): every code has wording and a fix in both languages and a row
// in docs/cli.md, and the faces emit no code outside it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codeForNodeError,
  ERROR_CODES,
  isErrorCode,
  MailSetupError,
  toMailSetupError,
} from '../../core/errors.js';
import { catalogueKeys, LANGS, t } from '../../core/messages/index.js';
import { de } from '../../renderer/i18n/de.js';
import { en } from '../../renderer/i18n/en.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((entry) => {
    const relative = path.join(folder, entry);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry) ? [relative] : [];
  });
}

describe('the error taxonomy', () => {
  it('holds each code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  it.each(LANGS)('words every code and its fix in %s', (lang) => {
    const keys = new Set(catalogueKeys(lang));
    const missing = ERROR_CODES.flatMap((code) =>
      [`error.${code}`, `error.${code}.fix`].filter((key) => !keys.has(key) || t(lang, key).trim() === ''),
    );
    expect(missing).toEqual([]);
  });

  it('words no code outside it', () => {
    const worded = catalogueKeys('en').flatMap((key) => /^error\.([^.]+)(?:\.fix)?$/.exec(key)?.[1] ?? []);
    expect(worded.filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it('says different things in German and English', () => {
    const same = ERROR_CODES.filter((code) => t('de', `error.${code}`) === t('en', `error.${code}`));
    expect(same).toEqual([]);
  });

  it('is documented in docs/cli.md, one row per code with the English wording and fix', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const undocumented = ERROR_CODES.filter(
      (code) =>
        !doc.includes(`| \`${code}\` | ${t('en', `error.${code}`)} | ${t('en', `error.${code}.fix`)} |`),
    );
    expect(undocumented).toEqual([]);
    // …and the table names no code the taxonomy does not hold.
    const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]);
    expect(rows.filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it('covers every error code a face writes out', () => {
    // Faces build error objects as `code: '…'` literals (JSON output, bridge envelopes, ApiError).
    const files = ['cli', 'electron', 'renderer', 'browser-host'].flatMap(sources).concat('core/bridge.ts');
    const emitted = new Set<string>();
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/\bcode: '([a-z][a-z0-9-]*)'/g)) emitted.add(match[1]!);
    }
    // The scan must see the face-only codes, or it proves nothing.
    expect([...emitted]).toEqual(expect.arrayContaining(['usage', 'internal']));
    expect([...emitted].filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it("is where the wizard's own bridge-missing text comes from", () => {
    // The renderer cannot ask core when there is no bridge, so it carries core's words; they must agree.
    expect(en.errors.bridgeMissing).toBe(
      `${t('en', 'error.bridge-missing')} ${t('en', 'error.bridge-missing.fix')}`,
    );
    expect(de.errors.bridgeMissing).toBe(
      `${t('de', 'error.bridge-missing')} ${t('de', 'error.bridge-missing.fix')}`,
    );
  });
});

describe('codeForNodeError', () => {
  it.each([
    ['ENOTFOUND', 'dns-not-found'],
    ['EAI_AGAIN', 'dns-not-found'],
    ['ECONNREFUSED', 'connection-refused'],
    ['ECONNRESET', 'connection-refused'],
    ['ETIMEDOUT', 'timeout'],
    ['ABORT_ERR', 'timeout'],
  ])('maps %s to %s', (nodeCode, code) => {
    expect(codeForNodeError(Object.assign(new Error('x'), { code: nodeCode }))).toBe(code);
  });

  it('leaves anything else to the caller', () => {
    expect(codeForNodeError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBeUndefined();
    expect(codeForNodeError(null)).toBeUndefined();
    expect(codeForNodeError('ENOTFOUND')).toBeUndefined();
  });
});

describe('toMailSetupError', () => {
  it('keeps our own errors as they are', () => {
    const error = new MailSetupError('auth-failed', 'NO', 'auth');
    expect(toMailSetupError(error, 'protocol-error')).toBe(error);
  });

  it('codes a Node error by its code, keeping it as the cause', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:993'), { code: 'ECONNREFUSED' });
    const error = toMailSetupError(cause, 'protocol-error', 'connect');
    expect(error).toMatchObject({
      code: 'connection-refused',
      detail: 'connect ECONNREFUSED 127.0.0.1:993',
      phase: 'connect',
      cause,
    });
    expect(error.message).toBe('connection-refused: connect ECONNREFUSED 127.0.0.1:993');
  });

  it('falls back to the given code for anything unknown', () => {
    expect(toMailSetupError('odd', 'protocol-error')).toMatchObject({
      code: 'protocol-error',
      detail: 'odd',
    });
  });
});
