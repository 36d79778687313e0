/**
 * Calendar days of the week calendar, as plain 'YYYY-MM-DD' strings in Europe/Amsterdam. Day
 * arithmetic is done on dates, never by adding 24 hours to an instant, so a week with a DST change
 * (a 23- or 25-hour Sunday) still has seven days. The slot times themselves come from the API in
 * Amsterdam time (`local.date`, `local.time`), so no offset is ever computed here.
 */
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' });

export function amsterdamToday(now = new Date()): string {
  return AMSTERDAM_DATE.format(now);
}

function utcDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: string, days: number): string {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  const dow = utcDay(date).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The UTC offset of Amsterdam at the end of that day, e.g. 'GMT+1' or 'GMT+2'. */
export function offsetAtEndOf(date: string): string {
  const part = OFFSET.formatToParts(new Date(`${date}T21:00:00Z`)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** Whether summer time starts or ends within the week of `monday`. */
export function dstChange(monday: string): 'starts' | 'ends' | null {
  const before = offsetAtEndOf(addDays(monday, -1));
  const after = offsetAtEndOf(addDays(monday, 6));
  if (before === after) return null;
  return after === 'GMT+2' ? 'starts' : 'ends';
}

/** '2027-03-28' in words: 'zondag 28 maart 2027'. */
export function dayName(date: string, lang: 'nl' | 'en', style: 'long' | 'short' = 'long'): string {
  const fmt = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return fmt.format(new Date(`${date}T12:00:00Z`));
}
