import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import {
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
import { sendPdf, UuidPipe } from '@rlp/platform';
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
  @ApiOperation({ summary: 'Submitted dossiers; waiting=true: those still waiting for (a second) assessor' })
  list(@Query() query: DossierQueryDto) {
    return this.assignments.list({ waiting: query.waiting === 'true', status: query.status });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dossier: stage, assignments, the agreed judgement and advice, the interview, the decision (never the individual scorings)' })
  async get(@Param('id', UuidPipe) id: string) {
    const m = this.dataSource.manager;
    const portfolio = await m.findOneBy(PortfolioEntity, { id });
    if (!portfolio || portfolio.status === 'draft') throw dossierNotFound();
    const [summary] = await this.assignments.list({ portfolioId: id });
    const final = async (kind: 'judgement' | 'interview') => {
      const row = await m.findOneBy(JointRecordEntity, { portfolioId: id, kind });
      return row?.finalAt ? { content: row.content, finalAt: row.finalAt.toISOString() } : null;
    };
    const interview = await this.interviews.forOffice(id);
    return {
      ...summary,
      previousPortfolioId: portfolio.previousPortfolioId,
      assignments: await this.assignments.assignments(id),
      judgement: await final('judgement'),
      interview,
      interviewRecord: await final('interview'),
      decision: portfolio.status === 'decided' ? await this.decisions.forOffice(id) : null,
    };
  }

  @Get(':id/eligible-assessors')
  @ApiOperation({ summary: 'Assessors and admins with the conflicts of interest they would have on this dossier' })
  eligible(@Param('id', UuidPipe) id: string) {
    return this.assignments.eligible(id);
  }

  @Post(':id/assignments')
  @ApiOperation({ summary: 'Assign an assessor (two distinct ones per dossier; refused on a conflict of interest)' })
  assign(@Param('id', UuidPipe) id: string, @Body() body: AssignDto, @CurrentPrincipal() me: Principal, @RequestId() requestId?: string) {
    return this.assignments.assign(id, body.assessorId, { actorId: me.userId, requestId });
  }

  @Post(':id/decision')
  @ApiOperation({ summary: 'Decide on the advice: certified, not_certified or returned_for_supplement (not by an admin who assessed it)' })
  decide(@Param('id', UuidPipe) id: string, @Body() body: DecisionDto, @CurrentPrincipal() me: Principal, @RequestId() requestId?: string) {
    return this.decisions.decide(id, { outcome: body.outcome, motivation: body.motivation }, { actorId: me.userId, requestId });
  }

  @Get(':id/decision')
  @ApiOperation({ summary: 'The decision and, when certified, the register entry' })
  decision(@Param('id', UuidPipe) id: string) {
    return this.decisions.forOffice(id);
  }

  @Get(':id/decision/letter.pdf')
  @ApiOperation({ summary: 'The decision letter as PDF' })
  async letter(@Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.documents.letter(id), `besluit-${id}.pdf`);
  }

  @Get(':id/decision/certificate.pdf')
  @ApiOperation({ summary: 'The certificate as PDF (only when certified)' })
  async certificate(@Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.documents.certificate(id), `certificaat-${id}.pdf`);
  }
}
