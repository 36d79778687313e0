import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * Browser sessions (ADR 0013): the same opaque session token as the bearer token of API clients,
 * carried in an HttpOnly, SameSite=Strict cookie that scripts cannot read. Every state-changing
 * request authenticated by the cookie must also carry the CSRF token in `X-CSRF-Token`; the CSRF
 * token is derived from the session token (so it needs no storage and dies with the session) and
 * handed to the page in a second, readable cookie and in the login response.
 */
export const SESSION_COOKIE = 'rlp_session';
export const CSRF_COOKIE = 'rlp_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Marks a device (browser or API client) that logged in to an account before (login throttling, ADR 0017). */
export const DEVICE_COOKIE = 'rlp_device';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** Parses the Cookie header (RFC 6265); the first occurrence of a name wins. */
export function readCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (name in out) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

/** The session token from the cookie, when it has the shape of one. */
export function sessionCookieToken(req: Request): string | null {
  const value = readCookies(req.headers.cookie)[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
}

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`rlp-csrf:${sessionToken}`, 'utf8').digest('base64url');
}

/** Whether the request carries the CSRF token that belongs to this session token. */
export function csrfMatches(req: Request, sessionToken: string): boolean {
  const header = req.headers[CSRF_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function cookie(name: string, value: string, options: { httpOnly: boolean; secure: boolean; clear?: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Strict'];
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.clear) parts.push('Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  return parts.join('; ');
}

/**
 * Sets both cookies; `Secure` whenever the request reached us over https. They are session
 * cookies (no Expires): the server decides when the session ends — absolute and idle expiry,
 * logout, deactivation — exactly as for bearer tokens, so the browser's clock plays no part.
 */
export function setSessionCookies(req: Request, res: Response, token: string): string {
  const secure = req.secure;
  const csrf = csrfTokenFor(token);
  res.append('Set-Cookie', [cookie(SESSION_COOKIE, token, { httpOnly: true, secure }), cookie(CSRF_COOKIE, csrf, { httpOnly: false, secure })]);
  return csrf;
}

export function clearSessionCookies(req: Request, res: Response): void {
  const secure = req.secure;
  res.append('Set-Cookie', [cookie(SESSION_COOKIE, '', { httpOnly: true, secure, clear: true }), cookie(CSRF_COOKIE, '', { httpOnly: false, secure, clear: true })]);
}

/** The known-device token from the cookie, when it has the shape of one. */
export function deviceCookieToken(req: Request): string | null {
  const value = readCookies(req.headers.cookie)[DEVICE_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
}

/**
 * Remembers the device for a year: HttpOnly, SameSite=Strict, only sent to /auth. It proves nothing
 * by itself (the password is still needed); it only lets the owner's known device past the
 * account's login throttle (ADR 0017).
 */
export function setDeviceCookie(req: Request, res: Response, token: string): void {
  const parts = [`${DEVICE_COOKIE}=${encodeURIComponent(token)}`, 'Path=/auth', 'SameSite=Strict', 'HttpOnly', 'Max-Age=31536000'];
  if (req.secure) parts.push('Secure');
  res.append('Set-Cookie', parts.join('; '));
}
