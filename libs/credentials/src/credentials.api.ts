import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { CredentialStatusView, VerificationReason, VerificationResult, VerificationStatus, VerifiedCredential } from './credentials.service';

/** Request and response shapes of the credential routes, as documented in OpenAPI. */

export class VerifyDto {
  @ApiProperty({
    description:
      'The credential to check: the downloaded file (an EnvelopedVerifiableCredential, as JSON object or as its text), its `data:application/vc+jwt,…` id, or the compact JWS (VC-JWT) itself',
    oneOf: [{ type: 'string', maxLength: 20000 }, { type: 'object', additionalProperties: true }],
  })
  @Allow()
  credential?: unknown;
}

export class VerifyQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "A credential issued by this platform (the link in the certificate's QR code)" })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'], description: 'Language of the HTML page (default nl), and of JSON error messages' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';
}

export class RevokeDto {
  @ApiProperty({ minLength: 5, maxLength: 1000, description: 'Why the certificate is revoked (recorded in the audit trail; not shown publicly)' })
  @IsString()
  @MaxLength(1000)
  reason!: string;
}

@ApiSchema({ name: 'VerificationReason', description: 'One check and its outcome' })
export class VerificationReasonSchema implements VerificationReason {
  @ApiProperty({ example: 'SIGNATURE_VALID', description: 'SIGNATURE_VALID, SIGNATURE_INVALID, ALGORITHM_NOT_ACCEPTED, UNKNOWN_CREDENTIAL, NOT_REVOKED, REVOKED, WITHIN_VALIDITY or EXPIRED' })
  code!: string;

  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'Dutch / English' })
  message!: string;
}

@ApiSchema({ name: 'VerifiedCredential', description: 'What a genuine credential says' })
export class VerifiedCredentialSchema implements VerifiedCredential {
  @ApiProperty({ example: 'urn:uuid:2f0c…' })
  id!: string;

  @ApiProperty()
  holderName!: string;

  @ApiProperty({ example: 'RLP-2026-00001' })
  certificateNumber!: string;

  @ApiProperty({ example: 'Register Loopbaanprofessional' })
  achievement!: string;

  @ApiProperty()
  issuer!: string;

  @ApiProperty({ format: 'date' })
  validFrom!: string;

  @ApiProperty({ format: 'date', description: 'Last day valid' })
  validUntil!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  revokedOn!: string | null;
}

@ApiSchema({ name: 'VerificationResult', description: 'The outcome of a check: geldig, ingetrokken, verlopen or vervalst, with the reasons' })
export class VerificationResultSchema implements VerificationResult {
  @ApiProperty({ enum: ['geldig', 'ingetrokken', 'verlopen', 'vervalst'] })
  status!: VerificationStatus;

  @ApiProperty({ description: 'true only when geldig' })
  valid!: boolean;

  @ApiProperty({ type: [VerificationReasonSchema] })
  reasons!: VerificationReason[];

  @ApiProperty({ type: VerifiedCredentialSchema, nullable: true, description: 'null when vervalst' })
  credential!: VerifiedCredential | null;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;
}

@ApiSchema({ name: 'CredentialRevocation' })
export class CredentialRevocationSchema {
  @ApiProperty({ format: 'date-time' })
  revokedAt!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'uuid' })
  revokedBy!: string;

  @ApiProperty()
  revokedByName!: string;
}

@ApiSchema({ name: 'CredentialStatus', description: 'The verifiable credential of a register entry and its status' })
export class CredentialStatusSchema implements CredentialStatusView {
  @ApiProperty({ format: 'uuid' })
  credentialId!: string;

  @ApiProperty({ example: 'RLP-2026-00001' })
  certificateNumber!: string;

  @ApiProperty()
  holderName!: string;

  @ApiProperty({ format: 'date' })
  validUntil!: string;

  @ApiProperty({ description: 'Position in the Bitstring Status List' })
  statusListIndex!: number;

  @ApiProperty({ description: 'The public verification page of this credential (the QR code on the certificate)' })
  verificationUrl!: string;

  @ApiProperty({ description: 'validUntil has passed' })
  expired!: boolean;

  @ApiProperty({ type: CredentialRevocationSchema, nullable: true })
  revocation!: CredentialRevocationSchema | null;
}

@ApiSchema({ name: 'CandidateCredential', description: 'My digital certificate and its status' })
export class CandidateCredentialSchema {
  @ApiProperty({ format: 'uuid' })
  credentialId!: string;

  @ApiProperty({ example: 'RLP-2026-00001' })
  certificateNumber!: string;

  @ApiProperty({ format: 'date' })
  validUntil!: string;

  @ApiProperty()
  verificationUrl!: string;

  @ApiProperty()
  expired!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the office revoked it' })
  revokedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  revocationReason!: string | null;
}

@ApiSchema({ name: 'Jwks', description: 'JSON Web Key Set (RFC 7517) with the Ed25519 public key that signs the credentials' })
export class JwksSchema {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, example: [{ kty: 'OKP', crv: 'Ed25519', x: '…', kid: '…', alg: 'EdDSA', use: 'sig' }] })
  keys!: object[];
}
