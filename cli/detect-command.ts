// mailsetup detect <address>: the settings as JSON (for scripts) or as a short summary (for people).

import { bothForms } from '../core/address/idn.js';
import { parseAddress } from '../core/address/parse.js';
import { createApi } from '../core/api.js';
import { t } from '../core/messages/index.js';
import type { DetectResult, Lang, ServerSettings } from '../core/model.js';
import { commandPolicy, parseDetectArgs } from './args.js';
import { commandHelp } from './help.js';
import { EXIT, UsageError, writeJson, writeLines } from './output.js';

export async function runDetect(argv: string[]): Promise<number> {
  const { address, options, help } = parseDetectArgs(argv);
  if (help) {
    writeLines([await commandHelp('detect', options.lang)]);
    return EXIT.ok;
  }
  if (!address) throw new UsageError('cli.missing-address');
  const parsed = parseAddress(address);
  const policy = await commandPolicy(options, { ascii: parsed.domain, address: parsed.address });
  if (typeof policy === 'number') return policy;
  const result = await createApi().detect({
    address,
    lang: options.lang,
    offline: options.offline,
    ...(options.dns ? { dns: options.dns } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (options.json) writeJson(result);
  else writeLines(summarize(result, options.lang));
  return result.found ? EXIT.ok : EXIT.notFound;
}

function serverLine(server: ServerSettings, lang: Lang): string {
  const security = t(lang, `cli.security.${server.security}`);
  const auth = t(lang, `cli.auth.${server.auth}`);
  return `  ${server.protocol.toUpperCase().padEnd(4)}  ${bothForms(server.host)}:${server.port}  ${security}  ${t(lang, 'cli.detect.user')}: ${server.username}  (${auth})`;
}

export function summarize(result: DetectResult, lang: Lang): string[] {
  const lines = [t(lang, 'cli.detect.title', { address: result.address })];
  // An IDN domain in both forms: the person's, and the one a helpdesk agent types.
  const domain = bothForms(result.domain);
  if (domain !== result.domain) lines.push(t(lang, 'cli.detect.domain', { domain }));
  lines.push('');
  if (!result.found) {
    lines.push(t(lang, 'cli.detect.not-found', { domain }), t(lang, 'cli.detect.not-found.fix'));
  } else {
    if (result.provider) lines.push(t(lang, 'cli.detect.provider', { name: result.provider.name }));
    const source = t(lang, `cli.source.${result.source}`);
    // A built-in answer carries the month its facts are from: old data should look old.
    const dated = result.asOf ? t(lang, 'cli.detect.as-of', { source, date: result.asOf }) : source;
    lines.push(t(lang, 'cli.detect.source', { source: dated }));
    if (result.origin) lines.push(t(lang, 'detect.origin', { origin: result.origin }));
    if (result.confirmedBy.length > 0) {
      const sources = result.confirmedBy.map((source) => t(lang, `cli.source.${source}`)).join(', ');
      lines.push(t(lang, 'cli.detect.confirmed', { sources }));
    }
    if (!result.trusted) lines.push(t(lang, 'cli.detect.untrusted'));
    lines.push(
      '',
      t(lang, 'cli.detect.incoming'),
      ...result.incoming.map((server) => serverLine(server, lang)),
    );
    lines.push(t(lang, 'cli.detect.outgoing'), ...result.outgoing.map((server) => serverLine(server, lang)));
  }
  if (result.hints.length > 0)
    lines.push('', t(lang, 'cli.detect.hints'), ...result.hints.map((hint) => `  - ${hint.message}`));
  if (result.warnings.length > 0) {
    lines.push(
      '',
      t(lang, 'cli.detect.warnings'),
      ...result.warnings.map((warning) => `  ! ${warning.message}`),
    );
  }
  lines.push('', elapsedLine(result, lang));
  return lines;
}

/** How long the search took; offline, that only the built-in list was asked (the rest was skipped). */
function elapsedLine(result: DetectResult, lang: Lang): string {
  const asked = result.lookups.filter((lookup) => lookup.outcome !== 'skipped');
  const offline =
    asked.length < result.lookups.length && asked.every((lookup) => LOCAL_SOURCES.has(lookup.source));
  if (offline) return t(lang, 'cli.detect.elapsed-offline', { ms: result.elapsedMs });
  return t(lang, 'cli.detect.elapsed', { ms: result.elapsedMs, count: asked.length });
}

/** The sources an offline run still asks: nothing of theirs leaves the computer. */
const LOCAL_SOURCES: ReadonlySet<string> = new Set(['policy', 'bundled']);
