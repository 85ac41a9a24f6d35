import { defineConfig } from 'vitest/config';

// No wall-clock limit a slow or busy machine could break: ten minutes only stops a hung test.
// Speed is measured in bench/, never here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/globalSetup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
