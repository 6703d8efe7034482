// The policy as a discovery source (ranked first, always trusted), and the protocol filter every other
// source's answer passes through when the policy names the incoming protocols that may be used.

import type { ParsedAddress } from '../address/parse.js';
import { fillPlaceholders } from '../discovery/placeholders.js';
import { timedLookup } from '../discovery/timed-lookup.js';
import type { DiscoverySource, FoundConfig } from '../discovery/types.js';
import { t } from '../messages/index.js';
import type { IncomingProtocol, Lang, ServerSettings, SourceName } from '../model.js';
import { presetFor } from './rules.js';
import type { Policy, PolicyPreset, PolicyServer } from './types.js';

/** The administrator's preset for the address's domain; the look-up names the policy file. */
export function policySource(policy: Policy, file: string, lang: Lang): DiscoverySource {
  return (context) =>
    timedLookup(
      context,
      'policy',
      file,
      async () => {
        const preset = presetFor(policy, context.address.domain);
        return preset ? presetConfig(policy, preset, file, context.address, lang) : null;
      },
      (found) => (found ? 'found' : 'not-found'),
    );
}

export function presetConfig(
  policy: Policy,
  preset: PolicyPreset,
  file: string,
  address: ParsedAddress,
  lang: Lang,
): FoundConfig {
  const auth = policy.requireAppPassword ? 'app-password' : 'password';
  const server = (entry: PolicyServer): ServerSettings => ({
    protocol: entry.protocol,
    host: entry.host,
    port: entry.port,
    security: entry.security,
    username: fillPlaceholders(entry.username ?? '%EMAILADDRESS%', address),
    auth: entry.auth ?? auth,
  });
  const organisation = policy.branding?.name ?? preset.provider?.name ?? t(lang, 'policy.your-organisation');
  return {
    source: 'policy',
    trusted: true,
    ...(preset.provider ? { provider: preset.provider } : {}),
    incoming: preset.incoming.map(server),
    outgoing: preset.outgoing.map(server),
    hints: policy.requireAppPassword
      ? [{ code: 'app-password-required', text: t(lang, 'policy.hint.app-password', { organisation }) }]
      : [],
    origin: file,
    publishers: [],
  };
}

/**
 * Passes on a source's answer with only the allowed incoming protocols. An answer left without any
 * incoming server counts as nothing found, so that a lower-ranked source may still offer one.
 */
export function withAllowedProtocols(
  name: SourceName,
  source: DiscoverySource,
  allowed: readonly IncomingProtocol[],
  lang: Lang,
): DiscoverySource {
  return async (context) => {
    const config = await source(context);
    if (!config) return null;
    const incoming = config.incoming.filter((server) =>
      allowed.includes(server.protocol as IncomingProtocol),
    );
    if (incoming.length === config.incoming.length) return config;
    const dropped = [...new Set(config.incoming.map((server) => server.protocol))]
      .filter((protocol) => !allowed.includes(protocol as IncomingProtocol))
      .map((protocol) => protocol.toUpperCase())
      .join(', ');
    const params = { allowed: allowed.map((protocol) => protocol.toUpperCase()).join(', '), dropped };
    if (incoming.length === 0) {
      context.record({
        source: name,
        target: 'policy: protocols',
        outcome: 'skipped',
        ms: 0,
        detail: t('en', 'policy.lookup.protocols-filtered', params),
      });
      return null;
    }
    return {
      ...config,
      incoming,
      hints: [
        ...config.hints,
        { code: 'policy-protocols', text: t(lang, 'policy.hint.protocols-filtered', params) },
      ],
    };
  };
}
