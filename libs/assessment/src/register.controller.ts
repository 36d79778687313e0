import { Controller, Get, Ip, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../../accounts/src/access.decorators';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { ApiErrors, ERRORS, responseHeader } from '../../platform/src/openapi';
import { RegisterQueryDto } from './assessment.dto';
import { RegisterLookupSchema } from './assessment.responses';
import { DecisionService } from './decision.service';
import { RegisterRateLimiter } from './register-rate-limiter';
import { pageLanguage, REGISTER_CSS, RegisterPageErrorFilter, renderRegisterPage, setPageHeaders, wantsHtml, type RegisterResults } from './register-page/register-page';

/** The query of `GET /register`: the lookup's, and the language of the HTML page. */
export class RegisterPageQueryDto extends RegisterQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'], description: 'Language of the HTML page (default nl), and of JSON error messages (default: Dutch / English joined); the JSON results are the same in every language' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';
}

/**
 * The public register of certified professionals: no login, and nothing beyond name, number and
 * validity. One address for API clients (JSON) and for people (a server-rendered page without
 * script, when the browser asks for HTML; ADR 0015).
 */
@ApiTags('register')
@Controller('register')
export class RegisterController {
  constructor(
    private readonly decisions: DecisionService,
    private readonly clock: Clock,
    private readonly limiter: RegisterRateLimiter,
  ) {}

  @Get()
  @Public()
  @UseFilters(RegisterPageErrorFilter)
  @ApiOperation({
    summary: 'Look up certified Register Loopbaanprofessionals (name, certificate number, valid until)',
    description:
      'A search of at least 3 characters; at most 20 results, no paging; 30 lookups per minute per client address. ' +
      'A client that prefers text/html over JSON (a browser) gets the same lookup as a page (Dutch, or English with lang=en); errors then come as that page too, with the same status.',
  })
  @ApiExtraModels(RegisterLookupSchema)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(RegisterLookupSchema) } },
      'text/html': { schema: { type: 'string', description: 'The register page (no script; Content-Security-Policy without inline code)' } },
    },
    headers: { Vary: responseHeader('the answer depends on Accept', { example: 'Accept', always: true }) },
  })
  @ApiErrors(ERRORS.database, ERRORS.query, { 400: ['REGISTER_QUERY_TOO_SHORT'], 429: ['REGISTER_RATE_LIMITED'] })
  async lookup(@Query() query: RegisterPageQueryDto, @Ip() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<RegisterResults | string> {
    res.setHeader('Vary', 'Accept');
    const html = wantsHtml(req);
    // The page's first visit (nothing searched yet) is not a lookup: the form alone.
    if (html && query.q === undefined) {
      setPageHeaders(res);
      return renderRegisterPage(pageLanguage(req), '', { kind: 'start' });
    }
    // Every lookup counts, a refused one too, so probing short searches is as slow as any other; a
    // valid one is counted in the lookup's own statement (one round trip, ADR 0029).
    const results = await this.decisions.register({ q: query.q, limit: html ? undefined : query.limit }, amsterdamDate(this.clock.now()), this.limiter.forAddress(ip));
    if (!html) return results;
    setPageHeaders(res);
    return renderRegisterPage(pageLanguage(req), query.q ?? '', { kind: 'results', results });
  }

  @Get('register.css')
  @Public()
  @ApiOperation({ summary: 'The stylesheet of the register page (public, cacheable for an hour)' })
  @ApiOkResponse({ content: { 'text/css': { schema: { type: 'string' } } } })
  @ApiErrors({})
  stylesheet(@Res() res: Response): void {
    res.setHeader('Content-Type', 'text/css; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.send(REGISTER_CSS);
  }
}
