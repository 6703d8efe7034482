// What crosses a process boundary (Electron IPC, the browser host's localhost bridge): plain data only.
// Every call returns an envelope instead of throwing, because class identity and error fields do not
// survive structured cloning; progress callbacks become events tagged with the caller's request id.

import type { ApiMethod, Envelope, MailSetupApi, ProgressMessage } from './api.js';
import { errorData } from './error-data.js';
import { t } from './messages/index.js';
import type { Lang } from './model.js';

// The bridge's types are part of the API (core/api.ts), so the renderer reaches them there.
export type { ApiMethod, BridgedApi, Envelope, ProgressMessage } from './api.js';
export type { BridgeError } from './errors.js';

/** A thrown error as the data that crosses a bridge (core/error-data.ts is its one writer). */
export const toBridgeError = errorData;

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
    return { ok: false, error: errorData(error, lang) };
  }
}
