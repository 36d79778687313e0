/**
 * The one place that reads the environment. Every other module receives an `AppConfig`.
 * `docker-compose.yml` is checked against `CONFIG_ENV_NAMES` by a test, so a renamed
 * variable cannot silently fall out of the production-like stack.
 */
export interface DatabaseConfig {
  /** The owner of the tables, for migrations (and granting the apps' role); unset: DATABASE_URL does both. */
  ownerUrl: string | undefined;
  /** postgres:// URL; absent means "start the embedded PostgreSQL". */
  url: string | undefined;
}

export interface StorageConfig {
  /** http(s) URL of an S3-compatible endpoint; absent means "start the embedded S3 server". */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface AuthConfig {
  /** Absolute lifetime of a session, in minutes. */
  sessionTtlMinutes: number;
  /** A session unused for this long expires, in minutes. */
  sessionIdleMinutes: number;
  /** Failed logins per e-mail (or device) in the window before each further try must wait (doubling); ten times as many per client address (ADR 0017). */
  loginMaxAttempts: number;
  loginWindowSeconds: number;
  passwordMinLength: number;
}

export interface UploadConfig {
  /** Largest document accepted, in bytes. */
  maxBytes: number;
  /** How long a presigned upload (PUT) URL stays valid, in seconds. */
  uploadUrlTtlSeconds: number;
  /** How long a presigned download (GET) URL stays valid, in seconds. */
  downloadUrlTtlSeconds: number;
}

export interface PdfConfig {
  /** Path of the system Chromium that puppeteer drives. */
  chromiumPath: string;
  /** Renders running at once; further requests wait their turn. */
  maxConcurrent: number;
  /** A render that takes longer fails with 503 PDF_TIMEOUT. */
  timeoutMs: number;
}

export interface MailConfig {
  /** smtp(s)://user:pass@host:port of the outgoing mail server; absent: `npm start` starts an embedded catcher (issue 15). */
  smtpUrl: string | undefined;
  /** The From of every message, e.g. `"Register Loopbaanprofessional" <noreply@example.nl>`. */
  from: string;
  /** The certification office: organiser of interview invitations, recipient of office notices. */
  officeEmail: string;
  /** SMTP port of the embedded mail catcher `npm start` runs when SMTP_URL is unset (0: any free port). */
  catcherPort: number;
  /** HTTP port of the catcher's page listing the caught mail (0: any free port). */
  catcherWebPort: number;
  /** The office is told when a submitted dossier has waited this many days for its assessors. */
  officeWaitDays: number;
}

export interface PublicUrls {
  /** Where people open the kandidaatportaal (links in e-mail), without a trailing slash. */
  candidate: string;
  /** Where people open the assessor/office portal, without a trailing slash. */
  assessor: string;
}

export interface AppConfig {
  candidatePort: number;
  assessorPort: number;
  dataDir: string;
  logLevel: string;
  /**
   * How log lines look (ADR 0028): `pretty` (coloured, one readable line per event, for a person
   * at a terminal), `json` (one JSON object per line, for log collectors), or `auto` (the default):
   * pretty when stdout is a terminal and NODE_ENV is not `production`, JSON otherwise.
   */
  logFormat: 'auto' | 'pretty' | 'json';
  /** Log Nest's start-up wiring (InstanceLoader, RoutesResolver, "Mapped {/x, GET} route"); off by default. */
  logRoutes: boolean;
  /** Bearer token that may read GET /metrics (Prometheus); unset: /metrics answers 404 (ADR 0028). */
  metricsToken: string | undefined;
  database: DatabaseConfig;
  storage: StorageConfig;
  auth: AuthConfig;
  /** First admin; when the password is absent one is generated and printed once. */
  adminEmail: string;
  adminPassword: string | undefined;
  seedDemoData: boolean;
  /** Largest JSON body accepted, e.g. "1mb". */
  bodyLimit: string;
  /**
   * Express's `trust proxy`: which proxies may tell the client address (X-Forwarded-For). false
   * (the default) trusts none, so nobody can pose as another address; behind a reverse proxy set
   * TRUST_PROXY to the number of hops (e.g. 1), `loopback`, or a list of addresses/subnets.
   */
  trustProxy: boolean | number | string;
  uploads: UploadConfig;
  pdf: PdfConfig;
  mail: MailConfig;
  publicUrls: PublicUrls;
}

export const CONFIG_ENV_NAMES = [
  'CANDIDATE_API_PORT',
  'ASSESSOR_API_PORT',
  'DATA_DIR',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'LOG_ROUTES',
  'METRICS_TOKEN',
  'DATABASE_URL',
  'DATABASE_OWNER_URL',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'SESSION_TTL_MINUTES',
  'SESSION_IDLE_MINUTES',
  'LOGIN_MAX_ATTEMPTS',
  'LOGIN_WINDOW_SECONDS',
  'PASSWORD_MIN_LENGTH',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'SEED_DEMO_DATA',
  'BODY_LIMIT',
  'TRUST_PROXY',
  'UPLOAD_MAX_BYTES',
  'UPLOAD_URL_TTL_SECONDS',
  'DOWNLOAD_URL_TTL_SECONDS',
  'CHROMIUM_PATH',
  'PDF_MAX_CONCURRENT',
  'PDF_TIMEOUT_MS',
  'SMTP_URL',
  'MAIL_FROM',
  'OFFICE_EMAIL',
  'PUBLIC_URL',
  'ASSESSOR_PUBLIC_URL',
  'MAIL_CATCHER_PORT',
  'MAIL_CATCHER_WEB_PORT',
  'OFFICE_WAIT_DAYS',
] as const;

export type ConfigEnvName = (typeof CONFIG_ENV_NAMES)[number];
type Env = Partial<Record<ConfigEnvName, string>>;

export class ConfigError extends Error {}

function int(env: Env, name: ConfigEnvName, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: ConfigEnvName, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function optional(env: Env, name: ConfigEnvName): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined) return false;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[A-Za-z0-9.:/,\s_-]+$/.test(raw)) throw new ConfigError(`TRUST_PROXY must be true, false, a number of hops or a list of addresses, got "${raw}"`);
  return raw;
}

function logFormat(raw: string | undefined): AppConfig['logFormat'] {
  if (raw === undefined) return 'auto';
  if (raw === 'auto' || raw === 'pretty' || raw === 'json') return raw;
  throw new ConfigError(`LOG_FORMAT must be auto, pretty or json, got "${raw}"`);
}

function metricsToken(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.length < 16 || /\s/.test(raw)) throw new ConfigError('METRICS_TOKEN must be at least 16 characters without spaces (e.g. `openssl rand -hex 24`)');
  return raw;
}

function publicUrl(env: Env, name: ConfigEnvName, port: number): string {
  const raw = optional(env, name) ?? `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

function smtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^smtps?:\/\/[^\s]+$/.test(raw)) throw new ConfigError(`SMTP_URL must look like smtp://user:password@host:port (or smtps://), got "${raw.replace(/:[^:@/]*@/, ':***@')}"`);
  return raw;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const e = env as Env;
  const embeddedS3 = optional(e, 'S3_ENDPOINT') === undefined;
  const candidatePort = int(e, 'CANDIDATE_API_PORT', 3000, 0);
  const assessorPort = int(e, 'ASSESSOR_API_PORT', 3001, 0);
  return {
    candidatePort,
    assessorPort,
    dataDir: optional(e, 'DATA_DIR') ?? '.data',
    logLevel: optional(e, 'LOG_LEVEL') ?? 'info',
    logFormat: logFormat(optional(e, 'LOG_FORMAT')),
    logRoutes: bool(e, 'LOG_ROUTES', false),
    metricsToken: metricsToken(optional(e, 'METRICS_TOKEN')),
    database: { url: optional(e, 'DATABASE_URL'), ownerUrl: optional(e, 'DATABASE_OWNER_URL') },
    storage: {
      endpoint: optional(e, 'S3_ENDPOINT'),
      region: optional(e, 'S3_REGION') ?? 'eu-west-1',
      bucket: optional(e, 'S3_BUCKET') ?? 'rlp-documents',
      // s3rver accepts exactly these credentials; a real endpoint needs real ones.
      accessKeyId: optional(e, 'S3_ACCESS_KEY_ID') ?? (embeddedS3 ? 'S3RVER' : ''),
      secretAccessKey: optional(e, 'S3_SECRET_ACCESS_KEY') ?? (embeddedS3 ? 'S3RVER' : ''),
      forcePathStyle: bool(e, 'S3_FORCE_PATH_STYLE', true),
    },
    auth: {
      sessionTtlMinutes: int(e, 'SESSION_TTL_MINUTES', 12 * 60),
      sessionIdleMinutes: int(e, 'SESSION_IDLE_MINUTES', 60),
      loginMaxAttempts: int(e, 'LOGIN_MAX_ATTEMPTS', 10),
      loginWindowSeconds: int(e, 'LOGIN_WINDOW_SECONDS', 15 * 60),
      passwordMinLength: int(e, 'PASSWORD_MIN_LENGTH', 12),
    },
    adminEmail: (optional(e, 'ADMIN_EMAIL') ?? 'admin@rlp.local').toLowerCase(),
    adminPassword: optional(e, 'ADMIN_PASSWORD'),
    seedDemoData: bool(e, 'SEED_DEMO_DATA', true),
    bodyLimit: optional(e, 'BODY_LIMIT') ?? '1mb',
    trustProxy: trustProxy(optional(e, 'TRUST_PROXY')),
    uploads: {
      maxBytes: int(e, 'UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
      uploadUrlTtlSeconds: int(e, 'UPLOAD_URL_TTL_SECONDS', 15 * 60),
      downloadUrlTtlSeconds: int(e, 'DOWNLOAD_URL_TTL_SECONDS', 60),
    },
    pdf: {
      chromiumPath: optional(e, 'CHROMIUM_PATH') ?? '/usr/bin/chromium',
      maxConcurrent: int(e, 'PDF_MAX_CONCURRENT', 2),
      timeoutMs: int(e, 'PDF_TIMEOUT_MS', 30_000),
    },
    mail: {
      smtpUrl: smtpUrl(optional(e, 'SMTP_URL')),
      from: optional(e, 'MAIL_FROM') ?? '"Register Loopbaanprofessional" <noreply@rlp.local>',
      officeEmail: (optional(e, 'OFFICE_EMAIL') ?? 'certificering@rlp.local').toLowerCase(),
      catcherPort: int(e, 'MAIL_CATCHER_PORT', 1025, 0),
      catcherWebPort: int(e, 'MAIL_CATCHER_WEB_PORT', 1080, 0),
      officeWaitDays: int(e, 'OFFICE_WAIT_DAYS', 5),
    },
    publicUrls: {
      candidate: publicUrl(e, 'PUBLIC_URL', candidatePort),
      assessor: publicUrl(e, 'ASSESSOR_PUBLIC_URL', assessorPort),
    },
  };
}
