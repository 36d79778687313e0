import { ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { bilingual } from './bilingual';
import type { AppConfig } from './config';
import { DomainError } from './domain-error';
import { Draining } from './draining';
import { ErrorFilter } from './error.filter';
import { QuietStartupLogger } from './http-logger';
import { Metrics } from './metrics';
import { type AppDocsInfo, createOpenApiDocument } from './openapi';
import { APP_NAME, STORAGE_ENDPOINT } from './platform.tokens';
import { noStore } from './no-store';
import { mountWebApp, webAppBuilt, webAppDir } from './web-app';

export interface ValidationIssue {
  path: string;
  constraints: string[];
}

function flatten(errors: ValidationError[], prefix = ''): ValidationIssue[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ path, constraints: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

export function validationError(errors: ValidationError[]): DomainError {
  return new DomainError(
    'validation',
    'VALIDATION_FAILED',
    bilingual('De invoer is ongeldig', 'The input is invalid'),
    flatten(errors).slice(0, 50),
  );
}

/**
 * The one place that makes an app behave like the platform: used by main.ts, the start script
 * and every e2e test, so tests exercise the real pipes, filters and headers.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig, docs: AppDocsInfo): void {
  // Nest's start-up wiring lines (modules, every mapped route) only with LOG_ROUTES=true (ADR 0028).
  app.useLogger(config.logRoutes ? app.get(Logger) : new QuietStartupLogger(app.get(Logger)));
  // First: during shutdown answers say Connection: close; every request is counted under its route pattern.
  app.use(app.get(Draining).middleware);
  app.use(app.get(Metrics).middleware);
  serveWebFrontEnd(app);
  // Everything after the web front end's static files: never cached (tokens, personal data).
  app.use(noStore);
  // JSON Merge Patch (RFC 7396) bodies are JSON too.
  app.useBodyParser('json', { limit: config.bodyLimit, type: ['application/json', 'application/merge-patch+json'] });
  // The client address (login throttling, register limits, logs) from X-Forwarded-For only via trusted proxies.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No SHA-1 of every JSON body (ADR 0025): routes that need an ETag set their own (sections, scorings…);
  // static files keep theirs (serve-static), and the portal's index.html sets one (web-app.ts).
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI at /docs uses inline bootstrapping scripts and styles.
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: validationError,
    }),
  );
  app.useGlobalFilters(new ErrorFilter());
  SwaggerModule.setup('docs', app, createOpenApiDocument(app, docs), { jsonDocumentUrl: 'docs-json' });
}

/** The web front end each app serves at `/` (ADR 0013), with the first path segments it owns. */
export const WEB_FRONT_ENDS: Partial<Record<string, { name: string; routes: readonly string[] }>> = {
  'candidate-api': {
    name: 'candidate',
    routes: ['', 'inloggen', 'registreren', 'portfolio', 'documenten', 'dossier', 'gegevens', 'wachtwoord-vergeten', 'wachtwoord-herstellen', 'e-mailadres-bevestigen', 'nieuw-e-mailadres-bevestigen', 'mijn-account'],
  },
  'assessor-api': { name: 'assessor', routes: ['', 'inloggen', 'dossiers', 'bureau', 'uitnodiging', 'wachtwoord-vergeten', 'wachtwoord-herstellen', 'nieuw-e-mailadres-bevestigen', 'mijn-account'] },
};

function serveWebFrontEnd(app: NestExpressApplication): void {
  const front = WEB_FRONT_ENDS[app.get<string>(APP_NAME)];
  if (!front) return;
  const dir = webAppDir(front.name);
  if (!webAppBuilt(dir)) return;
  mountWebApp(app, {
    dir,
    routes: front.routes,
    // Uploads go from the browser straight to storage (ADR 0005): the page may connect there.
    connectSrc: async () => [new URL(app.get<string>(STORAGE_ENDPOINT)).origin],
  });
}

/** Creates and configures an app; `init()` is left to the caller (listen or supertest). */
export async function createApp(module: Parameters<typeof NestFactory.create>[0], config: AppConfig, docs: AppDocsInfo): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false, abortOnError: false });
  configureApp(app, config, docs);
  return app;
}

