// Shared plumbing for the test peers: a fresh directory per peer, a daemon started in its own process
// group (so stop() reaches every child it forked), readiness polling, and free ports.

import { type ChildProcess, spawn } from 'node:child_process';
import dgram from 'node:dgram';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { issueCert, type KeyAndCert, TEST_TMP } from './ca.js';

// Dovecot and Postfix run parts of themselves as 'mail', 'dovecot' and 'postfix': they must be able to
// walk into the peer's directory. A checkout under /root (mode 0700) would not allow that, and unix
// socket paths are limited to 107 bytes, so fall back to the system temp dir in either case.
function peerBase(): string {
  mkdirSync(TEST_TMP, { recursive: true });
  const reachable = (dir: string): boolean => {
    for (let d = dir; ; d = path.dirname(d)) {
      if ((statSync(d).mode & 0o001) === 0) return false;
      if (d === path.dirname(d)) return true;
    }
  };
  if (TEST_TMP.length <= 60 && reachable(TEST_TMP)) return TEST_TMP;
  const fallback = path.join(os.tmpdir(), 'mailsetup-peers');
  mkdirSync(fallback, { recursive: true, mode: 0o755 });
  return fallback;
}

/** A fresh directory for one peer, readable by the daemons' unprivileged users. */
export function makePeerDir(kind: string): string {
  const dir = mkdtempSync(path.join(peerBase(), `${kind}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/** Removes a peer's directory unless KEEP_PEER_DIRS is set (to read logs after a failure). */
export function removePeerDir(dir: string): void {
  if (!process.env.KEEP_PEER_DIRS) rmSync(dir, { recursive: true, force: true });
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export interface Daemon {
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  hasExited(): boolean;
}

// Groups started and not yet stopped. If a test worker dies or forgets stop(), its peers must not
// live on and hold the well-known ports of the next run.
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGTERM');
});

/** Makes `stop` of a group we did not spawn ourselves (Postfix's master) also happen at exit. */
export function trackGroup(pgid: number): void {
  liveGroups.add(pgid);
}

/** Starts a command as leader of a new process group; stdout and stderr go to `outputFile`. */
export function spawnDaemon(command: string, args: string[], outputFile: string): Daemon {
  const out = openSync(outputFile, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  if (child.pid !== undefined) liveGroups.add(child.pid);
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      done = true;
      resolve(error.message);
    });
  });
  // A peer must never keep the test worker alive on its own.
  child.unref();
  return { child, exited, hasExited: () => done };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * SIGTERM to the process group led by `pgid`, SIGKILL after `graceMs`; resolves once the leader has
 * exited. `exited` is the leader's exit promise when it is our child (a zombie counts as alive for kill 0).
 */
export async function stopGroup(pgid: number, exited?: Promise<unknown>, graceMs = 3000): Promise<void> {
  liveGroups.delete(pgid);
  const gone = exited ?? waitUntil(() => !isAlive(pgid), 60_000, 20);
  signalGroup(pgid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const outcome = await Promise.race([gone.then(() => 'done' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    signalGroup(pgid, 'SIGKILL');
    await gone;
  }
  // Children that outlived the leader (they share its group) must not hold the ports.
  signalGroup(pgid, 'SIGKILL');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns true; throws after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/**
 * Waits until `host:port` speaks first with a line starting with `expect` (a mail server's greeting).
 * Readiness, not trust: a peer may deliberately serve a bad certificate, so it is not verified here.
 */
export async function waitForGreeting(options: {
  host: string;
  port: number;
  tls: boolean;
  expect: string;
  timeoutMs: number;
  daemon: Daemon;
  describe: () => string;
}): Promise<void> {
  const attempt = (): Promise<boolean> =>
    new Promise((resolve) => {
      const socket = options.tls
        ? tls.connect({ host: options.host, port: options.port, rejectUnauthorized: false })
        : net.connect({ host: options.host, port: options.port });
      let text = '';
      const finish = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(1000, () => finish(false));
      socket.on('error', () => finish(false));
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text.includes('\n')) finish(text.startsWith(options.expect));
      });
    });
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (options.daemon.hasExited()) throw new Error(`exited during start-up:\n${options.describe()}`);
    // A greeting from a server that is not ours (its ports were taken) must not count.
    if ((await attempt()) && !options.daemon.hasExited()) return;
    if (Date.now() > deadline)
      throw new Error(`no greeting within ${options.timeoutMs} ms:\n${options.describe()}`);
    await sleep(50);
  }
}

/** A port free for both UDP and TCP on `host` right now (a race remains: callers retry on collision). */
export async function freePort(host: string): Promise<number> {
  for (;;) {
    const udp = dgram.createSocket('udp4');
    const port = await new Promise<number>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, host, () => resolve(udp.address().port));
    });
    const tcp = net.createServer();
    const tcpFree = await new Promise<boolean>((resolve) => {
      tcp.once('error', () => resolve(false));
      tcp.listen(port, host, () => resolve(true));
    });
    await new Promise<void>((resolve) => (tcpFree ? tcp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (tcpFree) return port;
  }
}

/** Rejects values that would break or inject into a line-oriented config file. */
export function assertConfigValue(value: string, what: string, forbidden: RegExp = /[\r\n\0]/): void {
  if (forbidden.test(value)) throw new Error(`${what} contains a character the config cannot hold: ${value}`);
}

/** uid and gid of a system account (the Debian packages create 'postfix'; base-passwd has 'mail'). */
export function systemUser(name: string): { uid: number; gid: number } {
  for (const line of readText('/etc/passwd').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  throw new Error(`system user '${name}' is missing (is the Debian package installed?)`);
}

/** Waits until a log file has stopped growing: daemons write through a log process, a moment late. */
export async function settledText(file: string): Promise<string> {
  let text = readText(file);
  for (let i = 0; i < 20; i++) {
    await sleep(25);
    const again = readText(file);
    if (again.length === text.length) return again;
    text = again;
  }
  return text;
}

/** Throws if anything already listens on one of `ports` at `ip` (a leftover peer, another test). */
export async function assertPortsFree(ip: string, ports: number[]): Promise<void> {
  const taken: number[] = [];
  await Promise.all(
    ports.map(
      (port) =>
        new Promise<void>((resolve) => {
          const socket = net.connect({ host: ip, port }, () => {
            taken.push(port);
            socket.destroy();
            resolve();
          });
          socket.on('error', () => resolve());
        }),
    ),
  );
  if (taken.length > 0) {
    throw new Error(
      `${ip} already has listeners on port(s) ${taken.sort((a, b) => a - b).join(', ')}: is a peer left over?`,
    );
  }
}

const certificates = new Map<string, KeyAndCert>();
/** A certificate of the test CA for `names`, made once per worker (RSA key generation is the slow part). */
export function certificateFor(names: string[]): KeyAndCert {
  const key = names.join(',');
  let pair = certificates.get(key);
  if (!pair) {
    pair = issueCert({ names });
    certificates.set(key, pair);
  }
  return pair;
}
