import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiErrors, ERRORS, UuidPipe } from '@rlp/platform';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccountSchema,
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
  @ApiCreatedResponse({ type: AccountSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, { 400: ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK'], 409: ['ACCOUNT_EXISTS'] })
  create(@Body() body: CreateAccountDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<PublicAccount> {
    return this.accounts.createAccount(body, actor.userId, requestId);
  }

  @Get()
  @ApiOperation({ summary: 'List accounts, optionally by role' })
  @ApiOkResponse({ type: [AccountSchema] })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.query)
  list(@Query() query: ListAccountsQueryDto): Promise<PublicAccount[]> {
    return this.accounts.listAccounts(query.role);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account; its sessions end at once' })
  @ApiOkResponse({ type: AccountSchema, description: 'The account, now inactive' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.noBody, ERRORS.uuid, { 404: ['ACCOUNT_NOT_FOUND'], 409: ['CANNOT_DEACTIVATE_SELF'] })
  deactivate(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() actor: Principal,
    @RequestId() requestId?: string,
  ): Promise<PublicAccount> {
    return this.accounts.deactivate(id, actor, requestId);
  }
}
