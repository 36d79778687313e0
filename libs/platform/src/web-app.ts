import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * Serves a built web front end (apps/<name>-web, built by `npm run build` into dist/web/<name>)
 * from the app itself: same origin as the API, so no CORS and the session cookie just works
 * (ADR 0013). Only GET/HEAD of the front end's own paths return its index.html; everything else
 * reaches the API untouched. The front end's paths are Dutch words that no API route uses.
 */
export interface WebAppOptions {
  /** Directory with index.html and assets/ (Vite's output). */
  dir: string;
  /** First path segments that belong to the front end ('' is the home page). */
  routes: readonly string[];
  /** Origins the page may connect to besides its own (the S3 endpoint for uploads). */
  connectSrc: () => Promise<string[]>;
}

export function webAppDir(name: string, root = process.env['WEB_DIR'] ?? resolve(process.cwd(), 'dist/web')): string {
  return join(root, name);
}

export function webAppBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

export function contentSecurityPolicy(connectSrc: readonly string[]): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'self'",
    "form-action 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // PDFs open in a frame/tab of our own origin; blob: for previews made in the page.
    "frame-src 'self' blob:",
    `connect-src ${["'self'", ...connectSrc].join(' ')}`,
  ].join('; ');
}

export function mountWebApp(app: NestExpressApplication, options: WebAppOptions): void {
  const index = readFileSync(join(options.dir, 'index.html'));
  // Express computes no ETags (configureApp): the page gets its own, so `no-cache` revalidates with a 304.
  const indexEtag = `"${createHash('sha256').update(index).digest('base64url').slice(0, 27)}"`;
  const routes = new Set(options.routes);
  let csp: Promise<string> | null = null;
  const assetDir = join(options.dir, 'assets');
  const assets = express.static(assetDir, { immutable: true, maxAge: '365d', index: false, fallthrough: false });
  const rootFiles = express.static(options.dir, { index: false, maxAge: '1d', fallthrough: true });
  // The build leaves .br and .gz copies beside each script and style sheet: send the smallest the
  // browser accepts (the names carry a content hash, so they never change).
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    const name = req.path.slice(1);
    const type = /\.js$/.test(name) ? 'text/javascript; charset=utf-8' : /\.css$/.test(name) ? 'text/css; charset=utf-8' : null;
    if (!type || !/^[\w.-]+$/.test(name) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
      if (!new RegExp(`\\b${encoding}\\b`).test(accepted) || !existsSync(join(assetDir, name + ext))) continue;
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Type', type);
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      return res.sendFile(join(assetDir, name + ext));
    }
    return next();
  });
  app.use('/assets', assets);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const first = req.path.split('/')[1] ?? '';
    if (/^[\w-]+\.(svg|ico|png|webmanifest|txt)$/.test(first) && req.path === `/${first}`) return rootFiles(req, res, next);
    if (!routes.has(first)) return next();
    csp ??= options.connectSrc().then(contentSecurityPolicy, () => contentSecurityPolicy([]));
    void csp.then((policy) => {
      res.setHeader('Content-Security-Policy', policy);
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('ETag', indexEtag);
      res.type('html').send(index);
    }, next);
  });
}
