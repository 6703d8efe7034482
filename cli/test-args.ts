// Flags of `mailsetup test`: detect's (for when it detects first), the server flags, and how the
// password arrives. A password is never an argument; anything that looks like one is refused without
// being repeated back.

import { type CommonOptions, commonOptions, DETECT_FLAGS, parseFlagsRefusingPasswords } from './args.js';
import { UsageError } from './output.js';
import { SERVER_FLAGS, type ServerFlagValues } from './servers.js';

export const TEST_FLAGS = {
  ...DETECT_FLAGS,
  ...SERVER_FLAGS,
  'password-stdin': { type: 'boolean' },
  keychain: { type: 'boolean' },
  force: { type: 'boolean' },
  /** Send the password to detected servers even when no source of the mail domain confirmed them. */
  'accept-untrusted': { type: 'boolean' },
} as const;

export interface TestArgs {
  address: string | undefined;
  options: CommonOptions;
  servers: ServerFlagValues;
  passwordStdin: boolean;
  keychain: boolean;
  force: boolean;
  acceptUntrusted: boolean;
  help: boolean;
}

export function parseTestArgs(argv: string[]): TestArgs {
  const { values, positionals } = parseFlagsRefusingPasswords(argv, TEST_FLAGS, {
    key: 'cli.test.password-argument',
    maxPositionals: 1,
  });
  return {
    address: positionals[0],
    help: values.help ?? false,
    passwordStdin: values['password-stdin'] ?? false,
    keychain: values.keychain ?? false,
    force: values.force ?? false,
    acceptUntrusted: values['accept-untrusted'] ?? false,
    servers: { imap: values.imap, pop3: values.pop3, smtp: values.smtp, username: values.username },
    options: commonOptions(values),
  };
}

/** All of standard input, less one trailing line break (what `echo` adds). */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('cli.test.password-empty');
  if (/[\0\r\n]/.test(password)) throw new UsageError('cli.test.password-characters');
  return password;
}
