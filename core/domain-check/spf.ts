// SPF (RFC 7208): one TXT record "v=spf1 ..." at the domain, ending in -all or ~all, with at most ten
// DNS-querying terms. Kept practical: includes are counted, not followed.

import type { Net } from '../net/index.js';
import { ask, tagged } from './dns.js';
import { lookupFailed } from './mx.js';
import type { Finding, RawCheck } from './types.js';

const SPF = /^v=spf1(?:\s|$)/i;
/** Terms that cost a DNS query (RFC 7208 4.6.4); the limit is ten. */
const QUERYING = /^[+?~-]?(?:include:|a(?:$|[:/])|mx(?:$|[:/])|ptr(?:$|:)|exists:)|^redirect=/i;
export const SPF_LOOKUP_LIMIT = 10;

export async function checkSpf(domain: string, net: Net, signal: AbortSignal): Promise<RawCheck> {
  const target = `TXT ${domain}`;
  const answer = await ask(() => net.resolver.resolveTxt(domain, signal));
  if ('failed' in answer)
    return { check: 'spf', target, findings: [lookupFailed(answer.failed)], records: [] };
  const records = 'none' in answer ? [] : tagged(answer.records, SPF);
  return { check: 'spf', target, findings: judgeSpf(records), records };
}

export function judgeSpf(records: readonly string[]): Finding[] {
  const record = records[0];
  if (record === undefined) return [{ verdict: 'missing', key: 'missing' }];
  const findings: Finding[] = [];
  if (records.length > 1)
    findings.push({ verdict: 'warning', key: 'multiple', params: { count: records.length } });
  const terms = record.trim().split(/\s+/).slice(1);
  const all = terms.find((term) => /^[+?~-]?all$/i.test(term));
  const redirect = terms.find((term) => /^redirect=/i.test(term));
  const qualifier = all ? (/^[+?~-]/.test(all) ? all[0] : '+') : undefined;
  if (qualifier === '-') findings.push({ verdict: 'ok', key: 'hard-fail' });
  else if (qualifier === '~') findings.push({ verdict: 'ok', key: 'soft-fail' });
  else if (qualifier === '?') findings.push({ verdict: 'warning', key: 'neutral' });
  else if (qualifier === '+') findings.push({ verdict: 'warning', key: 'pass-all' });
  else if (redirect) findings.push({ verdict: 'ok', key: 'redirect', params: { target: redirect.slice(9) } });
  else findings.push({ verdict: 'warning', key: 'no-all' });
  const lookups = terms.filter((term) => QUERYING.test(term)).length;
  if (lookups > SPF_LOOKUP_LIMIT) {
    findings.push({
      verdict: 'warning',
      key: 'too-many-lookups',
      params: { count: lookups, limit: SPF_LOOKUP_LIMIT },
    });
  }
  return findings;
}
