import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { BookDto, CandidateInterviewSchema, DecisionDocumentsService, DecisionSchema, DecisionService, InterviewBookingSchema, InterviewService, OptionalReasonDto } from '@rlp/assessment';
import { ApiErrors, ApiFileResponse, ERRORS, sendIcs, sendPdf, UuidPipe } from '@rlp/platform';

const OWN_PORTFOLIO = [ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['PORTFOLIO_NOT_FOUND'] }] as const;

/** The candidate's side after submission: booking the certificeringsgesprek and reading the decision. */
@ApiTags('interview and decision')
@ApiBearerAuth()
@Roles('candidate')
@Controller('portfolios/:id')
export class InterviewController {
  constructor(
    private readonly interviews: InterviewService,
    private readonly decisions: DecisionService,
    private readonly documents: DecisionDocumentsService,
  ) {}

  @Get('interview')
  @ApiOperation({ summary: 'Slots I can book (both assessors free; UTC and Europe/Amsterdam) and my booking' })
  @ApiOkResponse({ type: CandidateInterviewSchema })
  @ApiErrors(...OWN_PORTFOLIO)
  slots(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.interviews.forCandidate(me.userId, id);
  }

  @Post('interview/booking')
  @ApiOperation({ summary: 'Book a slot, or move my booking to another slot (recorded)' })
  @ApiCreatedResponse({ type: InterviewBookingSchema, description: 'Booked (booking the slot already booked returns that booking)' })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.csrf, ERRORS.jsonBody, {
    404: ['SLOT_NOT_FOUND'],
    409: ['INTERVIEW_NOT_PLANNABLE', 'SLOT_IN_PAST', 'SLOT_TAKEN', 'ASSESSOR_NOT_AVAILABLE', 'INTERVIEW_ALREADY_STARTED'],
  })
  book(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: BookDto, @RequestId() requestId?: string) {
    return this.interviews.book(me.userId, id, body.slotId, { actorId: me.userId, requestId });
  }

  @Post('interview/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel my booked interview (recorded)' })
  @ApiOkResponse({ type: InterviewBookingSchema, description: 'The cancelled booking' })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.csrf, ERRORS.jsonBody, { 409: ['NO_INTERVIEW_BOOKED', 'INTERVIEW_ALREADY_STARTED'] })
  cancel(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: OptionalReasonDto, @RequestId() requestId?: string) {
    return this.interviews.cancel(id, body.reason?.trim() || null, { actorId: me.userId, requestId }, { candidateId: me.userId });
  }

  @Get('interview.ics')
  @ApiOperation({ summary: 'Calendar invitation for my interview (a cancellation once cancelled)' })
  @ApiFileResponse({ contentType: 'text/calendar', description: 'iCalendar (RFC 5545); METHOD REQUEST, or CANCEL once cancelled', disposition: 'attachment', filename: 'certificeringsgesprek-<id>.ics' })
  @ApiErrors(...OWN_PORTFOLIO, { 404: ['NO_INTERVIEW'] })
  async ics(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.interviews.candidateCheck(me.userId, id);
    const { ics, method } = await this.interviews.ics(id, { id: me.userId, role: 'candidate' });
    sendIcs(res, ics, `certificeringsgesprek-${id}.ics`, method);
  }

  @Get('decision')
  @ApiOperation({ summary: 'The certification decision and, when certified, my register entry' })
  @ApiOkResponse({ type: DecisionSchema })
  @ApiErrors(...OWN_PORTFOLIO, { 404: ['NOT_DECIDED'] })
  decision(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.decisions.forCandidate(me.userId, id);
  }

  @Get('decision/letter.pdf')
  @ApiOperation({ summary: 'The decision letter as PDF' })
  @ApiFileResponse({ contentType: 'application/pdf', description: 'The PDF', disposition: 'inline', filename: 'besluit-<id>.pdf' })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.pdf, { 404: ['NOT_DECIDED'] })
  async letter(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.decisions.forCandidate(me.userId, id);
    sendPdf(res, await this.documents.letter(id), `besluit-${id}.pdf`);
  }

  @Get('decision/certificate.pdf')
  @ApiOperation({ summary: 'My certificate as PDF (only when certified)' })
  @ApiFileResponse({ contentType: 'application/pdf', description: 'The PDF', disposition: 'inline', filename: 'certificaat-<id>.pdf' })
  @ApiErrors(...OWN_PORTFOLIO, ERRORS.pdf, { 404: ['NOT_DECIDED', 'NOT_CERTIFIED'] })
  async certificate(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.decisions.forCandidate(me.userId, id);
    sendPdf(res, await this.documents.certificate(id), `certificaat-${id}.pdf`);
  }
}
