/**
 * Calendar dates as 'YYYY-MM-DD' strings, with arithmetic on the proleptic Gregorian calendar.
 * No clock and no time zone: a date is a day, not an instant, so nothing here depends on where or
 * when the code runs. Valid dates compare correctly as strings.
 *
 * Leap day convention (the usual end-of-month rule): adding or subtracting whole years from
 * 29 February lands on 28 February when the target year has no 29 February
 * (2024-02-29 plus 2 years = 2026-02-28).
 *
 * Ages are counted forward from the thing's own date, never backward from the reference date:
 * "at most N years old on R" means date + N years ≥ R, and "N years since D on R" means
 * D + N years ≤ R. Counting backward (R − N years) maps both 28 and 29 February of a leap year
 * to the same day, so a document would be "exactly two years old" on two consecutive days.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parse(value: string): Ymd | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseOrThrow(value: IsoDate): Ymd {
  const ymd = parse(value);
  if (!ymd) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return ymd;
}

function format({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for an existing calendar day written as 'YYYY-MM-DD' (so '2025-02-29' is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parse(value) !== null;
}

/** Whole years later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = parseOrThrow(date);
  const target = year + years;
  return format({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
}

/**
 * Whole years earlier; 29 February becomes 28 February in a common year. Not an age rule by itself:
 * use `isWithinYears`, `yearsHavePassed` and their bounds, which count forward from the date.
 */
export function subtractYears(date: IsoDate, years: number): IsoDate {
  return addYears(date, -years);
}

// Days since 1970-01-01 (after H. Hinnant, "chrono-compatible low-level date algorithms").
function toEpochDay({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDay(epochDay: number): Ymd {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return format(fromEpochDay(toEpochDay(parseOrThrow(date)) + days));
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(parseOrThrow(to)) - toEpochDay(parseOrThrow(from));
}

/**
 * True when `date` is at most `years` old on `referenceDate` ("maximaal twee jaar oud", "in de
 * afgelopen twee jaar"): not after the reference date, and date + years not before it.
 * 2026-02-28 is two years old on 2028-02-28 and counts; on 2028-02-29 it no longer does.
 */
export function isWithinYears(date: IsoDate, years: number, referenceDate: IsoDate): boolean {
  return date <= referenceDate && addYears(date, years) >= referenceDate;
}

/**
 * True when at least `years` have passed from `since` to `referenceDate` ("tenminste twee jaar
 * actief"): since + years is not after the reference date. From 2024-02-29 two years have passed
 * on 2026-02-28.
 */
export function yearsHavePassed(since: IsoDate, years: number, referenceDate: IsoDate): boolean {
  return addYears(since, years) <= referenceDate;
}

/**
 * The last reference date on which a dated thing (a report, a finished case) still counts under
 * `isWithinYears`: its date + years. 2024-02-29 counts until 2026-02-28, 2022-02-28 until 2024-02-28.
 */
export function countsUntil(date: IsoDate, years: number): IsoDate {
  return addYears(date, years);
}

/**
 * The earliest date that is still at most `years` old on `referenceDate`: reference − years,
 * or the day after when that falls short going forward (on 2028-02-29 a document of 2026-02-28
 * is too old, so the earliest is 2026-03-01).
 */
export function earliestWithinYears(referenceDate: IsoDate, years: number): IsoDate {
  const candidate = subtractYears(referenceDate, years);
  return addYears(candidate, years) >= referenceDate ? candidate : addDays(candidate, 1);
}

/**
 * The latest `since` from which `years` have passed on `referenceDate`: reference − years, or the
 * day after when that also reaches it going forward (on 2026-02-28: 2024-02-29).
 */
export function latestWithYearsPassed(referenceDate: IsoDate, years: number): IsoDate {
  const candidate = subtractYears(referenceDate, years);
  const next = addDays(candidate, 1);
  return addYears(next, years) <= referenceDate ? next : candidate;
}
