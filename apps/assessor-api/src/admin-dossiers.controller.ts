import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import {
  AdminDossierSchema,
  AssignmentSchema,
  DecisionSchema,
  DossierPageSchema,
  EligibleAssessorSchema,
  AssignDto,
  AssignmentService,
  DecisionDocumentsService,
  DecisionDto,
  DecisionService,
  dossierNotFound,
  DossierQueryDto,
  InterviewService,
  JointRecordEntity,
} from '@rlp/assessment';
import { ApiErrors, ApiFileResponse, ERRORS, PAGE, sendPdf, UuidPipe } from '@rlp/platform';
import { PortfolioEntity } from '@rlp/portfolio';
import { DataSource } from 'typeorm';

/**
 * The certification office's side of a dossier: assigning two assessors without conflicts of
 * interest, following it through its stages, and deciding on the joint advice.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/dossiers')
export class AdminDossiersController {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly decisions: DecisionService,
    private readonly documents: DecisionDocumentsService,
    private readonly interviews: InterviewService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Submitted dossiers, longest waiting first, with each active assessor's scoring progress; stage= or waiting=true filters",
    description: `Keyset-paged (ADR 0027): at most limit (default ${PAGE.default}, max ${PAGE.max}) a page; send nextCursor as cursor for the next. stageCounts (first page only) counts every submitted dossier per stage.`,
  })
  @ApiOkResponse({ type: DossierPageSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.query, { 400: ['INVALID_CURSOR'] })
  list(@Query() query: DossierQueryDto, @CurrentPrincipal() me: Principal) {
    return this.assignments.list({ waiting: query.waiting === 'true', status: query.status, stage: query.stage, limit: query.limit, cursor: query.cursor }, me.userId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dossier: stage, assignments with scoring progress (never the scorings), the agreed judgement and advice, the interview, the decision' })
  @ApiOkResponse({ type: AdminDossierSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['DOSSIER_NOT_FOUND'] })
  async get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() me: Principal) {
    const m = this.dataSource.manager;
    const portfolio = await m.findOneBy(PortfolioEntity, { id });
    if (!portfolio || portfolio.status === 'draft') throw dossierNotFound();
    const {
      dossiers: [summary],
    } = await this.assignments.list({ portfolioId: id }, me.userId);
    const final = async (kind: 'judgement' | 'interview') => {
      const row = await m.findOneBy(JointRecordEntity, { portfolioId: id, kind });
      return row?.finalAt ? { content: row.content, finalAt: row.finalAt.toISOString() } : null;
    };
    const interview = await this.interviews.forOffice(id);
    return {
      ...summary,
      previousPortfolioId: portfolio.previousPortfolioId,
      assignments: await this.assignments.assignments(id, m, me.userId),
      judgement: await final('judgement'),
      interview,
      interviewRecord: await final('interview'),
      decision: portfolio.status === 'decided' ? await this.decisions.forOffice(id) : null,
    };
  }

  @Get(':id/eligible-assessors')
  @ApiOperation({ summary: 'Assessors and admins with the conflicts of interest they would have on this dossier' })
  @ApiOkResponse({ type: [EligibleAssessorSchema] })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['DOSSIER_NOT_FOUND'] })
  eligible(@Param('id', UuidPipe) id: string) {
    return this.assignments.eligible(id);
  }

  @Post(':id/assignments')
  @ApiOperation({ summary: 'Assign an assessor (two distinct ones per dossier; refused on a conflict of interest)' })
  @ApiCreatedResponse({ type: [AssignmentSchema], description: 'Every assignment of the dossier' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, ERRORS.uuid, {
    404: ['DOSSIER_NOT_FOUND'],
    409: ['DOSSIER_NOT_ASSIGNABLE', 'ALREADY_ASSIGNED', 'ASSESSOR_DECLINED', 'ASSESSORS_COMPLETE', 'CONFLICT_OF_INTEREST'],
    422: ['NOT_AN_ASSESSOR'],
  })
  assign(@Param('id', UuidPipe) id: string, @Body() body: AssignDto, @CurrentPrincipal() me: Principal, @RequestId() requestId?: string) {
    return this.assignments.assign(id, body.assessorId, { actorId: me.userId, requestId });
  }

  @Post(':id/decision')
  @ApiOperation({ summary: 'Decide on the advice: certified, not_certified or returned_for_supplement (not by an admin who assessed it)' })
  @ApiCreatedResponse({ type: DecisionSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, ERRORS.uuid, {
    400: ['MOTIVATION_REQUIRED'],
    403: ['DECIDER_ASSESSED_DOSSIER', 'DECIDER_CONFLICT_OF_INTEREST'],
    404: ['DOSSIER_NOT_FOUND'],
    409: ['DECISION_NOT_ALLOWED'],
  })
  decide(@Param('id', UuidPipe) id: string, @Body() body: DecisionDto, @CurrentPrincipal() me: Principal, @RequestId() requestId?: string) {
    return this.decisions.decide(id, { outcome: body.outcome, motivation: body.motivation }, { actorId: me.userId, requestId });
  }

  @Get(':id/decision')
  @ApiOperation({ summary: 'The decision and, when certified, the register entry' })
  @ApiOkResponse({ type: DecisionSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['DOSSIER_NOT_FOUND', 'NOT_DECIDED'] })
  decision(@Param('id', UuidPipe) id: string) {
    return this.decisions.forOffice(id);
  }

  @Get(':id/decision/letter.pdf')
  @ApiOperation({ summary: 'The decision letter as PDF' })
  @ApiFileResponse({ contentType: 'application/pdf', description: 'The decision letter', disposition: 'inline', filename: 'besluit-<id>.pdf' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, ERRORS.pdf, { 404: ['DOSSIER_NOT_FOUND', 'NOT_DECIDED'] })
  async letter(@Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.documents.letter(id), `besluit-${id}.pdf`);
  }

  @Get(':id/decision/certificate.pdf')
  @ApiOperation({ summary: 'The certificate as PDF (only when certified)' })
  @ApiFileResponse({ contentType: 'application/pdf', description: 'The certificate', disposition: 'inline', filename: 'certificaat-<id>.pdf' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, ERRORS.pdf, { 404: ['DOSSIER_NOT_FOUND', 'NOT_DECIDED', 'NOT_CERTIFIED'] })
  async certificate(@Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.documents.certificate(id), `certificaat-${id}.pdf`);
  }
}
