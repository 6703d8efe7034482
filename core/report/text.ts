// The report as text, top-down as the helpdesk reads it: who and what, the policy, where the settings
// came from (every look-up), then each server with its TLS facts, certificate and transcript.

import { t } from '../messages/index.js';
import type { Lang, Lookup, Notice, ServerSettings } from '../model.js';
import type { ServerTestResult } from '../probe/test-run.js';
import type { DiagnosticsReport, ReportPolicy } from './types.js';

const INDENT = '  ';

export function reportText(report: DiagnosticsReport, lang: Lang): string {
  const say = (key: string, params: Record<string, string | number> = {}) => t(lang, key, params);
  const { app, system } = report;
  const lines = [
    say('report.title'),
    say('report.created', { date: report.createdAt }),
    say('report.app', { name: app.name, version: app.version }),
    say('report.system', {
      os: system.os,
      release: system.release,
      arch: system.arch,
      runtime: system.electron ? `Electron ${system.electron}, Node ${system.node}` : `Node ${system.node}`,
    }),
    say(report.masked ? 'report.address.masked' : 'report.address', { address: report.address }),
    ...policyLines(report.policy, lang),
    '',
    ...detectionLines(report, lang),
    '',
    ...serverSection(report, lang),
  ];
  return `${lines.join('\n')}\n`;
}

function policyLines(policy: ReportPolicy | null, lang: Lang): string[] {
  if (!policy) return [t(lang, 'report.policy.none')];
  const origin = t(lang, `policy.origin.${policy.origin}`);
  const lines = [t(lang, 'report.policy', { file: policy.file, origin })];
  const facts: string[] = [];
  if (policy.preset !== undefined)
    facts.push(t(lang, policy.preset ? 'report.policy.preset' : 'report.policy.no-preset'));
  if (policy.allowedDomains)
    facts.push(t(lang, 'report.policy.allowed', { domains: policy.allowedDomains.join(', ') }));
  if (policy.protocols) {
    facts.push(t(lang, 'report.policy.protocols', { protocols: policy.protocols.join(', ').toUpperCase() }));
  }
  if (policy.lockSettings) facts.push(t(lang, 'report.policy.locked'));
  if (policy.requireAppPassword) facts.push(t(lang, 'report.policy.app-password'));
  if (policy.pinnedCertificates)
    facts.push(t(lang, 'report.policy.pins', { count: policy.pinnedCertificates }));
  if (facts.length > 0) lines.push(`${INDENT}${facts.join('; ')}`);
  for (const file of policy.shadowed ?? [])
    lines.push(`${INDENT}${t(lang, 'report.policy.shadowed', { file })}`);
  if (policy.error) {
    lines.push(`${INDENT}${policy.error.message}`);
    for (const issue of policy.error.issues) {
      const where = issue.path === '' ? t(lang, 'policy.invalid.whole-file') : issue.path;
      lines.push(`${INDENT}${INDENT}- ${where}: ${issue.message}`);
    }
  }
  return lines;
}

function serverLine(server: ServerSettings, lang: Lang): string {
  const security = t(lang, `cli.security.${server.security}`);
  const auth = t(lang, `cli.auth.${server.auth}`);
  return `${INDENT}${INDENT}${server.protocol.toUpperCase().padEnd(4)} ${server.host}:${server.port} ${security}, ${t(lang, 'cli.detect.user')} ${server.username} (${auth})`;
}

function noticeLines(title: string, notices: readonly Notice[], mark: string): string[] {
  if (notices.length === 0) return [];
  return [`${INDENT}${title}`, ...notices.map((notice) => `${INDENT}${INDENT}${mark} ${notice.message}`)];
}

function lookupLine(lookup: Lookup): string {
  const detail = lookup.detail ? `  (${lookup.detail})` : '';
  return `${INDENT}${INDENT}${lookup.source.padEnd(12)} ${lookup.outcome.padEnd(9)} ${String(lookup.ms).padStart(5)} ms  ${lookup.target}${detail}`;
}

function detectionLines(report: DiagnosticsReport, lang: Lang): string[] {
  const lines = [t(lang, 'report.detection.title')];
  const detection = report.detection;
  if (report.servers === 'given') lines.push(`${INDENT}${t(lang, 'report.detection.given')}`);
  if (detection) {
    if (!detection.found) {
      lines.push(`${INDENT}${t(lang, 'cli.detect.not-found', { domain: detection.domain })}`);
    } else {
      const source = t(lang, `cli.source.${detection.source}`);
      lines.push(`${INDENT}${t(lang, 'report.detection.source', { source, code: detection.source ?? '' })}`);
      if (detection.provider)
        lines.push(`${INDENT}${t(lang, 'cli.detect.provider', { name: detection.provider.name })}`);
      lines.push(
        `${INDENT}${t(lang, detection.trusted ? 'report.detection.trusted' : 'cli.detect.untrusted')}`,
      );
      if (detection.confirmedBy.length > 0) {
        const sources = detection.confirmedBy.map((name) => t(lang, `cli.source.${name}`)).join(', ');
        lines.push(`${INDENT}${t(lang, 'cli.detect.confirmed', { sources })}`);
      }
      lines.push(
        `${INDENT}${t(lang, 'cli.detect.incoming')}`,
        ...detection.incoming.map((s) => serverLine(s, lang)),
      );
      lines.push(
        `${INDENT}${t(lang, 'cli.detect.outgoing')}`,
        ...detection.outgoing.map((s) => serverLine(s, lang)),
      );
    }
    lines.push(
      ...noticeLines(t(lang, 'cli.detect.hints'), detection.hints, '-'),
      ...noticeLines(t(lang, 'cli.detect.warnings'), detection.warnings, '!'),
      `${INDENT}${t(lang, 'report.lookups', { count: detection.lookups.length, ms: detection.elapsedMs })}`,
      ...detection.lookups.map(lookupLine),
    );
  }
  if (report.error) {
    lines.push(
      `${INDENT}${t(lang, 'cli.error', { message: report.error.message })}`,
      ...(report.error.fix ? [`${INDENT}${t(lang, 'cli.fix', { fix: report.error.fix })}`] : []),
      ...(report.error.detail
        ? [`${INDENT}${t(lang, 'cli.test.detail', { detail: report.error.detail })}`]
        : []),
    );
  }
  return lines;
}

function serverSection(report: DiagnosticsReport, lang: Lang): string[] {
  const lines = [t(lang, 'report.servers.title'), `${INDENT}${t(lang, `report.login.${report.login}`)}`];
  for (const result of report.results) lines.push('', ...serverLines(result, lang));
  const count = report.results.length;
  const failed = report.results.filter((result) => !result.ok).length;
  const verdict =
    count === 0
      ? 'report.result.nothing'
      : failed > 0
        ? 'report.result.failed'
        : report.login === 'tested'
          ? 'report.result.passed'
          : 'report.result.connected';
  lines.push('', t(lang, verdict, { count, failed }));
  return lines;
}

export function serverLines(result: ServerTestResult, lang: Lang): string[] {
  const say = (key: string, params: Record<string, string | number> = {}) => t(lang, key, params);
  const { tls, error } = result;
  const head = say('cli.test.server', {
    protocol: result.protocol.toUpperCase(),
    host: result.host,
    port: result.port,
    security: say(`cli.security.${result.security}`),
    username: result.username,
  });
  const lines = [`${INDENT}[${say(result.ok ? 'report.server.ok' : 'report.server.failed')}] ${head}`];
  const add = (text: string) => lines.push(`${INDENT}${INDENT}${text}`);
  const phases = Object.entries(result.phases)
    .map(([step, ms]) => `${step} ${ms} ms`)
    .join(', ');
  add(say('report.server.timing', { ms: result.ms, phases }));
  if (tls) {
    add(say('cli.test.encrypted', { version: tls.version, cipher: tls.cipher }));
    add(
      say(
        tls.authorized ? 'report.cert.trusted' : tls.pinned ? 'report.cert.pinned' : 'report.cert.untrusted',
      ),
    );
    const certificate = tls.certificate;
    if (certificate) {
      add(say('cli.test.cert.subject', { subject: certificate.subject }));
      add(say('cli.test.cert.issuer', { issuer: certificate.issuer }));
      add(say('cli.test.cert.validity', { from: certificate.validFrom, to: certificate.validTo }));
      add(say('cli.test.cert.names', { names: certificate.altNames.join(', ') }));
      add(say('cli.test.cert.fingerprint', { fingerprint: certificate.fingerprint256 }));
    }
  }
  add(say(`report.auth.${result.auth}`));
  if (error) {
    add(say('report.server.error', { code: error.code, message: error.message ?? error.code }));
    if (error.fix) add(say('cli.fix', { fix: error.fix }));
    add(say('cli.test.detail', { detail: error.detail }));
  }
  if (result.greeting !== undefined)
    add(say('report.greeting', { greeting: result.greeting.replace(/\n/g, ' | ') }));
  if (result.capabilities.length > 0)
    add(say('report.capabilities', { capabilities: result.capabilities.join(' ') }));
  if (result.transcript.length > 0) {
    add(say('report.transcript'));
    for (const line of result.transcript) add(`${INDENT}${line}`);
  }
  return lines;
}
