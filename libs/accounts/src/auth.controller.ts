import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Public } from './access.decorators';
import { AllowDuringTwoFactorEnrolment } from './access.guard';
import { AccountsService, LoginResult, Principal, PublicAccount } from './accounts.service';
import { BrowserSessionSchema, LoginDto, LoginResultSchema } from './accounts.dto';
import { ApiErrors, ERRORS, responseHeader } from '../../platform/src/openapi';
import { clearSessionCookies, deviceCookieToken, setDeviceCookie, setSessionCookies, SESSION_COOKIE } from './browser-session';
import { CurrentPrincipal, RequestId } from './current-principal.decorator';
import { PORTAL_ROLES } from './tokens';
import { ROLES, type Role } from './user.entity';
import { TwoFactorService } from './two-factor.service';

/** What a browser login returns: no token (it is in the HttpOnly cookie), the CSRF token instead. */
export interface BrowserSession {
  expiresAt: string;
  account: PublicAccount;
  csrfToken: string;
  twoFactorEnrolmentRequired: boolean;
}

/** `GET /auth/me`: the account and where it stands with two-factor authentication. */
export interface Me extends PublicAccount {
  twoFactor: { enabled: boolean; required: boolean; enrolmentRequired: boolean; recoveryCodesLeft: number };
}

@ApiSchema({ name: 'TwoFactorState', description: 'Two-factor authentication of the logged-in account (ADR 0021)' })
export class TwoFactorStateSchema {
  @ApiProperty({ description: 'Every login needs a code from the authenticator app' })
  enabled!: boolean;

  @ApiProperty({ description: 'The role must have it (assessors and admins)' })
  required!: boolean;

  @ApiProperty({ description: 'This session may only enrol, read /auth/me and log out until enrolment is confirmed' })
  enrolmentRequired!: boolean;

  @ApiProperty({ description: 'Unused recovery codes left' })
  recoveryCodesLeft!: number;
}

@ApiSchema({ name: 'Me', description: 'The logged-in account' })
export class MeSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, nullable: true })
  organisation!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: () => TwoFactorStateSchema })
  twoFactor!: TwoFactorStateSchema;
}

function secondFactor(body: LoginDto): { totpCode?: string; recoveryCode?: string } {
  return { ...(body.totpCode !== undefined ? { totpCode: body.totpCode } : {}), ...(body.recoveryCode !== undefined ? { recoveryCode: body.recoveryCode } : {}) };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly twoFactor: TwoFactorService,
    @Inject(PORTAL_ROLES) private readonly portalRoles: readonly Role[],
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; returns a bearer token (Authorization: Bearer <token>)' })
  @ApiOkResponse({
    type: LoginResultSchema,
    headers: { 'Set-Cookie': responseHeader('rlp_device: marks this client as a known device of the account (login throttling); send it back on later logins', { always: true }) },
  })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 401: ['INVALID_CREDENTIALS', 'TOTP_REQUIRED', 'TOTP_INVALID'], 403: ['WRONG_PORTAL'], 429: ['LOGIN_RATE_LIMITED', 'TOTP_LOCKED'] })
  async login(@Body() body: LoginDto, @Ip() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string): Promise<LoginResult> {
    const { deviceToken, ...result } = await this.accounts.login(body.email, body.password, ip, this.portalRoles, requestId, deviceCookieToken(req), secondFactor(body));
    setDeviceCookie(req, res, deviceToken);
    return result;
  }

  @Post('session')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: `Log in from a browser: the session goes into an HttpOnly, SameSite=Strict cookie (${SESSION_COOKIE}); send the returned csrfToken as X-CSRF-Token on every state-changing request`,
  })
  @ApiOkResponse({
    type: BrowserSessionSchema,
    headers: {
      'Set-Cookie': responseHeader('the HttpOnly, SameSite=Strict session cookie, the readable CSRF cookie, and rlp_device (a known device of the account, for login throttling)', { always: true }),
      'Cache-Control': responseHeader('never cached', { example: 'no-store', always: true }),
    },
  })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 401: ['INVALID_CREDENTIALS', 'TOTP_REQUIRED', 'TOTP_INVALID'], 403: ['WRONG_PORTAL'], 429: ['LOGIN_RATE_LIMITED', 'TOTP_LOCKED'] })
  async session(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @RequestId() requestId?: string,
  ): Promise<BrowserSession> {
    const { token, expiresAt, account, deviceToken, twoFactorEnrolmentRequired } = await this.accounts.login(
      body.email,
      body.password,
      ip,
      this.portalRoles,
      requestId,
      deviceCookieToken(req),
      secondFactor(body),
    );
    const csrfToken = setSessionCookies(req, res, token);
    setDeviceCookie(req, res, deviceToken);
    res.setHeader('Cache-Control', 'no-store');
    return { expiresAt, account, csrfToken, twoFactorEnrolmentRequired };
  }

  @Post('logout')
  @Authenticated()
  @AllowDuringTwoFactorEnrolment()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'End this session at once (and clear the browser cookies)' })
  @ApiNoContentResponse({ description: 'The session has ended' })
  @ApiErrors(ERRORS.signedIn, ERRORS.csrf, ERRORS.noBody)
  async logout(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string): Promise<void> {
    await this.accounts.logout(principal, requestId);
    clearSessionCookies(req, res);
  }

  @Get('me')
  @Authenticated()
  @AllowDuringTwoFactorEnrolment()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in account, with its two-factor state (enrolmentRequired: this session may only enrol)' })
  @ApiOkResponse({ type: MeSchema })
  @ApiErrors(ERRORS.signedIn)
  async me(@CurrentPrincipal() principal: Principal): Promise<Me> {
    const account = await this.accounts.getAccount(principal.userId);
    const state = await this.twoFactor.status(principal.userId, account.role);
    return { ...account, twoFactor: { ...state, enrolmentRequired: principal.twoFactorPending === true } };
  }
}
