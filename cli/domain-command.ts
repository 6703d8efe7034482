// mailsetup domain <domain>: MX, SPF, DMARC, MTA-STS, TLS-RPT and the published client settings, each
// with a verdict and the fix. Exit codes: 0 the check ran (the verdicts are in the output, also when
// they are warnings), 1 internal error, 2 bad domain or usage.

import { createApi, type DomainCheck, type DomainCheckResult, type Lang } from '../core/api.js';
import { domainOf } from '../core/domain-check/index.js';
import { t } from '../core/messages/index.js';
import { parseFlags, parseLang, parseTimeout } from './args.js';
import { commandHelp } from './help.js';
import { EXIT, UsageError, writeJson, writeLines } from './output.js';

const FLAGS = {
  json: { type: 'boolean' },
  dns: { type: 'string' },
  timeout: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const MARKS: Readonly<Record<DomainCheck['verdict'], string>> = { ok: '✓', warning: '!', missing: '✗' };

export async function runDomain(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, FLAGS);
  const lang = parseLang(values.lang);
  if (values.help) {
    process.stdout.write(`${await commandHelp('domain', lang)}\n`);
    return EXIT.ok;
  }
  const [domain, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError('cli.bad-option', { detail: `unexpected: ${extra.join(' ')}` });
  if (!domain) throw new UsageError('domain.cli.missing');
  try {
    domainOf(domain);
  } catch {
    throw new UsageError('domain.cli.bad-domain', { value: domain });
  }
  const dns = values.dns ?? (process.env.MAILSETUP_DNS || undefined);
  const timeoutMs = parseTimeout(values.timeout);
  const result = await createApi().domainCheck({
    domain,
    lang,
    ...(dns ? { dns } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  if (values.json) writeJson(result);
  else writeLines(domainLines(result, lang));
  return EXIT.ok;
}

export function domainLines(result: DomainCheckResult, lang: Lang): string[] {
  const name =
    result.domainUnicode === result.domain ? result.domain : `${result.domainUnicode} (${result.domain})`;
  const lines = [t(lang, 'domain.title', { domain: name })];
  const labels = result.checks.map((check) => t(lang, `domain.check.${check.check}`));
  const verdicts = result.checks.map((check) => t(lang, `domain.verdict.${check.verdict}`));
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const verdictWidth = Math.max(...verdicts.map((verdict) => verdict.length));
  const indent = ' '.repeat(labelWidth + verdictWidth + 6);
  for (const [index, check] of result.checks.entries()) {
    lines.push(
      '',
      `${MARKS[check.verdict]} ${labels[index]!.padEnd(labelWidth)}  ${verdicts[index]!.padEnd(verdictWidth)}  ${check.summary}`,
    );
    for (const note of check.notes) lines.push(`${indent}${note}`);
    if (check.fix) lines.push(`${indent}${t(lang, 'cli.fix', { fix: check.fix })}`);
    lines.push(`${indent}${t(lang, 'domain.asked', { target: check.target })}`);
    if (check.records.length > 0) {
      lines.push(
        `${indent}${t(lang, 'domain.records')}`,
        ...check.records.map((record) => `${indent}  ${record}`),
      );
    }
  }
  const { ok, warning, missing } = result.counts;
  lines.push('', t(lang, 'domain.summary', { ok, warning, missing, ms: result.elapsedMs }));
  return lines;
}
