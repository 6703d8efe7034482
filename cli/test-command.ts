// mailsetup test <address>: hands the address, the servers given as flags (if any), the password and
// the person's confirmations (--accept-untrusted, --force) to core's account test, which chooses the
// servers, gates untrusted settings and keeps the lockout count; prints the answer. JSON for scripts, a
// checklist for people; exit 0 if every server passed, 4 if any failed or none was tested.

import { parseAddress } from '../core/address/parse.js';
import { createApi, type Lang, type TestResult } from '../core/api.js';
import { t } from '../core/messages/index.js';
import { commandPolicy } from './args.js';
import { commandHelp } from './help.js';
import { readPasswordFromKeychain } from './keychain-password.js';
import { EXIT, UsageError, writeJson, writeLines } from './output.js';
import { givenServers } from './servers.js';
import { parseTestArgs, readPasswordFromStdin } from './test-args.js';
import { testChecklist } from './test-report.js';

export async function runTest(argv: string[]): Promise<number> {
  const {
    address,
    options,
    servers: flags,
    passwordStdin,
    keychain,
    force,
    acceptUntrusted,
    help,
  } = parseTestArgs(argv);
  if (help) {
    writeLines([await commandHelp('test', options.lang)]);
    return EXIT.ok;
  }
  if (!address) throw new UsageError('cli.missing-address');
  if (!passwordStdin && !keychain) throw new UsageError('cli.test.password-missing');
  if (passwordStdin && keychain) throw new UsageError('cli.test.password-twice');
  // Bad input is refused before anything is read or looked up.
  const parsed = parseAddress(address);
  const servers = givenServers(address, flags);
  const policy = await commandPolicy(options, { ascii: parsed.domain, address: parsed.address });
  if (typeof policy === 'number') return policy;
  const password = keychain ? await readPasswordFromKeychain(parsed.address) : await readPasswordFromStdin();
  const result = await createApi().test({
    address,
    password,
    lang: options.lang,
    force,
    acceptUntrusted,
    offline: options.offline,
    ...(servers.length > 0 ? { servers } : {}),
    ...(flags.username ? { username: flags.username } : {}),
    ...(options.dns ? { dns: options.dns } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (options.json) writeJson(result);
  else writeLines(testLines(result, parsed.domainUnicode, options.lang));
  return result.ok ? EXIT.ok : EXIT.testFailed;
}

function testLines(result: TestResult, domain: string, lang: Lang): string[] {
  const lines = result.detection ? detectionLines(result.detection, lang) : [];
  if (result.error) {
    const { message, fix } = result.error;
    return [...lines, message, ...(fix ? [t(lang, 'cli.fix', { fix })] : [])];
  }
  if (result.results.length === 0) {
    return [
      ...lines,
      t(lang, 'cli.test.nothing', { domain }),
      t(lang, 'cli.fix', { fix: t(lang, 'cli.test.nothing.fix') }),
    ];
  }
  return [...lines, ...testChecklist(result, lang)];
}

/** Detected settings are not trusted silently: where they came from and what looks wrong. */
function detectionLines(detection: NonNullable<TestResult['detection']>, lang: Lang): string[] {
  const lines = [t(lang, 'cli.detect.source', { source: t(lang, `cli.source.${detection.source}`) })];
  if (!detection.trusted) lines.push(t(lang, 'cli.detect.untrusted'));
  lines.push(...detection.warnings.map((warning) => `! ${warning.message}`), '');
  return lines;
}
