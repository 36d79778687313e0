import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, type OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import {
  AssessorDossierPageSchema,
  AssessorDossierQueryDto,
  AssessorDossierSchema,
  AssessorSlotSchema,
  AssignmentSchema,
  AssignmentService,
  DossierService,
  IndependenceDto,
  InterviewBookingSchema,
  InterviewOverviewSchema,
  InterviewRecordSchema,
  InterviewService,
  isObject,
  JointJudgementSchema,
  JointRecordService,
  MissedInterviewDto,
  OptionalReasonDto,
  PreparationSchema,
  PreparationService,
  ReasonDto,
  ScoringSchema,
  ScoringService,
  ScoringsComparisonSchema,
  SlotBatchDto,
  SlotBatchResultSchema,
  SlotDto,
  SubmissionDocumentLinkSchema,
  unknownFields,
} from '@rlp/assessment';
import { DocumentsService } from '@rlp/documents';
import { ApiErrors, ApiFileResponse, bilingual, DomainError, ERRORS, PAGE, sendIcs, sendPdf, UuidPipe, validationError } from '@rlp/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { SubmissionPdfService, submissionView, SubmissionWithDocumentSchema } from '@rlp/portfolio';

/** The body must be an object with only these keys; their contents are checked by the domain. */
function only(body: unknown, keys: string[]): Record<string, unknown> {
  if (!isObject(body)) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Stuur een JSON-object', 'Send a JSON object'));
  const problems = unknownFields(body, keys);
  if (problems.length > 0) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Onbekende velden', 'Unknown fields'), { problems });
  return body;
}

/**
 * Reads a body with its DTO's rules after the caller's access was checked, so someone who may not
 * see the dossier gets 404 whatever they send (the global pipe would answer 400 first).
 */
async function validBody<T extends object>(cls: new () => T, body: unknown): Promise<T> {
  if (!isObject(body)) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Stuur een JSON-object', 'Send a JSON object'));
  const instance = plainToInstance(cls, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw validationError(errors);
  return instance;
}

/** Every route here: logged in, assessor or admin, a dossier id, 404 when not assigned. */
const DOSSIER = [ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['DOSSIER_NOT_FOUND'] }] as const;
const INDEPENDENT = { 403: ['INDEPENDENCE_NOT_DECLARED'] } as const;
const IF_MATCH = { 412: ['STALE_VERSION'], 428: ['IF_MATCH_REQUIRED'] } as const;
const BLIND = { 409: ['OWN_SCORING_NOT_SUBMITTED', 'SCORINGS_NOT_COMPLETE'] } as const;
type Schema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
const VERDICT_PROPERTIES: Record<string, Schema> = { verdict: { type: 'string', enum: ['aangetoond', 'niet_aangetoond', 'te_bevragen'] }, motivation: { type: 'string', maxLength: 5000 } };
const VERDICT_BODY: Schema = { type: 'object', properties: VERDICT_PROPERTIES, required: ['verdict'] };
const SCORE_BODY: Schema = { type: 'object', properties: { ...VERDICT_PROPERTIES, questions: { type: 'array', items: { type: 'string', maxLength: 1000 }, maxItems: 20 } }, required: ['verdict'] };

/**
 * An assessor's work on the dossiers assigned to them. Every route answers 404 for a dossier
 * that is not assigned to the caller; the portfolio itself only after independence is declared.
 * Admins can be assigned as assessors too, and then use these routes. Nothing here tells an
 * assessor anything about the co-assessor's scoring before their own is submitted.
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
    private readonly preparation: PreparationService,
    private readonly documents: DocumentsService,
    private readonly submissionPdf: SubmissionPdfService,
  ) {}

  private actor(me: Principal, requestId?: string) {
    return { actorId: me.userId, requestId };
  }

  @Get()
  @ApiOperation({
    summary: 'Dossiers assigned to me, in the order they were assigned',
    description: `Keyset-paged (ADR 0027): at most limit (default ${PAGE.default}, max ${PAGE.max}) a page; send nextCursor as cursor for the next.`,
  })
  @ApiOkResponse({ type: AssessorDossierPageSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.query, { 400: ['INVALID_CURSOR'] })
  mine(@CurrentPrincipal() me: Principal, @Query() query: AssessorDossierQueryDto) {
    return this.assignments.mine(me.userId, { limit: query.limit, cursor: query.cursor });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One assigned dossier: candidate, stage, my independence and my own scoring state' })
  @ApiOkResponse({ type: AssessorDossierSchema })
  @ApiErrors(...DOSSIER)
  dossier(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.assignments.forAssessor(id, me.userId);
  }

  @Post(':id/independence')
  @HttpCode(200)
  @ApiOperation({ summary: 'Declare independence for this dossier (needed before opening the portfolio)' })
  @ApiOkResponse({ type: AssignmentSchema, description: 'My assignment, with independenceDeclaredAt' })
  @ApiErrors(...DOSSIER, ERRORS.csrf, ERRORS.jsonBody)
  independence(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: IndependenceDto, @RequestId() requestId?: string) {
    return this.assignments.declareIndependence(id, me.userId, body.statement?.trim() || null, this.actor(me, requestId));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline this dossier with a reason (before submitting the own scoring); the office assigns another assessor' })
  @ApiOkResponse({ type: AssignmentSchema, description: 'My assignment, now declined' })
  @ApiErrors(...DOSSIER, ERRORS.csrf, ERRORS.jsonBody, { 409: ['DECLINE_NOT_ALLOWED', 'SCORING_ALREADY_SUBMITTED'] })
  decline(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: ReasonDto, @RequestId() requestId?: string) {
    return this.assignments.decline(id, me.userId, body.reason.trim(), this.actor(me, requestId));
  }

  @Get(':id/portfolio')
  @ApiOperation({ summary: 'The frozen submission: document, versions, file checksums, content hash (re-verified)' })
  @ApiOkResponse({ type: SubmissionWithDocumentSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT)
  async portfolio(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    const m = this.dossiers.dataSource.manager;
    await this.dossiers.assignment(m, id, me.userId, { independent: true });
    const entity = await this.dossiers.submission(m, id);
    return { ...submissionView(entity), document: entity.document };
  }

  @Get(':id/portfolio.pdf')
  @ApiOperation({ summary: 'The frozen submission as PDF: rendered once, kept with its SHA-256, the same file every time and for the candidate' })
  @ApiFileResponse({ contentType: 'application/pdf', description: 'The submitted portfolio', disposition: 'inline', filename: 'portfolio-<id>.pdf' })
  @ApiErrors(...DOSSIER, INDEPENDENT, ERRORS.pdf, ERRORS.storage, { 409: ['PDF_INTEGRITY_FAILED'], 429: ['PDF_BUSY'] })
  async portfolioPdf(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    const m = this.dossiers.dataSource.manager;
    await this.dossiers.assignment(m, id, me.userId, { independent: true });
    sendPdf(res, await this.submissionPdf.render(await this.dossiers.submission(m, id)), `portfolio-${id}.pdf`);
  }

  @Get(':id/documents/:documentId')
  @ApiOperation({ summary: 'A short-lived download link for a document of the submission' })
  @ApiOkResponse({ type: SubmissionDocumentLinkSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, ERRORS.storage, { 404: ['DOCUMENT_NOT_FOUND'], 409: ['DOCUMENT_NOT_VERIFIED', 'DOCUMENT_INTEGRITY_FAILED'], 503: ['DOCUMENT_CHECKS_BUSY'] })
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
  @ApiOkResponse({ type: ScoringSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT)
  async scoring(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.scorings.get(id, me.userId);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/scoring')
  @ApiOperation({ summary: 'Save my whole draft scoring: { scores: { <criterion>: { verdict, motivation?, questions? } } } (replaces it); If-Match names the whole scoring\'s version. Two tabs save per criterion instead' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ schema: { type: 'object', required: ['scores'], properties: { scores: { type: 'object', additionalProperties: SCORE_BODY } } } })
  @ApiOkResponse({ type: ScoringSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, IF_MATCH, ERRORS.csrf, ERRORS.jsonBody, { 400: ['INVALID_SCORES'], 409: ['SCORING_ALREADY_SUBMITTED', 'SCORING_CLOSED'], 422: ['CRITERION_NOT_SCORED', 'CRITERION_NOT_SCOREABLE'] })
  async saveScoring(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string) {
    const view = await this.scorings.save(id, me.userId, ifMatch, only(body, ['scores'])['scores'], this.actor(me, requestId));
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/scoring/criteria/:criterion')
  @ApiOperation({ summary: "Save one criterion of my draft scoring: { verdict, motivation?, questions? }; If-Match names that criterion's own ETag (criterionVersions), so saves of other criteria meanwhile are no conflict. Answers the whole scoring; its ETag header is the criterion's new one" })
  @ApiHeader({ name: 'If-Match', required: true, description: 'criterionVersions[<criterion>].etag, e.g. "criterion.3"' })
  @ApiBody({ schema: SCORE_BODY })
  @ApiOkResponse({ type: ScoringSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, IF_MATCH, ERRORS.csrf, ERRORS.jsonBody, { 400: ['INVALID_SCORES'], 409: ['SCORING_ALREADY_SUBMITTED', 'SCORING_CLOSED'], 422: ['CRITERION_NOT_SCORED', 'CRITERION_NOT_SCOREABLE'] })
  async saveCriterion(
    @CurrentPrincipal() me: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('criterion') criterion: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
    @RequestId() requestId?: string,
  ) {
    const view = await this.scorings.saveCriterion(id, me.userId, criterion, ifMatch, body, this.actor(me, requestId));
    res.setHeader('ETag', view.criterionVersions[criterion]!.etag);
    return view;
  }

  @Post(':id/scoring/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit my scoring (final); If-Match names the version of the whole scoring I reviewed (its etag, raised by every save of the map or of a criterion)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: ScoringSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, IF_MATCH, ERRORS.csrf, ERRORS.noBody, { 409: ['SCORING_ALREADY_SUBMITTED', 'SCORING_CLOSED'], 422: ['SCORING_INCOMPLETE'] })
  submitScoring(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @RequestId() requestId?: string) {
    return this.scorings.submit(id, me.userId, ifMatch, this.actor(me, requestId));
  }

  @Get(':id/scorings')
  @ApiOperation({ summary: 'After submitting my own: the other scoring, agreement per criterion and the proposed agenda' })
  @ApiOkResponse({ type: ScoringsComparisonSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, { 409: ['OWN_SCORING_NOT_SUBMITTED'] })
  comparison(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.scorings.comparison(id, me.userId);
  }

  @Get(':id/judgement')
  @ApiOperation({ summary: 'The joint judgement (draft or final) with the interview agenda; before the first save, pre-filled with every criterion both scorings agree on' })
  @ApiOkResponse({ type: JointJudgementSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, BLIND)
  async judgement(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.joint.get('judgement', id, me.userId);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/judgement')
  @ApiOperation({ summary: 'Save the joint judgement draft: { criteria: { <criterion>: { verdict, motivation? } } }; clears agreements only on the criteria it changes; needs If-Match' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ schema: { type: 'object', required: ['criteria'], properties: { criteria: { type: 'object', additionalProperties: VERDICT_BODY } } } })
  @ApiOkResponse({ type: JointJudgementSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, BLIND, IF_MATCH, ERRORS.csrf, ERRORS.jsonBody, { 400: ['INVALID_SCORES'], 409: ['JUDGEMENT_FINAL', 'JUDGEMENT_NOT_OPEN'], 422: ['CRITERION_NOT_SCORED', 'CRITERION_NOT_SCOREABLE'] })
  async saveJudgement(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string) {
    const view = await this.joint.save('judgement', id, me.userId, ifMatch, body, this.actor(me, requestId));
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Post(':id/judgement/agree')
  @HttpCode(200)
  @ApiOperation({ summary: 'Agree to the joint judgement version in If-Match; final (dossier judged) once both agreed to every criterion as it is now' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: JointJudgementSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, BLIND, IF_MATCH, ERRORS.csrf, ERRORS.noBody, { 409: ['JUDGEMENT_FINAL', 'JUDGEMENT_NOT_OPEN'], 422: ['JUDGEMENT_INCOMPLETE'] })
  agreeJudgement(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @RequestId() requestId?: string) {
    return this.joint.agree('judgement', id, me.userId, ifMatch, this.actor(me, requestId));
  }

  @Get(':id/slots')
  @ApiOperation({ summary: 'Offered interview slots (UTC and Europe/Amsterdam) with their state, the booking and missed interviews' })
  @ApiOkResponse({ type: InterviewOverviewSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT)
  slots(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.interviews.slotsForAssessor(id, me.userId);
  }

  @Post(':id/slots')
  @ApiOperation({ summary: 'Offer a slot for the certificeringsgesprek (local Amsterdam date and time, duration, link or address)' })
  @ApiCreatedResponse({ type: AssessorSlotSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, ERRORS.csrf, ERRORS.jsonBody, { 400: ['NONEXISTENT_LOCAL_TIME', 'LOCATION_REQUIRED'], 409: ['INTERVIEW_NOT_PLANNABLE', 'ASSESSOR_BUSY'], 422: ['SLOT_IN_PAST', 'SLOT_TOO_FAR_AHEAD'] })
  offer(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: SlotDto, @RequestId() requestId?: string) {
    return this.interviews.offer(id, me.userId, body, this.actor(me, requestId));
  }

  @Post(':id/slots/batch')
  @ApiOperation({ summary: 'Offer a series of slots (1–20) at once, all or none: one bad slot is 400 INVALID_SLOTS naming it (details.problems[].index), and nothing is offered' })
  @ApiCreatedResponse({ type: SlotBatchResultSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, ERRORS.csrf, ERRORS.jsonBody, { 400: ['INVALID_SLOTS'], 409: ['INTERVIEW_NOT_PLANNABLE'] })
  @ApiBody({ type: SlotBatchDto })
  async offerBatch(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: unknown, @RequestId() requestId?: string) {
    await this.interviews.assessorBooking(id, me.userId);
    const { slots } = await validBody(SlotBatchDto, body);
    return { slots: await this.interviews.offerBatch(id, me.userId, slots, this.actor(me, requestId)) };
  }

  @Delete(':id/slots/:slotId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an offered slot that is not booked' })
  @ApiNoContentResponse({ description: 'Withdrawn (or already withdrawn)' })
  @ApiErrors(...DOSSIER, INDEPENDENT, ERRORS.csrf, ERRORS.noBody, { 404: ['SLOT_NOT_FOUND'], 409: ['INTERVIEW_NOT_PLANNABLE', 'SLOT_BOOKED'] })
  async withdraw(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Param('slotId', UuidPipe) slotId: string, @RequestId() requestId?: string): Promise<void> {
    await this.interviews.withdraw(id, slotId, me.userId, this.actor(me, requestId));
  }

  @Post(':id/interview/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the booked interview before its start (recorded); the candidate can book another slot' })
  @ApiOkResponse({ type: InterviewBookingSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, ERRORS.csrf, ERRORS.jsonBody, { 409: ['NO_INTERVIEW_BOOKED', 'INTERVIEW_ALREADY_STARTED'] })
  cancel(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: OptionalReasonDto, @RequestId() requestId?: string) {
    return this.interviews.cancel(id, body.reason?.trim() || null, this.actor(me, requestId), { assessorId: me.userId });
  }

  @Post(':id/interview/missed')
  @HttpCode(200)
  @ApiOperation({ summary: 'After the start time: record a no-show or a same-day cancellation (who, why) and what follows: new slots (back to judged) or the advice on the interview record' })
  @ApiOkResponse({ type: InterviewOverviewSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, ERRORS.csrf, ERRORS.jsonBody, {
    409: ['NO_INTERVIEW_BOOKED', 'INTERVIEW_NOT_YET_STARTED', 'MISSED_ALREADY_RECORDED', 'INTERVIEW_RECORD_STARTED'],
    422: ['ABSENT_ASSESSOR_UNKNOWN', 'ADVICE_NEEDS_CANDIDATE_ABSENT'],
  })
  @ApiBody({ type: MissedInterviewDto })
  async missed(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: unknown, @RequestId() requestId?: string) {
    await this.interviews.assessorBooking(id, me.userId);
    return this.interviews.recordMissed(id, me.userId, await validBody(MissedInterviewDto, body), this.actor(me, requestId));
  }

  @Get(':id/interview.ics')
  @ApiOperation({ summary: 'Calendar invitation for the interview (a cancellation once cancelled)' })
  @ApiFileResponse({ contentType: 'text/calendar', description: 'The invitation (METHOD:REQUEST) or its cancellation (METHOD:CANCEL)', disposition: 'attachment', filename: 'certificeringsgesprek-<id>.ics' })
  @ApiErrors(...DOSSIER, INDEPENDENT, { 404: ['NO_INTERVIEW'] })
  async ics(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.interviews.assessorBooking(id, me.userId);
    const { ics, method } = await this.interviews.ics(id, { id: me.userId, role: 'assessor' });
    sendIcs(res, ics, `certificeringsgesprek-${id}.ics`, method);
  }

  @Get(':id/preparation')
  @ApiOperation({ summary: "My preparation notes per agenda item (from the joint judgement on); the co-assessor's once the interview time has come" })
  @ApiOkResponse({ type: PreparationSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, { 409: ['PREPARATION_NOT_OPEN'] })
  async getPreparation(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.preparation.get(id, me.userId);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/preparation')
  @ApiOperation({ summary: 'Save my preparation notes: { notes: { <agenda criterion>: text } } (replaces them); needs If-Match' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ schema: { type: 'object', required: ['notes'], properties: { notes: { type: 'object', additionalProperties: { type: 'string', maxLength: 5000 } } } } })
  @ApiOkResponse({ type: PreparationSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, IF_MATCH, ERRORS.csrf, ERRORS.jsonBody, { 409: ['PREPARATION_CLOSED'], 422: ['NOT_ON_AGENDA'] })
  async savePreparation(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string) {
    const view = await this.preparation.save(id, me.userId, ifMatch, body, this.actor(me, requestId));
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Get(':id/interview-record')
  @ApiOperation({ summary: 'The interview record: findings per agenda item and the joint advice' })
  @ApiOkResponse({ type: InterviewRecordSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT)
  async record(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.joint.get('interview', id, me.userId);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/interview-record')
  @ApiOperation({ summary: 'Save the interview record draft: { findings: { <criterion>: text }, advice: positive|negative, motivation }; needs If-Match' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ schema: { type: 'object', properties: { findings: { type: 'object', additionalProperties: { type: 'string', maxLength: 5000 } }, advice: { type: 'string', enum: ['positive', 'negative'], nullable: true }, motivation: { type: 'string', maxLength: 5000, nullable: true } } } })
  @ApiOkResponse({ type: InterviewRecordSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, IF_MATCH, ERRORS.csrf, ERRORS.jsonBody, { 409: ['INTERVIEW_RECORD_FINAL', 'INTERVIEW_NOT_PLANNED', 'INTERVIEW_NOT_YET_HELD'], 422: ['NOT_ON_AGENDA'] })
  async saveRecord(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: unknown, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string) {
    const view = await this.joint.save('interview', id, me.userId, ifMatch, body, this.actor(me, requestId));
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Post(':id/interview-record/agree')
  @HttpCode(200)
  @ApiOperation({ summary: 'Agree to the interview record version in If-Match; final (interview held) once both agreed' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: InterviewRecordSchema })
  @ApiErrors(...DOSSIER, INDEPENDENT, IF_MATCH, ERRORS.csrf, ERRORS.noBody, { 409: ['INTERVIEW_RECORD_FINAL', 'INTERVIEW_NOT_PLANNED', 'INTERVIEW_NOT_YET_HELD'], 422: ['INTERVIEW_RECORD_INCOMPLETE'] })
  agreeRecord(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @RequestId() requestId?: string) {
    return this.joint.agree('interview', id, me.userId, ifMatch, this.actor(me, requestId));
  }
}
