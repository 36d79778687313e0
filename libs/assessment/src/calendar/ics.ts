/**
 * An RFC 5545 (iCalendar) invitation with one VEVENT, for iTIP (RFC 5546) REQUEST or CANCEL mails.
 * Pure: DTSTAMP is passed in like every other instant.
 *
 * Hostile input cannot add properties or parameters: control characters are removed from every
 * value (TEXT values keep their line breaks as the escape `\n`), TEXT is escaped per §3.3.11 and
 * CN parameters are always quoted, with any DQUOTE removed (§3.1, QSAFE-CHAR). Lines are folded at
 * 75 octets of UTF-8 (§3.1), never inside a multi-byte character, and end in CRLF.
 */

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsAttendee extends IcsPerson {
  role: 'REQ-PARTICIPANT' | 'CHAIR';
}

export interface IcsEvent {
  /** Stable per booking, e.g. `<bookingId>@register-loopbaanprofessional.nl`. */
  uid: string;
  /** Increments on every reschedule. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  status: 'CONFIRMED' | 'CANCELLED';
  /** UTC instant. */
  start: Date;
  durationMinutes: number;
  /** DTSTAMP (passed in, never read from the clock). */
  stamp: Date;
  summary: string;
  description: string;
  /** Address or null. */
  location: string | null;
  /** Online meeting link or null. */
  url: string | null;
  organizer: IcsPerson;
  attendees: IcsAttendee[];
}

export const ICS_PRODID = '-//Noloc//Register Loopbaanprofessional//NL';
/** Maximum length of a physical line in octets, excluding the CRLF (RFC 5545 §3.1). */
export const ICS_MAX_LINE_OCTETS = 75;

const CRLF = '\r\n';

export function icsCalendar(event: IcsEvent): string {
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`ics: sequence must be an integer >= 0, got ${event.sequence}`);
  }
  if (!Number.isFinite(event.durationMinutes) || event.durationMinutes <= 0) {
    throw new RangeError(`ics: durationMinutes must be > 0, got ${event.durationMinutes}`);
  }
  const end = new Date(event.start.getTime() + event.durationMinutes * 60_000);

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    `UID:${text(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(event.stamp, 'stamp')}`,
    `DTSTART:${utcDateTime(event.start, 'start')}`,
    `DTEND:${utcDateTime(end, 'end')}`,
    `STATUS:${event.status}`,
    `SUMMARY:${text(event.summary)}`,
    `DESCRIPTION:${text(event.description)}`,
    ...(event.location === null ? [] : [`LOCATION:${text(event.location)}`]),
    ...(event.url === null ? [] : [`URL:${uri(event.url)}`]),
    `ORGANIZER;CN=${quoted(event.organizer.name)}:${mailto(event.organizer.email)}`,
    ...event.attendees.map(
      (attendee) => `ATTENDEE;CN=${quoted(attendee.name)};ROLE=${attendee.role};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(attendee.email)}`,
    ),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

/** `20261203T130000Z`; milliseconds are dropped. */
function utcDateTime(instant: Date, what: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`ics: ${what} is an invalid Date`);
  const iso = instant.toISOString();
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`ics: ${what} ${iso} is outside the years 0000-9999`);
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

// C0 controls, DEL, C1 controls (which include NEL, U+0085) and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// CRLF, CR, LF, NEL and the Unicode line and paragraph separators.
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/;

/** Tabs become spaces, other controls are removed and lone surrogates become U+FFFD (they have no UTF-8 form). */
function clean(value: string): string {
  return String(value).toWellFormed().replace(/\t/g, ' ').replace(CONTROL, '');
}

/** TEXT (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`, other controls removed. */
function text(value: string): string {
  return String(value)
    .split(LINE_BREAK)
    .map((line) => clean(line).replace(/[\\;,]/g, (char) => `\\${char}`))
    .join('\\n');
}

/** A quoted parameter value (RFC 5545 §3.1): QSAFE-CHAR is anything but controls and DQUOTE. */
function quoted(value: string): string {
  return `"${clean(value).replace(/"/g, '')}"`;
}

/** A URI value is not escaped; whitespace cannot occur in a URI, so it is removed along with controls. */
function uri(value: string): string {
  return clean(value).replace(/\s/g, '');
}

function mailto(email: string): string {
  return `mailto:${uri(email)}`;
}

/**
 * Folds a content line (RFC 5545 §3.1): no physical line longer than 75 octets excluding CRLF,
 * continuation lines start with one space (which counts toward the 75), and a multi-byte UTF-8
 * character is never split. The input must not contain CR or LF.
 */
export function foldLine(line: string, maxOctets = ICS_MAX_LINE_OCTETS): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const octets = utf8Length(char.codePointAt(0) ?? 0);
    if (used + octets > maxOctets) {
      out += `${CRLF} `;
      used = 1;
    }
    out += char;
    used += octets;
  }
  return out;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
