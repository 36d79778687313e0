import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { AccountOverview, MailRequestAccepted } from './account-lifecycle.service';
import { ROLES, type Role } from './user.entity';

// Bodies and answers of the account life cycle's routes (issue 15, ADR 0020).

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class TokenDto {
  @ApiProperty({ description: 'The token from the link in the e-mail (the `token` query parameter)', example: 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'j.jansen@example.nl' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetDto extends TokenDto {
  @ApiProperty({ description: 'The new password: at least PASSWORD_MIN_LENGTH (default 12) characters and not easy to guess' })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ description: 'At least PASSWORD_MIN_LENGTH (default 12) characters and not easy to guess' })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class ChangeEmailDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ example: 'nieuw@example.nl' })
  @Transform(trim)
  @IsEmail({}, { message: 'newEmail must be a valid e-mail address' })
  @MaxLength(254)
  newEmail!: string;
}

@ApiSchema({ name: 'MailRequestAccepted', description: 'Accepted; whatever is to be sent goes by e-mail. The same answer whether or not an address has an account' })
export class MailRequestAcceptedSchema implements MailRequestAccepted {
  @ApiProperty({ enum: ['accepted'] })
  status!: 'accepted';

  @ApiProperty({ description: 'For people: Dutch first, then English' })
  message!: string;
}

@ApiSchema({ name: 'AccountOverview', description: 'The logged-in account, with the state of its e-mail address' })
export class AccountOverviewSchema implements AccountOverview {
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

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the address was confirmed; null: not yet (a candidate cannot submit until then)' })
  emailVerifiedAt!: string | null;

  @ApiProperty({ description: 'A change of address waits for confirmation on the new address' })
  emailChangePending!: boolean;
}

@ApiSchema({ name: 'EmailConfirmed', description: 'The address now in use, confirmed' })
export class EmailConfirmedSchema {
  @ApiProperty()
  email!: string;
}

@ApiSchema({ name: 'EmailVerified', description: 'The address is confirmed' })
export class EmailVerifiedSchema extends EmailConfirmedSchema {
  @ApiProperty({ format: 'date-time' })
  emailVerifiedAt!: string;
}

@ApiSchema({ name: 'PasswordResetTokenState', description: 'The reset link still works' })
export class PasswordResetTokenStateSchema {
  @ApiProperty({ enum: [true] })
  valid!: true;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
