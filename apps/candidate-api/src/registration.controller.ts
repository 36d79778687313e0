import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@rlp/accounts';
import { AccountsService, PublicAccount } from '@rlp/accounts';
import { RegisterCandidateDto } from '@rlp/accounts';
import { RequestId } from '@rlp/accounts';
import { LoginRateLimiter } from '@rlp/accounts';

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
