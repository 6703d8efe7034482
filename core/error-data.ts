// Errors as plain data: code, the person's words, the fix and the technical detail. Every face and
// every writer (bridges, the CLI, the help-desk report) turns a thrown error into this one shape here,
// so that none of them needs the transport module (core/bridge.ts) to say what went wrong.

import { addressErrorMessage } from './address/error-message.js';
import { type BridgeError, type ErrorCode, MailSetupError } from './errors.js';
import { t } from './messages/index.js';
import type { Lang } from './model.js';

/** The one shape of an error outside core: what crosses a bridge, goes into JSON and into reports. */
export type ErrorData = BridgeError;

export function errorData(error: unknown, lang: Lang): ErrorData {
  if (error instanceof MailSetupError) {
    return {
      code: error.code,
      // The refused address's own reason where there is one, else the code's wording.
      message: addressErrorMessage(error, lang),
      fix: t(lang, `error.${error.code}.fix`),
      ...(error.detail ? { detail: error.detail } : {}),
    };
  }
  // Anything else is a bug; its text may help the helpdesk but never carries a request's password.
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: t(lang, 'error.internal'), fix: t(lang, 'error.internal.fix'), detail };
}

/** A coded error of ours as data, without a throw: the message and fix looked up by code. */
export function codedErrorData(code: ErrorCode, lang: Lang, detail?: string): ErrorData {
  return {
    code,
    message: t(lang, `error.${code}`),
    fix: t(lang, `error.${code}.fix`),
    ...(detail ? { detail } : {}),
  };
}
