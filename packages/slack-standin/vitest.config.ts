import { defineConfig } from 'vitest/config';

// The package's own tests, on their own (`npm test` in this folder); the root `npm test` runs them too.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
