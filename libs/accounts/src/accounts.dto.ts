import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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
