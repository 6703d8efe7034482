// mailsetup report <address>: the diagnostics report for the helpdesk, as text or JSON. It runs under
// the policy like every command, but also when the policy cannot be used: showing that problem is what
// a report is for. Exit codes: 0 the report was made (whatever it found), 2 bad input, or a policy
// that is unusable or refuses the address (the report is written all the same).

import { parseAddress } from '../core/address/parse.js';
import { createApi } from '../core/api.js';
import { loadPolicy } from '../core/policy/load.js';
import { type CommonOptions, commonOptions, DETECT_FLAGS, parseFlagsRefusingPasswords } from './args.js';
import { commandHelp } from './help.js';
import { EXIT, UsageError, writeJson } from './output.js';
import { givenServers, SERVER_FLAGS, type ServerFlagValues } from './servers.js';
import { readPasswordFromStdin } from './test-args.js';

const REPORT_FLAGS = {
  ...DETECT_FLAGS,
  ...SERVER_FLAGS,
  'password-stdin': { type: 'boolean' },
  'accept-untrusted': { type: 'boolean' },
  'mask-address': { type: 'boolean' },
} as const;

interface ReportArgs {
  address: string | undefined;
  options: CommonOptions;
  servers: ServerFlagValues;
  passwordStdin: boolean;
  acceptUntrusted: boolean;
  maskAddress: boolean;
  help: boolean;
}

export function parseReportArgs(argv: string[]): ReportArgs {
  const { values, positionals } = parseFlagsRefusingPasswords(argv, REPORT_FLAGS, {
    key: 'cli.report.password-argument',
    maxPositionals: 1,
  });
  return {
    address: positionals[0],
    help: values.help ?? false,
    passwordStdin: values['password-stdin'] ?? false,
    acceptUntrusted: values['accept-untrusted'] ?? false,
    maskAddress: values['mask-address'] ?? false,
    servers: { imap: values.imap, pop3: values.pop3, smtp: values.smtp, username: values.username },
    options: commonOptions(values),
  };
}

export async function runReport(argv: string[]): Promise<number> {
  const args = parseReportArgs(argv);
  const { options } = args;
  if (args.help) {
    process.stdout.write(`${await commandHelp('report', options.lang)}\n`);
    return EXIT.ok;
  }
  if (!args.address) throw new UsageError('cli.missing-address');
  // Bad input is refused before anything is read or looked up.
  parseAddress(args.address);
  const servers = givenServers(args.address, args.servers);
  const password = args.passwordStdin ? await readPasswordFromStdin() : undefined;
  const policy = await loadPolicy({ file: options.policy, lang: options.lang });
  const { report, text } = await createApi({ policy }).report({
    address: args.address,
    lang: options.lang,
    offline: options.offline,
    maskAddress: args.maskAddress,
    acceptUntrusted: args.acceptUntrusted,
    ...(servers.length > 0 ? { servers } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(options.dns ? { dns: options.dns } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (options.json) writeJson(report);
  else process.stdout.write(text);
  const refused = report.policy?.error !== undefined || report.error?.code.startsWith('policy-') === true;
  return refused ? EXIT.usage : EXIT.ok;
}
