import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { BookDto, DecisionDocumentsService, DecisionService, InterviewService, OptionalReasonDto } from '@rlp/assessment';
import { sendIcs, sendPdf, UuidPipe } from '@rlp/platform';

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
  slots(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.interviews.forCandidate(me.userId, id);
  }

  @Post('interview/booking')
  @ApiOperation({ summary: 'Book a slot, or move my booking to another slot (recorded)' })
  book(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: BookDto, @RequestId() requestId?: string) {
    return this.interviews.book(me.userId, id, body.slotId, { actorId: me.userId, requestId });
  }

  @Post('interview/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel my booked interview (recorded)' })
  cancel(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Body() body: OptionalReasonDto, @RequestId() requestId?: string) {
    return this.interviews.cancel(id, body.reason?.trim() || null, { actorId: me.userId, requestId }, { candidateId: me.userId });
  }

  @Get('interview.ics')
  @ApiOperation({ summary: 'Calendar invitation for my interview (a cancellation once cancelled)' })
  async ics(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.interviews.candidateCheck(me.userId, id);
    const { ics, method } = await this.interviews.ics(id);
    sendIcs(res, ics, `certificeringsgesprek-${id}.ics`, method);
  }

  @Get('decision')
  @ApiOperation({ summary: 'The certification decision and, when certified, my register entry' })
  decision(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.decisions.forCandidate(me.userId, id);
  }

  @Get('decision/letter.pdf')
  @ApiOperation({ summary: 'The decision letter as PDF' })
  async letter(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.decisions.forCandidate(me.userId, id);
    sendPdf(res, await this.documents.letter(id), `besluit-${id}.pdf`);
  }

  @Get('decision/certificate.pdf')
  @ApiOperation({ summary: 'My certificate as PDF (only when certified)' })
  async certificate(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.decisions.forCandidate(me.userId, id);
    sendPdf(res, await this.documents.certificate(id), `certificaat-${id}.pdf`);
  }
}
