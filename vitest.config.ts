import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Forks, not threads: NODE_EXTRA_CA_CERTS is read when a process starts.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
