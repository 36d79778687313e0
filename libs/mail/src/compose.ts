/**
 * One message, composed once and kept as sent (issue 15, ADR 0018). Content is fixed when the
 * change that causes it commits, so what a person received can always be shown again.
 */
export interface MailAttachment {
  filename: string;
  /** e.g. `text/calendar; charset=utf-8; method=REQUEST` */
  contentType: string;
  /** Text content (an .ics file); binary attachments are not sent by this platform. */
  content: string;
}

export interface MailMessage {
  /** One recipient address. */
  to: string;
  /** Stable kind, e.g. `portfolio.submitted`: for logs, the catcher and tests; never shown as the subject. */
  kind: string;
  /** No personal data (names, case details) in a subject: it shows on lock screens and in server logs. */
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /**
   * At most one message is ever queued per key (e.g. `reminder:booking:<id>:day-before`); a second
   * enqueue with the same key is silently dropped. Use it for anything a job or a retry might cause twice.
   */
  dedupeKey?: string;
}

export interface Bilingual {
  nl: string;
  en: string;
}

export interface ComposeInput {
  to: string;
  kind: string;
  /** Dutch first, English second; the platform's name is added. */
  subject: Bilingual;
  /** Opening line, e.g. { nl: 'Beste Anna,', en: 'Dear Anna,' } */
  greeting: Bilingual;
  /** Paragraphs, plain text (escaped in HTML). */
  paragraphs: Bilingual[];
  /** Optional facts shown as a small table, e.g. deadline, snapshot hash. */
  facts?: Array<{ label: Bilingual; value: string }>;
  /** The one thing to do, a link into a portal. */
  action?: { label: Bilingual; url: string };
  attachments?: MailAttachment[];
  dedupeKey?: string;
}

export const PLATFORM_NAME = 'Register Loopbaanprofessional';

/** `Beste Anna,` / `Dear Anna,` */
export function greetingFor(name: string): Bilingual {
  return { nl: `Beste ${name},`, en: `Dear ${name},` };
}

/** `donderdag 3 december 2026 om 14:00 (Nederlandse tijd)` / `Thursday 3 December 2026 at 14:00 (Amsterdam time)`. */
export function localMoment(instant: Date): Bilingual {
  const part = (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', ...options }).format(instant);
  const date = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
  const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  return {
    nl: `${part('nl-NL', date)} om ${part('nl-NL', time)} (Nederlandse tijd)`,
    en: `${part('en-GB', date)} at ${part('en-GB', time)} (Amsterdam time)`,
  };
}

/** `3 december 2026` / `3 December 2026` for a calendar date `YYYY-MM-DD`. */
export function localDate(date: string): Bilingual {
  const instant = new Date(`${date}T12:00:00Z`);
  const format = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
  return { nl: format('nl-NL'), en: format('en-GB') };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function block(lang: 'nl' | 'en', input: ComposeInput): { text: string; html: string } {
  const text: string[] = [input.greeting[lang], ''];
  const html: string[] = [`<p>${escapeHtml(input.greeting[lang])}</p>`];
  for (const p of input.paragraphs) {
    text.push(p[lang], '');
    html.push(`<p>${escapeHtml(p[lang])}</p>`);
  }
  if (input.facts?.length) {
    html.push('<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">');
    for (const f of input.facts) {
      text.push(`${f.label[lang]}: ${f.value}`);
      html.push(
        `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;font-weight:600">${escapeHtml(f.label[lang])}</th><td style="padding:2px 0;font-family:monospace;overflow-wrap:anywhere;word-break:break-all">${escapeHtml(f.value)}</td></tr>`,
      );
    }
    text.push('');
    html.push('</table>');
  }
  if (input.action) {
    text.push(`${input.action.label[lang]}: ${input.action.url}`, '');
    html.push(
      `<p><a href="${escapeHtml(input.action.url)}" style="display:inline-block;background:#154273;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(input.action.label[lang])}</a></p>`,
    );
  }
  return { text: text.join('\n'), html: html.join('\n') };
}

/**
 * The platform's one mail layout: Dutch first, English second, HTML and plain text with the same
 * content, every value escaped, and a footer that says who sent it and why.
 */
export function composeMail(input: ComposeInput): MailMessage {
  const nl = block('nl', input);
  const en = block('en', input);
  const footer = {
    nl: `Dit bericht komt van ${PLATFORM_NAME} (certificeringsbureau). U ontvangt het omdat u een account op het platform hebt.`,
    en: `This message comes from ${PLATFORM_NAME} (certification office). You receive it because you have an account on the platform.`,
  };
  const text = [nl.text, footer.nl, '', '— English —', '', en.text, footer.en, ''].join('\n');
  const html = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(input.subject.nl)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">',
    `<p style="font-weight:700;color:#154273;margin:0 0 16px">${PLATFORM_NAME}</p>`,
    nl.html,
    `<p style="font-size:13px;color:#555">${escapeHtml(footer.nl)}</p>`,
    '<hr style="border:0;border-top:1px solid #ccc;margin:24px 0">',
    '<div lang="en">',
    en.html,
    `<p style="font-size:13px;color:#555">${escapeHtml(footer.en)}</p>`,
    '</div></body></html>',
  ].join('\n');
  return {
    to: input.to,
    kind: input.kind,
    subject: `${input.subject.nl} / ${input.subject.en} — ${PLATFORM_NAME}`,
    text,
    html,
    ...(input.attachments ? { attachments: input.attachments } : {}),
    ...(input.dedupeKey ? { dedupeKey: input.dedupeKey } : {}),
  };
}
