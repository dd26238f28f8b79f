import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One graphql for everything: Vite would load its ESM build for our code while the Apollo packages
// require the CommonJS one, and `instanceof GraphQLError` would fail across the two.
const graphql = createRequire(new URL('./packages/subgraph-kit/package.json', import.meta.url)).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'subgraphs/*/test/**/*.test.ts',
      'gateway/test/**/*.test.ts',
      'tests/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/globalSetup.ts', 'apps/portal/test/globalSetup.ts'],
  },
});
