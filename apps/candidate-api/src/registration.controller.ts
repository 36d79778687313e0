import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountSchema, AccountsService, LoginRateLimiter, Public, PublicAccount, RegisterCandidateDto, RequestId } from '@rlp/accounts';
import { ApiErrors, ERRORS } from '@rlp/platform';

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
  @ApiCreatedResponse({ type: AccountSchema, description: 'Registered; log in next' })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 400: ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK'], 409: ['ACCOUNT_EXISTS'], 429: ['LOGIN_RATE_LIMITED'] })
  register(@Body() body: RegisterCandidateDto, @Ip() ip: string, @RequestId() requestId?: string): Promise<PublicAccount> {
    this.limiter.hit([`register-ip:${ip}`]);
    return this.accounts.createAccount({ ...body, role: 'candidate' }, null, requestId);
  }
}
