import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@rlp/accounts';
import { DataSource } from 'typeorm';
import { AuditChainReportSchema, AuditCursorSeal, AuditEventPageSchema, AuditService, verifyAuditChain } from '@rlp/audit';
import { ApiErrors, bilingual, DomainError, ERRORS } from '@rlp/platform';
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

  @ApiPropertyOptional({ description: 'Next page: the `nextBefore` of the previous one (sealed, `s.…`, for an admin assessing a dossier blind)' })
  @IsOptional()
  @Matches(/^(\d{1,18}|s\.[A-Za-z0-9_-]{20,200})$/)
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
  private readonly seal: AuditCursorSeal;

  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {
    this.seal = new AuditCursorSeal(dataSource);
  }

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

  @Get('verify')
  @ApiOperation({
    summary: 'Recompute the hash chain of the whole audit trail: ok, number of events, the head hash, the first problems',
    description:
      'Events are chained in the background right after their commit (ADR 0024): those committed moments ago count as `pending`, not as a problem. An admin who is assessing a dossier blind (own scoring not yet submitted) gets only ok and the kinds of problems found: the number of events and the head would show that the co-assessor is writing events they may not see.',
  })
  @ApiOkResponse({ type: AuditChainReportSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role)
  async verify(@CurrentPrincipal() me: Principal): Promise<AuditChainReportSchema> {
    const report = await verifyAuditChain(this.dataSource);
    if ((await this.blindFor(me.userId)).size === 0) return report;
    return {
      ok: report.ok,
      events: null,
      pending: null,
      head: null,
      problems: [...new Set(report.problems.map((p) => p.problem))].map((problem) => ({ problem })),
      withheld: bilingual(
        'Aantal gebeurtenissen, kop en posities worden niet getoond zolang u een dossier blind beoordeelt',
        'Number of events, head and positions are withheld while you assess a dossier blind',
      ),
    };
  }

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first, filtered by dossier, person and period' })
  @ApiOkResponse({ type: AuditEventPageSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.query, { 400: ['INVALID_PERIOD', 'INVALID_CURSOR'] })
  async search(@Query() query: AuditQueryDto, @CurrentPrincipal() me: Principal): Promise<AuditEventPageSchema> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw new DomainError('validation', 'INVALID_PERIOD', bilingual('"from" moet vóór "to" liggen', '"from" must be before "to"'));
    }
    // Assessing blind, ids and cursors are sealed (positions would count hidden events), and only a
    // sealed cursor is taken: probing with plain ids would find the positions all the same. Whether
    // this admin is blind comes with the page itself (one statement), so a sealed cursor is opened
    // first and the answer checked after.
    const invalidCursor = () => new DomainError('validation', 'INVALID_CURSOR', bilingual('Onbekende vervolgcursor; begin bij de eerste pagina', 'Unknown page cursor; start from the first page'));
    let beforeId = query.before;
    const sealedBefore = beforeId?.startsWith('s.') === true;
    if (beforeId && sealedBefore) {
      const opened = await this.seal.open(beforeId);
      if (!opened) throw invalidCursor();
      beforeId = opened;
    }
    const page = await this.audit.search({
      ...(query.portfolioId ? { portfolioId: query.portfolioId } : {}),
      ...(query.personId ? { personId: query.personId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(beforeId ? { beforeId } : {}),
      limit: query.limit ?? 100,
      // The co-assessor's scoring events of the dossiers this admin assesses blind are left out in
      // the query, so a page is filled with events this admin may see and a cursor never comes with
      // an empty page (which would show the co-assessor is at work).
      viewerId: me.userId,
    });
    // A plain cursor from a blind admin, or a sealed one from an admin who is not blind (any more): refused, as the page is.
    if (query.before && page.blind !== sealedBefore) throw invalidCursor();
    const isScoring = (e: (typeof page.events)[number]) => e.action.startsWith('scoring.');
    // Until the joint judgement is final, nobody reads verdicts here: an admin could still become
    // the second assessor of that dossier (a replacement after a decline, say).
    const visible = (e: (typeof page.events)[number]) =>
      isScoring(e) && !e.judgementFinal ? { portfolioId: e.data['portfolioId'], assignmentId: e.data['assignmentId'], version: e.data['version'], redacted: 'tot het gezamenlijk oordeel vastligt / until the joint judgement is final' } : e.data;
    const sealed = page.blind;
    return {
      events: await Promise.all(
        page.events.map(async (e) => ({
          id: sealed ? await this.seal.seal(e.id) : e.id,
          occurredAt: e.occurredAt.toISOString(),
          actorId: e.actorId,
          action: e.action,
          subjectType: e.subjectType,
          subjectId: e.subjectId,
          requestId: e.requestId,
          data: visible(e),
          chainSeq: sealed ? null : e.chainSeq,
          hash: sealed ? null : e.hash,
        })),
      ),
      nextBefore: page.nextBefore && sealed ? await this.seal.seal(page.nextBefore) : page.nextBefore,
    };
  }
}
