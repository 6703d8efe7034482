// "Copy report for the helpdesk": what was tried and what the servers said, as plain text. Built from
// the results only; the password is never part of a result (core redacts transcripts), and as a second
// guard any copy of the password in the text is cut out here too.

import type { DetectResult, ServerTestResult, TestResult } from '../api/types.js';

/** The report's labels, in the person's language (from the UI's i18n, `report.<key>`). */
export const REPORT_LABEL_KEYS = [
  'title',
  'created',
  'address',
  'settingsFrom',
  'manual',
  'trusted',
  'yes',
  'no',
  'confirmedBy',
  'overall',
  'passed',
  'failed',
  'username',
  'error',
  'fix',
  'detail',
  'tls',
  'certificate',
  'subject',
  'issuer',
  'validity',
  'names',
  'fingerprint',
  'greeting',
  'transcript',
] as const;
export type ReportLabels = Record<(typeof REPORT_LABEL_KEYS)[number], string>;

export interface ReportInput {
  address: string;
  detect?: DetectResult;
  manual: boolean;
  test: TestResult;
  /** Only to cut it out should it appear anywhere; never written. */
  password: string;
  labels: ReportLabels;
  now?: Date;
}

const REDACTED = '****';
/** Shorter passwords would match ordinary words of the report; core's redaction covers them. */
const MIN_SCRUB_LENGTH = 4;

function serverLines(result: ServerTestResult, labels: ReportLabels): string[] {
  const security = result.security === 'tls' ? 'SSL/TLS' : 'STARTTLS';
  const lines = [
    `${result.protocol.toUpperCase()} ${result.host}:${result.port} ${security}`,
    `  ${labels.overall}: ${result.ok ? labels.passed : labels.failed} (${result.ms} ms)`,
    `  ${labels.username}: ${result.username}`,
  ];
  if (result.error) {
    lines.push(
      `  ${labels.error}: ${result.error.code}${result.error.message ? ` – ${result.error.message}` : ''}`,
    );
    if (result.error.fix) lines.push(`  ${labels.fix}: ${result.error.fix}`);
    if (result.error.detail) lines.push(`  ${labels.detail}: ${result.error.detail}`);
  }
  if (result.tls) {
    lines.push(`  ${labels.tls}: ${result.tls.version}, ${result.tls.cipher}`);
    const certificate = result.tls.certificate;
    if (certificate) {
      lines.push(
        `  ${labels.certificate}:`,
        `    ${labels.subject}: ${certificate.subject}`,
        `    ${labels.issuer}: ${certificate.issuer}`,
        `    ${labels.validity}: ${certificate.validFrom} – ${certificate.validTo}`,
        `    ${labels.names}: ${certificate.altNames.join(', ')}`,
        `    ${labels.fingerprint}: ${certificate.fingerprint256}`,
      );
    }
  }
  if (result.greeting) lines.push(`  ${labels.greeting}: ${result.greeting.replace(/\n/g, ' / ')}`);
  if (result.transcript.length > 0) {
    lines.push(`  ${labels.transcript}:`, ...result.transcript.map((line) => `    ${line}`));
  }
  return lines;
}

export function buildReport(input: ReportInput): string {
  const { labels, detect, test } = input;
  const lines = [
    labels.title,
    `${labels.created}: ${(input.now ?? new Date()).toISOString()}`,
    `${labels.address}: ${input.address}`,
  ];
  if (input.manual) lines.push(`${labels.settingsFrom}: ${labels.manual}`);
  else if (detect?.source) {
    lines.push(
      `${labels.settingsFrom}: ${detect.source}`,
      `${labels.trusted}: ${detect.trusted ? labels.yes : labels.no}`,
    );
    if (detect.confirmedBy.length > 0) lines.push(`${labels.confirmedBy}: ${detect.confirmedBy.join(', ')}`);
  }
  lines.push(`${labels.overall}: ${test.ok ? labels.passed : labels.failed}`, '');
  for (const result of test.results) lines.push(...serverLines(result, labels), '');
  return scrub(lines.join('\n').trimEnd(), input.password);
}

function scrub(text: string, password: string): string {
  if (password.length < MIN_SCRUB_LENGTH) return text;
  return text.split(password).join(REDACTED);
}
