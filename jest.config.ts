import type { Config } from 'jest';

/**
 * Three tiers, one command (`npm test`):
 *  - unit:        `*.spec.ts` next to the code, pure, no I/O;
 *  - integration: `*.integration-spec.ts`, against real PostgreSQL and a real S3 endpoint;
 *  - e2e:         `test/**\/*.e2e-spec.ts`, supertest against apps built by `configureApp`.
 * The global setup starts (or connects to) PostgreSQL and S3 once and migrates a template
 * database; every integration/e2e file then gets its own copy (see libs/testing).
 */
const swc: [string, Record<string, unknown>] = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@rlp/([^/]+)(/.*)?$': '<rootDir>/libs/$1/src$2' },
  testEnvironment: 'node',
  testTimeout: 120_000,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

// Jest runs a project's global setup only when a test of that project runs, so unit-only runs
// start no servers. Both projects share one set of servers (reference-counted in the setup).
const infra = {
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
};

const config: Config = {
  maxWorkers: 2,
  // A project-level testTimeout is ignored by Jest 30; it has to be set here. It guards against a
  // hang, it measures nothing: on a busy 2-core machine a whole assessment path (argon2 hashes,
  // password checks, PDF renders) can take more than half a minute.
  testTimeout: 120_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.integration-spec.ts'],
      ...infra,
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      ...infra,
    },
  ],
};

export default config;
