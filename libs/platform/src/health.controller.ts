import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../accounts/src/access.decorators';
import { StorageService } from '../../storage/src/storage.service';
import { bilingual } from './bilingual';
import { DomainError } from './domain-error';
import { APP_NAME } from './platform.tokens';

type Check = 'up' | 'down';

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
