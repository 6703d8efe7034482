// One network step of a source, timed and recorded (core/discovery/timed-lookup.ts).

import { describe, expect, it } from 'vitest';
import { timedLookup } from '../../../core/discovery/timed-lookup.js';
import type { DiscoveryContext } from '../../../core/discovery/types.js';
import { MailSetupError } from '../../../core/errors.js';
import type { Lookup } from '../../../core/model.js';

function recorder() {
  const lookups: Lookup[] = [];
  const progress: unknown[] = [];
  const context = {
    record: (lookup: Lookup) => lookups.push(lookup),
    progress: (event: unknown) => progress.push(event),
  } as unknown as DiscoveryContext; // only record and progress are used
  return { context, lookups, progress };
}

describe('timedLookup', () => {
  it('records the outcome the caller judges, with the time taken, and reports start and end', async () => {
    const { context, lookups, progress } = recorder();
    const value = await timedLookup(
      context,
      'srv',
      '_imaps._tcp.example.org',
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 25));
        return ['imap.example.org'];
      },
      (hosts) => (hosts.length > 0 ? 'found' : 'not-found'),
    );
    expect(value).toEqual(['imap.example.org']);
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({ source: 'srv', target: '_imaps._tcp.example.org', outcome: 'found' });
    expect(lookups[0]?.ms).toBeGreaterThanOrEqual(20);
    expect(progress).toEqual([
      { source: 'srv', target: '_imaps._tcp.example.org', state: 'started' },
      { source: 'srv', target: '_imaps._tcp.example.org', state: 'found' },
    ]);
  });

  it.each([
    [new DOMException('aborted', 'AbortError'), 'cancelled'],
    [new MailSetupError('timeout', 'timed out after 5000 ms'), 'timeout'],
    [new DOMException('timed out', 'TimeoutError'), 'timeout'],
    [new MailSetupError('dns-not-found', 'SERVFAIL'), 'error'],
  ])('records %s as %s and throws it on', async (thrown, outcome) => {
    const { context, lookups, progress } = recorder();
    await expect(
      timedLookup(
        context,
        'mx',
        'MX example.org',
        () => Promise.reject(thrown),
        () => 'found',
      ),
    ).rejects.toBe(thrown);
    expect(lookups).toMatchObject([
      { source: 'mx', target: 'MX example.org', outcome, detail: thrown.message },
    ]);
    expect(progress.at(-1)).toEqual({ source: 'mx', target: 'MX example.org', state: outcome });
  });
});
