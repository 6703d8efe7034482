// Do two sources say the same thing? Used to say "confirmed by SRV" and to point out disagreement.

import type { ServerSettings } from '../model.js';
import type { FoundConfig } from './types.js';

function sameServer(a: ServerSettings, b: ServerSettings): boolean {
  return a.protocol === b.protocol && a.host === b.host && a.port === b.port && a.security === b.security;
}

/** The other config offers our best incoming and our best outgoing server. */
export function agrees(chosen: FoundConfig, other: FoundConfig): boolean {
  const incoming = chosen.incoming[0];
  const outgoing = chosen.outgoing[0];
  if (!incoming || !outgoing) return false;
  return (
    other.incoming.some((server) => sameServer(server, incoming)) &&
    other.outgoing.some((server) => sameServer(server, outgoing))
  );
}

/** Host names of the other config's best servers, for a "sources disagree" warning. */
export function describeBest(config: FoundConfig): string {
  const incoming = config.incoming[0];
  const outgoing = config.outgoing[0];
  return [incoming, outgoing]
    .filter((server): server is ServerSettings => server !== undefined)
    .map((server) => `${server.protocol} ${server.host}:${server.port}`)
    .join(', ');
}
