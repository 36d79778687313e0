/** Environment variables through which the global setup reaches the test files. */
export const TEST_ENV = {
  adminUrl: 'RLP_TEST_PG_ADMIN_URL',
  template: 'RLP_TEST_PG_TEMPLATE',
  s3Endpoint: 'RLP_TEST_S3_ENDPOINT',
} as const;

/** The test setup refuses to touch a database whose name does not contain "test". */
export function assertTestDatabaseName(name: string): void {
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to use database "${name}" for tests: its name must contain "test"`);
  }
}

export function replaceDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The role the apps connect as in tests: one that owns nothing, like in production (issue 18). */
export const TEST_APP_ROLE = { user: 'rlp_test_app', password: 'rlp-test-app' } as const;

/** The same database, reached as the apps' role. */
export function asAppRole(url: string): string {
  const u = new URL(url);
  u.username = TEST_APP_ROLE.user;
  u.password = TEST_APP_ROLE.password;
  return u.toString();
}

export function requireEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run integration and e2e tests through jest (npm test)`);
  return v;
}
