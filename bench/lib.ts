// Small measuring tools for `npm run bench`: run a command, time it, summarise, write a table row.

import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CLI_MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');
const RSS_PRELOAD = path.join(ROOT, 'bench', 'rss-report.cjs');

export interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssKb?: number;
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
      const rss = /MAXRSS_KB (\d+)/.exec(stderr);
      resolve({ ms, code, stdout, stderr, ...(rss ? { maxRssKb: Number(rss[1]) } : {}) });
    });
    child.stdin.end(options.stdin ?? '');
  });
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
