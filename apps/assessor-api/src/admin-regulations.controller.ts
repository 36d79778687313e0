import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { PageQueryDto } from '@rlp/assessment';
import { ApiErrors, ERRORS, VersionPipe, type ErrorCodes, type VersionNumber } from '@rlp/platform';
import {
  isRegulationType,
  REGULATION_TYPES,
  regulationTypeNotFound,
  RegulationAcceptancesSchema,
  RegulationAcceptancesView,
  RegulationAdminVersionSchema,
  RegulationRenewalsSchema,
  RegulationRenewalsView,
  RegulationAdminView,
  RegulationsAdminService,
  type RegulationType,
} from '@rlp/regulations';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date YYYY-MM-DD';

export class CreateRegulationDraftDto {
  @ApiPropertyOptional({ maxLength: 300, description: 'Default: the title of the latest published version' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ maxLength: 200_000, description: 'Markdown. Default: the text of the latest published version' })
  @IsOptional()
  @IsString()
  @MaxLength(200_000)
  body?: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true, description: 'What changed, shown to candidates who must accept again' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  changeSummary?: string | null;

  @ApiPropertyOptional({ type: String, example: '2027-01-01', nullable: true, description: 'Planned effective date; publishing sets the real one' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  effectiveFrom?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The official PDF (a verified PDF you uploaded via /admin/documents); null removes it' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  pdfDocumentId?: string | null;
}

export class UpdateRegulationDraftDto extends CreateRegulationDraftDto {}

export class PublishRegulationDto {
  @ApiProperty({ example: '2027-01-01', description: 'From this date (Europe/Amsterdam) the version is current; today or later' })
  @IsString()
  @Length(10, 10, { message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  effectiveFrom!: string;
}

/** A whole number 0 … 2^31 − 1 (VersionPipe); the type VersionNumber does not tell the document generator that. */
const VERSION_PARAM = { name: 'version', type: 'integer', minimum: 0, maximum: 2_147_483_647 } as const;
const TYPE_PARAM = { name: 'type', enum: REGULATION_TYPES } as const;

/** Every route: an admin's, with a regulation type in the path; each answer says which version is current. */
const OFFICE: ErrorCodes[] = [ERRORS.signedIn, ERRORS.role, { 404: ['REGULATION_TYPE_NOT_FOUND'], 503: ['NO_CURRENT_REGULATION'] }];
/** A route on one version of that type. */
const ONE_VERSION: ErrorCodes = { 400: ['INVALID_VERSION'], 404: ['REGULATION_VERSION_NOT_FOUND'] };
/** A keyset-paged list (ADR 0027): `limit` and `cursor`. */
const PAGING: ErrorCodes[] = [ERRORS.query, { 400: ['INVALID_CURSOR'] }];
/** A change to a draft. */
const DRAFT_CHANGE: ErrorCodes[] = [...OFFICE, ERRORS.csrf, ONE_VERSION, { 409: ['REGULATION_VERSION_PUBLISHED'] }];
/** The official PDF given with a draft. */
const OFFICIAL_PDF: ErrorCodes = { 400: ['INVALID_REGULATION_PDF'] };

function regulationType(type: string): RegulationType {
  if (!isRegulationType(type)) throw regulationTypeNotFound(type);
  return type;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/regulations')
@Roles('admin')
export class AdminRegulationsController {
  constructor(private readonly regulations: RegulationsAdminService) {}

  @Get(':type/versions')
  @ApiParam(TYPE_PARAM)
  @ApiOperation({ summary: 'Every version of the reglement, gedragscode or klachtenreglement, drafts included, newest first' })
  @ApiOkResponse({ type: [RegulationAdminVersionSchema] })
  @ApiErrors(...OFFICE)
  list(@Param('type') type: string): Promise<RegulationAdminView[]> {
    return this.regulations.list(regulationType(type));
  }

  @Post(':type/versions')
  @ApiParam(TYPE_PARAM)
  @ApiOperation({ summary: 'Create a draft with the next version number (with its official PDF, when given)' })
  @ApiCreatedResponse({ type: RegulationAdminVersionSchema })
  @ApiErrors(...OFFICE, ERRORS.csrf, ERRORS.jsonBody, OFFICIAL_PDF)
  create(@Param('type') type: string, @Body() body: CreateRegulationDraftDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<RegulationAdminView> {
    return this.regulations.createDraft(regulationType(type), body, actor.userId, requestId);
  }

  @Get(':type/versions/:version')
  @ApiParam(TYPE_PARAM)
  @ApiParam(VERSION_PARAM)
  @ApiOperation({ summary: 'One version, draft or published' })
  @ApiOkResponse({ type: RegulationAdminVersionSchema })
  @ApiErrors(...OFFICE, ONE_VERSION)
  get(@Param('type') type: string, @Param('version', VersionPipe) version: VersionNumber): Promise<RegulationAdminView> {
    return this.regulations.get(regulationType(type), version);
  }

  @Patch(':type/versions/:version')
  @ApiParam(TYPE_PARAM)
  @ApiParam(VERSION_PARAM)
  @ApiOperation({ summary: 'Change a draft; a published version is immutable (409)' })
  @ApiOkResponse({ type: RegulationAdminVersionSchema })
  @ApiErrors(...DRAFT_CHANGE, ERRORS.jsonBody, OFFICIAL_PDF)
  update(
    @Param('type') type: string,
    @Param('version', VersionPipe) version: VersionNumber,
    @Body() body: UpdateRegulationDraftDto,
    @CurrentPrincipal() actor: Principal,
    @RequestId() requestId?: string,
  ): Promise<RegulationAdminView> {
    return this.regulations.updateDraft(regulationType(type), version, body, actor.userId, requestId);
  }

  @Delete(':type/versions/:version')
  @ApiParam(TYPE_PARAM)
  @ApiParam(VERSION_PARAM)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft; a published version is immutable (409)' })
  @ApiNoContentResponse({ description: 'Deleted (the audit trail keeps its title)' })
  @ApiErrors(...DRAFT_CHANGE, ERRORS.noBody)
  async remove(@Param('type') type: string, @Param('version', VersionPipe) version: VersionNumber, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<void> {
    await this.regulations.deleteDraft(regulationType(type), version, actor.userId, requestId);
  }

  @Post(':type/versions/:version/publish')
  @ApiParam(TYPE_PARAM)
  @ApiParam(VERSION_PARAM)
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft; it becomes current on its effective date' })
  @ApiOkResponse({ type: RegulationAdminVersionSchema, description: 'The version, now published' })
  @ApiErrors(...DRAFT_CHANGE, ERRORS.jsonBody, {
    409: ['REGULATION_VERSION_OUTDATED', 'REGULATION_EFFECTIVE_DATE_TOO_EARLY'],
    422: ['REGULATION_VERSION_INCOMPLETE', 'REGULATION_EFFECTIVE_DATE_IN_PAST'],
  })
  publish(
    @Param('type') type: string,
    @Param('version', VersionPipe) version: VersionNumber,
    @Body() body: PublishRegulationDto,
    @CurrentPrincipal() actor: Principal,
    @RequestId() requestId?: string,
  ): Promise<RegulationAdminView> {
    return this.regulations.publish(regulationType(type), version, body.effectiveFrom, actor.userId, requestId);
  }

  @Get(':type/versions/:version/acceptances')
  @ApiParam(TYPE_PARAM)
  @ApiParam(VERSION_PARAM)
  @ApiOperation({ summary: 'Who accepted this version, oldest first, a page at a time (ADR 0027)' })
  @ApiOkResponse({ type: RegulationAcceptancesSchema })
  @ApiErrors(...OFFICE, ONE_VERSION, ...PAGING)
  acceptances(@Param('type') type: string, @Param('version', VersionPipe) version: VersionNumber, @Query() page: PageQueryDto): Promise<RegulationAcceptancesView> {
    return this.regulations.acceptances(regulationType(type), version, page);
  }

  @Get(':type/versions/:version/renewals')
  @ApiParam(TYPE_PARAM)
  @ApiParam(VERSION_PARAM)
  @ApiOperation({ summary: 'Draft portfolios that accepted this version while it is no longer the current one, and so must accept the current one before submitting; oldest draft first, a page at a time (ADR 0027)' })
  @ApiOkResponse({ type: RegulationRenewalsSchema })
  @ApiErrors(...OFFICE, ONE_VERSION, ...PAGING)
  renewals(@Param('type') type: string, @Param('version', VersionPipe) version: VersionNumber, @Query() page: PageQueryDto): Promise<RegulationRenewalsView> {
    return this.regulations.renewals(regulationType(type), version, page);
  }
}
