import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../accounts/src/access.decorators';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { ApiErrors, ERRORS } from '../../platform/src/openapi';
import { RegisterQueryDto } from './assessment.dto';
import { RegisterLookupSchema } from './assessment.responses';
import { DecisionService } from './decision.service';

/** The public register of certified professionals: no login, and nothing beyond name, number and validity. */
@ApiTags('register')
@Controller('register')
export class RegisterController {
  constructor(
    private readonly decisions: DecisionService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Look up certified Register Loopbaanprofessionals (name, certificate number, valid until)' })
  @ApiOkResponse({ type: RegisterLookupSchema })
  @ApiErrors(ERRORS.database, ERRORS.query)
  lookup(@Query() query: RegisterQueryDto) {
    return this.decisions.register({ q: query.q, limit: query.limit ?? 20, offset: query.offset ?? 0 }, amsterdamDate(this.clock.now()));
  }
}
