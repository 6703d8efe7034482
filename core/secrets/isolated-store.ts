// The keychain in a helper process (host.ts) that we can kill. Why not in-process: a keychain waiting
// for an unlock prompt nobody answers holds a native thread that neither an AbortSignal nor a timeout
// can stop, and Node waits for that thread before it exits; a D-Bus that never answers even blocks
// the calling thread (native-store.ts). Here a call that misses its deadline kills the helper: the
// caller gets keychain-unavailable on time and can exit; the next call starts a fresh helper.
//
// The launcher is injectable: Node forks host.js; Electron (whose fuses forbid running as Node) passes
// one built on utilityProcess.fork, with execArgv ['--expose-gc'] as forkHost has. Code that creates
// the keychain itself (the CLI's commands, core/api.ts without a keychain) gets the process-wide
// default, which the Electron shell sets once at start (setDefaultHostLauncher): the packaged app also
// runs the CLI (`--cli`), and there too child_process.fork cannot start a Node script.

import { type ChildProcess, fork } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MailSetupError } from '../errors.js';
import { SERVICE_NAME } from './account.js';
import { type HostRequest, type HostResponse, isHostResponse } from './host-protocol.js';
import { KEYCHAIN_DEFAULTS, type KeychainStore, keychainTimeout, type StoreCallOptions } from './store.js';

export interface HostProcess {
  send(request: HostRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the helper has gone, for whatever reason. */
  onExit(listener: (reason: string) => void): void;
  kill(): void;
  /** While no call waits, the helper must not keep the parent process alive. */
  setBusy(busy: boolean): void;
  /** The end of what the helper wrote to stderr (a crash), for the error detail. */
  output(): string;
}

export type HostLauncher = () => HostProcess;

/** Forks host.js with Node: the launcher for plain Node (the CLI from npm, tests). */
const nodeLauncher: HostLauncher = () => forkHost();
let defaultLauncher: HostLauncher = nodeLauncher;

/**
 * The launcher every store created without `launch` uses from now on; undefined restores Node's
 * fork. For a host process that cannot fork Node scripts (Electron: electron/main.ts sets it before
 * anything creates a keychain). A store keeps the launcher it was created with.
 */
export function setDefaultHostLauncher(launcher: HostLauncher | undefined): void {
  defaultLauncher = launcher ?? nodeLauncher;
}

const OUTPUT_LIMIT = 2000;

/** Forks host.js with Node. From TypeScript sources (vitest, tsx) it forks host.ts through tsx. */
export function forkHost(options: { env?: NodeJS.ProcessEnv } = {}): HostProcess {
  const fromSource = import.meta.url.endsWith('.ts');
  const hostFile = fileURLToPath(new URL(fromSource ? './host.ts' : './host.js', import.meta.url));
  const child: ChildProcess = fork(hostFile, [], {
    // --expose-gc: host.ts frees unused D-Bus connections at once instead of whenever V8 collects.
    execArgv: fromSource ? ['--expose-gc', '--import', 'tsx'] : ['--expose-gc'],
    env: options.env ?? process.env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output = (output + chunk).slice(-OUTPUT_LIMIT);
  });
  return {
    send: (request) => {
      child.send(request);
    },
    onMessage: (listener) => {
      child.on('message', listener);
    },
    onExit: (listener) => {
      let done = false;
      const once = (reason: string): void => {
        if (done) return;
        done = true;
        listener(reason);
      };
      child.once('exit', (code, signal) => once(signal ?? `exit code ${code}`));
      child.once('error', (error) => once(error.message));
    },
    kill: () => {
      child.kill('SIGKILL');
    },
    setBusy: (busy) => {
      const stderr = child.stderr as Socket | null;
      if (busy) {
        child.ref();
        child.channel?.ref();
        stderr?.ref();
      } else {
        child.unref();
        child.channel?.unref();
        stderr?.unref();
      }
    },
    output: () => output,
  };
}

/** A request before it gets its id and service. */
type HostCall = HostRequest extends infer R
  ? R extends HostRequest
    ? Omit<R, 'id' | 'service'>
    : never
  : never;

interface Pending {
  resolve: (value: HostResponse) => void;
  reject: (error: Error) => void;
}

interface Running {
  host: HostProcess;
  pending: Map<number, Pending>;
}

export interface IsolatedStoreOptions {
  launch?: HostLauncher;
  service?: string;
  timeoutMs?: number;
}

export function createIsolatedStore(options: IsolatedStoreOptions = {}): KeychainStore {
  const launch = options.launch ?? defaultLauncher;
  const service = options.service ?? SERVICE_NAME;
  const defaultTimeoutMs = options.timeoutMs ?? KEYCHAIN_DEFAULTS.timeoutMs;
  let running: Running | undefined;
  let nextId = 1;

  function start(): Running {
    if (running) return running;
    let host: HostProcess;
    try {
      host = launch();
    } catch (error) {
      throw new MailSetupError(
        'keychain-unavailable',
        `the keychain helper could not start: ${(error as Error).message}`,
      );
    }
    const current: Running = { host, pending: new Map() };
    host.onMessage((message) => {
      if (!isHostResponse(message)) return;
      const waiting = current.pending.get(message.id);
      current.pending.delete(message.id);
      host.setBusy(current.pending.size > 0);
      waiting?.resolve(message);
    });
    host.onExit((reason) => {
      if (running === current) running = undefined;
      const output = host.output().trim();
      const error = new MailSetupError(
        'keychain-unavailable',
        `the keychain helper stopped (${reason})${output ? `: ${output}` : ''}`,
      );
      for (const waiting of current.pending.values()) waiting.reject(error);
      current.pending.clear();
    });
    host.setBusy(false);
    running = current;
    return current;
  }

  async function call(request: HostCall, callOptions: StoreCallOptions): Promise<string | boolean | null> {
    callOptions.signal?.throwIfAborted();
    const timeoutMs = callOptions.timeoutMs ?? defaultTimeoutMs;
    const current = start();
    const id = nextId++;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const response = await new Promise<HostResponse>((resolve, reject) => {
      current.pending.set(id, { resolve, reject });
      current.host.setBusy(true);
      // A helper stuck in the keychain cannot be asked to stop: killing it is the only way out.
      const giveUp = (error: Error): void => {
        current.pending.delete(id);
        reject(error);
        // Calls from now on go to a fresh helper, not to this dying one.
        if (running === current) running = undefined;
        current.host.kill();
      };
      timer = setTimeout(() => giveUp(keychainTimeout(timeoutMs)), timeoutMs);
      onAbort = () => giveUp(callOptions.signal?.reason ?? new Error('aborted'));
      callOptions.signal?.addEventListener('abort', onAbort, { once: true });
      current.host.send({ ...request, id, service });
    }).finally(() => {
      clearTimeout(timer);
      if (onAbort) callOptions.signal?.removeEventListener('abort', onAbort);
    });
    if (response.ok) return response.value;
    if (response.unavailable) throw new MailSetupError('keychain-unavailable', response.message);
    throw new Error(`keychain: ${response.message}`);
  }

  return {
    setPassword: async (account, password, callOptions = {}) => {
      await call({ op: 'set', account, password }, callOptions);
    },
    getPassword: async (account, callOptions = {}) => {
      const value = await call({ op: 'get', account }, callOptions);
      return typeof value === 'string' ? value : null;
    },
    deletePassword: async (account, callOptions = {}) =>
      (await call({ op: 'delete', account }, callOptions)) === true,
    close: async () => {
      const current = running;
      running = undefined;
      current?.host.kill();
    },
  };
}
