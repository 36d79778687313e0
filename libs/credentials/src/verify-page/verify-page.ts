import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import Handlebars from 'handlebars';
import { formatDate, pageLanguage, REGISTER_CSS_PATH, setPageHeaders, wantsHtml, type PageLanguage } from '../../../assessment/src/register-page/register-page';
import { ErrorFilter } from '../../../platform/src/error.filter';
import type { VerificationResult, VerificationStatus } from '../credentials.service';
import { VERIFY_LIMITS } from '../verify-rate-limiter';

/**
 * The public verification page (ADR 0023), server-rendered like the register page (ADR 0015): no
 * script, the register's stylesheet plus a few rules of its own, the same strict CSP. A form posts
 * the pasted text or the chosen file (multipart) to `POST /verify`; the QR code on the certificate
 * opens `GET /verify?id=…`. Dutch first; `?lang=en` for English.
 */

export const VERIFY_CSS_PATH = '/verify/verify.css';
export const VERIFY_CSS = readFileSync(join(__dirname, 'verify.css'));
const template = Handlebars.compile(readFileSync(join(__dirname, 'verify.hbs'), 'utf8'), { strict: true });

const TEXT = {
  nl: {
    title: 'Certificaat controleren — Register Loopbaanprofessional',
    skip: 'Naar de inhoud',
    portal: 'Certificaat controleren',
    heading: 'Een certificaat controleren',
    intro: 'Controleer of een digitaal certificaat Register Loopbaanprofessional echt door Noloc is uitgegeven, en of het nu geldig is. Plak de inhoud van het bestand dat de loopbaanprofessional u gaf, of kies het bestand.',
    label: 'Digitaal certificaat',
    hint: 'De hele inhoud van het .json-bestand, of de ondertekende tekst (begint met eyJ).',
    fileLabel: 'Of kies het bestand',
    fileHint: 'Het gedownloade bestand, zoals certificaat-RLP-2026-00001.json (hooguit 64 kB).',
    submit: 'Controleren',
    how: 'De controle kijkt naar de handtekening van Noloc, naar de statuslijst (ingetrokken of niet) en naar de geldigheidsdatums. Er wordt niets opgeslagen.',
    resultHeading: 'Uitkomst van de controle',
    factsCaption: 'Wat het certificaat zegt',
    checksHeading: 'Wat er is gecontroleerd',
    holder: 'Naam',
    number: 'Certificaatnummer',
    achievement: 'Certificering',
    issuer: 'Uitgegeven door',
    validFrom: 'Geldig vanaf',
    validUntil: 'Geldig tot en met',
    revokedOn: 'Ingetrokken op',
    checkedAt: (at: string) => `Gecontroleerd op ${at}.`,
    again: 'Nog een certificaat controleren',
    back: 'Terug naar de controle',
    notFound: 'Bij deze link hoort geen certificaat. Controleer de link, of plak het certificaat hieronder.',
    limitedHeading: 'Even geduld',
    limited: (s: number) => `Er is vanaf uw adres in korte tijd vaak gecontroleerd. U kunt over ${s} ${s === 1 ? 'seconde' : 'seconden'} weer controleren.`,
    unavailableHeading: 'De controle is even niet beschikbaar',
    unavailable: 'Probeer het over enkele minuten opnieuw.',
    switchLabel: 'English',
    footer: 'Noloc · Register Loopbaanprofessional',
  },
  en: {
    title: 'Verify a certificate — Register Loopbaanprofessional',
    skip: 'Skip to content',
    portal: 'Verify a certificate',
    heading: 'Verify a certificate',
    intro: 'Check whether a digital Register Loopbaanprofessional certificate was really issued by Noloc, and whether it is valid now. Paste the content of the file the career professional gave you, or choose the file.',
    label: 'Digital certificate',
    hint: 'The whole content of the .json file, or the signed text (starts with eyJ).',
    fileLabel: 'Or choose the file',
    fileHint: 'The downloaded file, such as certificaat-RLP-2026-00001.json (at most 64 kB).',
    submit: 'Verify',
    how: "The check looks at Noloc's signature, at the status list (revoked or not) and at the validity dates. Nothing is stored.",
    resultHeading: 'Result of the check',
    factsCaption: 'What the certificate says',
    checksHeading: 'What was checked',
    holder: 'Name',
    number: 'Certificate number',
    achievement: 'Certification',
    issuer: 'Issued by',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    revokedOn: 'Revoked on',
    checkedAt: (at: string) => `Checked on ${at}.`,
    again: 'Verify another certificate',
    back: 'Back to the check',
    notFound: 'No certificate belongs to this link. Check the link, or paste the certificate below.',
    limitedHeading: 'Please wait a moment',
    limited: (s: number) => `Many checks came from your address in a short time. You can check again in ${s} ${s === 1 ? 'second' : 'seconds'}.`,
    unavailableHeading: 'Checking is briefly unavailable',
    unavailable: 'Please try again in a few minutes.',
    switchLabel: 'Nederlands',
    footer: 'Noloc · Register Loopbaanprofessional',
  },
} as const;

/** The verdict in plain words: the page's language first, the other one below it. */
const VERDICT: Record<VerificationStatus, Record<PageLanguage, { word: string; text: string }>> = {
  geldig: {
    nl: { word: 'Geldig', text: 'Dit certificaat is echt, door Noloc uitgegeven en nu geldig.' },
    en: { word: 'Valid', text: 'This certificate is genuine, issued by Noloc and valid now.' },
  },
  ingetrokken: {
    nl: { word: 'Ingetrokken', text: 'Dit certificaat is door Noloc uitgegeven, maar ingetrokken. Het is niet meer geldig.' },
    en: { word: 'Revoked', text: 'This certificate was issued by Noloc but has been revoked. It is no longer valid.' },
  },
  verlopen: {
    nl: { word: 'Verlopen', text: 'Dit certificaat is door Noloc uitgegeven, maar de geldigheid is voorbij.' },
    en: { word: 'Expired', text: 'This certificate was issued by Noloc, but its validity has ended.' },
  },
  vervalst: {
    nl: { word: 'Vervalst', text: 'Dit certificaat is niet door Noloc uitgegeven, of er is iets aan veranderd. Vertrouw het niet.' },
    en: { word: 'Forged', text: 'This certificate was not issued by Noloc, or something in it was changed. Do not trust it.' },
  },
};

/** "Nederlands / English" messages: the part in the page's language. */
function part(message: string, lang: PageLanguage): string {
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return lang === 'nl' ? message.slice(0, i) : message.slice(i + 3);
}

const TIMESTAMP: Record<PageLanguage, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }),
};

export type VerifyPageState =
  | { kind: 'start' }
  | { kind: 'result'; result: VerificationResult }
  | { kind: 'fieldError'; message: string; submitted: string }
  | { kind: 'notFound' }
  | { kind: 'limited'; retryAfterSeconds: number }
  | { kind: 'unavailable' };

function href(lang: PageLanguage, id?: string): string {
  const q = new URLSearchParams();
  if (id) q.set('id', id);
  if (lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `/verify?${s}` : '/verify';
}

export function renderVerifyPage(lang: PageLanguage, state: VerifyPageState, credentialId?: string): string {
  const t = TEXT[lang];
  const other: PageLanguage = lang === 'nl' ? 'en' : 'nl';
  const r = state.kind === 'result' ? state.result : null;
  const c = r?.credential ?? null;
  const facts = c
    ? [
        { label: t.holder, value: c.holderName, mono: false, iso: null },
        { label: t.number, value: c.certificateNumber, mono: true, iso: null },
        { label: t.achievement, value: c.achievement, mono: false, iso: null },
        { label: t.issuer, value: c.issuer, mono: false, iso: null },
        { label: t.validFrom, value: formatDate(c.validFrom, lang), mono: false, iso: c.validFrom },
        { label: t.validUntil, value: formatDate(c.validUntil, lang), mono: false, iso: c.validUntil },
        ...(c.revokedOn ? [{ label: t.revokedOn, value: formatDate(c.revokedOn, lang), mono: false, iso: c.revokedOn }] : []),
      ]
    : null;
  return template({
    lang,
    title: r ? `${VERDICT[r.status][lang].word} — ${t.title}` : t.title,
    t: { ...t, checkedAt: undefined, limited: undefined },
    css: REGISTER_CSS_PATH,
    verifyCss: VERIFY_CSS_PATH,
    action: lang === 'en' ? '/verify?lang=en' : '/verify',
    switchHref: href(other, state.kind === 'result' || state.kind === 'notFound' ? credentialId : undefined),
    switchLang: other,
    backHref: href(lang),
    result: r
      ? {
          status: r.status,
          word: VERDICT[r.status][lang].word,
          text: VERDICT[r.status][lang].text,
          other: `${VERDICT[r.status][other].word}: ${VERDICT[r.status][other].text}`,
          otherLang: other,
          facts,
          reasons: r.reasons.map((x) => ({ ok: x.ok, mark: x.ok ? '✓' : '✗', message: part(x.message, lang) })),
          checkedAt: t.checkedAt(TIMESTAMP[lang].format(new Date(r.checkedAt))),
        }
      : null,
    fieldError: state.kind === 'fieldError' ? part(state.message, lang) : null,
    submitted: state.kind === 'fieldError' ? state.submitted : '',
    notFound: state.kind === 'notFound' ? t.notFound : null,
    stop:
      state.kind === 'limited'
        ? { heading: t.limitedHeading, text: t.limited(state.retryAfterSeconds) }
        : state.kind === 'unavailable'
          ? { heading: t.unavailableHeading, text: t.unavailable }
          : null,
  });
}

/**
 * Errors of the verification routes for a browser: the page with the message in words and the
 * API's status (and Retry-After); any other client gets the platform's JSON error.
 */
@Catch()
export class VerifyPageErrorFilter extends ErrorFilter {
  private readonly pageLogger = new Logger('VerifyPage');

  override catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request & { id?: string }>();
    const res = host.switchToHttp().getResponse<Response>();
    res.setHeader('Vary', 'Accept');
    if (!wantsHtml(req) || res.headersSent) return super.catch(exception, host);
    const { status, body, headers } = this.toResponse(exception);
    if (status >= 500) this.pageLogger.error({ err: exception, requestId: req.id, method: req.method, url: req.originalUrl }, 'unhandled error');
    const submitted = typeof (req.body as { credential?: unknown } | undefined)?.credential === 'string' ? String((req.body as { credential: string }).credential).slice(0, 20_000) : '';
    const state: VerifyPageState =
      status >= 500
        ? { kind: 'unavailable' }
        : status === 429
          ? { kind: 'limited', retryAfterSeconds: Number(headers?.['Retry-After'] ?? VERIFY_LIMITS.windowSeconds) }
          : body.code === 'CREDENTIAL_NOT_FOUND'
            ? { kind: 'notFound' }
            : { kind: 'fieldError', message: body.message, submitted };
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    setPageHeaders(res);
    res.status(status).send(renderVerifyPage(pageLanguage(req), state));
  }
}
