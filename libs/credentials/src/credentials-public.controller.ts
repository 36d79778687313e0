import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../accounts/src/access.decorators';
import { pageLanguage, setPageHeaders, wantsHtml } from '../../assessment/src/register-page/register-page';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { ApiErrors, ERRORS, responseHeader } from '../../platform/src/openapi';
import { VersionPipe, type VersionNumber } from '../../platform/src/int.pipe';
import { JwksSchema, VerificationResultSchema, VerifyDto, VerifyQueryDto } from './credentials.api';
import { CredentialsService, MAX_CREDENTIAL_LENGTH, STATUS_LIST_TTL_SECONDS, type VerificationResult } from './credentials.service';
import { VC_JWT_MEDIA_TYPE } from './open-badge';
import { renderVerifyPage, VERIFY_CSS, VerifyPageErrorFilter } from './verify-page/verify-page';
import { VerifyRateLimiter } from './verify-rate-limiter';

/** What the upload middleware leaves on the request (credentials.module.ts). */
export interface VerifyUpload {
  verifyFile?: Buffer;
  verifyUploadError?: { code?: string };
}

/**
 * The key, the issuer and the status list are public documents that verifiers elsewhere fetch —
 * also from a browser on another origin (a web wallet): readable cross-origin, without cookies.
 */
function openToVerifiers(res: Response, cache: string): void {
  res.setHeader('Cache-Control', cache);
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}

const VERIFY_ERRORS = [
  ERRORS.database,
  {
    400: ['CREDENTIAL_MISSING', 'CREDENTIAL_UNREADABLE', 'CREDENTIAL_NOT_SECURED', 'VALIDATION_FAILED'],
    413: ['CREDENTIAL_FILE_TOO_LARGE'],
    422: ['NOT_A_CERTIFICATE'],
    429: ['VERIFY_RATE_LIMITED'],
  },
] as const;

/**
 * The public side of the verifiable credentials (ADR 0023): the issuer's key and profile, the
 * status list, and the check — `POST /verify` for programs and the page's form, `GET /verify` as
 * the page (and, with `?id=`, the check of the credential the QR code names).
 */
@ApiTags('credentials')
@Controller()
export class CredentialsPublicController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly limiter: VerifyRateLimiter,
  ) {}

  @Get('.well-known/jwks.json')
  @Public()
  @ApiOperation({ summary: 'The public key that signs the credentials and the status list (JWKS, Ed25519)' })
  @ApiOkResponse({ type: JwksSchema })
  @ApiErrors(ERRORS.database)
  async jwks(@Res({ passthrough: true }) res: Response) {
    openToVerifiers(res, 'public, max-age=3600');
    return this.credentials.jwks();
  }

  @Get('credentials/issuer')
  @Public()
  @ApiOperation({ summary: "The issuer's Open Badges 3.0 Profile (the credentials' issuer.id), naming the JWKS" })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiErrors({})
  issuer(@Res({ passthrough: true }) res: Response) {
    openToVerifiers(res, 'public, max-age=3600');
    return this.credentials.issuerProfile();
  }

  @Get('credentials/status/:list')
  @Public()
  @ApiOperation({ summary: 'The Bitstring Status List credential (revocation), signed as VC-JWT; a set bit is a revoked credential' })
  @ApiOkResponse({
    content: { [VC_JWT_MEDIA_TYPE]: { schema: { type: 'string', description: 'Compact JWS of a BitstringStatusListCredential' } } },
    headers: { 'Cache-Control': responseHeader('verifiers may keep it this long', { example: `public, max-age=${STATUS_LIST_TTL_SECONDS}`, always: true }) },
  })
  @ApiErrors(ERRORS.database, { 400: ['INVALID_VERSION'], 404: ['STATUS_LIST_NOT_FOUND'] })
  async statusList(@Param('list', VersionPipe) list: VersionNumber, @Res() res: Response): Promise<void> {
    const jwt = await this.credentials.statusListJwt(list);
    res.setHeader('Content-Type', VC_JWT_MEDIA_TYPE);
    openToVerifiers(res, `public, max-age=${STATUS_LIST_TTL_SECONDS}`);
    res.send(jwt);
  }

  @Post('verify')
  @Public()
  @HttpCode(200)
  @UseFilters(VerifyPageErrorFilter)
  @ApiOperation({
    summary: 'Check a credential: signature, status list and validity dates → geldig / ingetrokken / verlopen / vervalst',
    description:
      'JSON in, JSON out. A browser form (multipart/form-data with `credential` text or a `file`, at most 64 kB) gets the verification page instead. ' +
      'A credential that is not signed by this register, or changed, answers 200 with status vervalst; input that is no credential at all is a 400. 30 checks a minute per client address.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: VerifyDto })
  @ApiQuery({ name: 'lang', required: false, enum: ['nl', 'en'], description: 'Language of the HTML page' })
  @ApiExtraModels(VerificationResultSchema)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(VerificationResultSchema) } },
      'text/html': { schema: { type: 'string', description: 'The verification page with the outcome (no script)' } },
    },
  })
  @ApiErrors(...VERIFY_ERRORS, ERRORS.jsonBody)
  async verify(@Body() body: VerifyDto, @Ip() ip: string, @Req() req: Request & VerifyUpload, @Res({ passthrough: true }) res: Response): Promise<VerificationResult | string> {
    res.setHeader('Vary', 'Accept');
    await this.limiter.hit(ip);
    if (req.verifyUploadError) {
      if (req.verifyUploadError.code === 'LIMIT_FILE_SIZE') {
        throw new DomainError('too_large', 'CREDENTIAL_FILE_TOO_LARGE', bilingual('Het bestand is te groot voor een certificaat (hooguit 64 kB)', 'The file is too large for a certificate (at most 64 kB)'), { maxBytes: 64 * 1024 });
      }
      throw new DomainError('validation', 'CREDENTIAL_UNREADABLE', bilingual('Het formulier kon niet worden gelezen', 'The form could not be read'));
    }
    const value = body.credential;
    let text: string;
    if (typeof value === 'string' && value.trim() !== '') text = value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) text = JSON.stringify(value);
    else if (req.verifyFile) text = req.verifyFile.toString('utf8');
    else if (value === undefined || value === null || typeof value === 'string') text = '';
    else throw new DomainError('validation', 'CREDENTIAL_UNREADABLE', bilingual('Stuur het certificaat als tekst of als JSON-object', 'Send the certificate as text or as a JSON object'));
    if (text.length > MAX_CREDENTIAL_LENGTH) {
      throw new DomainError('validation', 'CREDENTIAL_UNREADABLE', bilingual('Dit is te lang voor een certificaat', 'This is too long for a certificate'), { maxLength: MAX_CREDENTIAL_LENGTH });
    }
    const result = await this.credentials.verify(text);
    if (!wantsHtml(req)) return result;
    setPageHeaders(res);
    return renderVerifyPage(pageLanguage(req), { kind: 'result', result });
  }

  @Get('verify')
  @Public()
  @UseFilters(VerifyPageErrorFilter)
  @ApiOperation({
    summary: 'The verification page; with ?id= the check of a credential this platform issued (the QR code on the certificate)',
    description: 'A browser gets the page (Dutch, or English with lang=en); an API client with ?id= gets the same check as JSON. Every check with an id counts toward the 30 a minute.',
  })
  @ApiExtraModels(VerificationResultSchema)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(VerificationResultSchema) } },
      'text/html': { schema: { type: 'string', description: 'The verification page (no script)' } },
    },
    headers: { Vary: responseHeader('the answer depends on Accept', { example: 'Accept', always: true }) },
  })
  @ApiErrors(...VERIFY_ERRORS, ERRORS.query, { 404: ['CREDENTIAL_NOT_FOUND'] })
  async page(@Query() query: VerifyQueryDto, @Ip() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<VerificationResult | string> {
    res.setHeader('Vary', 'Accept');
    const html = wantsHtml(req);
    if (query.id === undefined) {
      if (!html) throw new DomainError('validation', 'CREDENTIAL_MISSING', bilingual('Geef het id van een certificaat, of gebruik POST /verify', 'Give the id of a certificate, or use POST /verify'));
      setPageHeaders(res);
      return renderVerifyPage(pageLanguage(req), { kind: 'start' });
    }
    await this.limiter.hit(ip);
    const result = await this.credentials.verifyById(query.id);
    if (!html) return result;
    setPageHeaders(res);
    return renderVerifyPage(pageLanguage(req), { kind: 'result', result }, query.id);
  }

  @Get('verify/verify.css')
  @Public()
  @ApiOperation({ summary: 'The stylesheet of the verification page (public, cacheable for an hour)' })
  @ApiOkResponse({ content: { 'text/css': { schema: { type: 'string' } } } })
  @ApiErrors({})
  stylesheet(@Res() res: Response): void {
    res.setHeader('Content-Type', 'text/css; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.send(VERIFY_CSS);
  }
}
