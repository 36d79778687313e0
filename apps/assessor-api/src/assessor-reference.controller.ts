import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiSchema, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@rlp/accounts';
import { DossierService } from '@rlp/assessment';
import { amsterdamDate, ApiErrors, ERRORS, UuidPipe } from '@rlp/platform';
import { CompletenessFindingSchema, PortfolioService, type CompletenessView } from '@rlp/portfolio';
import { guidance } from '@rlp/rulebook';
import { GuidanceBothLanguagesSchema, GuidanceSchema } from '../../candidate-api/src/guidance.responses';

export class AssessorGuidanceQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';

  @ApiPropertyOptional({ description: "Rulebook version id (a dossier's `rulebookVersion`); default the one new portfolios start on" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  rulebook?: string;
}

@ApiSchema({ name: 'SubmissionFindings', description: "The rulebook's findings on the frozen submission, as they were on the day it was submitted" })
export class SubmissionFindingsSchema {
  @ApiProperty()
  rulebookVersion!: string;

  @ApiProperty({ format: 'date', description: 'The day of submission (Europe/Amsterdam): the findings are as of that day' })
  referenceDate!: string;

  @ApiProperty({ description: 'True iff there was no blocking finding (always true for a submission)' })
  complete!: boolean;

  @ApiProperty({ type: () => [CompletenessFindingSchema], description: 'Warnings (and, should the rulebook have changed its mind, blocking findings) with the section they point at' })
  findings!: CompletenessView['findings'];
}

/**
 * What an assessor reads beside a portfolio: the rulebook's guidance (indicators per task,
 * knowledge area, competence and attitude criterion; the same answer as the candidate API's
 * `GET /guidance`) and the rulebook's findings on the frozen submission.
 */
@ApiTags('assessment')
@ApiBearerAuth()
@Roles('assessor', 'admin')
@Controller()
export class AssessorReferenceController {
  constructor(
    private readonly portfolios: PortfolioService,
    private readonly dossiers: DossierService,
  ) {}

  @Get('guidance')
  @ApiOperation({ summary: "The rulebook's guidance per field (as on the candidate API): task indicators, handreiking, koppeling, knowledge areas, competences, attitude questions" })
  @ApiExtraModels(GuidanceSchema, GuidanceBothLanguagesSchema)
  @ApiOkResponse({
    description: 'With ?lang=: the guidance in that language; without: { nl, en }',
    schema: { oneOf: [{ $ref: getSchemaPath(GuidanceSchema) }, { $ref: getSchemaPath(GuidanceBothLanguagesSchema) }] },
  })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.query, { 404: ['RULEBOOK_NOT_FOUND'] })
  async guidance(@Query() query: AssessorGuidanceQueryDto) {
    const rulebook = query.rulebook === undefined ? await this.portfolios.rulebooks.default() : this.portfolios.rulebooks.published(query.rulebook);
    return query.lang ? guidance(rulebook, query.lang) : { nl: guidance(rulebook, 'nl'), en: guidance(rulebook, 'en') };
  }

  @Get('assessments/:id/findings')
  @ApiOperation({ summary: "The rulebook's findings on the frozen submission as of its submission day (after independence is declared)" })
  @ApiOkResponse({ type: SubmissionFindingsSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 403: ['INDEPENDENCE_NOT_DECLARED'], 404: ['DOSSIER_NOT_FOUND'] })
  async findings(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string): Promise<SubmissionFindingsSchema> {
    const m = this.dossiers.dataSource.manager;
    await this.dossiers.assignment(m, id, me.userId, { independent: true });
    const s = await this.dossiers.submission(m, id);
    const report = this.portfolios.evaluate(s.document as never, s.rulebookVersion, amsterdamDate(s.submittedAt), s.regulationVersions);
    return { rulebookVersion: s.rulebookVersion, referenceDate: report.referenceDate, complete: report.complete, findings: report.findings };
  }
}
