/**
 * Europe/Amsterdam wall-clock time ⇄ UTC instants, using only the platform's `Intl` time zone data.
 * Pure: no clock is read; every instant is passed in.
 *
 * The offset at an instant is derived by formatting the instant in Europe/Amsterdam and comparing
 * the wall-clock reading with the instant itself. A local time is converted by trying every offset
 * in force around it (a day before and a day after) and keeping the candidates that read back as
 * the same wall-clock time: none means the time was skipped (spring forward), two means it occurred
 * twice (autumn back), in which case the earlier instant, summer time, is chosen.
 */

export const AMSTERDAM_TIME_ZONE = 'Europe/Amsterdam';

export type AmsterdamTimeErrorCode = 'INVALID_LOCAL_TIME' | 'NONEXISTENT_LOCAL_TIME';

export class AmsterdamTimeError extends Error {
  constructor(
    readonly code: AmsterdamTimeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AmsterdamTimeError';
  }
}

export interface AmsterdamLocalTime {
  /** 'YYYY-MM-DD' */
  readonly date: string;
  /** 'HH:mm' (seconds are not shown) */
  readonly time: string;
  /** '+01:00' (CET) or '+02:00' (CEST); for dates before 1940 the tz data has other offsets, some with seconds ('+00:17:30'). */
  readonly offset: string;
  /** 'YYYY-MM-DDTHH:mm:ss+01:00', the same instant with its Amsterdam offset. */
  readonly iso: string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

// `hourCycle: 'h23'` rather than `hour12: false`, which renders midnight as "24" on some engines.
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: AMSTERDAM_TIME_ZONE,
  era: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Converts a local date 'YYYY-MM-DD' and time 'HH:mm' in Europe/Amsterdam to the UTC instant. Throws AmsterdamTimeError with code 'INVALID_LOCAL_TIME' for a malformed/impossible date or time (2026-02-30, 24:00, 9:5) and 'NONEXISTENT_LOCAL_TIME' for a wall-clock time skipped by the spring-forward DST change (e.g. 2026-03-29 02:30). For the ambiguous autumn hour (2026-10-25 02:30) choose the first (summer time, +02:00) occurrence. */
export function amsterdamToUtc(date: string, time: string): Date {
  const local = parseLocal(date, time);
  const naive = wallClockMs(local);
  const offsets = new Set([offsetMsAt(naive - DAY_MS), offsetMsAt(naive), offsetMsAt(naive + DAY_MS)]);
  const candidates = [...offsets]
    .map((offset) => naive - offset)
    .filter((instant) => wallClockMs(wallClockAt(instant)) === naive)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined) {
    throw new AmsterdamTimeError('NONEXISTENT_LOCAL_TIME', `${date} ${time} does not exist in ${AMSTERDAM_TIME_ZONE} (skipped by the change to summer time)`);
  }
  return new Date(first);
}

/** The instant as Amsterdam local time: { date: 'YYYY-MM-DD', time: 'HH:mm', offset: '+01:00' | '+02:00', iso: 'YYYY-MM-DDTHH:mm:00+01:00' }. */
export function utcToAmsterdam(instant: Date): AmsterdamLocalTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('utcToAmsterdam: invalid Date');
  const wall = wallClockAt(ms);
  if (wall.year < 1 || wall.year > 9999) throw new RangeError(`utcToAmsterdam: ${instant.toISOString()} is outside the years 0001-9999`);
  const offset = formatOffset(wallClockMs(wall) - floorToSecond(ms));
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}`;
  return { date, time, offset, iso: `${date}T${time}:${pad(wall.second)}${offset}` };
}

function parseLocal(date: string, time: string): WallClock {
  const dateMatch = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  const timeMatch = typeof time === 'string' ? TIME_PATTERN.exec(time) : null;
  if (!dateMatch || !timeMatch) {
    throw new AmsterdamTimeError('INVALID_LOCAL_TIME', `expected a date 'YYYY-MM-DD' and a time 'HH:mm', got ${JSON.stringify(date)} ${JSON.stringify(time)}`);
  }
  const [year, month, day] = [dateMatch[1], dateMatch[2], dateMatch[3]].map(Number) as [number, number, number];
  const [hour, minute] = [timeMatch[1], timeMatch[2]].map(Number) as [number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new AmsterdamTimeError('INVALID_LOCAL_TIME', `${date} is not a calendar date`);
  }
  return { year, month, day, hour, minute, second: 0 };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The wall clock as if it were UTC, in ms. `setUTCFullYear` because `Date.UTC` maps years 0-99 to 1900-1999. */
function wallClockMs(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

function wallClockAt(instantMs: number): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(instantMs)) parts[part.type] = part.value;
  const number = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = Number(parts[type]);
    if (!Number.isInteger(value)) throw new RangeError(`Intl returned no ${type} for ${instantMs}`);
    return value;
  };
  const yearOfEra = number('year');
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: number('month'),
    day: number('day'),
    hour: number('hour') % 24,
    minute: number('minute'),
    second: number('second'),
  };
}

/** Local time minus UTC at the instant, in ms (whole seconds). */
function offsetMsAt(instantMs: number): number {
  return wallClockMs(wallClockAt(instantMs)) - floorToSecond(instantMs);
}

function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const totalSeconds = Math.abs(offsetMs) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${sign}${pad(hours)}:${pad(minutes)}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}
