// Writing to the terminal: JSON alone on stdout for scripts; readable text otherwise; errors on stderr.

import { errorData } from '../core/error-data.js';
import { type ErrorCode, MailSetupError } from '../core/errors.js';
import { t } from '../core/messages/index.js';
import type { Lang } from '../core/model.js';

export const EXIT = { ok: 0, internal: 1, usage: 2, notFound: 3, testFailed: 4 } as const;

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function writeLines(lines: readonly string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The plain-language message and fix of an error, by code (and reason, for invalid addresses). */
export function describeError(error: MailSetupError, lang: Lang): { message: string; fix: string } {
  const { message, fix } = errorData(error, lang);
  return { message, fix: fix ?? '' };
}

/** Codes that mean the person's input cannot be used: exit 2, as for any bad input. */
const BAD_INPUT_CODES: ReadonlySet<string> = new Set([
  'invalid-address',
  'secret-too-long',
  'keychain-entry-not-found',
  'keychain-label-taken',
  'invalid-label',
  // The chosen format cannot hold the account (Apple's profile has no OAuth2): the input, not a bug.
  'oauth-not-in-profile',
]);

/** Reports an error the way the run asked for (JSON on stdout, or text on stderr) and returns the exit code. */
export function reportError(error: unknown, lang: Lang, json: boolean): number {
  if (error instanceof MailSetupError) {
    const { message, fix } = describeError(error, lang);
    if (json) writeJson({ error: { code: error.code, message, fix, detail: error.detail } });
    else process.stderr.write(`${t(lang, 'cli.error', { message })}\n${t(lang, 'cli.fix', { fix })}\n`);
    return BAD_INPUT_CODES.has(error.code) ? EXIT.usage : EXIT.internal;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json)
    writeJson({
      error: { code: 'internal' satisfies ErrorCode, message: t(lang, 'error.internal'), detail },
    });
  else process.stderr.write(`${t(lang, 'cli.error', { message: t(lang, 'error.internal') })}\n${detail}\n`);
  return EXIT.internal;
}

export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}
