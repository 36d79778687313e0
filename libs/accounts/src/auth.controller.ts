import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Public } from './access.decorators';
import { AccountsService, LoginResult, Principal, PublicAccount } from './accounts.service';
import { AccountSchema, BrowserSessionSchema, LoginDto, LoginResultSchema } from './accounts.dto';
import { ApiErrors, ERRORS, responseHeader } from '../../platform/src/openapi';
import { clearSessionCookies, deviceCookieToken, setDeviceCookie, setSessionCookies, SESSION_COOKIE } from './browser-session';
import { CurrentPrincipal, RequestId } from './current-principal.decorator';
import { PORTAL_ROLES } from './tokens';
import type { Role } from './user.entity';

/** What a browser login returns: no token (it is in the HttpOnly cookie), the CSRF token instead. */
export interface BrowserSession {
  expiresAt: string;
  account: PublicAccount;
  csrfToken: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
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
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 401: ['INVALID_CREDENTIALS'], 403: ['WRONG_PORTAL'], 429: ['LOGIN_RATE_LIMITED'] })
  async login(@Body() body: LoginDto, @Ip() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response, @RequestId() requestId?: string): Promise<LoginResult> {
    const { deviceToken, ...result } = await this.accounts.login(body.email, body.password, ip, this.portalRoles, requestId, deviceCookieToken(req));
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
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 401: ['INVALID_CREDENTIALS'], 403: ['WRONG_PORTAL'], 429: ['LOGIN_RATE_LIMITED'] })
  async session(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @RequestId() requestId?: string,
  ): Promise<BrowserSession> {
    const { token, expiresAt, account, deviceToken } = await this.accounts.login(body.email, body.password, ip, this.portalRoles, requestId, deviceCookieToken(req));
    const csrfToken = setSessionCookies(req, res, token);
    setDeviceCookie(req, res, deviceToken);
    res.setHeader('Cache-Control', 'no-store');
    return { expiresAt, account, csrfToken };
  }

  @Post('logout')
  @Authenticated()
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
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in account' })
  @ApiOkResponse({ type: AccountSchema })
  @ApiErrors(ERRORS.signedIn)
  me(@CurrentPrincipal() principal: Principal): Promise<PublicAccount> {
    return this.accounts.getAccount(principal.userId);
  }
}
