import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { UuidPipe } from '@rlp/platform';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccountsService,
  CreateAccountDto,
  CurrentPrincipal,
  ListAccountsQueryDto,
  Principal,
  PublicAccount,
  RequestId,
  Roles,
} from '@rlp/accounts';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/accounts')
@Roles('admin')
export class AdminAccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an assessor or admin account' })
  create(@Body() body: CreateAccountDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<PublicAccount> {
    return this.accounts.createAccount(body, actor.userId, requestId);
  }

  @Get()
  @ApiOperation({ summary: 'List accounts, optionally by role' })
  list(@Query() query: ListAccountsQueryDto): Promise<PublicAccount[]> {
    return this.accounts.listAccounts(query.role);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account; its sessions end at once' })
  deactivate(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() actor: Principal,
    @RequestId() requestId?: string,
  ): Promise<PublicAccount> {
    return this.accounts.deactivate(id, actor, requestId);
  }
}
