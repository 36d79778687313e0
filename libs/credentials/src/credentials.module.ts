import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { CredentialsService } from './credentials.service';
import type { VerifyUpload } from './credentials-public.controller';
import { VerifyRateLimiter } from './verify-rate-limiter';

/** The verification page's form: one small file or the pasted text, nothing else (multipart). */
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 64 * 1024, files: 1, fields: 1, fieldSize: 64 * 1024, parts: 2 } }).single('file');

/** Reads a multipart form on POST /verify; a problem is left on the request for the route to answer (a 4xx, never a 500). */
export function verifyUpload(req: Request & VerifyUpload, res: Response, next: NextFunction): void {
  if (!req.is('multipart/form-data')) return next();
  upload(req, res, (err: unknown) => {
    if (err) {
      req.verifyUploadError = { code: String((err as { code?: unknown }).code ?? 'UNREADABLE') };
      req.body = {};
    } else {
      const file = (req as Request & { file?: { buffer: Buffer } }).file;
      if (file) req.verifyFile = file.buffer;
      // multer leaves a prototype-less object; the validation pipe expects a plain one.
      req.body = { ...(req.body as Record<string, unknown>) };
    }
    next();
  });
}

/** Verifiable credentials of the register (issue 16, ADR 0023). Controllers are added by the apps. */
@Module({
  providers: [CredentialsService, VerifyRateLimiter],
  exports: [CredentialsService, VerifyRateLimiter],
})
export class CredentialsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(verifyUpload).forRoutes({ path: 'verify', method: RequestMethod.POST });
  }
}
