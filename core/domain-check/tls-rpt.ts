// TLS-RPT (RFC 8460): "v=TLSRPTv1; rua=mailto:..." at _smtp._tls.DOMAIN, so that sending servers
// report TLS failures (and MTA-STS refusals) to the domain's owner.

import type { Net } from '../net/index.js';
import { ask, tagged, tags } from './dns.js';
import { lookupFailed } from './mx.js';
import type { Finding, RawCheck } from './types.js';

const TLSRPT = /^v=TLSRPTv1\s*(?:;|$)/i;

export async function checkTlsRpt(domain: string, net: Net, signal: AbortSignal): Promise<RawCheck> {
  const name = `_smtp._tls.${domain}`;
  const target = `TXT ${name}`;
  const answer = await ask(() => net.resolver.resolveTxt(name, signal));
  if ('failed' in answer)
    return { check: 'tls-rpt', target, findings: [lookupFailed(answer.failed)], records: [] };
  const records = 'none' in answer ? [] : tagged(answer.records, TLSRPT);
  return { check: 'tls-rpt', target, findings: judgeTlsRpt(records), records };
}

export function judgeTlsRpt(records: readonly string[]): Finding[] {
  const record = records[0];
  if (record === undefined) return [{ verdict: 'missing', key: 'missing' }];
  if (records.length > 1) return [{ verdict: 'warning', key: 'multiple', params: { count: records.length } }];
  const rua = tags(record).rua;
  const valid = rua
    ?.split(',')
    .every((uri) => /^(?:mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(uri.trim()));
  if (!rua || !valid) return [{ verdict: 'warning', key: 'no-rua' }];
  return [{ verdict: 'ok', key: 'ok', params: { rua } }];
}
