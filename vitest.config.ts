import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ (what the bin, the workers it starts and the package entry point run) before any test.
    globalSetup: ['tests/support/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time. Vitest's default is one fewer than the cores (one here, on 2 cores), but most
    // files spend their time waiting on the CLI processes, worker threads and browsers they start.
    maxWorkers: 2,
  },
});
