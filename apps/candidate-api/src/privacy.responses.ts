import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PRIVACY_KINDS, type LocalizedText, type PrivacyKind, type PrivacyReport, type PrivacyWarning } from '@rlp/privacy';
import { LocalizedTextSchema } from '@rlp/portfolio';

@ApiSchema({ name: 'PrivacyWarning', description: 'Likely identifying data (AVG) in a free-text field: a warning, never blocking submission' })
export class PrivacyWarningSchema implements PrivacyWarning {
  @ApiProperty({ example: 'PRIVACY.EMAIL' })
  code!: string;

  @ApiProperty({ enum: ['warning'] })
  severity!: 'warning';

  @ApiProperty({ enum: PRIVACY_KINDS })
  kind!: PrivacyKind;

  @ApiProperty({ example: '/cases/0/tasks/3/text', description: 'JSON Pointer (RFC 6901) of the text field in the portfolio document' })
  pointer!: string;

  @ApiProperty({ type: 'integer', description: 'Offset of the first character in the field (UTF-16 code units)' })
  start!: number;

  @ApiProperty({ type: 'integer', description: 'Offset just after the last character' })
  end!: number;

  @ApiProperty({ example: 'jan.jansen@example.nl', description: 'The matched text' })
  text!: string;

  @ApiProperty({ example: '[e-mailadres]', description: 'Suggested replacement' })
  placeholder!: string;

  @ApiProperty({ type: () => LocalizedTextSchema })
  message!: LocalizedText;
}

@ApiSchema({ name: 'PrivacyCounts', description: 'Warnings per kind' })
export class PrivacyCountsSchema implements Record<PrivacyKind, number> {
  @ApiProperty({ type: 'integer' }) email!: number;
  @ApiProperty({ type: 'integer' }) socialProfile!: number;
  @ApiProperty({ type: 'integer' }) iban!: number;
  @ApiProperty({ type: 'integer' }) bsn!: number;
  @ApiProperty({ type: 'integer' }) phone!: number;
  @ApiProperty({ type: 'integer' }) address!: number;
  @ApiProperty({ type: 'integer' }) birthDate!: number;
  @ApiProperty({ type: 'integer' }) personName!: number;
}

@ApiSchema({ name: 'PrivacyReport', description: 'The privacy check (AVG) of the cases and the motivation (docs/privacy-check.md)' })
export class PrivacyReportSchema implements PrivacyReport {
  @ApiProperty({ type: () => [PrivacyWarningSchema] })
  warnings!: PrivacyWarning[];

  @ApiProperty({ type: () => PrivacyCountsSchema })
  counts!: Record<PrivacyKind, number>;

  @ApiProperty({ type: 'integer' })
  total!: number;
}
