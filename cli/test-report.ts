// The `mailsetup test` checklist for people: per server, each step passed with a tick, then the one
// that failed with its plain message, the fix and the technical detail.

import type { Lang, ServerTestResult, TestResult } from '../core/api.js';
import { t } from '../core/messages/index.js';
import type { CertificateFacts } from '../core/net/tls.js';

const PASS = '✓';
const FAIL = '✗';

function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long' }).format(date);
}

function certificateLines(certificate: CertificateFacts, lang: Lang): string[] {
  return [
    t(lang, 'cli.test.cert.subject', { subject: certificate.subject }),
    t(lang, 'cli.test.cert.issuer', { issuer: certificate.issuer }),
    t(lang, 'cli.test.cert.validity', {
      from: formatDate(certificate.validFrom, lang),
      to: formatDate(certificate.validTo, lang),
    }),
    t(lang, 'cli.test.cert.names', { names: certificate.altNames.join(', ') }),
    t(lang, 'cli.test.cert.fingerprint', { fingerprint: certificate.fingerprint256 }),
  ];
}

export function serverChecklist(result: ServerTestResult, lang: Lang): string[] {
  const { error, tls } = result;
  const failedAt = (...phases: string[]) => error !== undefined && phases.includes(error.phase);
  const lines = [
    t(lang, 'cli.test.server', {
      protocol: result.protocol.toUpperCase(),
      host: result.host,
      port: result.port,
      security: t(lang, `cli.security.${result.security}`),
      username: result.username,
    }),
  ];
  const passed = (text: string) => lines.push(`  ${PASS} ${text}`);
  if (!failedAt('dns', 'connect')) passed(t(lang, 'cli.test.connected', { ms: result.phases.connect ?? 0 }));
  if (tls && !failedAt('tls')) {
    passed(t(lang, 'cli.test.encrypted', { version: tls.version, cipher: tls.cipher }));
    if (tls.certificate) {
      const { validTo, altNames, subject } = tls.certificate;
      const names = altNames.length > 0 ? altNames.join(', ') : subject;
      passed(t(lang, 'cli.test.certificate', { date: formatDate(validTo, lang), names }));
    }
  }
  if (result.auth === 'ok') passed(t(lang, 'cli.test.signed-in'));
  if (error) {
    lines.push(`  ${FAIL} ${error.message ?? error.code}`);
    const more = [t(lang, 'cli.fix', { fix: error.fix ?? '' })];
    if (result.auth === 'not-attempted') more.push(t(lang, 'cli.test.not-signed-in'));
    if (error.code.startsWith('certificate-') && tls?.certificate)
      more.push(...certificateLines(tls.certificate, lang));
    more.push(t(lang, 'cli.test.detail', { detail: error.detail }));
    lines.push(...more.map((line) => `    ${line}`));
  }
  return lines;
}

export function testChecklist(result: TestResult, lang: Lang): string[] {
  const lines = [t(lang, 'cli.test.title', { address: result.address })];
  for (const server of result.results) lines.push('', ...serverChecklist(server, lang));
  const failed = result.results.filter((server) => !server.ok).length;
  const count = result.results.length;
  const ms = result.elapsedMs;
  lines.push(
    '',
    failed === 0
      ? t(lang, 'cli.test.passed', { count, ms })
      : t(lang, 'cli.test.failed', { failed, count, ms }),
  );
  // The lockout count only matters once a login failed or was held back.
  if (result.lockout && (result.lockout.failures > 0 || result.lockout.ledger))
    lines.push(result.lockout.message);
  return lines;
}
