// mailsetup domain: is the mail domain set up so that mail arrives, cannot easily be forged, travels
// encrypted, and mail programs find their settings? Every check runs at once, through core/net only;
// each gets a verdict, the finding in plain words and the fix.

import { parseDomain } from '../address/domain.js';
import { hasMessage, t } from '../messages/index.js';
import type { Lang } from '../model.js';
import { withTimeout } from '../net/abort.js';
import { createNet, type Net } from '../net/index.js';
import { checkAutoconfig, checkAutodiscover } from './client-config.js';
import { checkDmarc } from './dmarc.js';
import { checkMtaSts } from './mta-sts.js';
import { checkMx } from './mx.js';
import { checkPaccPublication } from './pacc.js';
import { checkSpf } from './spf.js';
import { checkTlsRpt } from './tls-rpt.js';
import type { DomainCheck, DomainCheckRequest, DomainCheckResult, RawCheck, Verdict } from './types.js';

export const DOMAIN_CHECK_DEFAULTS = {
  /** The whole check; each DNS query and fetch has its own, shorter limit. */
  timeoutMs: 15_000,
} as const;

const SEVERITY: Readonly<Record<Verdict, number>> = { ok: 0, warning: 1, missing: 2 };

export interface DomainCheckDeps {
  net?: Net;
}

/** "example.com" or "name@example.com" -> the domain's forms; MailSetupError('invalid-address') if none. */
export function domainOf(input: string): { ascii: string; unicode: string } {
  const text = input.trim();
  return parseDomain(text.includes('@') ? text.slice(text.lastIndexOf('@') + 1) : text);
}

export async function checkDomain(
  request: DomainCheckRequest,
  deps: DomainCheckDeps = {},
): Promise<DomainCheckResult> {
  const started = performance.now();
  const lang = request.lang ?? 'en';
  const { ascii: domain, unicode } = domainOf(request.domain);
  const net = deps.net ?? createNet({ dns: request.dns });
  const signal = withTimeout(request.timeoutMs ?? DOMAIN_CHECK_DEFAULTS.timeoutMs, request.signal);
  let raw: RawCheck[];
  try {
    const mx = checkMx(domain, net, signal);
    raw = await Promise.all([
      mx.then((outcome) => outcome.raw),
      checkSpf(domain, net, signal),
      checkDmarc(domain, net, signal),
      checkMtaSts(
        domain,
        net,
        signal,
        mx.then((outcome) => outcome.hosts),
      ),
      checkTlsRpt(domain, net, signal),
      checkAutoconfig(domain, net, signal),
      checkAutodiscover(domain, net, signal),
      checkPaccPublication(domain, net, signal),
    ]);
  } finally {
    if (!deps.net) net.resolver.cancel();
  }
  const checks = raw.map((check) => localize(check, domain, lang));
  const counts: Record<Verdict, number> = { ok: 0, warning: 0, missing: 0 };
  for (const check of checks) counts[check.verdict] += 1;
  return {
    domain,
    domainUnicode: unicode,
    checks,
    counts,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** The worst finding is the verdict and the summary; the others become notes. */
function localize(raw: RawCheck, domain: string, lang: Lang): DomainCheck {
  const ranked = [...raw.findings].sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  const main = ranked[0] ?? { verdict: 'missing' as const, key: 'missing' };
  // A check's own wording first; findings every check shares (a failed look-up) have one wording.
  const keyOf = (key: string) =>
    hasMessage(`domain.${raw.check}.${key}`) ? `domain.${raw.check}.${key}` : `domain.any.${key}`;
  const say = (key: string, params: Record<string, string | number> = {}) =>
    t(lang, keyOf(key), { domain, ...params });
  const fixKey = `${keyOf(main.key)}.fix`;
  const fix = t(lang, fixKey, { domain, ...main.params });
  return {
    check: raw.check,
    verdict: main.verdict,
    target: raw.target,
    summary: say(main.key, main.params),
    ...(main.verdict !== 'ok' && fix !== fixKey ? { fix } : {}),
    notes: ranked.slice(1).map((finding) => say(finding.key, finding.params)),
    records: raw.records,
  };
}

export type { DomainCheck, DomainCheckRequest, DomainCheckResult, Verdict } from './types.js';
