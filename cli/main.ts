// The `mailsetup` command line (CONTRACT.md): the bundle's entry point (tools/build-cli.ts).

import { main } from './run.js';

const code = await main(process.argv.slice(2));
// Exit once stdout has drained: a discovery step we no longer need must not keep the process alive.
process.stdout.write('', () => process.exit(code));
