import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard } from '../../accounts/src/access.guard';
import { AccountsService } from '../../accounts/src/accounts.service';
import { AssessorPoolService } from '../../accounts/src/assessor-pool.service';
import { AuthController } from '../../accounts/src/auth.controller';
import { LoginRateLimiter } from '../../accounts/src/login-rate-limiter';
import { LoginThrottle } from '../../accounts/src/login-throttle';
import { PasswordHasher } from '../../accounts/src/password-hasher';
import { TwoFactorController } from '../../accounts/src/two-factor.controller';
import { TwoFactorService } from '../../accounts/src/two-factor.service';
import { AUTH_CONFIG, PORTAL_ROLES } from '../../accounts/src/tokens';
import type { Role } from '../../accounts/src/user.entity';
import { AuditService } from '../../audit/src/audit.service';
import { AuditChainer } from '../../audit/src/audit-chainer';
import { Outbox } from '../../mail/src/outbox';
import { OutboxSender } from '../../mail/src/sender';
import { JobsService } from '../../jobs/src/jobs.service';
import { SCHEDULED_JOBS } from '../../jobs/src/scheduled/index';
import { databaseProviders } from '../../persistence/src/database.providers';
import { DataSource } from 'typeorm';
import { createS3Client } from '../../storage/src/s3-client.factory';
import { S3_CLIENT, STORAGE_BUCKET, StorageService } from '../../storage/src/storage.service';
import { Clock, SystemClock } from './clock';
import type { AppConfig } from './config';
import { Draining } from './draining';
import { HealthController } from './health.controller';
import { httpLoggerOptions, logDestination, resolveLogFormat } from './http-logger';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { APP_CONFIG, APP_NAME, RULEBOOKS, STORAGE_ENDPOINT } from './platform.tokens';
import { RequestBodyInterceptor } from './request-body.interceptor';
import { rulebooks, type Rulebook } from '../../rulebook/src/index';

/** Everything a running app needs that is not read from the environment by itself. */
export interface AppRuntime {
  name: 'candidate-api' | 'assessor-api';
  config: AppConfig;
  databaseUrl: string;
  storageEndpoint: string;
  /** Which roles may log in on this app. */
  portalRoles: readonly Role[];
  /** Tests pass a FixedClock; the apps use the system clock. */
  clock?: Clock;
  /** Shipped rulebook versions; tests may pass extra ones (e.g. a second published version). */
  rulebooks?: readonly Rulebook[];
}

/**
 * Shared wiring of both apps: logging, persistence, storage, accounts, audit, health and the
 * deny-by-default access guard. Apps add their own feature controllers on top.
 */
@Module({})
export class PlatformModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    const { config } = runtime;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        DiscoveryModule,
        LoggerModule.forRoot({ pinoHttp: httpLoggerOptions(runtime.name, config.logLevel, logDestination(resolveLogFormat(config.logFormat))) }),
      ],
      controllers: [HealthController, MetricsController, AuthController, TwoFactorController],
      providers: [
        { provide: APP_NAME, useValue: runtime.name },
        { provide: APP_CONFIG, useValue: config },
        { provide: RULEBOOKS, useValue: runtime.rulebooks ?? rulebooks },
        { provide: AUTH_CONFIG, useValue: config.auth },
        { provide: PORTAL_ROLES, useValue: runtime.portalRoles },
        { provide: Clock, useValue: runtime.clock ?? new SystemClock() },
        { provide: S3_CLIENT, useFactory: () => createS3Client(config.storage, runtime.storageEndpoint) },
        { provide: STORAGE_BUCKET, useValue: config.storage.bucket },
        { provide: STORAGE_ENDPOINT, useValue: runtime.storageEndpoint },
        ...databaseProviders(runtime.databaseUrl, runtime.name),
        StorageService,
        Metrics,
        Draining,
        AuditService,
        AuditChainer,
        PasswordHasher,
        LoginRateLimiter,
        LoginThrottle,
        TwoFactorService,
        AccountsService,
        AssessorPoolService,
        Outbox,
        JobsService,
        OutboxSender,
        ...SCHEDULED_JOBS,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestBodyInterceptor },
      ],
      exports: [Metrics, DataSource, APP_NAME, STORAGE_ENDPOINT, APP_CONFIG, RULEBOOKS, AUTH_CONFIG, Clock, StorageService, AuditService, AuditChainer, AccountsService, TwoFactorService, AssessorPoolService, PasswordHasher, LoginRateLimiter, Outbox, JobsService, OutboxSender],
    };
  }
}
