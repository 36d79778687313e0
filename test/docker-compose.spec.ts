import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_ENV_NAMES } from '../libs/platform/src/config';

/** No Docker engine runs here: this keeps the production-like stack honest by reading it. */
describe('docker-compose.yml', () => {
  const root = join(__dirname, '..');
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string>; command?: string[]; build?: { dockerfile: string }; depends_on?: Record<string, unknown>; ports?: string[] }>;
  };
  const apps = ['candidate-api', 'assessor-api'] as const;

  it('has PostgreSQL, MinIO and both APIs', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['assessor-api', 'candidate-api', 'minio', 'postgres']);
  });

  it.each(apps)('%s only sets variables the apps read, and all that a real deployment needs', (name) => {
    const env = compose.services[name]!.environment!;
    for (const key of Object.keys(env)) expect(CONFIG_ENV_NAMES).toContain(key);
    for (const required of ['DATABASE_URL', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'ADMIN_PASSWORD']) {
      expect(env).toHaveProperty(required);
    }
  });

  it.each(apps)('%s points at the compose services with matching credentials', (name) => {
    const env = compose.services[name]!.environment!;
    const pg = compose.services['postgres']!.environment!;
    const minio = compose.services['minio']!.environment!;
    const db = new URL(env['DATABASE_URL']!);
    expect(db.hostname).toBe('postgres');
    expect(decodeURIComponent(db.username)).toBe(pg['POSTGRES_USER']);
    expect(decodeURIComponent(db.password)).toBe(pg['POSTGRES_PASSWORD']);
    expect(db.pathname).toBe(`/${pg['POSTGRES_DB']}`);
    expect(new URL(env['S3_ENDPOINT']!).hostname).toBe('minio');
    expect(env['S3_ACCESS_KEY_ID']).toBe(minio['MINIO_ROOT_USER']);
    expect(env['S3_SECRET_ACCESS_KEY']).toBe(minio['MINIO_ROOT_PASSWORD']);
    expect(Object.keys(compose.services[name]!.depends_on ?? {}).sort()).toEqual(['minio', 'postgres']);
  });

  it.each(apps)('%s runs an entry point that the build produces and listens where it is published', (name) => {
    const svc = compose.services[name]!;
    const entry = svc.command!.at(-1)!;
    expect(entry).toBe(`dist/apps/${name}/src/main.js`);
    expect(readFileSync(join(root, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8')).toContain('createApp(');
    const portVar = name === 'candidate-api' ? 'CANDIDATE_API_PORT' : 'ASSESSOR_API_PORT';
    expect(svc.ports).toContain(`${svc.environment![portVar]}:${svc.environment![portVar]}`);
    expect(readFileSync(join(root, svc.build!.dockerfile), 'utf8')).toMatch(/ENTRYPOINT \["\.\/entrypoint\.sh"\]/);
  });

  it('applies migrations before an app starts', () => {
    const entrypoint = readFileSync(join(root, 'docker/entrypoint.sh'), 'utf8');
    expect(entrypoint).toContain('node dist/scripts/migrate.js');
    expect(readFileSync(join(root, 'scripts/migrate.ts'), 'utf8')).toContain('migrate(');
  });
});
