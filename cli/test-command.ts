// mailsetup test <address>: proves the settings (given as flags, or detected first) with enforced TLS
// and one login per server. JSON for scripts, a checklist for people; exit 0 if every server passed,
// 4 if any failed.

import { parseAddress } from '../core/address/parse.js';
import { createApi, type DetectResult, type Lang } from '../core/api.js';
import { t } from '../core/messages/index.js';
import { commandPolicy } from './args.js';
import { readPasswordFromKeychain } from './keychain-password.js';
import { EXIT, UsageError, writeJson, writeLines } from './output.js';
import { chooseServers } from './servers.js';
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
    writeLines([t(options.lang, 'cli.test.usage')]);
    return EXIT.ok;
  }
  if (!address) throw new UsageError('cli.missing-address');
  if (!passwordStdin && !keychain) throw new UsageError('cli.test.password-missing');
  if (passwordStdin && keychain) throw new UsageError('cli.test.password-twice');
  // Bad input is refused before anything is read or looked up.
  const parsed = parseAddress(address);
  const policy = await commandPolicy(options, { ascii: parsed.domain, address: parsed.address });
  if (typeof policy === 'number') return policy;
  const password = keychain ? await readPasswordFromKeychain(parsed.address) : await readPasswordFromStdin();
  const chosen = await chooseServers(address, flags, options);
  const servers = [...chosen.incoming, ...chosen.outgoing];
  // Settings the mail domain did not confirm (MX only, a server in another organisation's domain) get
  // no password unless the person says they are right: that is what a phishing set-up looks like.
  if (chosen.detected && servers.length > 0 && !chosen.detected.trusted && !acceptUntrusted) {
    const detected = chosen.detected;
    if (options.json) {
      writeJson({
        address: parsed.address,
        ok: false,
        results: [],
        detection: { source: detected.source, trusted: false, warnings: detected.warnings },
        error: { code: 'untrusted-settings', message: t(options.lang, 'cli.test.untrusted') },
      });
    } else {
      writeLines([
        ...detectionLines(detected, options.lang),
        t(options.lang, 'cli.test.untrusted'),
        t(options.lang, 'cli.fix', { fix: t(options.lang, 'cli.test.untrusted.fix') }),
      ]);
    }
    return EXIT.testFailed;
  }
  if (servers.length === 0) {
    if (options.json) writeJson({ address: parsed.address, ok: false, results: [], elapsedMs: 0 });
    else {
      writeLines([
        t(options.lang, 'cli.test.nothing', { domain: parsed.domainUnicode }),
        t(options.lang, 'cli.fix', { fix: t(options.lang, 'cli.test.nothing.fix') }),
      ]);
    }
    return EXIT.testFailed;
  }
  const result = await createApi().test({
    address,
    servers,
    password,
    lang: options.lang,
    force,
    ...(options.dns ? { dns: options.dns } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  // Detected settings are not trusted silently: say where they came from and what looks wrong.
  const detected = chosen.detected;
  const detection = detected && {
    source: detected.source,
    trusted: detected.trusted,
    warnings: detected.warnings,
  };
  if (options.json) writeJson(detection ? { ...result, detection } : result);
  else
    writeLines([
      ...(detected ? detectionLines(detected, options.lang) : []),
      ...testChecklist(result, options.lang),
    ]);
  return result.ok ? EXIT.ok : EXIT.testFailed;
}

function detectionLines(detected: DetectResult, lang: Lang): string[] {
  const lines = [t(lang, 'cli.detect.source', { source: t(lang, `cli.source.${detected.source}`) })];
  if (!detected.trusted) lines.push(t(lang, 'cli.detect.untrusted'));
  lines.push(...detected.warnings.map((warning) => `! ${warning.message}`), '');
  return lines;
}
