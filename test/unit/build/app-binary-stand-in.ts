// Plays the packaged app binary for packaged-cli.test.ts, where no Electron binary exists: runs
// electron/main.ts under the fake electron module as the installed binary starts it (argv [exe,
// ...args], app.isPackaged), and ends the process where Electron's app.exit would. The small shell
// script the test puts where the binary belongs runs this with MAILSETUP_STAND_IN_EXE set to its own
// path; MAILSETUP_STAND_IN_LOG gets the argv the "binary" received, one JSON line per start.

import { appendFileSync } from 'node:fs';
import { createFakeElectron, installFakeElectron } from '../electron/fake-electron.js';

const exe = process.env.MAILSETUP_STAND_IN_EXE ?? process.argv[1] ?? 'app';
process.argv = [exe, ...process.argv.slice(2)];
if (process.env.MAILSETUP_STAND_IN_LOG) {
  appendFileSync(process.env.MAILSETUP_STAND_IN_LOG, `${JSON.stringify(process.argv)}\n`);
}

const fake = createFakeElectron();
fake.app.isPackaged = true;
fake.app.onExit = (code) => process.exit(code);
installFakeElectron(fake.electron);
await import('../../../electron/main.js');
// Without --cli main.ts opens its (fake) window and nothing would end this stand-in.
setTimeout(() => {
  process.stderr.write(`stand-in: no app.exit; main.ts did: ${fake.log.join(', ')}\n`);
  process.exit(99);
}, 20_000).unref();
