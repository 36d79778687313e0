import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { ApiErrors, ApiFileResponse, ERRORS } from '@rlp/platform';
import { PersonalDataExportService, PortfolioService, RulebookSummarySchema } from '@rlp/portfolio';
import { guidance } from '@rlp/rulebook';
import { GuidanceQueryDto } from './candidate.dto';
import { GuidanceBothLanguagesSchema, GuidanceSchema } from './guidance.responses';

@ApiTags('guidance')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(
    private readonly portfolios: PortfolioService,
    private readonly exporter: PersonalDataExportService,
  ) {}

  @Get('guidance')
  @Authenticated()
  @ApiOperation({ summary: "The rulebook's guidance per field: task indicators, handreiking, koppeling, knowledge areas, competences, attitude questions" })
  @ApiExtraModels(GuidanceSchema, GuidanceBothLanguagesSchema)
  @ApiOkResponse({
    description: 'With ?lang=: the guidance in that language; without: { nl, en }',
    schema: { oneOf: [{ $ref: getSchemaPath(GuidanceSchema) }, { $ref: getSchemaPath(GuidanceBothLanguagesSchema) }] },
  })
  @ApiErrors(ERRORS.signedIn, ERRORS.query, { 404: ['RULEBOOK_NOT_FOUND'] })
  async guidance(@Query() query: GuidanceQueryDto) {
    const rulebook = query.rulebook === undefined ? await this.portfolios.rulebooks.default() : this.portfolios.rulebooks.published(query.rulebook);
    return query.lang ? guidance(rulebook, query.lang) : { nl: guidance(rulebook, 'nl'), en: guidance(rulebook, 'en') };
  }

  @Get('rulebooks')
  @Authenticated()
  @ApiOperation({ summary: 'The rulebook versions this platform ships; `isDefault` is the one new portfolios start on' })
  @ApiOkResponse({ type: [RulebookSummarySchema] })
  @ApiErrors(ERRORS.signedIn)
  rulebooksList() {
    return this.portfolios.rulebooks.list();
  }

  @Get('me/export')
  @Roles('candidate')
  @ApiOperation({ summary: 'Everything stored about me, with my files, as a ZIP (AVG/GDPR)' })
  @ApiFileResponse({ contentType: 'application/zip', description: 'The ZIP (streamed: a storage failure halfway ends the download broken)', disposition: 'attachment', filename: 'rlp-gegevens-<date>.zip' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.storage)
  async export(@CurrentPrincipal() me: Principal, @Res() res: Response, @RequestId() requestId?: string): Promise<void> {
    const { stream, filename } = await this.exporter.export(me.userId, requestId);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    // A storage failure halfway cannot become an error response any more: end the download broken.
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
