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

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    @Inject(APP_NAME) private readonly app: string,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Checks the database and the document storage; 200 when both answer, 503 otherwise' })
  @ApiOkResponse({ type: HealthSchema })
  @ApiErrors({ 503: ['UNHEALTHY'] })
  async health(): Promise<{ status: 'ok'; app: string; checks: Record<string, Check> }> {
    const [database, storage] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 3000).then(() => 'up' as const, () => 'down' as const),
      this.storage.ping(3000).then(() => 'up' as const, () => 'down' as const),
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
