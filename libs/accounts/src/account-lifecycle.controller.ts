import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ERRORS } from '../../platform/src/openapi';
import { Authenticated, Public } from './access.decorators';
import {
  AccountOverviewSchema,
  ChangeEmailDto,
  ChangePasswordDto,
  EmailConfirmedSchema,
  MailRequestAcceptedSchema,
  PasswordResetDto,
  PasswordResetRequestDto,
  PasswordResetTokenStateSchema,
  TokenDto,
} from './account-lifecycle.dto';
import { AccountLifecycleService, type AccountOverview, type MailRequestAccepted } from './account-lifecycle.service';
import type { Principal } from './accounts.service';
import { CurrentPrincipal, RequestId } from './current-principal.decorator';

const PASSWORD_RULES = ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK'] as const;
const TOKEN_ERRORS = { 400: ['TOKEN_INVALID'], 409: ['TOKEN_USED', 'TOKEN_EXPIRED'] } as const;

/**
 * Password reset, change of password and of e-mail address, and the account's own overview
 * (issue 15, ADR 0020). Mounted in both apps; links in mail go to the portal of the account's role.
 */
@ApiTags('account')
@Controller()
export class AccountLifecycleController {
  constructor(private readonly lifecycle: AccountLifecycleService) {}

  @Post('auth/password-reset/request')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a password-reset link by e-mail. The same answer whether or not the address has an account; rate-limited per address and per client' })
  @ApiAcceptedResponse({ type: MailRequestAcceptedSchema })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 429: ['ACCOUNT_MAIL_RATE_LIMITED'] })
  requestReset(@Body() body: PasswordResetRequestDto, @Ip() ip: string, @RequestId() requestId?: string): Promise<MailRequestAccepted> {
    return this.lifecycle.requestPasswordReset(body.email, ip, requestId);
  }

  @Post('auth/password-reset/check')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Whether a reset link still works (uses nothing), so the page can say so before a new password is typed' })
  @ApiOkResponse({ type: PasswordResetTokenStateSchema })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, TOKEN_ERRORS)
  checkReset(@Body() body: TokenDto): Promise<{ valid: true; expiresAt: string }> {
    return this.lifecycle.checkPasswordResetToken(body.token);
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a reset link (single use, 30 minutes). Every session of the account ends; a notice is mailed' })
  @ApiNoContentResponse({ description: 'The password is set; log in with it' })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 400: [...TOKEN_ERRORS[400], ...PASSWORD_RULES], 403: ['ACCOUNT_INACTIVE'], 409: TOKEN_ERRORS[409] })
  async reset(@Body() body: PasswordResetDto, @RequestId() requestId?: string): Promise<void> {
    await this.lifecycle.resetPassword(body.token, body.password, requestId);
  }

  @Post('auth/email-change/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Follow the link sent to the new address: the account’s e-mail address changes now (single use, 24 hours); a notice goes to the old address' })
  @ApiOkResponse({ type: EmailConfirmedSchema })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 400: TOKEN_ERRORS[400], 403: ['ACCOUNT_INACTIVE'], 409: [...TOKEN_ERRORS[409], 'EMAIL_TAKEN', 'EMAIL_CHANGED_MEANWHILE'] })
  confirmEmailChange(@Body() body: TokenDto, @RequestId() requestId?: string): Promise<{ email: string }> {
    return this.lifecycle.confirmEmailChange(body.token, requestId);
  }

  @Get('account')
  @Authenticated()
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The logged-in account and the state of its e-mail address' })
  @ApiOkResponse({ type: AccountOverviewSchema })
  @ApiErrors(ERRORS.signedIn)
  overview(@CurrentPrincipal() principal: Principal): Promise<AccountOverview> {
    return this.lifecycle.overview(principal);
  }

  @Post('account/password')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Change the password (the current one is required). Every other session of the account ends; this one stays; a notice is mailed' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(ERRORS.signedIn, ERRORS.csrf, ERRORS.jsonBody, { 400: ['CURRENT_PASSWORD_INVALID', ...PASSWORD_RULES], 409: ['PASSWORD_CHANGED_MEANWHILE'] })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto, @RequestId() requestId?: string): Promise<void> {
    await this.lifecycle.changePassword(principal, body.currentPassword, body.newPassword, requestId);
  }

  @Post('account/email')
  @Authenticated()
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({
    summary:
      'Ask to change the e-mail address (the current password is required): a link goes to the new address, a notice to the current one; nothing changes until the link is followed. Whether the new address has an account is not revealed here',
  })
  @ApiAcceptedResponse({ type: MailRequestAcceptedSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.csrf, ERRORS.jsonBody, { 400: ['CURRENT_PASSWORD_INVALID', 'EMAIL_UNCHANGED'], 429: ['ACCOUNT_MAIL_RATE_LIMITED'] })
  changeEmail(@CurrentPrincipal() principal: Principal, @Body() body: ChangeEmailDto, @RequestId() requestId?: string): Promise<MailRequestAccepted> {
    return this.lifecycle.requestEmailChange(principal, body.currentPassword, body.newEmail, requestId);
  }
}
