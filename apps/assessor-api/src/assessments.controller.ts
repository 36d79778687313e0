import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import {
  AssignmentService,
  DossierService,
  IndependenceDto,
  InterviewService,
  isObject,
  JointRecordService,
  OptionalReasonDto,
  ReasonDto,
  ScoringService,
  SlotDto,
  unknownFields,
} from '@rlp/assessment';
import { DocumentsService } from '@rlp/documents';
import { bilingual, DomainError, sendIcs, sendPdf, UuidPipe } from '@rlp/platform';
import { SubmissionPdfService, submissionView } from '@rlp/portfolio';

/** The body must be an object with only these keys; their contents are checked by the domain. */
function only(body: unknown, keys: string[]): Record<string, unknown> {
  if (!isObject(body)) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Stuur een JSON-object', 'Send a JSON object'));
  const problems = unknownFields(body, keys);
  if (problems.length > 0) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Onbekende velden', 'Unknown fields'), { problems });
  return body;
}

/**
 * An assessor's work on the dossiers assigned to them. Every route answers 404 for a dossier
 * that is not assigned to the caller; the portfolio itself only after independence is declared.
 * Admins can be assigned as assessors too, and then use these routes.
 */
@ApiTags('assessment')
@ApiBearerAuth()
@Roles('assessor', 'admin')
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly dossiers: DossierService,
    private readonly scorings: ScoringService,
    private readonly joint: JointRecordService,
    private readonly interviews: InterviewService,
    private readonly documents: DocumentsService,
    private readonly submissionPdf: SubmissionPdfService,
  ) {}

  private actor(me: Principal, requestId?: string) {
    return { actorId: me.userId, requestId };
  }

  @Get()
  @ApiOperation({ summary: 'Dossiers assigned to me' })
  mine(@CurrentPrincipal() me: Principal) {
    return this.assignments.mine(me.userId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One assigned dossier: candidate, stage, my independence and my own scoring state' })
  dossier(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.assignments.forAssessor(id, me.userId);
  }

  @Post(':id/independence')
  @HttpCode(200)
  @ApiOperation({ summary: 'Declare independence for this dossier (needed before opening the portfolio)' })
  independence(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: IndependenceDto, @RequestId() requestId?: string) {
    return this.assignments.declareIndependence(id, me.userId, body.statement?.trim() || null, this.actor(me, requestId));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline this dossier with a reason (before submitting the own scoring); the office assigns another assessor' })
  decline(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: ReasonDto, @RequestId() requestId?: string) {
    return this.assignments.decline(id, me.userId, body.reason.trim(), this.actor(me, requestId));
  }

  @Get(':id/portfolio')
  @ApiOperation({ summary: 'The frozen submission: document, versions, file checksums, content hash (re-verified)' })
  async portfolio(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    const m = this.dossiers.dataSource.manager;
    await this.dossiers.assignment(m, id, me.userId, { independent: true });
    const entity = await this.dossiers.submission(m, id);
    return { ...submissionView(entity), document: entity.document };
  }

  @Get(':id/portfolio.pdf')
  @ApiOperation({ summary: 'The frozen submission as PDF' })
  async portfolioPdf(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    const m = this.dossiers.dataSource.manager;
    await this.dossiers.assignment(m, id, me.userId, { independent: true });
    sendPdf(res, await this.submissionPdf.render(await this.dossiers.submission(m, id)), `portfolio-${id}.pdf`);
  }

  @Get(':id/documents/:documentId')
  @ApiOperation({ summary: 'A short-lived download link for a document of the submission' })
  async document(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Param('documentId', UuidPipe) documentId: string) {
    const m = this.dossiers.dataSource.manager;
    await this.dossiers.assignment(m, id, me.userId, { independent: true });
    const entity = await this.dossiers.submission(m, id);
    if (!entity.documents.some((d) => d.id === documentId)) {
      throw new DomainError('not_found', 'DOCUMENT_NOT_FOUND', bilingual('Document niet gevonden', 'Document not found'));
    }
    return this.documents.download(entity.candidateId, documentId);
  }

  @Get(':id/scoring')
  @ApiOperation({ summary: 'My own scoring (draft or submitted) with its ETag, the criteria and what is still missing' })
  async scoring(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.scorings.get(id, me.userId);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/scoring')
  @ApiOperation({ summary: 'Save my draft scoring: { scores: { <criterion>: { verdict, motivation?, questions? } } }; needs If-Match' })
  @ApiHeader({ name: 'If-Match', required: true })
  async saveScoring(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string) {
    const view = await this.scorings.save(id, me.userId, ifMatch, only(body, ['scores'])['scores'], this.actor(me, requestId));
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Post(':id/scoring/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit my scoring (final); If-Match names the version I reviewed' })
  @ApiHeader({ name: 'If-Match', required: true })
  submitScoring(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @RequestId() requestId?: string) {
    return this.scorings.submit(id, me.userId, ifMatch, this.actor(me, requestId));
  }

  @Get(':id/scorings')
  @ApiOperation({ summary: 'After submitting my own: the other scoring, agreement per criterion and the proposed agenda' })
  comparison(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.scorings.comparison(id, me.userId);
  }

  @Get(':id/judgement')
  @ApiOperation({ summary: 'The joint judgement (draft or final) with the interview agenda' })
  async judgement(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.joint.get('judgement', id, me.userId);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/judgement')
  @ApiOperation({ summary: 'Save the joint judgement draft: { criteria: { <criterion>: { verdict, motivation? } } }; clears agreements; needs If-Match' })
  @ApiHeader({ name: 'If-Match', required: true })
  async saveJudgement(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string) {
    const view = await this.joint.save('judgement', id, me.userId, ifMatch, body, this.actor(me, requestId));
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Post(':id/judgement/agree')
  @HttpCode(200)
  @ApiOperation({ summary: 'Agree to the joint judgement version in If-Match; final (dossier judged) once both agreed' })
  @ApiHeader({ name: 'If-Match', required: true })
  agreeJudgement(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @RequestId() requestId?: string) {
    return this.joint.agree('judgement', id, me.userId, ifMatch, this.actor(me, requestId));
  }

  @Get(':id/slots')
  @ApiOperation({ summary: 'Offered interview slots (UTC and Europe/Amsterdam) with their state, and the booking' })
  slots(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.interviews.slotsForAssessor(id, me.userId);
  }

  @Post(':id/slots')
  @ApiOperation({ summary: 'Offer a slot for the certificeringsgesprek (local Amsterdam date and time, duration, link or address)' })
  offer(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: SlotDto, @RequestId() requestId?: string) {
    return this.interviews.offer(id, me.userId, body, this.actor(me, requestId));
  }

  @Delete(':id/slots/:slotId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an offered slot that is not booked' })
  async withdraw(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Param('slotId', UuidPipe) slotId: string, @RequestId() requestId?: string): Promise<void> {
    await this.interviews.withdraw(id, slotId, me.userId, this.actor(me, requestId));
  }

  @Post(':id/interview/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the booked interview (recorded); the candidate can book another slot' })
  cancel(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: OptionalReasonDto, @RequestId() requestId?: string) {
    return this.interviews.cancel(id, body.reason?.trim() || null, this.actor(me, requestId), { assessorId: me.userId });
  }

  @Get(':id/interview.ics')
  @ApiOperation({ summary: 'Calendar invitation for the interview (a cancellation once cancelled)' })
  async ics(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.interviews.assessorBooking(id, me.userId);
    const { ics, method } = await this.interviews.ics(id);
    sendIcs(res, ics, `certificeringsgesprek-${id}.ics`, method);
  }

  @Get(':id/interview-record')
  @ApiOperation({ summary: 'The interview record: findings per agenda item and the joint advice' })
  async record(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.joint.get('interview', id, me.userId);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/interview-record')
  @ApiOperation({ summary: 'Save the interview record draft: { findings: { <criterion>: text }, advice: positive|negative, motivation }; needs If-Match' })
  @ApiHeader({ name: 'If-Match', required: true })
  async saveRecord(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string) {
    const view = await this.joint.save('interview', id, me.userId, ifMatch, body, this.actor(me, requestId));
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Post(':id/interview-record/agree')
  @HttpCode(200)
  @ApiOperation({ summary: 'Agree to the interview record version in If-Match; final (interview held) once both agreed' })
  @ApiHeader({ name: 'If-Match', required: true })
  agreeRecord(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @RequestId() requestId?: string) {
    return this.joint.agree('interview', id, me.userId, ifMatch, this.actor(me, requestId));
  }
}
