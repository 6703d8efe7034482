// The `mailsetup` command line (CONTRACT.md). Commands load on demand to keep start-up short.

import type { ErrorCode } from '../core/errors.js';
import { t } from '../core/messages/index.js';
import { peekOutputOptions } from './args.js';
import { EXIT, reportError, UsageError, writeJson, writeLines } from './output.js';

async function main(argv: string[]): Promise<number> {
  const { lang, json } = peekOutputOptions(argv);
  const [command, ...rest] = argv;
  try {
    if (command === 'detect') return await (await import('./detect-command.js')).runDetect(rest);
    if (command === 'test') return await (await import('./test-command.js')).runTest(rest);
    if (command === 'export') return await (await import('./export-command.js')).runExport(rest);
    if (command === 'keychain') return await (await import('./keychain-command.js')).runKeychain(rest);
    if (command === 'report') return await (await import('./report-command.js')).runReport(rest);
    if (command === 'domain') return await (await import('./domain-command.js')).runDomain(rest);
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      writeLines([t(lang, 'cli.usage')]);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    throw new UsageError('cli.unknown-command', { command });
  } catch (error) {
    if (error instanceof UsageError) {
      const message = t(lang, error.key, error.params);
      if (json) writeJson({ error: { code: 'usage' satisfies ErrorCode, message } });
      else process.stderr.write(`${message}\n\n${t(lang, 'cli.usage')}\n`);
      return EXIT.usage;
    }
    return reportError(error, lang, json);
  }
}

const code = await main(process.argv.slice(2));
// Exit once stdout has drained: a discovery step we no longer need must not keep the process alive.
process.stdout.write('', () => process.exit(code));
