import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import type { LoginResult, PublicAccount } from './accounts.service';
import { ROLES, type Role } from './user.entity';

export class LoginDto {
  @ApiProperty({ example: 'kandidaat@demo.rlp.local' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'demo-kandidaat-2026' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'The current code of the authenticator app, when the account has two-factor authentication (else 401 TOTP_REQUIRED after a right password). Each code works once.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  @Matches(/^\s*\d{6}\s*$/, { message: 'totpCode must be the 6 digits of the authenticator app' })
  totpCode?: string;

  @ApiPropertyOptional({ example: 'abcde-fghjk', description: 'Instead of totpCode: one of the ten recovery codes; it is used up' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9 -]{1,32}$/, { message: 'recoveryCode must be letters, digits, spaces and dashes' })
  recoveryCode?: string;
}

export class RegisterCandidateDto {
  @ApiProperty({ example: 'j.jansen@example.nl' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12, description: 'At least PASSWORD_MIN_LENGTH (default 12) characters' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: 'Jan Jansen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ example: 'Loopbaanpraktijk Jansen' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;
}

export class CreateAccountDto extends RegisterCandidateDto {
  @ApiProperty({ enum: ['assessor', 'admin'] })
  @IsIn(['assessor', 'admin'])
  role!: Extract<Role, 'assessor' | 'admin'>;
}

export class ListAccountsQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES as unknown as string[])
  role?: Role;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ example: 'Bakker Loopbaanadvies', nullable: true, description: 'Employer or own practice; null clears it' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organisation?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

export class DeclareRelationDto {
  @ApiPropertyOptional({ description: 'Account id of the related person, when they have one' })
  @IsOptional()
  @IsUUID()
  relatedUserId?: string;

  @ApiProperty({ example: 'J. de Boer' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  relatedName!: string;

  @ApiPropertyOptional({ example: 'De Boer Coaching' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  relatedOrganisation?: string;

  @ApiPropertyOptional({ example: 'oud-collega (2015–2020)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

// ---------------------------------------------------------------- answers (OpenAPI only)

@ApiSchema({ name: 'Account', description: 'An account as its owner and the office see it (never the password)' })
export class AccountSchema implements PublicAccount {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'kandidaat@demo.rlp.local' })
  email!: string;

  @ApiProperty({ example: 'Kim Kandidaat' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, description: 'Employer or own practice' })
  organisation!: string | null;

  @ApiProperty({ description: 'false: deactivated by the office; cannot log in' })
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

@ApiSchema({ name: 'LoginResult', description: 'A bearer token for API clients' })
export class LoginResultSchema implements LoginResult {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @ApiProperty({ format: 'date-time', description: 'The session ends then at the latest (and earlier when idle)' })
  expiresAt!: string;

  @ApiProperty({ type: () => AccountSchema })
  account!: PublicAccount;

  @ApiProperty({ description: 'true: an assessor or admin without two-factor authentication yet; this session may only enrol (/auth/two-factor/…), read /auth/me and log out' })
  twoFactorEnrolmentRequired!: boolean;
}

@ApiSchema({ name: 'BrowserSession', description: 'A browser login: the token is in the HttpOnly session cookie, not in the answer' })
export class BrowserSessionSchema implements Omit<LoginResult, 'token'> {
  @ApiProperty({ format: 'date-time', description: 'The session ends then at the latest (and earlier when idle)' })
  expiresAt!: string;

  @ApiProperty({ type: () => AccountSchema })
  account!: PublicAccount;

  @ApiProperty({ description: 'Send as `X-CSRF-Token` on every state-changing request' })
  csrfToken!: string;

  @ApiProperty({ description: 'true: this session may only enrol in two-factor authentication, read /auth/me and log out' })
  twoFactorEnrolmentRequired!: boolean;
}
