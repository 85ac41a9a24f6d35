import { defineConfig } from 'vitest/config';

// No wall-clock limit a slow or busy machine could break: ten minutes only stops a hung test.
// Speed is measured in bench/, never here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/globalSetup.ts'],
    // Two files at a time: many wait on a server process, a child process or the PostgreSQL server.
    maxWorkers: 2,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
