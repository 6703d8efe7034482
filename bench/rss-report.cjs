// Preloaded into a measured process: reports its peak resident memory (and the CPU time it used) on
// stderr when it exits.
process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeSync(
    2,
    `\nMAXRSS_KB ${usage.maxRSS} CPU_US ${usage.userCPUTime + usage.systemCPUTime}\n`,
  );
});
