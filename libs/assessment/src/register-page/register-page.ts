import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import Handlebars from 'handlebars';
import { ErrorFilter } from '../../../platform/src/error.filter';
import { REGISTER_LOOKUP } from '../register-rate-limiter';

/**
 * The public register as a server-rendered HTML page (ADR 0015), at the same address as the JSON
 * lookup: `GET /register` answers HTML to a client that prefers it (a browser), JSON to everyone
 * else. No script at all; the only styles come from register.css, served by the app.
 */

export type PageLanguage = 'nl' | 'en';

/** Where the stylesheet is served (RegisterController). */
export const REGISTER_CSS_PATH = '/register/register.css';

/** The page's own policy: nothing but its stylesheet; the form posts only to this site. */
export const REGISTER_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Express's content negotiation: HTML only when the client ranks it above JSON (`*\/*` alone means JSON). */
export function wantsHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

export function pageLanguage(req: Request): PageLanguage {
  return req.query['lang'] === 'en' ? 'en' : 'nl';
}

const TEXT = {
  nl: {
    title: 'Openbaar register — Register Loopbaanprofessional',
    skip: 'Naar de inhoud',
    portal: 'Openbaar register',
    heading: 'Zoeken in het register',
    intro: 'Hier vindt u wie door Noloc is gecertificeerd als Register Loopbaanprofessional. Het register toont alleen de naam, het certificaatnummer en tot wanneer het certificaat geldig is.',
    label: 'Naam of certificaatnummer',
    hint: `Ten minste ${REGISTER_LOOKUP.minQueryLength} tekens van de naam, of het hele certificaatnummer (zoals RLP-2026-00001).`,
    search: 'Zoeken',
    name: 'Naam',
    number: 'Certificaatnummer',
    validUntil: 'Geldig tot en met',
    resultsFor: (q: string) => `Gecertificeerd, gezocht op „${q}”`,
    found: (n: number) => (n === 1 ? '1 inschrijving gevonden.' : `${n} inschrijvingen gevonden.`),
    more: `Er zijn meer dan ${REGISTER_LOOKUP.maxResults} inschrijvingen gevonden; hier staan de eerste ${REGISTER_LOOKUP.maxResults}. Maak uw zoekopdracht specifieker.`,
    none: (q: string) => `Geen geldige inschrijving gevonden voor „${q}”. Controleer de spelling, of zoek op het certificaatnummer.`,
    absent: 'Staat iemand niet in het register? Dan is die persoon nu niet gecertificeerd, of het certificaat is verlopen of ingetrokken.',
    verifyLink: 'Een digitaal certificaat of de QR-code van een certificaat controleren',
    tooShort: `Vul ten minste ${REGISTER_LOOKUP.minQueryLength} tekens van de naam in, of het certificaatnummer.`,
    invalid: `Deze zoekopdracht kan niet worden uitgevoerd. Gebruik één zoekterm van hooguit ${REGISTER_LOOKUP.maxQueryLength} tekens.`,
    limitedHeading: 'Even geduld',
    limited: (s: number) => `Er is vanaf uw adres in korte tijd vaak gezocht. U kunt over ${s} ${s === 1 ? 'seconde' : 'seconden'} weer zoeken.`,
    unavailableHeading: 'Het register is even niet bereikbaar',
    unavailable: 'Probeer het over enkele minuten opnieuw.',
    back: 'Terug naar het zoeken',
    switchLabel: 'English',
    footer: 'Noloc · Register Loopbaanprofessional',
  },
  en: {
    title: 'Public register — Register Loopbaanprofessional',
    skip: 'Skip to content',
    portal: 'Public register',
    heading: 'Search the register',
    intro: 'Find who is certified by Noloc as a Register Loopbaanprofessional (career professional). The register shows only the name, the certificate number and until when the certificate is valid.',
    label: 'Name or certificate number',
    hint: `At least ${REGISTER_LOOKUP.minQueryLength} characters of the name, or the whole certificate number (such as RLP-2026-00001).`,
    search: 'Search',
    name: 'Name',
    number: 'Certificate number',
    validUntil: 'Valid until',
    resultsFor: (q: string) => `Certified, searched for “${q}”`,
    found: (n: number) => (n === 1 ? '1 entry found.' : `${n} entries found.`),
    more: `More than ${REGISTER_LOOKUP.maxResults} entries match; the first ${REGISTER_LOOKUP.maxResults} are shown. Make your search more specific.`,
    none: (q: string) => `No valid entry found for “${q}”. Check the spelling, or search by certificate number.`,
    absent: 'Someone is not in the register? Then that person is not certified now, or the certificate has expired or been revoked.',
    verifyLink: 'Verify a digital certificate or the QR code of a certificate',
    tooShort: `Enter at least ${REGISTER_LOOKUP.minQueryLength} characters of the name, or the certificate number.`,
    invalid: `This search cannot be run. Use one search term of at most ${REGISTER_LOOKUP.maxQueryLength} characters.`,
    limitedHeading: 'Please wait a moment',
    limited: (s: number) => `Many searches came from your address in a short time. You can search again in ${s} ${s === 1 ? 'second' : 'seconds'}.`,
    unavailableHeading: 'The register is briefly unavailable',
    unavailable: 'Please try again in a few minutes.',
    back: 'Back to the search',
    switchLabel: 'Nederlands',
    footer: 'Noloc · Register Loopbaanprofessional',
  },
} as const;

const DATE_FORMAT: Record<PageLanguage, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** `2030-01-01` → `1 januari 2030` (the date as it is, no time zone shift). */
export function formatDate(date: string, lang: PageLanguage): string {
  return DATE_FORMAT[lang].format(new Date(`${date}T00:00:00Z`));
}

export const REGISTER_PAGE_DIR = __dirname;
// Compiled once; `{{…}}` escapes everything (the template has no triple braces: register-page.spec.ts).
const template = Handlebars.compile(readFileSync(join(REGISTER_PAGE_DIR, 'register.hbs'), 'utf8'), { strict: true });
export const REGISTER_CSS = readFileSync(join(REGISTER_PAGE_DIR, 'register.css'));

export interface RegisterResults {
  entries: Array<{ name: string; certificateNumber: string; validUntil: string }>;
  more: boolean;
}

/** What the page shows besides the form: results, a problem with the search, or a stop. */
export type PageState =
  | { kind: 'start' }
  | { kind: 'results'; results: RegisterResults }
  | { kind: 'tooShort' }
  | { kind: 'invalid' }
  | { kind: 'limited'; retryAfterSeconds: number }
  | { kind: 'unavailable' };

function href(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();
  return query ? `/register?${query}` : '/register';
}

/** The whole page as HTML; every value passes through Handlebars' escaping. */
export function renderRegisterPage(lang: PageLanguage, q: string, state: PageState): string {
  const t = TEXT[lang];
  const other: PageLanguage = lang === 'nl' ? 'en' : 'nl';
  const term = q.trim();
  const results = state.kind === 'results' ? state.results : null;
  const stopped = state.kind === 'limited' || state.kind === 'unavailable';
  const fieldError = state.kind === 'tooShort' ? t.tooShort : state.kind === 'invalid' ? t.invalid : null;
  return template({
    lang,
    // The texts that take a value are filled in here, not in the template.
    t: { ...t, resultsFor: undefined, found: undefined, none: undefined, limited: undefined },
    css: REGISTER_CSS_PATH,
    english: lang === 'en',
    q,
    switchHref: href({ lang: other === 'en' ? 'en' : undefined, q: term || undefined }),
    switchLang: other,
    backHref: href({ lang: lang === 'en' ? 'en' : undefined }),
    verifyHref: lang === 'en' ? '/verify?lang=en' : '/verify',
    fieldError,
    results: results && results.entries.length > 0
      ? {
          caption: t.resultsFor(term),
          found: t.found(results.entries.length),
          more: results.more,
          rows: results.entries.map((e) => ({ name: e.name, certificateNumber: e.certificateNumber, validUntil: formatDate(e.validUntil, lang), validUntilIso: e.validUntil })),
        }
      : null,
    none: results && results.entries.length === 0 ? t.none(term) : null,
    stop: stopped
      ? state.kind === 'limited'
        ? { heading: t.limitedHeading, text: t.limited(state.retryAfterSeconds) }
        : { heading: t.unavailableHeading, text: t.unavailable }
      : null,
  });
}

/** Headers of every register page, results or error. */
export function setPageHeaders(res: Response): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', REGISTER_PAGE_CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', 'Accept');
}

/**
 * Errors of `GET /register` for a browser: the same status and headers (Retry-After) as the JSON
 * answer, shown as the page with a message in words; any other client gets the platform's JSON error.
 */
@Catch()
export class RegisterPageErrorFilter extends ErrorFilter {
  private readonly pageLogger = new Logger('RegisterPage');

  override catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request & { id?: string }>();
    const res = host.switchToHttp().getResponse<Response>();
    res.setHeader('Vary', 'Accept');
    if (!wantsHtml(req) || res.headersSent) return super.catch(exception, host);
    const { status, body, headers } = this.toResponse(exception);
    if (status >= 500) this.pageLogger.error({ err: exception, requestId: req.id, method: req.method, url: req.originalUrl }, 'unhandled error');
    const state: PageState =
      status >= 500
        ? { kind: 'unavailable' }
        : body.code === 'REGISTER_QUERY_TOO_SHORT'
          ? { kind: 'tooShort' }
          : status === 429
            ? { kind: 'limited', retryAfterSeconds: Number(headers?.['Retry-After'] ?? REGISTER_LOOKUP.windowSeconds) }
            : { kind: 'invalid' };
    const q = typeof req.query['q'] === 'string' ? req.query['q'] : '';
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    setPageHeaders(res);
    res.status(status).send(renderRegisterPage(pageLanguage(req), q, state));
  }
}
