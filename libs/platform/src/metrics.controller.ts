import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../accounts/src/access.decorators';
import { bilingual } from './bilingual';
import { DomainError } from './domain-error';
import { Metrics } from './metrics';
import { ApiErrors } from './openapi';

/**
 * Prometheus scrapes each instance here (ADR 0028). Not behind a login: it has its own bearer
 * token (METRICS_TOKEN), and without one it is off (404), so no deployment exposes it by accident.
 * The reverse proxy does not pass /metrics on; Prometheus scrapes every replica directly.
 */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Public()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Prometheus metrics of this instance (text exposition format): requests and latency per route pattern, PDF queue and render time, database pool, process. Needs `Authorization: Bearer <METRICS_TOKEN>`; 404 when METRICS_TOKEN is not set',
  })
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiErrors({ 401: ['METRICS_TOKEN_INVALID'], 404: ['METRICS_DISABLED'] })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (!this.metrics.enabled) {
      throw new DomainError('not_found', 'METRICS_DISABLED', bilingual('Metrieken staan uit (METRICS_TOKEN is niet ingesteld)', 'Metrics are off (METRICS_TOKEN is not set)'));
    }
    if (!this.metrics.allows(authorization)) {
      throw new DomainError('unauthenticated', 'METRICS_TOKEN_INVALID', bilingual('Geef het metrieken-token mee als Bearer-token', 'Send the metrics token as a bearer token'), undefined, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    }
    const { contentType, body } = await this.metrics.exposition();
    res.type(contentType);
    return body;
  }
}
