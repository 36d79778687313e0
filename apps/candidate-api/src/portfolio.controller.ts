import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountLifecycleService, CurrentPrincipal, Principal, RequestId, Roles, UserEntity } from '@rlp/accounts';
import { amsterdamDate, ApiErrors, ApiFileResponse, Clock, ERRORS, responseHeader, sendPdf, UuidPipe, VersionPipe, type VersionNumber } from '@rlp/platform';
import { privacyReport, type PrivacyReport } from '@rlp/privacy';
import { DocumentsService } from '@rlp/documents';
import {
  CompletenessReportSchema,
  documentIdsOf,
  FREE_FORM_OBJECT,
  PdfHost,
  PortfolioDocumentSchema,
  PortfolioSchema,
  PortfolioService,
  RulebookMovePreviewSchema,
  SECTION_KEYS,
  SectionRevisionSchema,
  SectionRevisionSummarySchema,
  SectionSchema,
  SubmissionPdfService,
  SubmissionService,
  SubmissionWithDocumentSchema,
  submissionView,
  SubmitResultSchema,
  type JsonObject,
  type PortfolioView,
  type SectionView,
} from '@rlp/portfolio';
import { DataSource } from 'typeorm';
import { DocumentQueryDto, LangQueryDto, RulebookMoveDto, SubmitDto } from './candidate.dto';
import { PrivacyReportSchema } from './privacy.responses';

/** Who may call these routes, and what every one of them checks first. */
const CANDIDATE = [ERRORS.signedIn, ERRORS.role] as const;
const OWN_PORTFOLIO = [...CANDIDATE, ERRORS.uuid, { 404: ['PORTFOLIO_NOT_FOUND'] }] as const;
const SECTION = { 404: ['SECTION_NOT_FOUND'] } as const;
const ETAG = { ETag: responseHeader("the section's version, for If-Match", { example: '"education.3"', always: true }) };
const SECTION_PARAM = { name: 'section', enum: SECTION_KEYS };
const SECTION_WRITE_ERRORS = [
  ...OWN_PORTFOLIO,
  ERRORS.csrf,
  SECTION,
  {
    400: ['MALFORMED_JSON', 'FORBIDDEN_FIELD', 'INVALID_SECTION', 'UNKNOWN_DOCUMENT', 'SERVER_MANAGED_FIELD', 'REGULATION_VERSION_REQUIRED', 'REGULATION_VERSION_NOT_CURRENT', 'INVALID_TEXT'],
    409: ['PORTFOLIO_NOT_EDITABLE'],
    412: ['STALE_SECTION'],
    413: ['PAYLOAD_TOO_LARGE', 'SECTION_TOO_LARGE', 'PORTFOLIO_TOO_LARGE'],
    428: ['IF_MATCH_REQUIRED'],
    503: ['NO_CURRENT_REGULATION'],
  },
] as const;
const SECTION_BODY = { ...FREE_FORM_OBJECT, description: "The section's content: free-form JSON whose shape the rulebook's document schema defines (docs/portfolio-document.schema.json)" };

@ApiTags('portfolio')
@ApiBearerAuth()
@Roles('candidate')
@Controller('portfolios')
export class PortfolioController {
  constructor(
    private readonly portfolios: PortfolioService,
    private readonly submissions: SubmissionService,
    private readonly documents: DocumentsService,
    private readonly pdf: PdfHost,
    private readonly submissionPdfs: SubmissionPdfService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly lifecycle: AccountLifecycleService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a portfolio (one at a time)' })
  @ApiCreatedResponse({ type: PortfolioSchema })
  @ApiErrors(...CANDIDATE, ERRORS.csrf, ERRORS.noBody, { 409: ['PORTFOLIO_EXISTS'] })
  create(@CurrentPrincipal() me: Principal, @RequestId() requestId?: string): Promise<PortfolioView> {
    return this.portfolios.create(me.userId, requestId);
  }

  @Get()
  @ApiOperation({ summary: 'My portfolios, newest first, with their status' })
  @ApiOkResponse({ type: [PortfolioSchema] })
  @ApiErrors(...CANDIDATE)
  list(@CurrentPrincipal() me: Principal): Promise<PortfolioView[]> {
    return this.portfolios.list(me.userId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, revision and the version/ETag of every section' })
  @ApiOkResponse({ type: PortfolioSchema })
  @ApiErrors(...OWN_PORTFOLIO)
  get(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string): Promise<PortfolioView> {
    return this.portfolios.get(me.userId, id);
  }

  @Get(':id/sections/:section')
  @ApiOperation({ summary: 'One section (education, workExperience, cvAndMotivation, case-1, case-2, developmentPlan, declarations) with its ETag' })
  @ApiParam(SECTION_PARAM)
  @ApiOkResponse({ type: SectionSchema, headers: ETAG })
  @ApiErrors(...OWN_PORTFOLIO, SECTION)
  async section(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Param('section') section: string, @Res({ passthrough: true }) res: Response): Promise<SectionView> {
    const view = await this.portfolios.getSection(me.userId, id, section);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Put(':id/sections/:section')
  @ApiOperation({ summary: 'Replace a section; needs If-Match with its current ETag (412 when stale, 428 when missing)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiParam(SECTION_PARAM)
  @ApiBody({ schema: SECTION_BODY })
  @ApiOkResponse({ type: SectionSchema, headers: ETAG, description: 'Saved (a write that changes nothing keeps the version)' })
  @ApiErrors(...SECTION_WRITE_ERRORS)
  replace(
    @CurrentPrincipal() me: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('section') section: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
    @RequestId() requestId?: string,
  ): Promise<SectionView> {
    return this.write(me, id, section, ifMatch, 'replace', body, res, requestId);
  }

  @Patch(':id/sections/:section')
  @ApiOperation({ summary: 'Change part of a section (JSON Merge Patch, RFC 7396; null removes); needs If-Match' })
  @ApiConsumes('application/merge-patch+json', 'application/json')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiParam(SECTION_PARAM)
  @ApiBody({ schema: { ...SECTION_BODY, description: 'A JSON Merge Patch (RFC 7396) of the section: objects merge, null removes, anything else replaces' } })
  @ApiOkResponse({ type: SectionSchema, headers: ETAG, description: 'Saved (a write that changes nothing keeps the version)' })
  @ApiErrors(...SECTION_WRITE_ERRORS)
  patch(
    @CurrentPrincipal() me: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('section') section: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
    @RequestId() requestId?: string,
  ): Promise<SectionView> {
    return this.write(me, id, section, ifMatch, 'merge', body, res, requestId);
  }

  private async write(me: Principal, id: string, section: string, ifMatch: string | undefined, mode: 'replace' | 'merge', body: unknown, res: Response, requestId?: string) {
    const view = await this.portfolios.writeSection(me.userId, id, section, ifMatch, mode, body, requestId);
    res.setHeader('ETag', view.etag);
    return view;
  }

  @Get(':id/sections/:section/revisions')
  @ApiOperation({ summary: 'Every saved version of a section, newest first' })
  @ApiParam(SECTION_PARAM)
  @ApiOkResponse({ type: [SectionRevisionSummarySchema] })
  @ApiErrors(...OWN_PORTFOLIO, SECTION)
  revisions(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Param('section') section: string) {
    return this.portfolios.revisions(me.userId, id, section);
  }

  @Get(':id/sections/:section/revisions/:version')
  @ApiOperation({ summary: 'One saved version of a section' })
  @ApiParam(SECTION_PARAM)
  @ApiParam({ name: 'version', type: 'integer' })
  @ApiOkResponse({ type: SectionRevisionSchema })
  @ApiErrors(...OWN_PORTFOLIO, SECTION, { 400: ['INVALID_VERSION'], 404: ['REVISION_NOT_FOUND'] })
  revision(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Param('section') section: string, @Param('version', VersionPipe) version: VersionNumber) {
    return this.portfolios.revision(me.userId, id, section, version);
  }

  @Get(':id/document')
  @ApiOperation({ summary: 'The portfolio as one rulebook document (check it offline with `npm run check`)' })
  @ApiOkResponse({
    type: PortfolioDocumentSchema,
    description: 'For a submitted portfolio, the frozen document',
    headers: { 'Content-Disposition': responseHeader('with ?download=true only: an attachment', { example: 'attachment; filename="portfolio-<id>.json"' }) },
  })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.query)
  async document(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Query() query: DocumentQueryDto, @Res({ passthrough: true }) res: Response) {
    const doc = await this.portfolios.document(me.userId, id);
    if (query.download === 'true') res.setHeader('Content-Disposition', `attachment; filename="portfolio-${id}.json"`);
    return doc;
  }

  @Get(':id/completeness')
  @ApiOperation({ summary: "The rulebook's live report: findings (with their section) and progress per part" })
  @ApiOkResponse({ type: CompletenessReportSchema })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.query, { 503: ['NO_CURRENT_REGULATION'] })
  completeness(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Query() query: LangQueryDto) {
    return this.portfolios.completeness(me.userId, id, query.lang);
  }

  @Get(':id/privacy')
  @ApiOperation({
    summary: 'The privacy check (AVG) of the cases and the motivation: likely identifying data as warnings (never blocking), each with its JSON Pointer, span and placeholder',
  })
  @ApiOkResponse({ type: PrivacyReportSchema })
  @ApiErrors(...OWN_PORTFOLIO)
  async privacy(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string): Promise<PrivacyReport> {
    const document = await this.portfolios.document(me.userId, id);
    // The candidate's own name and organisation are not a client's data (the portal passes the same).
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: me.userId });
    const referenceYear = Number(amsterdamDate(this.clock.now()).slice(0, 4));
    return privacyReport(document, { referenceYear, allow: [user.displayName, user.organisation ?? ''] });
  }

  @Get(':id/rulebook-move')
  @ApiOperation({ summary: 'What moving this draft to another rulebook version would change in its completeness report (changes nothing)' })
  @ApiOkResponse({ type: RulebookMovePreviewSchema })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.query, { 404: ['RULEBOOK_NOT_FOUND'], 409: ['PORTFOLIO_NOT_EDITABLE', 'RULEBOOK_ALREADY_CURRENT'], 503: ['NO_CURRENT_REGULATION'] })
  previewMove(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Query() query: RulebookMoveDto) {
    return this.portfolios.previewRulebookMove(me.userId, id, query.to);
  }

  @Post(':id/rulebook-move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move this draft to another rulebook version (explicitly; see the preview first)' })
  @ApiOkResponse({ type: PortfolioSchema })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.csrf, ERRORS.jsonBody, { 404: ['RULEBOOK_NOT_FOUND'], 409: ['PORTFOLIO_NOT_EDITABLE', 'RULEBOOK_ALREADY_CURRENT'] })
  move(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: RulebookMoveDto, @RequestId() requestId?: string) {
    return this.portfolios.moveRulebook(me.userId, id, body.to, requestId);
  }

  @Get(':id/preview.pdf')
  @ApiOperation({ summary: 'The portfolio as PDF; a draft is marked CONCEPT, a submitted one shows the frozen snapshot' })
  @ApiFileResponse({ contentType: 'application/pdf', description: 'The PDF', disposition: 'inline', filename: 'portfolio-concept-<id>.pdf' })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.pdf, ERRORS.storage, { 409: ['PDF_INTEGRITY_FAILED'], 429: ['PDF_BUSY'], 503: ['NO_CURRENT_REGULATION'] })
  async preview(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    const portfolio = await this.portfolios.own(me.userId, id);
    if (portfolio.status !== 'draft') {
      // A submitted portfolio shows its frozen PDF; its draft preview is of no more use (ADR 0026).
      await this.pdf.forgetPreview(id);
      return this.sendSubmissionPdf(me, id, res);
    }
    const document = await this.portfolios.documentOf(portfolio);
    const [report, docs, user] = await Promise.all([
      this.portfolios.report(portfolio, document),
      this.documents.list(me.userId),
      this.dataSource.manager.findOneByOrFail(UserEntity, { id: me.userId }),
    ]);
    const referenced = new Set([
      ...documentIdsOf('education', (document.education ?? {}) as JsonObject),
      ...documentIdsOf('cvAndMotivation', (document.cvAndMotivation ?? {}) as JsonObject),
    ]);
    // Served from the shared cache while nothing it shows has changed (ADR 0026).
    const { pdf } = await this.pdf.preview(id, {
      kind: 'draft',
      generatedAt: this.clock.now().toISOString(),
      candidate: { displayName: user.displayName, email: user.email },
      portfolioId: id,
      document,
      rulebook: this.portfolios.rulebooks.get(portfolio.rulebookVersion),
      report,
      documents: docs.filter((d) => d.status === 'verified' && referenced.has(d.id)).map((d) => ({ id: d.id, filename: d.filename, contentType: d.contentType, sizeBytes: d.sizeBytes, sha256: d.sha256 ?? '' })),
    }, me.userId);
    sendPdf(res, pdf, `portfolio-concept-${id}.pdf`);
  }

  @Post(':id/submit')
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit: freezes an immutable snapshot. Needs an Idempotency-Key; the body names the reviewed revision' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '8 to 200 visible ASCII characters; a retry with the same key and body returns the first answer' })
  @ApiCreatedResponse({
    type: SubmitResultSchema,
    headers: { 'Idempotent-Replayed': responseHeader('true when this answer is the stored one of an earlier request with the same key', { example: 'true' }) },
  })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.csrf, ERRORS.jsonBody, {
    400: ['INVALID_IDEMPOTENCY_KEY'],
    403: ['EMAIL_NOT_VERIFIED'],
    409: ['PORTFOLIO_ALREADY_SUBMITTED', 'IDEMPOTENCY_IN_PROGRESS'],
    412: ['PORTFOLIO_CHANGED'],
    422: ['PORTFOLIO_INCOMPLETE', 'IDEMPOTENCY_KEY_REUSED'],
    428: ['IDEMPOTENCY_KEY_REQUIRED'],
    503: ['NO_CURRENT_REGULATION'],
  })
  async submit(
    @CurrentPrincipal() me: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: SubmitDto,
    @Res({ passthrough: true }) res: Response,
    @RequestId() requestId?: string,
  ) {
    // A candidate confirms the e-mail address before submitting (issue 15, ADR 0020); nothing changes otherwise.
    await this.lifecycle.assertEmailVerified(me.userId);
    const result = await this.submissions.submit(me.userId, id, key, { revision: body.revision }, requestId);
    res.status(result.status);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Get(':id/submission')
  @ApiOperation({ summary: 'The frozen submission: versions, document checksums, content hash (re-verified on every read) and the document' })
  @ApiOkResponse({ type: SubmissionWithDocumentSchema })
  @ApiErrors(...OWN_PORTFOLIO, { 404: ['NOT_SUBMITTED'] })
  async submission(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    const entity = await this.submissions.entity(me.userId, id);
    return { ...submissionView(entity), document: entity.document };
  }

  @Get(':id/submission.pdf')
  @ApiOperation({ summary: 'The frozen submission as PDF: rendered once, kept with its SHA-256, the same file every time and for the assessors' })
  @ApiFileResponse({ contentType: 'application/pdf', description: 'The PDF', disposition: 'inline', filename: 'portfolio-ingediend-<id>.pdf' })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.pdf, ERRORS.storage, { 404: ['NOT_SUBMITTED'], 409: ['PDF_INTEGRITY_FAILED'], 429: ['PDF_BUSY'] })
  async submissionPdf(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    return this.sendSubmissionPdf(me, id, res);
  }

  private async sendSubmissionPdf(me: Principal, id: string, res: Response): Promise<void> {
    const entity = await this.submissions.entity(me.userId, id);
    sendPdf(res, await this.submissionPdfs.render(entity), `portfolio-ingediend-${id}.pdf`);
  }
}
