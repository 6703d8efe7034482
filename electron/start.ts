// The main process's entry point (dist/electron/main.js): Electron's Node keeps compiled code between
// starts once the compile cache is on, for every module loaded after this call, so the app itself
// (main.ts and what it imports) comes in behind it.

import module from 'node:module';

// Node 22.1+ (Electron 45 embeds Node 22); an older Node simply has none.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./main.js');
