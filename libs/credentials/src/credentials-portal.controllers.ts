import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../accounts/src/access.decorators';
import { CurrentPrincipal, RequestId } from '../../accounts/src/current-principal.decorator';
import type { Principal } from '../../accounts/src/accounts.service';
import { DecisionService } from '../../assessment/src/decision.service';
import { ApiErrors, ERRORS, responseHeader } from '../../platform/src/openapi';
import { UuidPipe } from '../../platform/src/uuid.pipe';
import { CandidateCredentialSchema, CredentialStatusSchema, RevokeDto } from './credentials.api';
import { CredentialsService } from './credentials.service';

const OWN_PORTFOLIO = [ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['PORTFOLIO_NOT_FOUND', 'NOT_DECIDED', 'NOT_CERTIFIED'] }] as const;

/** The candidate's digital certificate (kandidaatportaal): its status, and the file to hand to others. */
@ApiTags('credentials')
@ApiBearerAuth()
@Roles('candidate')
@Controller('portfolios/:id/decision')
export class CandidateCredentialController {
  constructor(
    private readonly decisions: DecisionService,
    private readonly credentials: CredentialsService,
  ) {}

  @Get('credential')
  @ApiOperation({ summary: 'My digital certificate (Open Badges 3.0 verifiable credential): its status and verification link' })
  @ApiOkResponse({ type: CandidateCredentialSchema })
  @ApiErrors(...OWN_PORTFOLIO)
  async status(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string): Promise<CandidateCredentialSchema> {
    await this.decisions.forCandidate(me.userId, id);
    const s = await this.credentials.status(id);
    return {
      credentialId: s.credentialId,
      certificateNumber: s.certificateNumber,
      validUntil: s.validUntil,
      verificationUrl: s.verificationUrl,
      expired: s.expired,
      revokedAt: s.revocation?.revokedAt ?? null,
      revocationReason: s.revocation?.reason ?? null,
    };
  }

  @Get('credential.json')
  @ApiOperation({ summary: 'Download my digital certificate: a VC-JWT (EdDSA) in an EnvelopedVerifiableCredential (JSON)' })
  @ApiOkResponse({
    description: 'The credential file',
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
    headers: { 'Content-Disposition': responseHeader('attachment, with the file name', { example: 'attachment; filename="certificaat-RLP-2026-00001.json"', always: true }) },
  })
  @ApiErrors(...OWN_PORTFOLIO)
  async download(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @Res() res: Response): Promise<void> {
    await this.decisions.forCandidate(me.userId, id);
    const { file, certificateNumber } = await this.credentials.file(id, me.userId);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="certificaat-${certificateNumber}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(`${JSON.stringify(file, null, 2)}\n`);
  }
}

/** The certification office: a register entry's credential, and revoking it (audited). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/dossiers/:id/credential')
export class AdminCredentialController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @ApiOperation({ summary: "The register entry's verifiable credential and its status (issued on first use)" })
  @ApiOkResponse({ type: CredentialStatusSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['NOT_CERTIFIED'] })
  status(@Param('id', UuidPipe) id: string) {
    return this.credentials.status(id);
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke the certificate for good, with a reason: its status bit is set, the public register no longer lists it (audited)' })
  @ApiOkResponse({ type: CredentialStatusSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, ERRORS.uuid, { 400: ['REVOCATION_REASON_REQUIRED'], 404: ['NOT_CERTIFIED'], 409: ['CREDENTIAL_ALREADY_REVOKED'] })
  revoke(@Param('id', UuidPipe) id: string, @Body() body: RevokeDto, @CurrentPrincipal() me: Principal, @RequestId() requestId?: string) {
    return this.credentials.revoke(id, body.reason, { actorId: me.userId, requestId });
  }
}
