import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiErrors, ERRORS } from '../../platform/src/openapi';
import { Authenticated } from './access.decorators';
import { AllowDuringTwoFactorEnrolment } from './access.guard';
import type { Principal } from './accounts.service';
import { CurrentPrincipal, RequestId } from './current-principal.decorator';
import { TwoFactorService, type EnrolmentDone, type EnrolmentStart, type TwoFactorStatus } from './two-factor.service';

export class TwoFactorCodeDto {
  @ApiProperty({ example: '123456', description: 'The current 6-digit code of the authenticator app' })
  @IsString()
  @MaxLength(16)
  @Matches(/^\s*\d{6}\s*$/, { message: 'code must be the 6 digits of the authenticator app' })
  code!: string;
}

export class ConfirmEnrolmentDto extends TwoFactorCodeDto {
  @ApiProperty({
    required: false,
    description: 'The current password: required when 2FA is switched on by choice (not for a session held to enrolment), so a borrowed session cannot lock the owner out',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

export class DisableTwoFactorDto {
  @ApiProperty({ description: 'The current password' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: '123456', description: 'A current code of the authenticator app, or an unused recovery code' })
  @IsString()
  @MaxLength(32)
  code!: string;
}

@ApiSchema({ name: 'TwoFactorStatus' })
export class TwoFactorStatusSchema implements TwoFactorStatus {
  @ApiProperty({ description: 'Every login needs a code' })
  enabled!: boolean;

  @ApiProperty({ description: 'The role must have it (assessors and admins)' })
  required!: boolean;

  @ApiProperty({ description: 'Unused recovery codes left' })
  recoveryCodesLeft!: number;
}

@ApiSchema({ name: 'TwoFactorEnrolment', description: 'A new TOTP secret, not in force until a first code confirms it' })
export class TwoFactorEnrolmentSchema implements EnrolmentStart {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', description: 'Base32, to type into an authenticator app by hand' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/Register%20Loopbaanprofessional:a%40example.nl?secret=…', description: 'What the QR code holds' })
  otpauthUri!: string;

  @ApiProperty({ example: 'data:image/svg+xml;base64,PHN2Zy…', description: 'The QR code as an SVG data URL' })
  qrCode!: string;
}

@ApiSchema({ name: 'TwoFactorRecoveryCodes', description: 'Shown once: only their hashes are kept' })
export class TwoFactorRecoveryCodesSchema implements EnrolmentDone {
  @ApiProperty({ type: [String], example: ['abcde-fghjk'] })
  recoveryCodes!: string[];
}

/** Two-factor authentication of the logged-in account (ADR 0021); on both apps. */
@ApiTags('auth')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('auth/two-factor')
@Authenticated()
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Get()
  @AllowDuringTwoFactorEnrolment()
  @ApiOperation({ summary: 'Whether two-factor authentication is on for this account' })
  @ApiOkResponse({ type: TwoFactorStatusSchema })
  @ApiErrors(ERRORS.signedIn)
  status(@CurrentPrincipal() principal: Principal): Promise<TwoFactorStatus> {
    return this.twoFactor.status(principal.userId, principal.role);
  }

  @Post('enrolment')
  @HttpCode(200)
  @AllowDuringTwoFactorEnrolment()
  @ApiOperation({ summary: 'Start enrolment: a new secret with its QR code; not in force until confirmed with a first code' })
  @ApiOkResponse({ type: TwoFactorEnrolmentSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.csrf, ERRORS.noBody, { 409: ['TWO_FACTOR_ALREADY_ENABLED'] })
  start(@CurrentPrincipal() principal: Principal): Promise<EnrolmentStart> {
    return this.twoFactor.startEnrolment(principal.userId, principal.email);
  }

  @Post('enrolment/confirm')
  @HttpCode(200)
  @AllowDuringTwoFactorEnrolment()
  @ApiOperation({ summary: 'Confirm enrolment with a first code; returns ten single-use recovery codes, shown this once. This session may go on.' })
  @ApiOkResponse({ type: TwoFactorRecoveryCodesSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.csrf, ERRORS.jsonBody, { 400: ['TOTP_INVALID', 'PASSWORD_INCORRECT'], 409: ['TWO_FACTOR_NOT_STARTED', 'TWO_FACTOR_ALREADY_ENABLED'] })
  async confirm(@Body() body: ConfirmEnrolmentDto, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<EnrolmentDone> {
    // A session held to enrolment has just proven the password (or set it through an invitation);
    // switching 2FA on by choice needs it again.
    if (!principal.twoFactorPending && !(await this.twoFactor.isEnabled(principal.userId))) await this.twoFactor.checkPassword(principal.userId, body.password ?? '');
    return this.twoFactor.confirmEnrolment(principal.userId, body.code, principal.sessionId, requestId);
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ten new recovery codes, with a current code from the app; the old ones stop working. Shown this once.' })
  @ApiOkResponse({ type: TwoFactorRecoveryCodesSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.csrf, ERRORS.jsonBody, { 400: ['TOTP_INVALID'], 409: ['TWO_FACTOR_NOT_ENABLED'], 429: ['TOTP_LOCKED'] })
  newRecoveryCodes(@Body() body: TwoFactorCodeDto, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<EnrolmentDone> {
    return this.twoFactor.newRecoveryCodes(principal.userId, body.code, requestId);
  }

  @Post('disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn two-factor authentication off (candidates only: it is required for assessors and admins), with the password and a code' })
  @ApiNoContentResponse({ description: 'Off; logins need only the password again' })
  @ApiErrors(ERRORS.signedIn, ERRORS.csrf, ERRORS.jsonBody, { 400: ['PASSWORD_INCORRECT', 'TOTP_INVALID'], 403: ['TWO_FACTOR_REQUIRED'], 409: ['TWO_FACTOR_NOT_ENABLED'], 429: ['TOTP_LOCKED'] })
  async disable(@Body() body: DisableTwoFactorDto, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<void> {
    await this.twoFactor.disable({ id: principal.userId, role: principal.role }, body.password, body.code, requestId);
  }
}
