import { defineConfig } from 'vitest/config';

// The workspace's packages resolve to their TypeScript sources through the `source` export condition (no build
// needed); the other conditions are Vite's defaults, which a `conditions` list replaces.
const source = ['source', 'module', 'node', 'development|production'];

// The notebooks run last, on their own: their TypeScript kernel watches the files it compiled against and fails
// ("Unexpected pending rebuildTimer") when parallel test files write or remove files in the repository meanwhile.
const NOTEBOOKS = 'test/notebooks.test.ts';

export default defineConfig({
  resolve: { conditions: source },
  ssr: { resolve: { conditions: source } },
  test: {
    globalSetup: ['test/support/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'tests',
          // every test file but the notebooks' (a project's own `exclude` would drop the command line's)
          include: ['packages/*/test/**/*.test.ts', 'test/*/**/*.test.ts', 'test/!(notebooks).test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'notebooks', include: [NOTEBOOKS], sequence: { groupOrder: 1 } } },
    ],
  },
});
