// Small measuring tools for `npm run bench`: run a command, time it, summarise, write a table row.

import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** What `mailsetup` runs: the launcher (compile cache where Node has one) and the bundle behind it. */
export const CLI_MAIN = path.join(ROOT, 'bin', 'mailsetup.js');
const RSS_PRELOAD = path.join(ROOT, 'bench', 'rss-report.cjs');

export interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssKb?: number;
  /** User and system CPU time the process used, in microseconds. */
  cpuUs?: number;
}

/** Runs a command to completion and measures its wall time (from spawn to exit). */
export function timeCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const report = /MAXRSS_KB (\d+) CPU_US (\d+)/.exec(stderr);
      const measured = report ? { maxRssKb: Number(report[1]), cpuUs: Number(report[2]) } : {};
      resolve({ ms, code, stdout, stderr, ...measured });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** `node -e 0` with the same memory report: what bare Node costs. */
export function timeBareNode(): Promise<Timed> {
  return timeCommand(process.execPath, ['--require', RSS_PRELOAD, '-e', '0']);
}

/** The built CLI, as a user runs it, with its peak memory reported. */
export function timeCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<Timed> {
  return timeCommand(process.execPath, ['--require', RSS_PRELOAD, CLI_MAIN, ...args], options);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Row {
  figure: string;
  target: string;
  measured: string;
  verdict: 'pass' | 'FAIL' | 'info';
  note?: string;
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

export function mb(kb: number): string {
  return `${(kb / 1024).toFixed(1)} MB`;
}

/** A run's time and peak memory over a baseline's, as "1.23×". */
export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}

/**
 * Runs `subject` and `baseline` alternately, `runs` times each, so that a busy moment of a shared
 * machine slows both alike; a warm-up round first (file caches) is not counted.
 */
export async function interleaved(
  runs: number,
  subject: () => Promise<Timed>,
  baseline: () => Promise<Timed>,
): Promise<{ subject: Timed[]; baseline: Timed[] }> {
  await subject();
  await baseline();
  const result = { subject: [] as Timed[], baseline: [] as Timed[] };
  for (let run = 0; run < runs; run++) {
    result.subject.push(await subject());
    result.baseline.push(await baseline());
  }
  return result;
}

export interface DialogueStep {
  /** What the server must have said (since the previous step) before `send` goes out. */
  expect: RegExp;
  /** The line to send then; none for the last step (then the server closes after its answer). */
  send?: string;
}

/**
 * `openssl s_client -quiet -ign_eof` through a whole dialogue: each line is sent only after the
 * server's answer to the previous one, and the time runs until openssl exits (the server closed the
 * connection after the last answer). Throws when an answer does not come: a baseline that closed
 * before the server answered would flatter openssl.
 */
export function timeOpensslDialogue(args: string[], steps: readonly DialogueStep[]): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['s_client', '-quiet', '-ign_eof', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let from = 0;
    let step = 0;
    const advance = (): void => {
      while (step < steps.length) {
        const current = steps[step]!;
        const match = current.expect.exec(stdout.slice(from));
        if (!match) return;
        from += match.index + match[0].length;
        step++;
        if (current.send !== undefined) child.stdin.write(`${current.send}\r\n`);
      }
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      advance();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (step < steps.length) {
        reject(new Error(`openssl ${args.join(' ')}: no answer for step ${step + 1}\n${stdout}${stderr}`));
      } else resolve({ ms, code, stdout, stderr });
    });
  });
}
