// Preloaded into a measured process: reports its peak resident memory on stderr when it exits.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nMAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
