// Errors as plain data: code, the person's words, the fix and the technical detail. Every face and
// every writer (bridges, the CLI, the help-desk report) turns a thrown error into this one shape here,
// so that none of them needs the transport module (core/bridge.ts) to say what went wrong.

import { MailSetupError } from './errors.js';
import { t } from './messages/index.js';
import type { Lang } from './model.js';

export interface ErrorData {
  /** A code of CONTRACT.md's taxonomy, or `internal` for a bug. */
  code: string;
  message: string;
  fix?: string;
  detail?: string;
}

export function errorData(error: unknown, lang: Lang): ErrorData {
  if (error instanceof MailSetupError) {
    const reasonKey = `address.invalid.${error.detail ?? ''}`;
    const reason = error.code === 'invalid-address' ? t(lang, reasonKey) : undefined;
    return {
      code: error.code,
      message: reason && reason !== reasonKey ? reason : t(lang, `error.${error.code}`),
      fix: t(lang, `error.${error.code}.fix`),
      ...(error.detail ? { detail: error.detail } : {}),
    };
  }
  // Anything else is a bug; its text may help the helpdesk but never carries a request's password.
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: t(lang, 'error.internal'), fix: t(lang, 'error.internal.fix'), detail };
}

/** A coded error of ours as data, without a throw: the message and fix looked up by code. */
export function codedErrorData(code: string, lang: Lang, detail?: string): ErrorData {
  return {
    code,
    message: t(lang, `error.${code}`),
    fix: t(lang, `error.${code}.fix`),
    ...(detail ? { detail } : {}),
  };
}
