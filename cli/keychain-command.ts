// mailsetup keychain list | set | delete | rename: the app passwords MailSetup Assistant keeps in the OS keychain.
// A password arrives only on standard input; anything that looks like one on the command line is
// refused without being repeated back. Without --label the label is defaultLabel(): "MailSetup
// (<computer>)", the same in every language and the same the app uses. `list` reads the non-secret
// index only, so it works without a keychain. `rename` moves the secret inside core (read, written
// under the new label, then the old one deleted); it never prints it. Exit codes: 0 done (deleting what
// is not there included), 1 keychain-unavailable (JSON error.code says so; text gives the plain
// explanation and fix) or an internal error, 2 bad input (renaming what is not there, or to a label
// another entry has without --replace, included).

import { parseAddress } from '../core/address/parse.js';
import { createApi, type Lang, type SavedPassword } from '../core/api.js';
import { MailSetupError } from '../core/errors.js';
import { t } from '../core/messages/index.js';
import {
  labelProblem,
  MAX_LABEL_LENGTH,
  MAX_SECRET_INPUT_BYTES,
  MAX_SECRET_LENGTH,
  passwordProblem,
} from '../core/secrets/account.js';
import { parseFlagsRefusingPasswords, parseLang } from './args.js';
import { commandHelp } from './help.js';
import { EXIT, UsageError, writeJson, writeLines } from './output.js';

const FLAGS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  label: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  to: { type: 'string' },
  replace: { type: 'boolean' },
} as const;

const SUBCOMMANDS = ['list', 'set', 'delete', 'rename'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

function isSubcommand(word: string): word is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(word);
}

interface KeychainArgs {
  subcommand: Subcommand;
  address: string | undefined;
  label: string | undefined;
  /** rename: the new label, and whether it may replace another entry's. */
  to: string | undefined;
  replace: boolean;
  passwordStdin: boolean;
  json: boolean;
  lang: Lang;
  help: boolean;
}

function parseKeychainArgs(argv: string[]): KeychainArgs {
  // A further word after subcommand and address is most likely a password: refused, never echoed.
  const { values, positionals } = parseFlagsRefusingPasswords(argv, FLAGS, {
    key: 'secrets.cli.password-argument',
    maxPositionals: 2,
    extraKey: 'secrets.cli.too-many-arguments',
  });
  const lang = parseLang(values.lang);
  const [subcommand, address, ...extra] = positionals;
  const help = values.help ?? false;
  if (subcommand === undefined) {
    if (help)
      return {
        subcommand: 'list',
        address,
        label: undefined,
        to: undefined,
        replace: false,
        passwordStdin: false,
        json: false,
        lang,
        help,
      };
    throw new UsageError('secrets.cli.missing-subcommand');
  }
  if (!isSubcommand(subcommand)) {
    throw new UsageError('secrets.cli.unknown-subcommand', { command: subcommand });
  }
  if (extra.length > 0 || (subcommand === 'list' && address !== undefined)) {
    throw new UsageError('secrets.cli.too-many-arguments');
  }
  if (subcommand === 'list' && (values.label !== undefined || values['password-stdin'])) {
    throw new UsageError('cli.bad-option', { detail: 'list takes only --json and --lang' });
  }
  if ((subcommand === 'delete' || subcommand === 'rename') && values['password-stdin']) {
    throw new UsageError('cli.bad-option', { detail: `${subcommand} needs no password` });
  }
  if (subcommand !== 'rename' && (values.to !== undefined || values.replace)) {
    throw new UsageError('cli.bad-option', { detail: '--to and --replace belong to rename' });
  }
  if (subcommand === 'rename' && values.to === undefined) throw new UsageError('secrets.cli.missing-to');
  return {
    subcommand,
    address,
    label: values.label,
    to: values.to,
    replace: values.replace ?? false,
    passwordStdin: values['password-stdin'] ?? false,
    json: values.json ?? false,
    lang,
    help,
  };
}

function checkLabel(label: string | undefined): void {
  if (label === undefined) return;
  const problem = labelProblem(label);
  if (problem) throw new UsageError(`secrets.label.${problem}`, { max: String(MAX_LABEL_LENGTH) });
}

/** All of standard input as UTF-8, less one trailing line break (what `echo` adds). */
async function readPassword(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Room for the limit plus a CRLF; more is refused without keeping it.
  const keep = MAX_SECRET_INPUT_BYTES;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size <= keep) chunks.push(bytes);
    else bytes.fill(0);
  }
  const bytes = Buffer.concat(chunks);
  for (const chunk of chunks) chunk.fill(0);
  if (size > keep) throw tooLong(`more than ${keep} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError('secrets.cli.password.not-text');
  } finally {
    // Strings cannot be wiped; the bytes we hold can.
    bytes.fill(0);
  }
  const password = text.replace(/\r?\n$/, '');
  const problem = passwordProblem(password);
  if (problem === 'too-long') throw tooLong(`${password.length} characters`);
  if (problem) throw new UsageError(`secrets.cli.password.${problem}`);
  return password;
}

/** The same code and words as core's keychain gives the app (core/secrets/keychain.ts). */
function tooLong(what: string): MailSetupError {
  return new MailSetupError('secret-too-long', `${what}; at most ${MAX_SECRET_LENGTH} characters`);
}

function listLines(entries: SavedPassword[], lang: Lang): string[] {
  if (entries.length === 0) return [t(lang, 'secrets.cli.list-empty')];
  const lines = [t(lang, 'secrets.cli.list-title', { count: entries.length })];
  for (const entry of entries) {
    const saved = t(lang, 'secrets.cli.list-saved', { date: entry.updated.slice(0, 10) });
    const servers =
      entry.hosts.length > 0
        ? `, ${t(lang, 'secrets.cli.list-servers', { hosts: entry.hosts.join(', ') })}`
        : '';
    lines.push(`  ${entry.address}  "${entry.label}"  (${saved}${servers})`);
  }
  return lines;
}

export async function runKeychain(argv: string[]): Promise<number> {
  const args = parseKeychainArgs(argv);
  const { lang, json } = args;
  if (args.help) {
    writeLines([await commandHelp('keychain', lang)]);
    return EXIT.ok;
  }
  const api = createApi();

  if (args.subcommand === 'list') {
    const entries = await api.keychainList();
    if (json) writeJson({ entries });
    else writeLines(listLines(entries, lang));
    return EXIT.ok;
  }

  if (!args.address) throw new UsageError('secrets.cli.missing-address', { command: args.subcommand });
  checkLabel(args.label);
  // Bad input is refused before a password is read or the keychain is touched.
  const address = parseAddress(args.address).address;
  const entry = { address, ...(args.label !== undefined ? { label: args.label } : {}) };

  if (args.subcommand === 'delete') {
    const result = await api.keychainDelete(entry);
    if (json) writeJson(result);
    else {
      const key = result.deleted ? 'secrets.cli.deleted' : 'secrets.cli.not-found';
      writeLines([t(lang, key, { address: result.address, label: result.label })]);
    }
    return EXIT.ok;
  }

  if (args.subcommand === 'rename') {
    checkLabel(args.to);
    const result = await api.keychainRename({ ...entry, newLabel: args.to ?? '', replace: args.replace });
    if (json) writeJson(result);
    else {
      const key = result.replaced ? 'secrets.cli.renamed-replacing' : 'secrets.cli.renamed';
      const { address: renamed, label } = result.entry;
      writeLines([t(lang, key, { address: renamed, from: result.previousLabel, label })]);
    }
    return EXIT.ok;
  }

  if (!args.passwordStdin) throw new UsageError('secrets.cli.missing-password-stdin');
  const password = await readPassword();
  // The servers for the list come from the bundled provider data only: saving never goes online.
  const detected = await api.detect({ address, offline: true, lang });
  const hosts = [...detected.incoming, ...detected.outgoing].map((server) => server.host);
  const { entry: saved, replaced } = await api.keychainSet({ ...entry, password, hosts });
  if (json) writeJson({ ...saved, saved: true, replaced });
  else {
    const key = replaced ? 'secrets.cli.replaced' : 'secrets.cli.saved';
    writeLines([t(lang, key, { address: saved.address, label: saved.label })]);
  }
  return EXIT.ok;
}
