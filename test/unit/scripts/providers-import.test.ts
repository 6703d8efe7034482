// The import against the real ISPDB snapshot (../shared/data/ispdb beside the repository, or
// MAILSETUP_ISPDB_DIR): the committed output is exactly what the script writes today, and every
// ISPDB domain with an encrypted incoming server answers offline, through core's detect, from the
// built-in list. The domains left out are the ones the import's report names.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../../core/detect.js';
import type { ProviderData } from '../../../core/discovery/catalog-types.js';
import { childElements, parseSafeXml } from '../../../core/discovery/safe-xml.js';
import { createNet } from '../../../core/net/index.js';
import { importIspdb, OUTPUT, reportMarkdown } from '../../../scripts/providers-import.js';

const SNAPSHOT = path.resolve(
  process.env.MAILSETUP_ISPDB_DIR ?? path.join(path.dirname(OUTPUT.curated), '../../../shared/data/ispdb'),
);

if (!existsSync(path.join(SNAPSHOT, 'README.md'))) {
  throw new Error(
    `The ISPDB snapshot is missing at ${SNAPSHOT}: put ../shared beside the repository, or set MAILSETUP_ISPDB_DIR.`,
  );
}

const curated = (JSON.parse(readFileSync(OUTPUT.curated, 'utf8')) as { providers: ProviderData[] }).providers;
const { catalogue, report } = importIspdb(SNAPSHOT, curated);

describe('npm run providers:import', () => {
  it('reproduces the committed catalogue and report byte for byte (deterministic, up to date)', () => {
    expect(`${JSON.stringify(catalogue, null, 2)}\n`).toBe(readFileSync(OUTPUT.catalogue, 'utf8'));
    expect(reportMarkdown(catalogue, report)).toBe(readFileSync(OUTPUT.report, 'utf8'));
  });

  it('accounts for every file: imported, answered by a curated entry, or left out with a reason', () => {
    expect(report.imported.providers + report.aliased.length + report.excluded.length).toBe(report.files);
    for (const excluded of report.excluded) expect(excluded.reason).toMatch(/no encrypted|no valid domain/);
  });
});

describe('offline, every ISPDB domain with an encrypted incoming server answers from the built-in list', () => {
  const excluded = new Set(report.excluded.flatMap((entry) => entry.domains));
  // Read from the snapshot itself, not from the import's output: the walk checks the import.
  const all = new Set(
    readdirSync(SNAPSHOT)
      .filter((file) => file.endsWith('.xml'))
      .flatMap((file) =>
        childElements(
          childElements(parseSafeXml(readFileSync(path.join(SNAPSHOT, file), 'utf8')), 'emailProvider')[0],
          'domain',
        ).map((domain) => domain.text.trim().toLowerCase()),
      ),
  );
  const domains = [...all].filter((domain) => !excluded.has(domain));

  it(`walks all of them through detect (--offline), fast`, async () => {
    expect(all.size).toBe(report.domains);
    expect(domains.length).toBeGreaterThan(850);
    const net = createNet({ offline: true });
    const started = performance.now();
    const missing: string[] = [];
    for (const domain of domains) {
      const result = await detect({ address: `someone@${domain}`, offline: true }, { net });
      if (!result.found || result.source !== 'bundled' || result.incoming.length === 0) missing.push(domain);
      else if (!result.asOf) missing.push(`${domain} (no date)`);
    }
    const ms = performance.now() - started;
    console.log(
      `${domains.length} offline detects in ${ms.toFixed(0)} ms (${(ms / domains.length).toFixed(2)} ms each)`,
    );
    expect(missing).toEqual([]);
    // Fast: no network, no schema library, a Map per look-up.
    expect(ms / domains.length).toBeLessThan(20);
  });

  it('and the domains it left out really have no encrypted incoming server', async () => {
    for (const domain of excluded) {
      const result = await detect({ address: `someone@${domain}`, offline: true });
      expect(result.found, domain).toBe(false);
    }
  });
});

describe("offline, the seeds' providers answer too", () => {
  it('mailserviceonline.net (seed 003): one host, IMAPS, POP3S, SMTPS, its lockout rule', async () => {
    const result = await detect({ address: 'kunde@mailserviceonline.net', offline: true, lang: 'de' });
    expect(result).toMatchObject({ found: true, source: 'bundled', trusted: true, asOf: '2026-11' });
    expect(
      result.incoming.map((s) => `${s.protocol} ${s.host}:${s.port}/${s.security} ${s.username}`),
    ).toEqual([
      'imap mail.mailserviceonline.net:993/tls kunde@mailserviceonline.net',
      'pop3 mail.mailserviceonline.net:995/tls kunde@mailserviceonline.net',
    ]);
    expect(result.outgoing.map((s) => `${s.host}:${s.port}/${s.security}`)).toEqual([
      'mail.mailserviceonline.net:465/tls',
    ]);
    const lockout = result.hints.find((hint) => hint.code === 'lockout-after-failures');
    expect(lockout?.message).toMatch(/5 falschen Passwörtern für 60 Minuten/);
    expect(result.hints.map((hint) => hint.code)).toContain('groupware-activesync');
  });

  it('Variomedia (seeds 000, 001): both forms of every server, never a legacy host', async () => {
    const result = await detect({ address: 'info@variomedia.de', offline: true });
    const servers = [...result.incoming, ...result.outgoing].map((s) => `${s.host}:${s.port}/${s.security}`);
    expect(servers).toEqual([
      'imap.variomedia.de:993/tls',
      'imap.variomedia.de:143/starttls',
      'pop3.variomedia.de:995/tls',
      'pop3.variomedia.de:110/starttls',
      'smtp.variomedia.de:465/tls',
      'smtp.variomedia.de:587/starttls',
      'smtp.variomedia.de:25/starttls',
    ]);
    expect(servers.some((server) => server.includes('legacy'))).toBe(false);
  });

  it('strato.de, missing before the import, answers with our curated STRATO entry', async () => {
    const result = await detect({ address: 'a@strato.de', offline: true });
    expect(result).toMatchObject({ found: true, source: 'bundled', provider: { id: 'strato' } });
  });
});
