// MTA-STS (RFC 8461): a TXT record "v=STSv1; id=..." at _mta-sts.DOMAIN announces a policy served at
// https://mta-sts.DOMAIN/.well-known/mta-sts.txt (valid certificate, no redirects). With mode enforce,
// sending servers deliver only over verified TLS to the MX hosts the policy lists.

import { MailSetupError } from '../errors.js';
import type { Net } from '../net/index.js';
import { ask, tagged, tags } from './dns.js';
import { lookupFailed } from './mx.js';
import type { Finding, RawCheck } from './types.js';

const STS = /^v=STSv1\s*(?:;|$)/i;
const LIMITS = { maxBytes: 64 * 1024, timeoutMs: 5000, maxAgeSeconds: 31_557_600 } as const;

export interface StsPolicy {
  version?: string;
  mode?: string;
  mx: string[];
  maxAge?: number;
  /** What makes it invalid: a field missing or out of range. */
  problems: string[];
}

export function policyUrl(domain: string): string {
  return `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
}

export function parseStsPolicy(text: string): StsPolicy {
  const policy: StsPolicy = { mx: [], problems: [] };
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at < 0) continue;
    const key = line.slice(0, at).trim().toLowerCase();
    const value = line.slice(at + 1).trim();
    if (key === 'version') policy.version ??= value;
    else if (key === 'mode') policy.mode ??= value;
    else if (key === 'mx') policy.mx.push(value.toLowerCase());
    else if (key === 'max_age' && /^\d{1,10}$/.test(value)) policy.maxAge ??= Number(value);
  }
  if (policy.version !== 'STSv1') policy.problems.push('version: STSv1');
  if (!['enforce', 'testing', 'none'].includes(policy.mode ?? ''))
    policy.problems.push('mode: enforce | testing | none');
  if (policy.maxAge === undefined || policy.maxAge > LIMITS.maxAgeSeconds)
    policy.problems.push('max_age: 0..31557600');
  if (policy.mode !== 'none' && policy.mx.length === 0) policy.problems.push('mx: ...');
  return policy;
}

/** RFC 8461 4.1: "*.example.com" matches exactly one more label; anything else matches itself. */
export function mxCovered(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) => {
    const wanted = pattern.replace(/\.$/, '');
    if (!wanted.startsWith('*.')) return name === wanted;
    const rest = name.slice(name.indexOf('.') + 1);
    return name.includes('.') && rest === wanted.slice(2);
  });
}

type Fetched = { text: string } | { reason: string; absent: boolean };

async function fetchPolicy(domain: string, net: Net, signal: AbortSignal): Promise<Fetched> {
  try {
    const response = await net.fetch(policyUrl(domain), {
      signal,
      timeoutMs: LIMITS.timeoutMs,
      maxBytes: LIMITS.maxBytes,
      maxRedirects: 0,
    });
    if (response.status === 200) return { text: response.text };
    return { reason: `HTTP ${response.status}`, absent: response.status === 404 };
  } catch (error) {
    const code = error instanceof MailSetupError ? error.code : 'error';
    const detail = error instanceof MailSetupError ? (error.detail ?? '') : String(error);
    return { reason: detail ? `${code}: ${detail}` : code, absent: code === 'dns-not-found' };
  }
}

export async function checkMtaSts(
  domain: string,
  net: Net,
  signal: AbortSignal,
  mxHosts: Promise<string[]>,
): Promise<RawCheck> {
  const name = `_mta-sts.${domain}`;
  const target = `TXT ${name}, ${policyUrl(domain)}`;
  const [answer, fetched] = await Promise.all([
    ask(() => net.resolver.resolveTxt(name, signal)),
    fetchPolicy(domain, net, signal),
  ]);
  const txt = 'records' in answer ? tagged(answer.records, STS) : [];
  const records = [...txt];
  const findings: Finding[] = [];
  if (!('text' in fetched)) {
    if (txt.length > 0)
      findings.push({ verdict: 'warning', key: 'policy-unreachable', params: { reason: fetched.reason } });
    else if ('failed' in answer) findings.push(lookupFailed(answer.failed));
    else findings.push({ verdict: 'missing', key: 'missing' });
    return { check: 'mta-sts', target, findings, records };
  }
  const policy = parseStsPolicy(fetched.text);
  records.push(
    ...fetched.text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(0, 20),
  );
  if (policy.problems.length > 0) {
    findings.push({
      verdict: 'warning',
      key: 'policy-invalid',
      params: { problems: policy.problems.join(', ') },
    });
  } else if (policy.mode === 'enforce') {
    findings.push({ verdict: 'ok', key: 'enforce', params: { mx: policy.mx.join(', ') } });
  } else if (policy.mode === 'testing') {
    findings.push({ verdict: 'warning', key: 'testing' });
  } else {
    findings.push({ verdict: 'warning', key: 'mode-none' });
  }
  if (txt.length === 0) findings.push({ verdict: 'warning', key: 'no-txt' });
  else if (txt.length > 1)
    findings.push({ verdict: 'warning', key: 'txt-multiple', params: { count: txt.length } });
  else if (!tags(txt[0] ?? '').id) findings.push({ verdict: 'warning', key: 'txt-no-id' });
  if (policy.mode !== 'none' && policy.mx.length > 0) {
    const uncovered = (await mxHosts).filter((host) => !mxCovered(host, policy.mx));
    if (uncovered.length > 0) {
      findings.push({ verdict: 'warning', key: 'mx-not-covered', params: { hosts: uncovered.join(', ') } });
    }
  }
  return { check: 'mta-sts', target, findings, records };
}
