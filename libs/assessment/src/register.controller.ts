import { Controller, Get, Ip, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../accounts/src/access.decorators';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { ApiErrors, ERRORS } from '../../platform/src/openapi';
import { RegisterQueryDto } from './assessment.dto';
import { RegisterLookupSchema } from './assessment.responses';
import { DecisionService } from './decision.service';
import { RegisterRateLimiter } from './register-rate-limiter';

/** The public register of certified professionals: no login, and nothing beyond name, number and validity. */
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
  @ApiOperation({
    summary: 'Look up certified Register Loopbaanprofessionals (name, certificate number, valid until)',
    description: 'A search of at least 3 characters; at most 20 results, no paging; 30 lookups per minute per client address.',
  })
  @ApiOkResponse({ type: RegisterLookupSchema })
  @ApiErrors(ERRORS.database, ERRORS.query, { 400: ['REGISTER_QUERY_TOO_SHORT'], 429: ['REGISTER_RATE_LIMITED'] })
  lookup(@Query() query: RegisterQueryDto, @Ip() ip: string) {
    // Every lookup counts, a refused one too, so probing short searches is as slow as any other.
    this.limiter.hit(ip);
    return this.decisions.register({ q: query.q, limit: query.limit }, amsterdamDate(this.clock.now()));
  }
}
