import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../accounts/src/access.decorators';
import { DocumentsService } from '../../documents/src/documents.service';
import { bilingual } from '../../platform/src/bilingual';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { VersionPipe, type VersionNumber } from '../../platform/src/int.pipe';
import { ApiErrors, ERRORS } from '../../platform/src/openapi';
import { REGULATION_TYPES, type RegulationType } from './regulation-version.entity';
import { RegulationsService } from './regulations.service';
import { RegulationPdfLinkSchema, RegulationVersionSchema } from './regulations.responses';

const notFound = () => new DomainError('not_found', 'REGULATION_VERSION_NOT_FOUND', bilingual('Deze versie bestaat niet', 'This version does not exist'));

function regulationType(type: string): RegulationType {
  if (!(REGULATION_TYPES as readonly string[]).includes(type)) throw notFound();
  return type as RegulationType;
}

/** Anyone logged in (candidate, assessor, admin) reads the current and earlier published versions. */
@ApiTags('regulations')
@ApiBearerAuth()
@Authenticated()
@Controller('regulations')
export class RegulationsReadController {
  constructor(
    private readonly regulations: RegulationsService,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The current version of the reglement, gedragscode and klachtenreglement' })
  @ApiOkResponse({ type: [RegulationVersionSchema] })
  @ApiErrors(ERRORS.signedIn, { 503: ['NO_CURRENT_REGULATION'] })
  current() {
    const today = amsterdamDate(this.clock.now());
    return Promise.all(REGULATION_TYPES.map((type) => this.regulations.current(type, today)));
  }

  @Get(':type/versions')
  @ApiOperation({ summary: 'Every published version of one regulation, newest first' })
  @ApiParam({ name: 'type', enum: REGULATION_TYPES })
  @ApiOkResponse({ type: [RegulationVersionSchema] })
  @ApiErrors(ERRORS.signedIn, { 404: ['REGULATION_VERSION_NOT_FOUND'], 503: ['NO_CURRENT_REGULATION'] })
  versions(@Param('type') type: string) {
    return this.regulations.listPublished(regulationType(type), amsterdamDate(this.clock.now()));
  }

  @Get(':type/versions/:version')
  @ApiOperation({ summary: 'A published version (current or earlier)' })
  @ApiParam({ name: 'type', enum: REGULATION_TYPES })
  @ApiParam({ name: 'version', type: 'integer' })
  @ApiOkResponse({ type: RegulationVersionSchema })
  @ApiErrors(ERRORS.signedIn, { 400: ['INVALID_VERSION'], 404: ['REGULATION_VERSION_NOT_FOUND'], 503: ['NO_CURRENT_REGULATION'] })
  version(@Param('type') type: string, @Param('version', VersionPipe) version: VersionNumber) {
    return this.regulations.published(regulationType(type), version, amsterdamDate(this.clock.now()));
  }

  @Get(':type/versions/:version/pdf')
  @ApiOperation({ summary: 'A short-lived download URL of the official PDF of a published version' })
  @ApiParam({ name: 'type', enum: REGULATION_TYPES })
  @ApiParam({ name: 'version', type: 'integer' })
  @ApiOkResponse({ type: RegulationPdfLinkSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.storage, { 400: ['INVALID_VERSION'], 404: ['REGULATION_VERSION_NOT_FOUND', 'REGULATION_PDF_NOT_FOUND', 'DOCUMENT_NOT_FOUND'], 409: ['DOCUMENT_NOT_VERIFIED', 'DOCUMENT_INTEGRITY_FAILED'], 503: ['NO_CURRENT_REGULATION', 'DOCUMENT_CHECKS_BUSY'] })
  async pdf(@Param('type') type: string, @Param('version', VersionPipe) version: VersionNumber) {
    const view = await this.regulations.published(regulationType(type), version, amsterdamDate(this.clock.now()));
    if (!view.pdfDocumentId) {
      throw new DomainError('not_found', 'REGULATION_PDF_NOT_FOUND', bilingual('Van deze versie is geen officiële PDF', 'This version has no official PDF'));
    }
    return this.documents.downloadPublic(view.pdfDocumentId);
  }
}
