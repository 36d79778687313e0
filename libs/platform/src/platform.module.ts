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
import { AUTH_CONFIG, PORTAL_ROLES } from '../../accounts/src/tokens';
import type { Role } from '../../accounts/src/user.entity';
import { AuditService } from '../../audit/src/audit.service';
import { databaseProviders } from '../../persistence/src/database.providers';
import { DataSource } from 'typeorm';
import { createS3Client } from '../../storage/src/s3-client.factory';
import { S3_CLIENT, STORAGE_BUCKET, StorageService } from '../../storage/src/storage.service';
import { Clock, SystemClock } from './clock';
import type { AppConfig } from './config';
import { HealthController } from './health.controller';
import { httpLoggerOptions } from './http-logger';
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
        LoggerModule.forRoot({ pinoHttp: httpLoggerOptions(runtime.name, config.logLevel) }),
      ],
      controllers: [HealthController, AuthController],
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
        AuditService,
        PasswordHasher,
        LoginRateLimiter,
        LoginThrottle,
        AccountsService,
        AssessorPoolService,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestBodyInterceptor },
      ],
      exports: [DataSource, APP_NAME, STORAGE_ENDPOINT, APP_CONFIG, RULEBOOKS, AUTH_CONFIG, Clock, StorageService, AuditService, AccountsService, AssessorPoolService, PasswordHasher, LoginRateLimiter],
    };
  }
}
