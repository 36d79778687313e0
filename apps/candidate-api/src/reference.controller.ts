import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { bilingual, DomainError } from '@rlp/platform';
import { PersonalDataExportService, PortfolioService } from '@rlp/portfolio';
import { REGULATION_TYPES, RegulationsService, type RegulationType } from '@rlp/regulations';
import { guidance } from '@rlp/rulebook';
import { GuidanceQueryDto } from './candidate.dto';

@ApiTags('guidance')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(
    private readonly regulations: RegulationsService,
    private readonly portfolios: PortfolioService,
    private readonly exporter: PersonalDataExportService,
  ) {}

  @Get('guidance')
  @Authenticated()
  @ApiOperation({ summary: "The rulebook's guidance per field: task indicators, handreiking, koppeling, knowledge areas, competences, attitude questions" })
  async guidance(@Query() query: GuidanceQueryDto) {
    const rulebook = query.rulebook === undefined ? await this.portfolios.rulebooks.default() : this.portfolios.rulebooks.published(query.rulebook);
    return query.lang ? guidance(rulebook, query.lang) : { nl: guidance(rulebook, 'nl'), en: guidance(rulebook, 'en') };
  }

  @Get('rulebooks')
  @Authenticated()
  @ApiOperation({ summary: 'The rulebook versions this platform ships; `isDefault` is the one new portfolios start on' })
  rulebooksList() {
    return this.portfolios.rulebooks.list();
  }

  @Get('regulations')
  @Authenticated()
  @ApiOperation({ summary: 'The current version of the reglement, gedragscode and klachtenreglement' })
  async regulationsCurrent() {
    const today = this.portfolios.today();
    return Promise.all(REGULATION_TYPES.map((type) => this.regulations.current(type, today)));
  }

  @Get('regulations/:type/versions/:version')
  @Authenticated()
  @ApiOperation({ summary: 'A published version (current or earlier)' })
  regulation(@Param('type') type: string, @Param('version', new ParseIntPipe({ exceptionFactory: () => notFound() })) version: number) {
    if (!(REGULATION_TYPES as readonly string[]).includes(type)) throw notFound();
    return this.regulations.published(type as RegulationType, version, this.portfolios.today());
  }

  @Get('me/export')
  @Roles('candidate')
  @ApiOperation({ summary: 'Everything stored about me, with my files, as a ZIP (AVG/GDPR)' })
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

function notFound(): DomainError {
  return new DomainError('not_found', 'REGULATION_VERSION_NOT_FOUND', bilingual('Deze versie bestaat niet', 'This version does not exist'));
}
