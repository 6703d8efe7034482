// A real DNS server (dnsmasq) for one test file: only the records given, on 127.0.0.1 and a free port,
// no upstream. Names under an authoritative domain that are not in the zone answer NXDOMAIN; names
// outside every authoritative domain answer REFUSED (there is no upstream to ask).

import { promises as dns } from 'node:dns';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  assertConfigValue,
  freePort,
  makePeerDir,
  readText,
  removePeerDir,
  sleep,
  spawnDaemon,
  stopGroup,
} from './process.js';

export { startSilentDns } from './silent-dns.js';

export interface DnsZone {
  /** name -> IPv4 addresses */
  a?: Record<string, string[]>;
  /** name -> IPv6 addresses */
  aaaa?: Record<string, string[]>;
  mx?: Record<string, { exchange: string; priority: number }[]>;
  /** A target of "." means "service not offered here" (RFC 2782, RFC 6186). */
  srv?: Record<string, { target: string; port: number; priority: number; weight: number }[]>;
  /** name -> TXT records, one string each (longer than 255 bytes is split into chunks). */
  txt?: Record<string, string[]>;
  /** alias -> target; dnsmasq adds the target's addresses only when the target is in this zone. */
  cname?: Record<string, string>;
  /** Domains answered from this zone alone, e.g. ['test']: unknown names under them are NXDOMAIN. */
  authoritative?: string[];
}

export interface DnsQuery {
  type: string;
  name: string;
}

export interface DnsHandle {
  /** "127.0.0.1:PORT", the form MAILSETUP_DNS / --dns and Resolver.setServers take. */
  server: string;
  logFile: string;
  /** The look-ups dnsmasq received so far, oldest first. */
  queries(): DnsQuery[];
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const NAME = /^[A-Za-z0-9_.*-]+$/;

function name(value: string): string {
  if (!NAME.test(value)) throw new Error(`not a DNS name dnsmasq's config can hold: ${value}`);
  return value.replace(/\.$/, '');
}

function quoted(text: string): string {
  assertConfigValue(text, 'TXT record');
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function zoneLines(zone: DnsZone): string[] {
  const lines: string[] = [];
  for (const domain of zone.authoritative ?? []) lines.push(`local=/${name(domain)}/`);
  const addresses = [...Object.entries(zone.a ?? {}), ...Object.entries(zone.aaaa ?? {})];
  for (const [host, ips] of addresses) {
    // One line per address: a name may carry several host-records.
    for (const ip of ips) lines.push(`host-record=${name(host)},${ip}`);
  }
  for (const [domain, records] of Object.entries(zone.mx ?? {})) {
    for (const mx of records) lines.push(`mx-host=${name(domain)},${name(mx.exchange)},${mx.priority}`);
  }
  for (const [service, records] of Object.entries(zone.srv ?? {})) {
    for (const srv of records) {
      // An empty target is how dnsmasq writes the root name ".".
      const target = srv.target === '.' || srv.target === '' ? '' : name(srv.target);
      lines.push(`srv-host=${name(service)},${target},${srv.port},${srv.priority},${srv.weight}`);
    }
  }
  for (const [host, texts] of Object.entries(zone.txt ?? {})) {
    for (const text of texts) lines.push(`txt-record=${name(host)},${quoted(text)}`);
  }
  for (const [alias, target] of Object.entries(zone.cname ?? {}))
    lines.push(`cname=${name(alias)},${name(target)}`);
  return lines;
}

/** Answers from the server mean it is up, whatever the answer (REFUSED for a name outside the zone). */
async function answers(server: string): Promise<boolean> {
  const resolver = new dns.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([server]);
  try {
    await resolver.resolve4('readiness-probe.invalid');
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ECONNREFUSED' && code !== 'ETIMEOUT' && code !== 'ECANCELLED';
  }
}

export async function startDns(zone: DnsZone): Promise<DnsHandle> {
  const dir = makePeerDir('dnsmasq');
  const logFile = path.join(dir, 'queries.log');
  const outFile = path.join(dir, 'dnsmasq.out');
  const confFile = path.join(dir, 'dnsmasq.conf');
  const records = zoneLines(zone);
  // The port may be taken between freePort() and dnsmasq's bind: then dnsmasq exits and we try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(HOST);
    const server = `${HOST}:${port}`;
    const config = [
      'no-resolv',
      'no-hosts',
      'no-poll',
      `port=${port}`,
      `listen-address=${HOST}`,
      'bind-interfaces',
      // Stay root: the pid and log files live in our directory, not one 'dnsmasq'/'nobody' may write.
      'user=root',
      'group=root',
      `pid-file=${path.join(dir, 'dnsmasq.pid')}`,
      'log-queries',
      `log-facility=${logFile}`,
      ...records,
    ];
    writeFileSync(confFile, `${config.join('\n')}\n`);
    const daemon = spawnDaemon('dnsmasq', ['--keep-in-foreground', `--conf-file=${confFile}`], outFile);
    const pid = daemon.child.pid;
    const deadline = Date.now() + 10_000;
    while (!daemon.hasExited() && !(await answers(server))) {
      if (Date.now() > deadline) break;
      await sleep(20);
    }
    if (pid !== undefined && !daemon.hasExited() && (await answers(server))) {
      return {
        server,
        logFile,
        queries: () => parseQueries(readText(logFile)),
        stop: async () => {
          await stopGroup(pid, daemon.exited);
          removePeerDir(dir);
        },
      };
    }
    if (pid !== undefined) await stopGroup(pid, daemon.exited);
    const output = `${readText(outFile)}${readText(logFile)}`;
    if (!/Address already in use/i.test(output) || attempt >= 5) {
      throw new Error(`dnsmasq did not start (config ${confFile}):\n${output}`);
    }
  }
}

function parseQueries(log: string): DnsQuery[] {
  const queries: DnsQuery[] = [];
  for (const match of log.matchAll(/ query\[(\w+)\] (\S+) from /g)) {
    queries.push({ type: match[1] ?? '', name: match[2] ?? '' });
  }
  return queries;
}
