// What crosses a process boundary (Electron IPC, the browser host's localhost bridge): plain data only.
// Every call returns an envelope instead of throwing, because class identity and error fields do not
// survive structured cloning; progress callbacks become events tagged with the caller's request id.

import { addressErrorMessage } from './address/error-message.js';
import type { ApiMethod, Envelope, MailSetupApi, ProgressMessage } from './api.js';
import { type BridgeError, MailSetupError } from './errors.js';
import { t } from './messages/index.js';
import type { Lang } from './model.js';

// The bridge's types are part of the API (core/api.ts), so the renderer reaches them there.
export type { ApiMethod, BridgedApi, Envelope, ProgressMessage } from './api.js';
export type { BridgeError } from './errors.js';

export function toBridgeError(error: unknown, lang: Lang): BridgeError {
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

/** Strips anything that is not plain data (functions, signals) from a request that crossed a boundary. */
function plainRequest(request: unknown): Record<string, unknown> {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return {};
  const { onProgress: _onProgress, signal: _signal, ...rest } = request as Record<string, unknown>;
  return rest;
}

/**
 * Runs one API call for a bridge: checks the method name against API_METHODS, wires progress to
 * `emit`, and turns every outcome into an envelope.
 */
export async function callApi(
  api: MailSetupApi,
  allowed: readonly string[],
  method: string,
  request: unknown,
  options: { requestId?: string; emit?: (message: ProgressMessage) => void; signal?: AbortSignal } = {},
): Promise<Envelope<unknown>> {
  const plain = plainRequest(request);
  const lang: Lang = plain.lang === 'de' ? 'de' : 'en';
  if (!allowed.includes(method)) {
    return {
      ok: false,
      error: { code: 'internal', message: t(lang, 'error.internal'), detail: `unknown method ${method}` },
    };
  }
  const name = method as ApiMethod;
  const { requestId, emit } = options;
  const onProgress =
    requestId && emit ? (event: unknown) => emit({ requestId, method: name, event }) : undefined;
  try {
    const call = api[name] as (request: unknown) => Promise<unknown>;
    const value = await call({
      ...plain,
      ...(onProgress ? { onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toBridgeError(error, lang) };
  }
}
