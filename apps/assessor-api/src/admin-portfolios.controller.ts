import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestId, Roles, UserEntity } from '@rlp/accounts';
import { ApiErrors, ERRORS, UuidPipe } from '@rlp/platform';
import { PortfolioEntity, portfolioNotFound, PortfolioSchema, PortfolioService, RulebookMovePreviewSchema, type PortfolioView, type RulebookMovePreview } from '@rlp/portfolio';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';

/** The largest page of GET /admin/portfolios. */
export const DRAFT_PAGE_MAX = 200;

export class DraftPortfoliosQueryDto {
  @ApiPropertyOptional({ description: 'Only drafts on this rulebook version', example: 'toetsingskader-initieel-v1' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  rulebookVersion?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: DRAFT_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DRAFT_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, description: 'Skip this many drafts: the `nextOffset` of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class AdminRulebookMoveDto {
  @ApiProperty({ description: 'Id of the rulebook version to move the draft to', example: 'toetsingskader-initieel-v2' })
  @IsString()
  @Length(1, 100)
  to!: string;
}

export interface DraftPortfolioView {
  id: string;
  candidateId: string;
  candidateName: string;
  rulebookVersion: string;
  updatedAt: string;
}

@ApiSchema({ name: 'AdminDraftPortfolio', description: "A candidate's draft portfolio, for the office" })
export class AdminDraftPortfolioSchema implements DraftPortfolioView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  candidateId!: string;

  @ApiProperty({ description: "The candidate's display name" })
  candidateName!: string;

  @ApiProperty({ example: 'toetsingskader-initieel-v1' })
  rulebookVersion!: string;

  @ApiProperty({ format: 'date-time', description: 'Last change to the draft' })
  updatedAt!: string;
}

@ApiSchema({ name: 'AdminDraftPortfolioPage', description: 'Draft portfolios, most recently changed first' })
export class AdminDraftPortfolioPageSchema {
  @ApiProperty({ type: () => [AdminDraftPortfolioSchema] })
  portfolios!: AdminDraftPortfolioSchema[];

  @ApiProperty({ type: 'integer', description: 'All drafts matching the filter' })
  total!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The offset of the next page; null on the last page' })
  nextOffset!: number | null;
}

/** Who may call these routes, and what every route on one portfolio checks first. */
const ADMIN = [ERRORS.signedIn, ERRORS.role] as const;
const ONE_PORTFOLIO = [...ADMIN, ERRORS.uuid, { 404: ['PORTFOLIO_NOT_FOUND'] }] as const;
const MOVE_ERRORS = { 404: ['RULEBOOK_NOT_FOUND'], 409: ['PORTFOLIO_NOT_EDITABLE', 'RULEBOOK_ALREADY_CURRENT'] } as const;

/**
 * The office's side of rulebook moves: which drafts are on which version, and moving one for the
 * candidate. The preview and the move are the candidate's own (PortfolioService), so the same checks
 * and errors apply; the audit event names the admin as actor.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/portfolios')
@Roles('admin')
export class AdminPortfoliosController {
  constructor(
    private readonly portfolios: PortfolioService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: `Draft portfolios, optionally on one rulebook version; most recently changed first, at most ${DRAFT_PAGE_MAX} a page` })
  @ApiOkResponse({ type: AdminDraftPortfolioPageSchema })
  @ApiErrors(...ADMIN, ERRORS.query)
  async drafts(@Query() query: DraftPortfoliosQueryDto): Promise<AdminDraftPortfolioPageSchema> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const qb = this.dataSource.manager
      .createQueryBuilder(PortfolioEntity, 'p')
      .innerJoin(UserEntity, 'u', 'u.id = p.candidate_id')
      .select(['p.id AS id', 'p.candidate_id AS candidate_id', 'u.display_name AS candidate_name', 'p.rulebook_version AS rulebook_version', 'p.updated_at AS updated_at'])
      .where(`p.status = 'draft'`);
    if (query.rulebookVersion) qb.andWhere('p.rulebook_version = :v', { v: query.rulebookVersion });
    const total = await qb.clone().getCount();
    const rows: Array<{ id: string; candidate_id: string; candidate_name: string; rulebook_version: string; updated_at: Date }> = await qb
      .orderBy('p.updated_at', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getRawMany();
    return {
      portfolios: rows.map((r) => ({ id: r.id, candidateId: r.candidate_id, candidateName: r.candidate_name, rulebookVersion: r.rulebook_version, updatedAt: new Date(r.updated_at).toISOString() })),
      total,
      nextOffset: offset + rows.length < total ? offset + rows.length : null,
    };
  }

  @Get(':id/rulebook-move')
  @ApiOperation({ summary: "What moving this draft to another rulebook version would change in its completeness report (changes nothing); the candidate's own preview" })
  @ApiOkResponse({ type: RulebookMovePreviewSchema })
  @ApiErrors(...ONE_PORTFOLIO, ERRORS.query, MOVE_ERRORS, { 503: ['NO_CURRENT_REGULATION'] })
  async previewMove(@Param('id', UuidPipe) id: string, @Query() query: AdminRulebookMoveDto): Promise<RulebookMovePreview> {
    return this.portfolios.previewRulebookMove(await this.candidateOf(id), id, query.to);
  }

  @Post(':id/rulebook-move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move this draft to another rulebook version for the candidate (see the preview first); audited with the admin as actor' })
  @ApiOkResponse({ type: PortfolioSchema })
  @ApiErrors(...ONE_PORTFOLIO, ERRORS.csrf, ERRORS.jsonBody, MOVE_ERRORS)
  async move(@Param('id', UuidPipe) id: string, @Body() body: AdminRulebookMoveDto, @CurrentPrincipal() me: Principal, @RequestId() requestId?: string): Promise<PortfolioView> {
    return this.portfolios.moveRulebook(await this.candidateOf(id), id, body.to, requestId, me.userId);
  }

  private async candidateOf(id: string): Promise<string> {
    const portfolio = await this.dataSource.manager.findOne(PortfolioEntity, { where: { id }, select: { id: true, candidateId: true } });
    if (!portfolio) throw portfolioNotFound();
    return portfolio.candidateId;
  }
}
