import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@rlp/accounts';
import { DataSource } from 'typeorm';
import { AuditService } from '@rlp/audit';
import { bilingual, DomainError } from '@rlp/platform';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'A dossier (portfolio id)' })
  @IsOptional()
  @IsUUID()
  portfolioId?: string;

  @ApiPropertyOptional({ description: 'A person (account id): what they did and what was done to their account' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Until this instant (exclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Next page: the `nextBefore` of the previous one' })
  @IsOptional()
  @Matches(/^\d{1,18}$/)
  before?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit-events')
@Roles('admin')
export class AdminAuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Dossiers this admin assesses and has not yet submitted a scoring for: there the co-assessor's
   * scoring events stay hidden, as they are on the assessor routes (blind scoring).
   */
  private async blindFor(adminId: string): Promise<Set<string>> {
    const rows: Array<{ portfolio_id: string }> = await this.dataSource.query(
      `SELECT a.portfolio_id FROM assignments a LEFT JOIN scorings s ON s.assignment_id = a.id
        WHERE a.assessor_id = $1 AND a.status = 'active' AND s.submitted_at IS NULL`,
      [adminId],
    );
    return new Set(rows.map((r) => r.portfolio_id));
  }

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first, filtered by dossier, person and period' })
  async search(@Query() query: AuditQueryDto, @CurrentPrincipal() me: Principal) {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw new DomainError('validation', 'INVALID_PERIOD', bilingual('"from" moet vóór "to" liggen', '"from" must be before "to"'));
    }
    const page = await this.audit.search({
      ...(query.portfolioId ? { portfolioId: query.portfolioId } : {}),
      ...(query.personId ? { personId: query.personId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(query.before ? { beforeId: query.before } : {}),
      limit: query.limit ?? 100,
    });
    const blind = await this.blindFor(me.userId);
    const hidden = (e: (typeof page.events)[number]) => e.action.startsWith('scoring.') && e.actorId !== me.userId && blind.has(String(e.data['portfolioId']));
    return {
      events: page.events.filter((e) => !hidden(e)).map((e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), actorId: e.actorId, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, requestId: e.requestId, data: e.data })),
      nextBefore: page.nextBefore,
    };
  }
}
