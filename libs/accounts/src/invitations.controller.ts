import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ApiErrors, ERRORS } from '../../platform/src/openapi';
import { Public } from './access.decorators';
import { RequestId } from './current-principal.decorator';
import { InvitationsService } from './invitations.service';

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token from the invitation link (`/uitnodiging?token=…`)' })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({ minLength: 12, description: 'The new password: at least PASSWORD_MIN_LENGTH (default 12) characters and hard to guess' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

@ApiSchema({ name: 'Invitation', description: 'Whom an invitation link is for (nothing else is shown before the password is set)' })
export class InvitationSchema {
  @ApiProperty({ example: 'k.bakker@example.nl' })
  email!: string;

  @ApiProperty({ example: 'Karin Bakker' })
  displayName!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

/**
 * The invitation page of the assessor portal (ADR 0021): public, the token is the credential. The
 * token goes in a POST body, not in a URL the server would log.
 */
@ApiTags('auth')
@Controller('auth/invitation')
@Public()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check an invitation link before the person chooses a password (does not use it up)' })
  @ApiOkResponse({ type: InvitationSchema })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 400: ['TOKEN_INVALID'], 409: ['TOKEN_USED', 'TOKEN_EXPIRED'] })
  check(@Body() body: InvitationTokenDto): Promise<InvitationSchema> {
    return this.invitations.check(body.token);
  }

  @Post('accept')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set one\'s own password with an invitation link (single use); then log in and enrol in two-factor authentication' })
  @ApiNoContentResponse({ description: 'The password is set; the link no longer works' })
  @ApiErrors(ERRORS.database, ERRORS.jsonBody, { 400: ['TOKEN_INVALID', 'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK'], 409: ['TOKEN_USED', 'TOKEN_EXPIRED'] })
  async accept(@Body() body: AcceptInvitationDto, @RequestId() requestId?: string): Promise<void> {
    await this.invitations.accept(body.token, body.password, requestId);
  }
}
