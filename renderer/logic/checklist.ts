// The test's live checklist for one server: connecting, encrypting, the certificate, signing in.
// While the test runs it follows the progress steps; once the result is there, the result decides.

import type { ProbeStep, Security, ServerTestResult } from '../api/types.js';

export type ItemId = 'connect' | 'encrypt' | 'certificate' | 'signin';
export type ItemState = 'pending' | 'active' | 'done' | 'failed' | 'skipped';

export interface ChecklistItem {
  id: ItemId;
  state: ItemState;
}

export const ITEM_IDS: readonly ItemId[] = ['connect', 'encrypt', 'certificate', 'signin'];

/** Index of the item a running step belongs to (items before it are done). */
function activeIndex(step: ProbeStep | undefined, security: Security, seen: ReadonlySet<ProbeStep>): number {
  if (step === undefined) return -1;
  switch (step) {
    case 'dns':
    case 'connect':
      return 0;
    case 'tls':
    case 'starttls':
      return 1;
    case 'greeting':
    case 'capabilities':
      // Before TLS (a STARTTLS server's greeting) we are still connecting; after it, sign-in is next.
      return security === 'tls' || seen.has('tls') || seen.has('starttls') ? 3 : 0;
    case 'auth':
      return 3;
    case 'logout':
      return ITEM_IDS.length;
  }
}

export function liveChecklist(security: Security, steps: readonly ProbeStep[]): ChecklistItem[] {
  const seen = new Set(steps);
  const active = activeIndex(steps.at(-1), security, seen);
  return ITEM_IDS.map((id, index) => ({
    id,
    state: index < active ? 'done' : index === active ? 'active' : 'pending',
  }));
}

const CONNECT_PHASES = new Set(['dns', 'connect']);
const ENCRYPT_CODES = new Set([
  'tls-version-too-old',
  'tls-handshake-failed',
  'starttls-not-offered',
  'starttls-failed',
]);
const CERTIFICATE_CODES = new Set([
  'certificate-expired',
  'certificate-untrusted',
  'certificate-hostname-mismatch',
]);

function failedItem(result: ServerTestResult): ItemId | undefined {
  const error = result.error;
  if (!error) return undefined;
  if (CERTIFICATE_CODES.has(error.code)) return 'certificate';
  if (ENCRYPT_CODES.has(error.code)) return 'encrypt';
  if (
    CONNECT_PHASES.has(error.phase) ||
    error.code === 'dns-not-found' ||
    error.code === 'connection-refused'
  )
    return 'connect';
  if (error.phase === 'auth' || result.auth === 'failed') return 'signin';
  // A timeout or protocol error: it failed where the evidence stops.
  if (!result.tls) return result.security === 'tls' ? 'encrypt' : 'connect';
  return 'signin';
}

export function resultChecklist(result: ServerTestResult): ChecklistItem[] {
  if (result.ok) return ITEM_IDS.map((id) => ({ id, state: 'done' }));
  const failed = failedItem(result) ?? 'signin';
  const failedAt = ITEM_IDS.indexOf(failed);
  return ITEM_IDS.map((id, index) => ({
    id,
    state: index < failedAt ? 'done' : index === failedAt ? 'failed' : 'skipped',
  }));
}

/** "TLSv1.3" as people read it: "TLS 1.3". */
export function tlsVersionLabel(version: string): string {
  return version.replace(/^TLSv/, 'TLS ');
}
