import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from './access.decorators';
import { AccountsService, LoginResult, Principal, PublicAccount } from './accounts.service';
import { LoginDto } from './accounts.dto';
import { CurrentPrincipal, RequestId } from './current-principal.decorator';
import { PORTAL_ROLES } from './tokens';
import type { Role } from './user.entity';

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
  login(@Body() body: LoginDto, @Ip() ip: string, @RequestId() requestId?: string): Promise<LoginResult> {
    return this.accounts.login(body.email, body.password, ip, this.portalRoles, requestId);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session at once' })
  async logout(@CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<void> {
    await this.accounts.logout(principal, requestId);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in account' })
  me(@CurrentPrincipal() principal: Principal): Promise<PublicAccount> {
    return this.accounts.getAccount(principal.userId);
  }
}
