// The renderer's one door to the application API (`window.mailsetup`, set by the preload script or the
// e2e browser host). Envelopes are unwrapped here, so callers see values or an ApiError; progress
// events are matched to their call by a request id; a cancelled call is let go (the bridge cannot
// stop it yet) and its late result ignored.

import type {
  ApiMethod,
  BridgedApi,
  BridgeError,
  DetectProgress,
  Envelope,
  ErrorCode,
  Lang,
  TestProgress,
} from './types.js';

declare global {
  interface Window {
    mailsetup?: BridgedApi;
  }
}

/** A failed call: the bridge's plain error (code, localized message and fix, technical detail). */
export class ApiError extends Error {
  readonly error: BridgeError;
  constructor(error: BridgeError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'ApiError';
    this.error = error;
  }
  get code(): string {
    return this.error.code;
  }
}

/** The taxonomy's code for "the page has no bridge" (opened outside the app or the browser host). */
export const BRIDGE_MISSING = 'bridge-missing' satisfies ErrorCode;

type RequestOf<M extends ApiMethod> = Parameters<BridgedApi[M]>[0];
/** What the renderer passes: plain data, never a callback or a signal (those stay on this side). */
export type PlainRequest<M extends ApiMethod> =
  RequestOf<M> extends object ? Omit<RequestOf<M>, 'signal' | 'onProgress'> : RequestOf<M>;
export type ResultOf<M extends ApiMethod> =
  Awaited<ReturnType<BridgedApi[M]>> extends Envelope<infer T> ? T : never;

interface ProgressEvents {
  detect: DetectProgress;
  test: TestProgress;
}
export type ProgressOf<M extends ApiMethod> = M extends keyof ProgressEvents ? ProgressEvents[M] : never;

export interface CallOptions<M extends ApiMethod> {
  /** Sent as `lang` with every request, so core's messages come back in the person's language. */
  lang: Lang;
  signal?: AbortSignal;
  onProgress?: (event: ProgressOf<M>) => void;
}

function bridge(): BridgedApi {
  const api = typeof window === 'undefined' ? undefined : window.mailsetup;
  if (!api) throw new ApiError({ code: BRIDGE_MISSING, message: '', detail: 'window.mailsetup is missing' });
  return api;
}

function abortError(): DOMException {
  return new DOMException('The call was cancelled', 'AbortError');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Settles with `promise`, or rejects with an AbortError as soon as `signal` aborts. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Calls one API method; resolves with its value or rejects with an ApiError (or an AbortError). */
export async function call<M extends ApiMethod>(
  method: M,
  request: PlainRequest<M>,
  options: CallOptions<M>,
): Promise<ResultOf<M>> {
  const api = bridge();
  const requestId = crypto.randomUUID();
  const { onProgress, signal, lang } = options;
  const unsubscribe = onProgress
    ? api.onProgress((message) => {
        if (message.requestId === requestId && !signal?.aborted) onProgress(message.event as ProgressOf<M>);
      })
    : undefined;
  const body = { ...(typeof request === 'object' && request !== null ? request : {}), lang };
  const send = api[method] as (request: unknown, requestId?: string) => Promise<Envelope<ResultOf<M>>>;
  try {
    let envelope: Envelope<ResultOf<M>>;
    try {
      envelope = await unlessAborted(send.call(api, body, requestId), signal);
    } catch (error) {
      if (isAbort(error)) throw error;
      // The transport itself failed (IPC or HTTP), not the call: a bug or a closed host.
      throw new ApiError({ code: 'internal', message: '', detail: String(error) });
    }
    if (!envelope.ok) throw new ApiError(envelope.error);
    return envelope.value;
  } finally {
    unsubscribe?.();
  }
}

/** Any failure of a call as the bridge's plain error (what an ErrorBox shows). */
export function errorOf(failure: unknown): BridgeError {
  return failure instanceof ApiError
    ? failure.error
    : { code: 'internal', message: '', detail: String(failure) };
}
