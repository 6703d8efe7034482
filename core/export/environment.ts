// The injectable clock and id source, and the one stable identifier per address.

import { createHash, randomUUID } from 'node:crypto';
import type { ParsedAddress } from '../address/parse.js';
import type { ExportDeps } from './types.js';

export interface ExportEnvironment {
  now: () => Date;
  newId: () => string;
}

export function exportEnvironment(deps: ExportDeps = {}): ExportEnvironment {
  return {
    now: deps.clock ?? (() => new Date()),
    newId: deps.newId ?? (() => randomUUID().toUpperCase()),
  };
}

/**
 * A reverse-DNS identifier that stays the same for an address, so that installing a new profile
 * replaces the old one instead of adding a duplicate. A hash, because quotes, `+` or non-ASCII
 * letters of an address have no place in reverse-DNS, and the address need not be readable there.
 */
export function profileIdentifier(address: ParsedAddress): string {
  const key = address.address.normalize('NFC').toLowerCase();
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
  return `de.mailsetup.profile.${hash}`;
}
