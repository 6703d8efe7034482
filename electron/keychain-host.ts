// The keychain helper (core/secrets/host.ts) as an Electron utility process. core/secrets forks it with
// Node's child_process, which in Electron needs the runAsNode fuse that the builder configuration
// switches off; utilityProcess.fork is Electron's way to run a Node script beside the app.

import type { HostLauncher } from '../core/secrets/isolated-store.js';
import type { UtilityProcessModule } from './electron-types.js';

/** As much of the helper's stderr as a crash report needs. */
const OUTPUT_LIMIT = 2000;

export function utilityHostLauncher(utilityProcess: UtilityProcessModule, hostPath: string): HostLauncher {
  return () => {
    const child = utilityProcess.fork(hostPath, [], {
      // As forkHost: host.ts frees unused D-Bus connections at once when it can call gc().
      execArgv: ['--expose-gc'],
      stdio: 'pipe',
      serviceName: 'MailSetup keychain',
    });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer | string) => {
      output = (output + String(chunk)).slice(-OUTPUT_LIMIT);
    });
    return {
      send: (request) => {
        child.postMessage(request);
      },
      onMessage: (listener) => {
        child.on('message', listener);
      },
      onExit: (listener) => {
        child.on('exit', (code) => listener(`exit code ${code}`));
      },
      kill: () => {
        child.kill();
      },
      // Nothing to do: a utility process does not keep Electron running; the app quits with its window.
      setBusy: () => {},
      output: () => output,
    };
  };
}
