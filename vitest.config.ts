import { defineConfig } from 'vitest/config';

// One config for the whole workspace: every package's specs beside its code and the
// cross-package suites in test/. Workspace packages resolve to their TypeScript sources
// through the `source` export condition, so specs never run against a stale build.
export default defineConfig({
  resolve: { conditions: ['source', 'node', 'default'] },
  ssr: { resolve: { conditions: ['source', 'node', 'default'] } },
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    include: [
      'packages/*/src/**/*.spec.ts',
      'adapters/*/src/**/*.spec.ts',
      'test/**/*.spec.ts',
      'examples/**/*.spec.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node',
    // A PostgreSQL for the *.int.spec.ts of packages/postgres and test/: the machine's, or an embedded one.
    globalSetup: ['test/support/postgres-global-setup.ts'],
    // The pinned AWS SDK warns once per process that Node 20 support ends; the SDK's own switch silences it in tests.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    deps: { interopDefault: false },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // scripts/consumer-on-node.mjs names its own report, so a run on another Node leaves the suite's in place.
    reporters: ['default', ['json', { outputFile: process.env.CHANGEPLANE_VITEST_REPORT ?? 'reports/vitest.json' }]],
    pool: 'forks',
  },
});
