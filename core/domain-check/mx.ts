// MX: where mail for the domain goes. Present, a null MX (RFC 7505: "no mail here"), or missing; and
// whether each exchange has an address at all (a typo there loses mail silently).

import type { MxRecord } from 'node:dns';
import type { Net } from '../net/index.js';
import { ask } from './dns.js';
import type { Finding, RawCheck } from './types.js';

/** Exchanges whose addresses are looked up; a domain with more is unusual and the first ones matter. */
const MAX_RESOLVED = 5;

export interface MxOutcome {
  raw: RawCheck;
  /** The exchanges, best first (empty for none or a null MX). */
  hosts: string[];
}

export async function checkMx(domain: string, net: Net, signal: AbortSignal): Promise<MxOutcome> {
  const target = `MX ${domain}`;
  const answer = await ask(() => net.resolver.resolveMx(domain, signal));
  if ('none' in answer)
    return {
      raw: { check: 'mx', target, findings: [{ verdict: 'missing', key: 'missing' }], records: [] },
      hosts: [],
    };
  if ('failed' in answer) {
    return {
      raw: { check: 'mx', target, findings: [lookupFailed(answer.failed)], records: [] },
      hosts: [],
    };
  }
  const sorted = [...answer.records].sort((a, b) => a.priority - b.priority);
  const records = sorted.map((record) => `${record.priority} ${record.exchange || '.'}`);
  if (isNullMx(sorted)) {
    return {
      raw: { check: 'mx', target, findings: [{ verdict: 'warning', key: 'null' }], records },
      hosts: [],
    };
  }
  const hosts = sorted.map((record) => record.exchange.replace(/\.$/, '').toLowerCase()).filter(Boolean);
  const findings: Finding[] = [
    {
      verdict: 'ok',
      key: 'ok',
      params: { hosts: sorted.map((r) => `${r.exchange} (${r.priority})`).join(', ') },
    },
  ];
  const unresolvable: string[] = [];
  await Promise.all(
    hosts.slice(0, MAX_RESOLVED).map(async (host) => {
      const addresses = await ask(() => net.resolver.resolveAddresses(host, signal));
      if ('none' in addresses) unresolvable.push(host);
    }),
  );
  if (unresolvable.length > 0) {
    findings.unshift({
      verdict: 'warning',
      key: 'unresolvable',
      params: { hosts: unresolvable.sort().join(', ') },
    });
  }
  return { raw: { check: 'mx', target, findings, records }, hosts };
}

/** RFC 7505: a single MX of preference 0 whose exchange is the root. */
export function isNullMx(records: readonly MxRecord[]): boolean {
  return records.length > 0 && records.every((record) => record.exchange === '' || record.exchange === '.');
}

export function lookupFailed(reason: string): Finding {
  return { verdict: 'warning', key: 'lookup-failed', params: { reason } };
}
