import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run in Node, which Vite resolves as its server (ssr) side. The extra export condition makes workspace
  // packages resolve to their TypeScript source, so a test never runs a stale build of one.
  ssr: { resolve: { conditions: ['@osm-feature-bot/source', ...defaultServerConditions] } },
  test: {
    include: ['tests/**/*.test.ts', 'packages/*/tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
