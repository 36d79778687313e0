import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

/** Asking for an upload (candidates and the certification office alike). */
export class RequestUploadDto {
  @ApiProperty({ example: 'Diploma HBO Toegepaste Psychologie.pdf', description: 'Shown to people only; never used as a storage key' })
  @IsString()
  @Length(1, 255)
  filename!: string;

  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] })
  @IsString()
  @Length(1, 100)
  contentType!: string;

  @ApiProperty({ example: 183_211, description: 'Size in bytes, at most UPLOAD_MAX_BYTES' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  sizeBytes!: number;
}
