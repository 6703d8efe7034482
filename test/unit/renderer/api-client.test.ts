// @vitest-environment jsdom
// renderer/api/client.ts: envelopes unwrapped, errors as ApiError, progress matched by request id,
// cancelling lets the call go.

import { afterEach, describe, expect, it } from 'vitest';
import type { BridgedApi, Envelope, ProgressMessage } from '../../../core/bridge.js';
import { ApiError, BRIDGE_MISSING, call, isAbort } from '../../../renderer/api/client.js';
import { bundledResult } from './fixtures.js';
import { deferred } from './harness.js';

interface Recorded {
  request: unknown;
  requestId: string | undefined;
}

function fakeBridge(detect: (request: unknown, requestId?: string) => Promise<Envelope<unknown>>) {
  const listeners = new Set<(message: ProgressMessage) => void>();
  const recorded: Recorded[] = [];
  const bridge = {
    detect: async (request: unknown, requestId?: string) => {
      recorded.push({ request, requestId });
      return detect(request, requestId);
    },
    onProgress(listener: (message: ProgressMessage) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as BridgedApi;
  window.mailsetup = bridge;
  const emit = (message: ProgressMessage) => {
    for (const listener of listeners) listener(message);
  };
  return { recorded, emit, listeners };
}

afterEach(() => {
  delete window.mailsetup;
});

describe('api client', () => {
  it('sends the request with lang and a request id and unwraps the value', async () => {
    const { recorded } = fakeBridge(async () => ({ ok: true, value: bundledResult() }));
    const result = await call('detect', { address: 'jo@example.com' }, { lang: 'de' });
    expect(result.provider?.name).toBe('Example Mail');
    expect(recorded[0]?.request).toEqual({ address: 'jo@example.com', lang: 'de' });
    expect(recorded[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('throws the bridge error as an ApiError', async () => {
    fakeBridge(async () => ({
      ok: false,
      error: { code: 'invalid-address', message: 'Not an address', fix: 'Check it' },
    }));
    const failure = await call('detect', { address: 'x' }, { lang: 'en' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).error).toEqual({
      code: 'invalid-address',
      message: 'Not an address',
      fix: 'Check it',
    });
  });

  it('delivers only its own progress and unsubscribes when done', async () => {
    const answer = deferred<Envelope<unknown>>();
    const { emit, recorded, listeners } = fakeBridge(() => answer.promise);
    const events: unknown[] = [];
    const pending = call(
      'detect',
      { address: 'jo@example.com' },
      { lang: 'en', onProgress: (event) => events.push(event) },
    );
    await Promise.resolve();
    const own = recorded[0]!.requestId!;
    const event = { source: 'bundled', target: 'example.com', state: 'started' } as const;
    emit({ requestId: 'someone-else', method: 'detect', event: { ...event, source: 'mx' } });
    emit({ requestId: own, method: 'detect', event });
    expect(events).toEqual([event]);
    answer.resolve({ ok: true, value: bundledResult() });
    await pending;
    expect(listeners.size).toBe(0);
  });

  it('lets a cancelled call go: AbortError at once, later progress ignored', async () => {
    const answer = deferred<Envelope<unknown>>();
    const { emit, recorded, listeners } = fakeBridge(() => answer.promise);
    const controller = new AbortController();
    const events: unknown[] = [];
    const pending = call(
      'detect',
      { address: 'jo@example.com' },
      { lang: 'en', signal: controller.signal, onProgress: (event) => events.push(event) },
    );
    await Promise.resolve();
    controller.abort();
    const failure = await pending.catch((error: unknown) => error);
    expect(isAbort(failure)).toBe(true);
    emit({
      requestId: recorded[0]!.requestId!,
      method: 'detect',
      event: { source: 'mx', target: 'x', state: 'found' },
    });
    expect(events).toEqual([]);
    expect(listeners.size).toBe(0);
    answer.resolve({ ok: true, value: bundledResult() });
  });

  it('reports a missing bridge and a broken transport as coded errors', async () => {
    const missing = await call('detect', { address: 'a@b.c' }, { lang: 'en' }).catch(
      (error: unknown) => error,
    );
    expect((missing as ApiError).code).toBe(BRIDGE_MISSING);
    fakeBridge(() => Promise.reject(new Error('IPC channel closed')));
    const broken = await call('detect', { address: 'a@b.c' }, { lang: 'en' }).catch(
      (error: unknown) => error,
    );
    expect((broken as ApiError).error).toMatchObject({
      code: 'internal',
      detail: 'Error: IPC channel closed',
    });
  });
});
