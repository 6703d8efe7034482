// Flags shared by the commands, parsed strictly: an unknown flag is a usage error (exit 2).

import { parseArgs } from 'node:util';
import { systemLang } from '../core/messages/index.js';
import type { Lang } from '../core/model.js';
import { UsageError } from './output.js';

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
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof DETECT_FLAGS; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options: DETECT_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError('cli.bad-option', { detail: (error as Error).message });
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    throw new UsageError('cli.bad-option', { detail: `unexpected: ${positionals.slice(1).join(' ')}` });
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds < 1 || seconds > 120) throw new UsageError('cli.bad-timeout');
    timeoutMs = Math.round(seconds * 1000);
  }
  return {
    address: positionals[0],
    help: values.help ?? false,
    options: {
      json: values.json ?? false,
      lang: parseLang(values.lang),
      offline: values.offline ?? false,
      dns: values.dns ?? (process.env.MAILSETUP_DNS || undefined),
      timeoutMs,
      policy: values.policy,
    },
  };
}
