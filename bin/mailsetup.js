#!/usr/bin/env node
// Thin launcher: the CLI is one bundle in dist/ (built by `npm install` through "prepare", or
// `npm run build`), with the parts a command may need in chunks beside it, loaded on demand.
import module from 'node:module';

// Node 22+ (and Electron) keep compiled code between runs; Node 20 has no such cache.
module.enableCompileCache?.();
await import('../dist/cli/mailsetup.js');
