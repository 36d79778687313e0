import type { Response } from 'express';

/** A generated PDF, shown inline, never cached (it may hold personal data). */
export function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(pdf);
}

/** A calendar invitation (RFC 5545), as a download. */
export function sendIcs(res: Response, ics: string, filename: string, method: 'REQUEST' | 'CANCEL'): void {
  res.setHeader('Content-Type', `text/calendar; charset=utf-8; method=${method}`);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(Buffer.from(ics, 'utf8'));
}
