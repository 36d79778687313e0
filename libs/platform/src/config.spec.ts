import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives embedded defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.candidatePort).toBe(3000);
    expect(c.assessorPort).toBe(3001);
    expect(c.database.url).toBeUndefined();
    expect(c.storage.endpoint).toBeUndefined();
    expect(c.storage.accessKeyId).toBe('S3RVER');
    expect(c.dataDir).toBe('.data');
    expect(c.auth.passwordMinLength).toBe(12);
    expect(c.seedDemoData).toBe(true);
  });

  it('uses the servers named in the environment', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/rlp',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_BUCKET: 'docs',
      SEED_DEMO_DATA: 'false',
      ADMIN_EMAIL: 'Office@Noloc.NL',
    });
    expect(c.database.url).toBe('postgres://u:p@db:5432/rlp');
    expect(c.storage).toMatchObject({ endpoint: 'http://minio:9000', accessKeyId: 'key', secretAccessKey: 'secret', bucket: 'docs' });
    expect(c.seedDemoData).toBe(false);
    expect(c.adminEmail).toBe('office@noloc.nl');
  });

  it('does not invent credentials for a real S3 endpoint', () => {
    expect(loadConfig({ S3_ENDPOINT: 'https://s3.example' }).storage.accessKeyId).toBe('');
  });

  it.each([
    ['CANDIDATE_API_PORT', 'abc'],
    ['SESSION_TTL_MINUTES', '0'],
    ['PASSWORD_MIN_LENGTH', '1.5'],
    ['SEED_DEMO_DATA', 'maybe'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  });
});
