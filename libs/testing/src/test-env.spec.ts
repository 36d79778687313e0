import { assertTestDatabaseName, replaceDatabase } from './test-env';

describe('test database guard', () => {
  it.each(['rlp_test_1', 'test', 'my_TEST_db'])('accepts %s', (name) => {
    expect(() => assertTestDatabaseName(name)).not.toThrow();
  });
  it.each(['rlp', 'production', 'postgres', ''])('refuses %s', (name) => {
    expect(() => assertTestDatabaseName(name)).toThrow(/must contain "test"/);
  });
  it('replaces only the database of a URL', () => {
    expect(replaceDatabase('postgres://u:p@127.0.0.1:5432/postgres?sslmode=disable', 'rlp_test_x')).toBe(
      'postgres://u:p@127.0.0.1:5432/rlp_test_x?sslmode=disable',
    );
  });
});
