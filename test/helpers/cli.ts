// Runs the built command line (dist/, made by `npm run build` before the tests) as a user would.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

export const CLI = path.resolve(import.meta.dirname, '..', '..', 'bin', 'mailsetup.js');

export interface CliRun {
  /** The arguments it ran with: failure messages name the run. */
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, LANG: 'en_US.UTF-8', ...options.env },
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
    child.on('close', (code) => resolve({ args, code, stdout, stderr, ms: performance.now() - started }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** What a failure message shows of a run: which one it was, how it ended, and everything it wrote. */
export function describeRun(run: CliRun): string {
  const ms = Math.round(run.ms);
  return [
    `mailsetup ${run.args.join(' ')} -> exit ${run.code} after ${ms} ms`,
    `--- stderr ---\n${run.stderr.trimEnd()}`,
    `--- stdout ---\n${run.stdout.trimEnd()}`,
  ].join('\n');
}

/** Asserts a run's exit code; a failure shows the run's stderr and stdout, not just two numbers. */
export function expectExit(run: CliRun, code: number): void {
  expect(run.code, describeRun(run)).toBe(code);
}

/** A run's stdout parsed as JSON; when it is not JSON, the failure shows the whole run. */
export function cliJson<T = unknown>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch (error) {
    throw new Error(`stdout is not JSON (${(error as Error).message})\n${describeRun(run)}`);
  }
}
