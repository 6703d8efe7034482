// Issue 2's figures: offline start-up, answer time on the test internet, the hung-host case, memory.

import { SOURCE_RANKING } from '../core/discovery/index.js';
import type { DetectResult, SourceName } from '../core/model.js';
import { configXml, standardServers } from '../test/helpers/config-xml.js';
import { type DnsHandle, startDns } from '../test/peers/dnsmasq.js';
import { type HttpsHostsHandle, startHttpsHosts } from '../test/peers/https-host.js';
import { interleaved, mb, median, ms, percentile, type Row, ratio, timeBareNode, timeCli } from './lib.js';

const RUNS = 10;

/** The slowest look-up among the sources the answer had to wait for (ranked at or above the chosen one). */
function slowestNeeded(result: DetectResult): number {
  const rank = (source: SourceName) => SOURCE_RANKING.indexOf(source);
  const limit = result.source ? rank(result.source) : SOURCE_RANKING.length;
  const needed = result.lookups.filter(
    (lookup) => rank(lookup.source) <= limit && lookup.outcome !== 'cancelled',
  );
  return Math.max(0, ...needed.map((lookup) => lookup.ms));
}

export async function benchDetect(): Promise<Row[]> {
  const rows: Row[] = [];

  // Issue 14: start-up close to bare Node, in time and in memory, measured side by side.
  const offlineRuns = await interleaved(
    RUNS * 2,
    async () => {
      const timed = await timeCli(['detect', 'max@gmx.de', '--offline', '--json']);
      if (timed.code !== 0) throw new Error(`offline detect failed: ${timed.stderr}`);
      return timed;
    },
    timeBareNode,
  );
  const offline = offlineRuns.subject.map((run) => run.ms);
  const bare = offlineRuns.baseline.map((run) => run.ms);
  const offlineRss = offlineRuns.subject.flatMap((run) => (run.maxRssKb ? [run.maxRssKb] : []));
  const bareRss = offlineRuns.baseline.flatMap((run) => (run.maxRssKb ? [run.maxRssKb] : []));
  const timeRatio = median(offline) / median(bare);
  rows.push({
    figure: '`mailsetup detect --offline` (bundled provider), whole process, against `node -e 0`',
    target: `≤ 1.5 × \`node -e 0\` (medians of ${RUNS * 2}, interleaved)`,
    measured: `${ratio(median(offline), median(bare))}: median ${ms(median(offline))} (p90 ${ms(percentile(offline, 90))}), \`node -e 0\` ${ms(median(bare))}`,
    verdict: timeRatio <= 1.5 ? 'pass' : 'FAIL',
  });
  const rssRatio = median(offlineRss) / median(bareRss);
  rows.push({
    figure: 'Peak memory (max RSS) of `mailsetup detect --offline`, against `node -e 0`',
    target: '≤ 1.3 × `node -e 0`',
    measured: `${ratio(median(offlineRss), median(bareRss))}: ${mb(median(offlineRss))}, \`node -e 0\` ${mb(median(bareRss))}`,
    verdict: rssRatio <= 1.3 ? 'pass' : 'FAIL',
  });

  const ip = { autoconf: '127.0.9.2', hung: '127.0.9.3' };
  let dns: DnsHandle | undefined;
  let web: HttpsHostsHandle | undefined;
  try {
    dns = await startDns({
      authoritative: ['test'],
      a: { 'autoconfig.bench.test': [ip.autoconf], 'autoconfig.hung.test': [ip.hung] },
      srv: {
        '_imaps._tcp.bench.test': [{ target: 'imap.bench.test', port: 993, priority: 0, weight: 1 }],
        '_submissions._tcp.bench.test': [{ target: 'smtp.bench.test', port: 465, priority: 0, weight: 1 }],
        '_imaps._tcp.hung.test': [{ target: 'imap.hung.test', port: 993, priority: 0, weight: 1 }],
        '_submissions._tcp.hung.test': [{ target: 'smtp.hung.test', port: 465, priority: 0, weight: 1 }],
      },
    });
    web = await startHttpsHosts({
      'autoconfig.bench.test': {
        ip: ip.autoconf,
        routes: { '/mail/config-v1.1.xml': { body: configXml('bench.test', standardServers('bench.test')) } },
      },
      'autoconfig.hung.test': { ip: ip.hung, mode: 'hang' },
    });
    const env = { MAILSETUP_ISPDB_URL: 'https://ispdb.invalid.test/v1.1/' };

    const overheads: number[] = [];
    const answers: number[] = [];
    const rss: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const timed = await timeCli(['detect', 'anna@bench.test', '--json', '--dns', dns.server], { env });
      const result = JSON.parse(timed.stdout) as DetectResult;
      if (result.source !== 'autoconfig') throw new Error(`expected autoconfig, got ${result.source}`);
      answers.push(result.elapsedMs);
      overheads.push(result.elapsedMs - slowestNeeded(result));
      if (timed.maxRssKb) rss.push(timed.maxRssKb);
    }
    rows.push({
      figure: 'Test internet (autoconfig + SRV): answer time minus the slowest look-up it needed',
      target: '≤ 50 ms',
      measured: `median ${ms(median(overheads))}, max ${ms(Math.max(...overheads))} (answer median ${ms(median(answers))})`,
      verdict: median(overheads) <= 50 ? 'pass' : 'FAIL',
    });

    const hung: number[] = [];
    for (let run = 0; run < 5; run++) {
      const timed = await timeCli(['detect', 'bob@hung.test', '--json', '--dns', dns.server], { env });
      const result = JSON.parse(timed.stdout) as DetectResult;
      if (result.source !== 'srv') throw new Error(`expected srv, got ${result.source}`);
      hung.push(result.elapsedMs);
    }
    rows.push({
      figure: 'Hung autoconfig host, valid SRV records: time to answer',
      target: '≤ 4.5 s',
      measured: `median ${ms(median(hung))}, max ${ms(Math.max(...hung))}`,
      verdict: Math.max(...hung) <= 4500 ? 'pass' : 'FAIL',
    });
    rows.push({
      figure: 'Peak memory (max RSS) of a detect run',
      target: 'report',
      measured: `offline ${mb(median(offlineRss))}; test internet ${mb(median(rss))}`,
      verdict: 'info',
    });
  } finally {
    await web?.stop();
    await dns?.stop();
  }
  return rows;
}
