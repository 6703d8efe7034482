// mailsetup export <address> --format FORMAT: a set-up file or a guide, to a file (--out) or to stdout.
// Servers come from --imap/--pop3/--smtp or from detection (CONTRACT.md).

import { chmod, readFile, writeFile } from 'node:fs/promises';
import { parseAddress } from '../core/address/parse.js';
import { createApi } from '../core/api.js';
import {
  checkSigningIdentity,
  EXPORT_FORMATS,
  type ExportAccount,
  type ExportFormat,
  type ExportResult,
  isExportFormat,
  isGuideFormat,
  type SigningIdentity,
} from '../core/export/index.js';
import { t } from '../core/messages/index.js';
import type { DetectResult, Lang, Notice } from '../core/model.js';
import { serversToTest } from '../core/probe/choose-servers.js';
import {
  type CommonOptions,
  commandPolicy,
  commonOptions,
  DETECT_FLAGS,
  parseFlagsRefusingPasswords,
  refuseByPolicy,
} from './args.js';
import { commandHelp } from './help.js';
import { EXIT, UsageError, writeJson } from './output.js';
import { givenServers, SERVER_FLAGS } from './servers.js';

const EXPORT_FLAGS = {
  ...DETECT_FLAGS,
  ...SERVER_FLAGS,
  format: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  description: { type: 'string' },
  // The password never is an argument (it would show in the process list): stdin only.
  'include-password-stdin': { type: 'boolean' },
  // PEM files IT provides for signing a profile.
  'sign-cert': { type: 'string' },
  'sign-key': { type: 'string' },
  'sign-chain': { type: 'string' },
} as const;

interface ExportArgs {
  address: string | undefined;
  format: ExportFormat;
  out: string | undefined;
  name: string;
  description: string | undefined;
  passwordFromStdin: boolean;
  signing: { cert?: string; key?: string; chain?: string };
  servers: { imap?: string; pop3?: string; smtp?: string; username?: string };
  options: CommonOptions;
  help: boolean;
}

export async function runExport(argv: string[]): Promise<number> {
  const args = parseExportArgs(argv);
  const { lang } = args.options;
  if (args.help) {
    process.stdout.write(`${await commandHelp('export', lang)}\n`);
    return EXIT.ok;
  }
  if (!args.address) throw new UsageError('cli.missing-address');
  const document = args.out?.toLowerCase().endsWith('.pdf') ? 'pdf' : 'html';
  if (document === 'pdf' && !isGuideFormat(args.format)) {
    throw new UsageError('cli.export.pdf-needs-guide', { format: args.format });
  }
  if (args.options.json && !args.out) throw new UsageError('cli.export.json-needs-out');
  if (args.passwordFromStdin && args.format !== 'mobileconfig') {
    throw new UsageError('cli.export.password-only-mobileconfig');
  }
  if (args.servers.imap !== undefined && args.servers.pop3 !== undefined) {
    throw new UsageError('cli.export.one-incoming');
  }
  // A bad address is refused (exit 2) before detection or stdin.
  const parsed = parseAddress(args.address);
  const state = await commandPolicy(args.options, { ascii: parsed.domain, address: parsed.address });
  if (typeof state === 'number') return state;
  const allowedFormats = state.policy?.exportFormats;
  if (allowedFormats && !allowedFormats.includes(args.format)) {
    const formats = allowedFormats.join(', ') || '-';
    return refuseByPolicy('policy-format-not-allowed', args.options, { format: args.format, formats });
  }
  const sign = await signingIdentity(args);
  if (sign && !args.out) throw new UsageError('cli.export.signed-needs-out');
  const password = args.passwordFromStdin ? await readPassword() : undefined;

  // The person's servers, or core's choice from detection (the same as `test` would log in to).
  const given = givenServers(args.address, args.servers);
  const detected =
    given.length > 0
      ? undefined
      : await createApi().detect({
          address: args.address,
          lang,
          offline: args.options.offline,
          ...(args.options.dns ? { dns: args.options.dns } : {}),
          ...(args.options.timeoutMs ? { timeoutMs: args.options.timeoutMs } : {}),
        });
  if (detected && !detected.found) return notFound(detected, lang, args.options.json);
  const servers = detected ? serversToTest(detected, { username: args.servers.username }) : given;
  const incoming = servers.find((server) => server.protocol !== 'smtp');
  const outgoing = servers.find((server) => server.protocol === 'smtp');
  if (!incoming || !outgoing) {
    if (detected) return notFound(detected, lang, args.options.json);
    throw new UsageError('cli.export.servers-incomplete');
  }
  const allowedProtocols = state.policy?.protocols;
  if (allowedProtocols && !allowedProtocols.includes(incoming.protocol as 'imap' | 'pop3')) {
    const protocols = allowedProtocols.join(', ').toUpperCase();
    const protocol = incoming.protocol.toUpperCase();
    return refuseByPolicy('policy-protocol-not-allowed', args.options, { protocol, protocols });
  }

  const account: ExportAccount = {
    address: args.address,
    displayName: args.name,
    ...(args.description ? { description: args.description } : {}),
    incoming,
    outgoing,
    ...(detected?.provider ? { provider: detected.provider } : {}),
    ...(detected ? { hints: detected.hints } : {}),
    ...(password ? { includePassword: password } : {}),
  };
  const result = await createApi().export({
    account,
    format: args.format,
    lang,
    document,
    ...(sign ? { sign } : {}),
  });

  if (!args.out) {
    reportNotices(detected, result, lang);
    process.stdout.write(result.content);
    return EXIT.ok;
  }
  try {
    // A profile holding a password is a secret: readable by its owner only.
    await writeFile(args.out, result.content, { mode: password ? 0o600 : 0o644 });
    // `mode` applies only to a new file; an existing one is narrowed too.
    if (password) await chmod(args.out, 0o600);
  } catch (error) {
    throw new UsageError('cli.export.cannot-write', { file: args.out, detail: (error as Error).message });
  }
  if (args.options.json) {
    writeJson({
      file: args.out,
      format: args.format,
      mediaType: result.mediaType,
      bytes: Buffer.byteLength(result.content),
      warnings: result.warnings,
      hints: result.hints,
      ...(detected ? { detected: detectedSummary(detected) } : {}),
    });
  } else {
    reportNotices(detected, result, lang);
    process.stdout.write(`${t(lang, 'cli.export.written', { file: args.out })}\n`);
  }
  return EXIT.ok;
}

function parseExportArgs(argv: string[]): ExportArgs {
  // A word after the address is most likely a password: refused without being repeated.
  const { values, positionals } = parseFlagsRefusingPasswords(argv, EXPORT_FLAGS, {
    key: 'cli.export.password-argument',
    maxPositionals: 1,
  });
  const help = values.help ?? false;
  const formats = EXPORT_FORMATS.join(', ');
  if (!help && values.format === undefined) throw new UsageError('cli.export.missing-format', { formats });
  if (values.format !== undefined && !isExportFormat(values.format)) {
    throw new UsageError('cli.export.bad-format', { format: values.format, formats });
  }
  return {
    address: positionals[0],
    format: (values.format ?? 'thunderbird') as ExportFormat,
    out: values.out,
    name: values.name ?? '',
    description: values.description,
    passwordFromStdin: values['include-password-stdin'] ?? false,
    signing: {
      ...(values['sign-cert'] !== undefined ? { cert: values['sign-cert'] } : {}),
      ...(values['sign-key'] !== undefined ? { key: values['sign-key'] } : {}),
      ...(values['sign-chain'] !== undefined ? { chain: values['sign-chain'] } : {}),
    },
    servers: {
      ...(values.imap !== undefined ? { imap: values.imap } : {}),
      ...(values.pop3 !== undefined ? { pop3: values.pop3 } : {}),
      ...(values.smtp !== undefined ? { smtp: values.smtp } : {}),
      ...(values.username !== undefined ? { username: values.username } : {}),
    },
    help,
    options: commonOptions(values),
  };
}

/** The signing files, read and checked before anything else happens: a bad file is bad input. */
async function signingIdentity(args: ExportArgs): Promise<SigningIdentity | undefined> {
  const { cert, key, chain } = args.signing;
  if (cert === undefined && key === undefined && chain === undefined) return undefined;
  if (args.format !== 'mobileconfig') throw new UsageError('cli.export.sign-only-mobileconfig');
  if (cert === undefined || key === undefined) throw new UsageError('cli.export.sign-needs-both');
  const identity: SigningIdentity = {
    certificate: await readText(cert),
    privateKey: await readText(key),
    ...(chain !== undefined ? { chain: await readText(chain) } : {}),
  };
  try {
    await checkSigningIdentity(identity);
  } catch (error) {
    throw new UsageError('cli.export.bad-signing', { detail: (error as Error).message });
  }
  return identity;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError('cli.export.cannot-read', { file, detail: (error as Error).message });
  }
}

/** The whole of stdin, less the line break `echo` adds. */
async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!password) throw new UsageError('cli.export.password-empty');
  return password;
}

function notFound(detected: DetectResult, lang: Lang, json: boolean): number {
  const message = t(lang, 'cli.export.not-found', { domain: detected.domain });
  if (json) writeJson({ error: { code: 'not-found', message }, detected: detectedSummary(detected) });
  else process.stderr.write(`${message}\n`);
  return EXIT.notFound;
}

function detectedSummary(detected: DetectResult) {
  return {
    source: detected.source,
    trusted: detected.trusted,
    hints: detected.hints,
    warnings: detected.warnings,
  };
}

/**
 * Hints and warnings go to stderr: stdout may be the exported file itself. The hints are core's
 * wording for after an export ("before you use this file: switch on IMAP at GMX"), with their page.
 */
function reportNotices(
  detected: DetectResult | undefined,
  result: Pick<ExportResult, 'warnings' | 'hints'>,
  lang: Lang,
): void {
  const hintLines = result.hints.map((hint) => `- ${hint.message}${hint.url ? ` (${hint.url})` : ''}`);
  const lines = [
    ...(hintLines.length > 0 ? [t(lang, 'export.hint.after-export'), ...hintLines] : []),
    ...[...(detected?.warnings ?? []), ...result.warnings].map((warning: Notice) =>
      t(lang, 'cli.export.warning', { message: warning.message }),
    ),
  ];
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
}
