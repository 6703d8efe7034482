// Messages between isolated-store.ts and its helper process (host.ts). Plain data: they cross a
// process boundary as JSON. A password travels only inward in `set` and outward in a `get` answer,
// through the pipe, never through a file or an argument.

export type HostRequest =
  | { id: number; op: 'set'; service: string; account: string; password: string }
  | { id: number; op: 'get'; service: string; account: string }
  | { id: number; op: 'delete'; service: string; account: string };

export type HostResponse =
  | { id: number; ok: true; value: string | boolean | null }
  | { id: number; ok: false; unavailable: boolean; message: string };

export function isHostRequest(value: unknown): value is HostRequest {
  const message = value as Partial<HostRequest> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof message.id === 'number' &&
    (message.op === 'set' || message.op === 'get' || message.op === 'delete') &&
    typeof message.service === 'string' &&
    typeof message.account === 'string' &&
    (message.op !== 'set' || typeof (message as { password?: unknown }).password === 'string')
  );
}

export function isHostResponse(value: unknown): value is HostResponse {
  const message = value as Partial<HostResponse> | null;
  return typeof message === 'object' && message !== null && typeof message.id === 'number' && 'ok' in message;
}
