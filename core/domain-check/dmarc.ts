// DMARC (RFC 7489): one TXT record "v=DMARC1; p=..." at _dmarc.DOMAIN; p=reject or quarantine stops
// forged mail, p=none only watches. A subdomain without its own record inherits its organisational
// domain's (sp= first), as receivers do.

import { registrableDomain } from '../discovery/domains.js';
import type { Net } from '../net/index.js';
import { ask, tagged, tags } from './dns.js';
import { lookupFailed } from './mx.js';
import type { Finding, RawCheck } from './types.js';

const DMARC = /^v=DMARC1\s*(?:;|$)/i;

export async function checkDmarc(domain: string, net: Net, signal: AbortSignal): Promise<RawCheck> {
  const name = `_dmarc.${domain}`;
  const own = await dmarcRecords(name, net, signal);
  if ('failed' in own)
    return { check: 'dmarc', target: `TXT ${name}`, findings: [lookupFailed(own.failed)], records: [] };
  if (own.records.length > 0) {
    return {
      check: 'dmarc',
      target: `TXT ${name}`,
      findings: judgeDmarc(own.records, false),
      records: own.records,
    };
  }
  const organisation = await registrableDomain(domain);
  if (organisation !== domain) {
    const parentName = `_dmarc.${organisation}`;
    const parent = await dmarcRecords(parentName, net, signal);
    if ('records' in parent && parent.records.length > 0) {
      return {
        check: 'dmarc',
        target: `TXT ${name}, TXT ${parentName}`,
        findings: [
          ...judgeDmarc(parent.records, true),
          { verdict: 'ok', key: 'inherited', params: { organisation } },
        ],
        records: parent.records,
      };
    }
  }
  return {
    check: 'dmarc',
    target: `TXT ${name}`,
    findings: [{ verdict: 'missing', key: 'missing' }],
    records: [],
  };
}

async function dmarcRecords(
  name: string,
  net: Net,
  signal: AbortSignal,
): Promise<{ records: string[] } | { failed: string }> {
  const answer = await ask(() => net.resolver.resolveTxt(name, signal));
  if ('failed' in answer) return answer;
  return { records: 'none' in answer ? [] : tagged(answer.records, DMARC) };
}

/** `inherited`: the record is the organisational domain's, so its sp= applies first. */
export function judgeDmarc(records: readonly string[], inherited: boolean): Finding[] {
  const record = records[0];
  if (record === undefined) return [{ verdict: 'missing', key: 'missing' }];
  const findings: Finding[] = [];
  if (records.length > 1)
    findings.push({ verdict: 'warning', key: 'multiple', params: { count: records.length } });
  const fields = tags(record);
  const policy = ((inherited ? fields.sp : undefined) ?? fields.p ?? '').toLowerCase();
  if (policy === 'reject') findings.push({ verdict: 'ok', key: 'reject' });
  else if (policy === 'quarantine') findings.push({ verdict: 'ok', key: 'quarantine' });
  else if (policy === 'none') findings.push({ verdict: 'warning', key: 'none' });
  else findings.push({ verdict: 'warning', key: 'no-policy' });
  const percent = fields.pct === undefined ? 100 : Number(fields.pct);
  if (policy !== 'none' && Number.isFinite(percent) && percent < 100) {
    findings.push({ verdict: 'warning', key: 'partial', params: { percent } });
  }
  if (!fields.rua) findings.push({ verdict: 'ok', key: 'no-reports' });
  return findings;
}
