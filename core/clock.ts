// Milliseconds on a monotonic clock, for how long something took. process.hrtime rather than
// performance.now(): on Node 20 the first use of the `performance` global loads perf_hooks, a few
// milliseconds of every command's start-up.

export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
