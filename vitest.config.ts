import { configDefaults, defineConfig } from 'vitest/config';

// Stress tests of the real gnome-keyring (500 entries, two writers at once) run in a second pass on
// their own: gnome-keyring-daemon has an upstream race that aborts it when OpenSession requests meet
// a busy daemon ("gkd_secret_service_get_pkcs11_session: assertion 'client' failed"), which the whole
// suite's load made likely. `npm test` runs both passes; MAILSETUP_TEST_PASS=keychain picks this one.
const KEYCHAIN_STRESS = ['test/integration/keychain.test.ts'];
const keychainPass = process.env.MAILSETUP_TEST_PASS === 'keychain';

export default defineConfig({
  // JSX in test files (the root tsconfig, which esbuild reads for them, sets no jsx mode).
  esbuild: { jsx: 'automatic' },
  test: {
    // *.test.tsx: the renderer's component tests; each names its environment (jsdom) in a docblock.
    include: keychainPass ? KEYCHAIN_STRESS : ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: keychainPass ? configDefaults.exclude : [...configDefaults.exclude, ...KEYCHAIN_STRESS],
    globalSetup: ['test/global-setup.ts'],
    // Forks, not threads: NODE_EXTRA_CA_CERTS is read when a process starts.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
