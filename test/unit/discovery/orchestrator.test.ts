import { describe, expect, it } from 'vitest';
import type { ParsedAddress } from '../../../core/address/parse.js';
import type { ProviderCatalog } from '../../../core/discovery/bundled.js';
import { discover } from '../../../core/discovery/index.js';
import type { DiscoverySource, FoundConfig } from '../../../core/discovery/types.js';
import type { SourceName } from '../../../core/model.js';
import { createNet } from '../../../core/net/index.js';

const address: ParsedAddress = {
  address: 'max@example.test',
  localPart: 'max',
  domain: 'example.test',
  domainUnicode: 'example.test',
  asciiAddress: 'max@example.test',
};
const catalog: ProviderCatalog = { providers: [], byDomain: () => undefined, byMxHost: () => undefined };

function config(source: SourceName, host: string): FoundConfig {
  return {
    source,
    trusted: true,
    incoming: [
      { protocol: 'imap', host, port: 993, security: 'tls', username: address.address, auth: 'password' },
    ],
    outgoing: [
      { protocol: 'smtp', host, port: 465, security: 'tls', username: address.address, auth: 'password' },
    ],
    hints: [],
    origin: source,
    publishers: [],
  };
}

/** A source that answers after `ms` and notes whether it was told to stop. */
function answerAfter(ms: number, answer: FoundConfig | null, seen?: { aborted: boolean }): DiscoverySource {
  return (context) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(answer), ms);
      context.signal.addEventListener('abort', () => {
        if (seen) seen.aborted = true;
        clearTimeout(timer);
      });
    });
}

/** A source that ignores its signal and never answers: the orchestrator must not wait for it. */
const hung: DiscoverySource = () => new Promise(() => {});

describe('discovery orchestrator', () => {
  it('takes the best-ranked answer and does not wait for worse sources', async () => {
    const guess = { aborted: false };
    const started = performance.now();
    const outcome = await discover({
      address,
      net: createNet(),
      bundled: catalog,
      sources: {
        autoconfig: answerAfter(30, config('autoconfig', 'imap.example.test')),
        srv: answerAfter(5, config('srv', 'imap.example.test')),
        guess: answerAfter(5000, config('guess', 'mail.example.test'), guess),
      },
    });
    expect(outcome.chosen?.source).toBe('autoconfig');
    expect(outcome.others.map((other) => other.source)).toEqual(['srv']);
    expect(guess.aborted).toBe(true);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('waits for a better-ranked source that can still answer', async () => {
    const outcome = await discover({
      address,
      net: createNet(),
      bundled: catalog,
      sources: {
        autoconfig: answerAfter(80, config('autoconfig', 'imap.example.test')),
        srv: answerAfter(1, config('srv', 'other.example.test')),
      },
    });
    expect(outcome.chosen?.source).toBe('autoconfig');
  });

  it('gives up on a hung source at its timeout and takes the next one', async () => {
    const outcome = await discover({
      address,
      net: createNet(),
      bundled: catalog,
      sourceTimeoutMs: 300,
      sources: { autoconfig: hung, srv: answerAfter(5, config('srv', 'imap.example.test')) },
    });
    expect(outcome.chosen?.source).toBe('srv');
    expect(outcome.lookups).toContainEqual(
      expect.objectContaining({ source: 'autoconfig', outcome: 'timeout' }),
    );
  });

  it('stops everything at the run deadline and reports nothing found', async () => {
    const outcome = await discover({
      address,
      net: createNet(),
      bundled: catalog,
      deadlineMs: 200,
      sources: { autoconfig: hung, guess: hung },
    });
    expect(outcome.chosen).toBeUndefined();
  });

  it('uses only offline sources when offline, and says which it skipped', async () => {
    const outcome = await discover({
      address,
      net: createNet({ offline: true }),
      bundled: catalog,
      sources: { bundled: answerAfter(1, config('bundled', 'imap.example.test')), autoconfig: hung },
    });
    expect(outcome.chosen?.source).toBe('bundled');
    expect(outcome.lookups).toContainEqual(
      expect.objectContaining({ source: 'autoconfig', outcome: 'skipped' }),
    );
  });

  it('treats a throwing source as not found', async () => {
    const outcome = await discover({
      address,
      net: createNet(),
      bundled: catalog,
      sources: {
        autoconfig: async () => {
          throw new Error('boom');
        },
        srv: answerAfter(1, config('srv', 'imap.example.test')),
      },
    });
    expect(outcome.chosen?.source).toBe('srv');
  });
});
