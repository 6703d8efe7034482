import { defineConfig } from 'vitest/config';

export default defineConfig({
  // JSX in test files (the root tsconfig, which esbuild reads for them, sets no jsx mode).
  esbuild: { jsx: 'automatic' },
  test: {
    // *.test.tsx: the renderer's component tests; each names its environment (jsdom) in a docblock.
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/global-setup.ts'],
    // Forks, not threads: NODE_EXTRA_CA_CERTS is read when a process starts.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
