import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../accounts/src/access.decorators';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { RegisterQueryDto } from './assessment.dto';
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
  lookup(@Query() query: RegisterQueryDto) {
    return this.decisions.register({ q: query.q, limit: query.limit ?? 20, offset: query.offset ?? 0 }, amsterdamDate(this.clock.now()));
  }
}
