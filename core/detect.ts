// detect: from an address to the best settings, with everything the person and the helpdesk need to
// judge them (where they came from, who agrees, what looks wrong).

import { bothForms, unicodeFormOf } from './address/idn.js';
import { mayImitateAnotherDomain } from './address/lookalike.js';
import { type ParsedAddress, parseAddress } from './address/parse.js';
import { typoHints } from './address/typos.js';
import { monotonicMs } from './clock.js';
import { agrees, describeBest } from './discovery/agreement.js';
import { bundledSource, loadCatalog } from './discovery/bundled.js';
import { type DiscoveryOptions, discover } from './discovery/index.js';
import { serversOutsideDomain } from './discovery/trust.js';
import type { DiscoverySource, FoundConfig, RawHint } from './discovery/types.js';
import { t } from './messages/index.js';
import type { DetectResult, Lang, Notice, ServerSettings, SourceName } from './model.js';
import type { Net } from './net/index.js';
import { offlineNet } from './net/offline.js';
import { problemError } from './policy/problem.js';
import { assertDomainAllowed } from './policy/rules.js';
import { policySource, withAllowedProtocols } from './policy/source.js';
import type { PolicyState } from './policy/types.js';

export interface DetectRequest {
  address: string;
  lang?: Lang;
  /** Bundled data and policy only; no network at all. */
  offline?: boolean;
  /** `HOST[:PORT]` of the DNS server for every look-up of the run. */
  dns?: string;
  /** Deadline of the whole run. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: DiscoveryOptions['onProgress'];
}

export interface DetectDeps {
  net?: Net;
  /** Replaces or adds sources. */
  sources?: Partial<Record<SourceName, DiscoverySource>>;
  /**
   * The administrator's policy in force (core/policy/load.ts): its preset is the `policy` source, its
   * `allowedDomains` refuse other addresses, its `protocols` filter every source's answer. A state
   * with an error stops the run: an unusable policy is never ignored.
   */
  policy?: PolicyState;
}

let loading: Promise<unknown> = Promise.resolve();

/**
 * Network sources load on first use, so that an offline run starts without them, and one after
 * another in the order they are started (the ranking): the best source's request goes out first
 * instead of waiting while every module compiles at once.
 */
function lazy(load: () => Promise<DiscoverySource>, thenLoad?: () => Promise<unknown>): DiscoverySource {
  return async (context) => {
    const loaded = loading.then(load);
    loading = loaded.then(thenLoad).catch(() => undefined);
    return (await loaded)(context);
  };
}

/** The public suffix list judges every answer: load it while the first requests are on their way. */
const loadSuffixList = async () => (await import('./discovery/domains.js')).loadPublicSuffixList();

export const DEFAULT_SOURCES: Partial<Record<SourceName, DiscoverySource>> = {
  bundled: bundledSource,
  pacc: lazy(async () => (await import('./discovery/pacc.js')).paccSource),
  autoconfig: lazy(async () => (await import('./discovery/autoconfig.js')).autoconfigSource, loadSuffixList),
  ispdb: lazy(async () => (await import('./discovery/ispdb.js')).ispdbSource),
  mx: lazy(async () => (await import('./discovery/mx.js')).mxSource),
  srv: lazy(async () => (await import('./discovery/srv.js')).srvSource),
  autodiscover: lazy(async () => (await import('./discovery/autodiscover.js')).autodiscoverSource),
  guess: lazy(async () => {
    const [{ createGuessSource }, { proveCandidate }] = await Promise.all([
      import('./discovery/guess.js'),
      import('./probe/prove-candidate.js'),
    ]);
    return createGuessSource(proveCandidate);
  }),
};

export async function detect(request: DetectRequest, deps: DetectDeps = {}): Promise<DetectResult> {
  const started = monotonicMs();
  const lang = request.lang ?? 'en';
  const address = parseAddress(request.address);
  if (deps.policy?.error) throw problemError(deps.policy.error);
  const policy = deps.policy?.policy;
  assertDomainAllowed(policy, address);
  const dns = request.dns ?? (process.env.MAILSETUP_DNS || undefined);
  // An offline run starts without the resolver, https and tls: loaded only for a run that goes online.
  const net =
    deps.net ?? (request.offline ? offlineNet(dns) : (await import('./net/index.js')).createNet({ dns }));
  const outcome = await discover({
    address,
    net,
    bundled: await loadCatalog(),
    sources: policySources({ ...DEFAULT_SOURCES, ...deps.sources }, deps.policy, lang),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.timeoutMs ? { deadlineMs: request.timeoutMs } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  }).finally(() => {
    // A net we made is ours to close; an injected one belongs to the caller.
    if (!deps.net) net.resolver.cancel();
  });

  const hints: Notice[] = typoHints(address, lang);
  const warnings: Notice[] = lookalikeWarnings(address, lang);
  const chosen = outcome.chosen;
  let trusted = false;
  const confirmedBy: SourceName[] = [];
  if (chosen) {
    const agreeing = outcome.others.filter((other) => agrees(chosen, other));
    for (const other of agreeing) if (!confirmedBy.includes(other.source)) confirmedBy.push(other.source);
    // An answer only MX gave is someone else's word; a trusted source of the domain that agrees makes it ours.
    trusted = chosen.trusted || agreeing.some((other) => other.trusted);
    hints.push(...chosen.hints.map((hint) => localizeHint(hint, chosen, lang)));
    warnings.push(...(await judge(address, chosen, trusted, lang)));
    if (warnings.some((warning) => warning.code === 'server-outside-domain')) trusted = false;
    // The administrator's word is not second-guessed in front of the person; the look-ups still show
    // what the other sources said.
    const others = chosen.source === 'policy' ? [] : outcome.others;
    for (const other of others) {
      if (agreeing.includes(other) || !other.trusted) continue;
      warnings.push({
        code: 'sources-disagree',
        message: t(lang, 'warning.sources-disagree', { source: other.source, servers: describeBest(other) }),
        detail: other.origin,
      });
    }
  }

  return {
    address: address.address,
    domain: address.domain,
    domainUnicode: address.domainUnicode,
    found: chosen !== undefined,
    ...(chosen ? { source: chosen.source, origin: chosen.origin } : {}),
    ...(chosen?.asOf ? { asOf: chosen.asOf } : {}),
    trusted,
    ...(chosen?.provider ? { provider: chosen.provider } : {}),
    incoming: withUnicodeHosts(chosen?.incoming ?? []),
    outgoing: withUnicodeHosts(chosen?.outgoing ?? []),
    hints,
    warnings,
    confirmedBy,
    lookups: outcome.lookups,
    elapsedMs: Math.round(monotonicMs() - started),
  };
}

/** The policy's preset as the `policy` source, and every source filtered by the policy's protocols. */
function policySources(
  sources: Partial<Record<SourceName, DiscoverySource>>,
  state: PolicyState | undefined,
  lang: Lang,
): Partial<Record<SourceName, DiscoverySource>> {
  const { policy, file } = state ?? {};
  if (!policy || !file) return sources;
  const all: Partial<Record<SourceName, DiscoverySource>> = {
    policy: policySource(policy, file, lang),
    ...sources,
  };
  const allowed = policy.protocols;
  if (!allowed) return all;
  const filtered: Partial<Record<SourceName, DiscoverySource>> = {};
  for (const [name, source] of Object.entries(all) as [SourceName, DiscoverySource][]) {
    filtered[name] = withAllowedProtocols(name, source, allowed, lang);
  }
  return filtered;
}

function localizeHint(hint: RawHint, config: FoundConfig, lang: Lang): Notice {
  const provider = config.provider?.name ?? config.origin;
  const message = hint.text ?? t(lang, `hint.${hint.code}`, { ...hint.params, provider });
  return {
    code: hint.code,
    message,
    ...(hint.url ? { url: hint.url } : {}),
    ...(hint.params ? { params: hint.params } : {}),
  };
}

/** A domain that mixes alphabets may imitate another: said with both forms, whatever was found. */
function lookalikeWarnings(address: ParsedAddress, lang: Lang): Notice[] {
  if (!mayImitateAnotherDomain(address.domainUnicode)) return [];
  const forms = { unicode: address.domainUnicode, ascii: address.domain };
  return [
    {
      code: 'possible-lookalike',
      message: t(lang, 'warning.possible-lookalike', forms),
      detail: address.domain,
    },
  ];
}

/** Each IDN host also in the form a person reads; `host` stays what is dialled. */
function withUnicodeHosts(servers: readonly ServerSettings[]): ServerSettings[] {
  return servers.map((server) => {
    const hostUnicode = unicodeFormOf(server.host);
    return hostUnicode ? { ...server, hostUnicode } : server;
  });
}

async function judge(
  address: ParsedAddress,
  chosen: FoundConfig,
  trusted: boolean,
  lang: Lang,
): Promise<Notice[]> {
  const warnings: Notice[] = [];
  // Our own curated list and the administrator's policy are not second-guessed.
  if (chosen.source === 'bundled' || chosen.source === 'policy') return warnings;
  if (chosen.source === 'mx' && !trusted && chosen.operatorDomain) {
    warnings.push({
      code: 'mail-hosted-elsewhere',
      message: t(lang, 'warning.mail-hosted-elsewhere', { domain: bothForms(chosen.operatorDomain) }),
      detail: chosen.operatorDomain,
    });
  }
  const detour = trusted ? undefined : chosen.detour;
  if (detour) {
    warnings.push({
      code: 'redirect-to-other-domain',
      message: t(lang, 'warning.redirect-to-other-domain', {
        from: bothForms(detour.from),
        to: bothForms(detour.to),
        domain: bothForms(address.domain),
      }),
      detail: detour.chain.join(' -> '),
    });
  }
  for (const outside of await serversOutsideDomain(address.domain, chosen)) {
    warnings.push({
      code: 'server-outside-domain',
      message: t(lang, 'warning.server-outside-domain', {
        host: bothForms(outside.host),
        domain: bothForms(outside.domain),
      }),
      detail: outside.host,
    });
  }
  // The detour warning already says where the settings came from, and why that matters.
  if (!trusted && chosen.source !== 'mx' && !detour) {
    warnings.push({
      code: 'untrusted-source',
      message: t(lang, 'warning.untrusted-source'),
      detail: chosen.origin,
    });
  }
  return warnings;
}
