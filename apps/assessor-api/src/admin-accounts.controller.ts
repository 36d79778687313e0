import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiErrors, ERRORS, UuidPipe } from '@rlp/platform';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  AccountSchema,
  AccountsService,
  CurrentPrincipal,
  InvitationsService,
  ListAccountsQueryDto,
  Principal,
  PublicAccount,
  RequestId,
  Roles,
  type InvitationState,
  type OfficeAccount,
} from '@rlp/accounts';

export class InviteAccountDto {
  @ApiProperty({ example: 'k.bakker@example.nl', description: 'The invitation goes here' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Karin Bakker' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ example: 'Bakker Loopbaanadvies' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiProperty({ enum: ['assessor', 'admin'] })
  @IsIn(['assessor', 'admin'])
  role!: 'assessor' | 'admin';
}

@ApiSchema({ name: 'InvitationState' })
export class InvitationStateSchema implements InvitationState {
  @ApiProperty({
    enum: ['pending', 'expired', 'accepted', 'not_invited'],
    description: 'pending: the newest link still works; expired: it ran out unused (resend); accepted: the person set their own password; not_invited: created with a password before invitations existed',
  })
  status!: InvitationState['status'];

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the newest link was sent' })
  sentAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the newest link stops working' })
  expiresAt!: string | null;
}

@ApiSchema({ name: 'OfficeAccount', description: 'An account as the office sees it: with its invitation and whether two-factor authentication is on (never a password)' })
export class OfficeAccountSchema extends AccountSchema implements OfficeAccount {
  @ApiProperty({ type: () => InvitationStateSchema })
  invitation!: InvitationStateSchema;

  @ApiProperty({ description: 'Logins need a code from an authenticator app' })
  twoFactorEnabled!: boolean;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/accounts')
@Roles('admin')
export class AdminAccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Invite an assessor or admin: the account is made without a password and the person gets a link (7 days, single use) to set their own' })
  @ApiCreatedResponse({ type: OfficeAccountSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, { 409: ['ACCOUNT_EXISTS'] })
  create(@Body() body: InviteAccountDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<OfficeAccount> {
    return this.invitations.invite(body, actor.userId, requestId);
  }

  @Get()
  @ApiOperation({ summary: 'List accounts, optionally by role, with their invitation and two-factor state' })
  @ApiOkResponse({ type: [OfficeAccountSchema] })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.query)
  list(@Query() query: ListAccountsQueryDto): Promise<OfficeAccount[]> {
    return this.invitations.listOfficeAccounts(query.role);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the invitation again: a new link; the earlier one stops working (only before the person has set a password)' })
  @ApiOkResponse({ type: OfficeAccountSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.noBody, ERRORS.uuid, {
    404: ['ACCOUNT_NOT_FOUND'],
    409: ['INVITATION_ALREADY_ACCEPTED', 'NOT_INVITABLE', 'ACCOUNT_INACTIVE'],
  })
  resend(@Param('id', UuidPipe) id: string, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<OfficeAccount> {
    return this.invitations.resend(id, actor.userId, requestId);
  }

  @Post(':id/two-factor/reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reset two-factor authentication (a lost phone): secret and recovery codes are removed, every session of the person ends; they enrol again at the next login' })
  @ApiOkResponse({ type: OfficeAccountSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.noBody, ERRORS.uuid, { 404: ['ACCOUNT_NOT_FOUND'] })
  resetTwoFactor(@Param('id', UuidPipe) id: string, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<OfficeAccount> {
    return this.invitations.resetTwoFactor(id, actor.userId, requestId);
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
