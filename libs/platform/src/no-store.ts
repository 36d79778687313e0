import type { NextFunction, Request, Response } from 'express';

/**
 * Every answer of the API is `Cache-Control: no-store`: tokens (`/auth/login`, `/auth/session`),
 * the account (`/auth/me`), dossiers, documents, exports and PDFs carry tokens or personal data,
 * and no browser or proxy may keep them. Mounted before the routes, so it holds for every route
 * of both apps, a new one included, and for refusals (401, 403, 404) too; a handler may still set
 * another value for a public answer. Only the web front end's static files, served before this,
 * are cacheable (ADR 0013).
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
