import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccountLifecycleService,
  CurrentPrincipal,
  EmailVerifiedSchema,
  LoginRateLimiter,
  MailRequestAcceptedSchema,
  Public,
  RegisterCandidateDto,
  RequestId,
  Roles,
  TokenDto,
  type MailRequestAccepted,
  type Principal,
} from '@rlp/accounts';
import { ApiErrors, ERRORS } from '@rlp/platform';

/** Self-registration and e-mail verification of candidates (issue 15, ADR 0020). */
@ApiTags('auth')
@Controller()
export class RegistrationController {
  constructor(
    private readonly lifecycle: AccountLifecycleService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  @Post('auth/register')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'A career professional registers as a candidate. The same answer whether or not the address already has an account: a new address gets a link to confirm it, an existing one a "you already have an account" mail. Log in next',
  })
  @ApiAcceptedResponse({ type: MailRequestAcceptedSchema })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 400: ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK'], 429: ['LOGIN_RATE_LIMITED', 'ACCOUNT_MAIL_RATE_LIMITED'] })
  async register(@Body() body: RegisterCandidateDto, @Ip() ip: string, @RequestId() requestId?: string): Promise<MailRequestAccepted> {
    await this.limiter.hit([`register-ip:${ip}`]);
    return this.lifecycle.register(body, requestId);
  }

  @Post('auth/email-verification/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Follow the link in the confirmation mail: the address is confirmed (single use, 48 hours)' })
  @ApiOkResponse({ type: EmailVerifiedSchema })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 400: ['TOKEN_INVALID'], 403: ['ACCOUNT_INACTIVE'], 409: ['TOKEN_USED', 'TOKEN_EXPIRED'] })
  confirm(@Body() body: TokenDto, @RequestId() requestId?: string): Promise<{ email: string; emailVerifiedAt: string }> {
    return this.lifecycle.confirmEmailVerification(body.token, requestId);
  }

  @Post('account/email-verification')
  @Roles('candidate')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Send the confirmation link again (the previous one stops working); at most 3 times an hour' })
  @ApiAcceptedResponse({ type: MailRequestAcceptedSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.noBody, { 409: ['EMAIL_ALREADY_VERIFIED'], 429: ['ACCOUNT_MAIL_RATE_LIMITED'] })
  resend(@CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MailRequestAccepted> {
    return this.lifecycle.resendVerification(principal, requestId);
  }
}
