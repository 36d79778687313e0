import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService, LoginRateLimiter, Public, PublicAccount, RegisterCandidateDto, RequestId } from '@rlp/accounts';

@ApiTags('auth')
@Controller('auth')
export class RegistrationController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'A career professional registers as a candidate' })
  register(@Body() body: RegisterCandidateDto, @Ip() ip: string, @RequestId() requestId?: string): Promise<PublicAccount> {
    this.limiter.hit([`register-ip:${ip}`]);
    return this.accounts.createAccount({ ...body, role: 'candidate' }, null, requestId);
  }
}
