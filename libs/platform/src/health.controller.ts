import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../accounts/src/access.decorators';
import { StorageService } from '../../storage/src/storage.service';
import { bilingual } from './bilingual';
import { DomainError } from './domain-error';
import { ApiErrors } from './openapi';
import { APP_NAME } from './platform.tokens';

type Check = 'up' | 'down';

/** How long one check may take before it counts as down (a proxy's health check must get an answer). */
const CHECK_TIMEOUT_MS = 3000;

@ApiSchema({ name: 'HealthChecks' })
class HealthChecksSchema {
  @ApiProperty({ enum: ['up', 'down'] })
  database!: Check;

  @ApiProperty({ enum: ['up', 'down'] })
  storage!: Check;
}

@ApiSchema({ name: 'Health' })
class HealthSchema {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ example: 'candidate-api' })
  app!: string;

  @ApiProperty({ type: () => HealthChecksSchema })
  checks!: HealthChecksSchema;
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiSchema({ name: 'Liveness' })
class LivenessSchema {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ example: 'candidate-api' })
  app!: string;
}

@ApiSchema({ name: 'ReadinessChecks' })
class ReadinessChecksSchema {
  @ApiProperty({ enum: ['up', 'down'] })
  database!: Check;

  @ApiProperty({ enum: ['up', 'down'], description: 'up when every migration this build ships is applied to the database' })
  migrations!: Check;

  @ApiProperty({ enum: ['up', 'down'] })
  storage!: Check;
}

@ApiSchema({ name: 'Readiness' })
class ReadinessSchema {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ example: 'candidate-api' })
  app!: string;

  @ApiProperty({ type: () => ReadinessChecksSchema })
  checks!: ReadinessChecksSchema;
}

/**
 * Health for people and for the machinery around the apps (ADR 0028):
 * - `/health/live`: the process answers (no dependency is asked; a restart would not help them);
 * - `/health/ready`: send this instance traffic: the database answers, every migration of this
 *   build is applied, and the document storage answers; otherwise 503 UNHEALTHY naming the check;
 * - `/health`: database and storage, as before (kept for existing monitors and scripts).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    @Inject(APP_NAME) private readonly app: string,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: 200 while the process answers requests; asks no database or storage' })
  @ApiOkResponse({ type: LivenessSchema })
  @ApiErrors({})
  live(): { status: 'ok'; app: string } {
    return { status: 'ok', app: this.app };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness: 200 when the database answers, all migrations of this build are applied and the document storage answers; 503 UNHEALTHY naming the failing check otherwise',
  })
  @ApiOkResponse({ type: ReadinessSchema })
  @ApiErrors({ 503: ['UNHEALTHY'] })
  async ready(): Promise<{ status: 'ok'; app: string; checks: Record<string, Check> }> {
    const [migrations, storage] = await Promise.all([
      withTimeout(this.pendingMigrations(), CHECK_TIMEOUT_MS).then(
        (pending) => ({ database: 'up' as const, migrations: pending.length === 0 ? ('up' as const) : ('down' as const), pending }),
        () => ({ database: 'down' as const, migrations: 'down' as const, pending: undefined }),
      ),
      this.storage.ping(CHECK_TIMEOUT_MS).then(() => 'up' as const, () => 'down' as const),
    ]);
    const checks = { database: migrations.database, migrations: migrations.migrations, storage };
    if (Object.values(checks).includes('down')) {
      throw new DomainError('unavailable', 'UNHEALTHY', bilingual('Een onderdeel is niet beschikbaar', 'A component is unavailable'), {
        app: this.app,
        checks,
        ...(migrations.pending?.length ? { pendingMigrations: migrations.pending } : {}),
      });
    }
    return { status: 'ok', app: this.app, checks };
  }

  /** The migrations this build ships that the database has not applied (the apps' role may read the table). */
  private async pendingMigrations(): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.dataSource.query('SELECT "name" FROM "migrations"');
    const applied = new Set(rows.map((r) => r.name));
    return this.dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Checks the database and the document storage; 200 when both answer, 503 otherwise' })
  @ApiOkResponse({ type: HealthSchema })
  @ApiErrors({ 503: ['UNHEALTHY'] })
  async health(): Promise<{ status: 'ok'; app: string; checks: Record<string, Check> }> {
    const [database, storage] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS).then(() => 'up' as const, () => 'down' as const),
      this.storage.ping(CHECK_TIMEOUT_MS).then(() => 'up' as const, () => 'down' as const),
    ]);
    const checks = { database, storage };
    if (database === 'down' || storage === 'down') {
      throw new DomainError('unavailable', 'UNHEALTHY', bilingual('Een onderdeel is niet beschikbaar', 'A component is unavailable'), {
        app: this.app,
        checks,
      });
    }
    return { status: 'ok', app: this.app, checks };
  }
}
