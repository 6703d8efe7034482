// What `mailsetup --help` and `mailsetup COMMAND --help` print, and the usage a usage error ends with:
// one table from command to its usage text and examples, so that every command answers --help alike.

import { t } from '../core/messages/index.js';
import type { Lang } from '../core/model.js';

export const COMMANDS = ['detect', 'test', 'export', 'keychain', 'report', 'domain'] as const;
export type Command = (typeof COMMANDS)[number];

/** Each command's usage: a catalogue key (kept in the part of the catalogue that owns the command). */
const USAGE_KEYS: Readonly<Record<Command, string>> = {
  detect: 'cli.detect.usage',
  test: 'cli.test.usage',
  export: 'cli.export.usage',
  keychain: 'secrets.cli.usage',
  report: 'cli.report.usage',
  domain: 'cli.domain.usage',
};

export function isCommand(value: string | undefined): value is Command {
  return (COMMANDS as readonly string[]).includes(value ?? '');
}

/** What a usage text names besides words: the export formats, the keychain's default label. */
const USAGE_PARAMS: Partial<Record<Command, () => Promise<Record<string, string>>>> = {
  // Loaded only for this help: the export writers stay off every other command's start path.
  export: async () => ({ formats: (await import('../core/export/index.js')).EXPORT_FORMATS.join(', ') }),
  keychain: async () => ({ label: (await import('../core/secrets/account.js')).defaultLabel() }),
};

/** The command's usage, what it does, its exit codes and examples. */
export async function commandHelp(command: Command, lang: Lang): Promise<string> {
  const params = (await USAGE_PARAMS[command]?.()) ?? {};
  return `${t(lang, USAGE_KEYS[command], params)}\n\n${t(lang, `cli.examples.${command}`)}`;
}

/** Every command, the options they share, where to read more, and the exit codes. */
export function generalHelp(lang: Lang): string {
  return t(lang, 'cli.usage');
}
