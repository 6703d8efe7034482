// What `mailsetup` does with its arguments (CONTRACT.md). detect and test, the commands scripts run
// most, are part of the start path; the others load on demand. tools/build-cli.ts bundles this module
// and all it imports into one chunk, which every lazily loaded part shares.

import type { ErrorCode } from '../core/errors.js';
import { t } from '../core/messages/index.js';
import { peekOutputOptions } from './args.js';
import { runDetect } from './detect-command.js';
import { commandHelp, generalHelp, isCommand } from './help.js';
import { EXIT, reportError, UsageError, writeJson, writeLines } from './output.js';
import { runTest } from './test-command.js';

export async function main(argv: string[]): Promise<number> {
  const { lang, json } = peekOutputOptions(argv);
  const [command, ...rest] = argv;
  try {
    if (command === 'detect') return await runDetect(rest);
    if (command === 'test') return await runTest(rest);
    if (command === 'export') return await (await import('./export-command.js')).runExport(rest);
    if (command === 'keychain') return await (await import('./keychain-command.js')).runKeychain(rest);
    if (command === 'report') return await (await import('./report-command.js')).runReport(rest);
    if (command === 'domain') return await (await import('./domain-command.js')).runDomain(rest);
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      writeLines([generalHelp(lang)]);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    throw new UsageError('cli.unknown-command', { command });
  } catch (error) {
    if (error instanceof UsageError) {
      const message = t(lang, error.key, error.params);
      if (json) writeJson({ error: { code: 'usage' satisfies ErrorCode, message } });
      else {
        // The command's own usage where the command is known: what to type instead, in the person's language.
        const usage = isCommand(command) ? await commandHelp(command, lang) : generalHelp(lang);
        process.stderr.write(`${message}\n\n${usage}\n`);
      }
      return EXIT.usage;
    }
    return reportError(error, lang, json);
  }
}
