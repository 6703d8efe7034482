// Flags shared by the commands, parsed strictly: an unknown flag is a usage error (exit 2).

import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { ErrorCode } from '../core/errors.js';
import { systemLang, t } from '../core/messages/index.js';
import type { Lang } from '../core/model.js';
import { loadPolicy } from '../core/policy/load.js';
import { POLICY_ENV } from '../core/policy/locate.js';
import { problemLines } from '../core/policy/problem.js';
import { isDomainAllowed } from '../core/policy/rules.js';
import type { PolicyState } from '../core/policy/types.js';
import { EXIT, UsageError, writeJson } from './output.js';

export const DETECT_FLAGS = {
  json: { type: 'boolean' },
  offline: { type: 'boolean' },
  dns: { type: 'string' },
  timeout: { type: 'string' },
  policy: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CommonOptions {
  json: boolean;
  lang: Lang;
  offline: boolean;
  dns: string | undefined;
  timeoutMs: number | undefined;
  policy: string | undefined;
}

type FlagConfig = NonNullable<ParseArgsConfig['options']>;

/** Strict parsing shared by every command: an unknown flag or a missing value is a usage error. */
export function parseFlags<T extends FlagConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error);
  }
}

/** Node's parser speaks English only: its error, by code, in our words (it names the option, never a value). */
function usageErrorOf(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-{1,2}[^'\s=]+)/.exec(message ?? '')?.[1];
  if (option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return new UsageError('cli.unknown-option', { option });
  if (option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "does not take an argument" for a switch given a value; "argument missing" or "ambiguous" (the
    // next word is an option) for an option given none.
    const switchWithValue = /does not take an argument/.test(message ?? '');
    return new UsageError(switchWithValue ? 'cli.option-takes-no-value' : 'cli.option-needs-value', {
      option,
    });
  }
  return new UsageError('cli.bad-option', { detail: message ?? String(error) });
}

/** The values of DETECT_FLAGS, which every command that may detect first accepts. */
export interface CommonFlagValues {
  json?: boolean | undefined;
  offline?: boolean | undefined;
  dns?: string | undefined;
  timeout?: string | undefined;
  policy?: string | undefined;
  lang?: string | undefined;
}

/** --timeout in seconds (1 to 120) as milliseconds. */
export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 120) throw new UsageError('cli.bad-timeout');
  return Math.round(seconds * 1000);
}

export function commonOptions(values: CommonFlagValues): CommonOptions {
  return {
    json: values.json ?? false,
    lang: parseLang(values.lang),
    offline: values.offline ?? false,
    dns: values.dns ?? (process.env.MAILSETUP_DNS || undefined),
    timeoutMs: parseTimeout(values.timeout),
    policy: values.policy,
  };
}

/** --password, --password=..., --pw, -p: a password typed as an argument (never --password-stdin). */
const PASSWORD_ARGUMENT = /^--?(?:pass(?:word)?|pw|p)(?:=|$)/i;

/**
 * The one parser for commands that take a password: anything on the command line that looks like one
 * (a password flag, or a word after the last expected one, most likely a password typed after the
 * address) is refused with `refusal` before anything else is parsed, and never repeated back: it would
 * show in the process list and the shell's history. Then strict parsing as parseFlags.
 */
export function parseFlagsRefusingPasswords<T extends FlagConfig>(
  argv: string[],
  options: T,
  refusal: { key: string; maxPositionals: number; extraKey?: string },
) {
  if (argv.some((arg) => PASSWORD_ARGUMENT.test(arg))) throw new UsageError(refusal.key);
  const parsed = parseFlags(argv, options);
  if (parsed.positionals.length > refusal.maxPositionals)
    throw new UsageError(refusal.extraKey ?? refusal.key);
  return parsed;
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return systemLang();
  if (value === 'de' || value === 'en') return value;
  throw new UsageError('cli.bad-lang');
}

/** Finds --lang and --json before full parsing, so that even a usage error speaks the right language. */
export function peekOutputOptions(argv: readonly string[]): { lang: Lang; json: boolean } {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const raw =
    index < 0 ? undefined : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  return { lang: raw === 'de' || raw === 'en' ? raw : systemLang(), json: argv.includes('--json') };
}

export function parseDetectArgs(argv: string[]): {
  address: string | undefined;
  options: CommonOptions;
  help: boolean;
} {
  const { values, positionals } = parseFlags(argv, DETECT_FLAGS);
  if (positionals.length > 1)
    throw new UsageError('cli.bad-option', { detail: `unexpected: ${positionals.slice(1).join(' ')}` });
  return { address: positionals[0], help: values.help ?? false, options: commonOptions(values) };
}

/**
 * The policy of the run: --policy, MAILSETUP_POLICY, then the machine's and the user's file. --policy
 * is handed on as MAILSETUP_POLICY, so every API call of the run (the detection inside test and export
 * too) reads the same file. An unusable policy, or an address outside its allowedDomains, ends the run
 * here with the fields and reasons: exit 2.
 */
export async function commandPolicy(
  options: CommonOptions,
  domain?: { ascii: string; address: string },
): Promise<PolicyState | number> {
  if (options.policy !== undefined) process.env[POLICY_ENV] = path.resolve(options.policy);
  const state = await loadPolicy({ file: options.policy, lang: options.lang });
  const { error, policy } = state;
  if (error) {
    const { code, message, fix, file, issues } = error;
    if (options.json) writeJson({ error: { code, message, fix, file, issues } });
    else process.stderr.write(`${problemLines(error, options.lang).join('\n')}\n`);
    return EXIT.usage;
  }
  if (domain && !isDomainAllowed(policy, domain.ascii)) {
    const domains = (policy?.allowedDomains ?? []).join(', ');
    return refuseByPolicy('policy-domain-not-allowed', options, { address: domain.address, domains });
  }
  return state;
}

/** What the policy refuses is bad input for this run: its message and fix, exit 2. */
export function refuseByPolicy(
  code: Extract<ErrorCode, `policy-${string}`>,
  options: CommonOptions,
  params: Record<string, string>,
): number {
  const message = t(options.lang, `policy.cli.${code.replace(/^policy-/, '')}`, params);
  const fix = t(options.lang, `error.${code}.fix`);
  if (options.json) writeJson({ error: { code, message, fix } });
  else
    process.stderr.write(
      `${t(options.lang, 'cli.error', { message })}\n${t(options.lang, 'cli.fix', { fix })}\n`,
    );
  return EXIT.usage;
}
