import { defineConfig } from 'vitest/config';

// The workspace's packages resolve to their TypeScript sources through the `source` export condition (no build
// needed); the other conditions are Vite's defaults, which a `conditions` list replaces.
const source = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions: source },
  ssr: { resolve: { conditions: source } },
  test: {
    globalSetup: ['test/support/build.ts'],
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
