import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { RelationView } from './assessor-pool.service';

// Answers of the office's account routes, for OpenAPI only (the account itself: AccountSchema in accounts.dto.ts).

@ApiSchema({ name: 'DeclaredRelation', description: 'A person or organisation someone has declared a relation with (for the conflict-of-interest check)' })
export class DeclaredRelationSchema implements RelationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'Whose relation it is' })
  userId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Account of the related person, when they have one' })
  relatedUserId!: string | null;

  @ApiProperty({ example: 'J. de Boer' })
  relatedName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'De Boer Coaching' })
  relatedOrganisation!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'oud-collega (2015–2020)' })
  description!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
