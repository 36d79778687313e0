import fc from 'fast-check';
import {
  addDays,
  addYears,
  countsUntil,
  daysBetween,
  earliestWithinYears,
  isIsoDate,
  isLeapYear,
  isWithinYears,
  latestWithYearsPassed,
  subtractYears,
  yearsHavePassed,
} from './calendar-date.util';

beforeEach(() => expect.hasAssertions());

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-02-28', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-13-01', false],
    ['2025-04-31', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['01-03-2025', false],
    ['2025-03-01T00:00:00Z', false],
    ['', false],
    [20250301, false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('year arithmetic', () => {
  it.each([
    ['2026-03-02', 2, '2024-03-02'],
    ['2024-02-29', 2, '2022-02-28'], // leap day → 28 February in a common year
    ['2024-02-29', 4, '2020-02-29'],
    ['2024-03-01', 2, '2022-03-01'],
    ['2026-01-01', 3, '2023-01-01'],
  ])('subtractYears(%s, %d) = %s', (date, years, expected) => {
    expect(subtractYears(date, years)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2022-02-28', 2, '2024-02-28'],
  ])('addYears(%s, %d) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => subtractYears('2025-02-29', 2)).toThrow(RangeError);
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-01', 19, '2026-12-20'],
  ])('addDays(%s, %d) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('daysBetween counts calendar days, negative backwards', () => {
    expect(daysBetween('2026-12-01', '2026-12-20')).toBe(19);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('agrees with Date.UTC over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -80_000, max: 80_000 }), (offset) => {
        const expected = new Date(Date.UTC(2000, 0, 1 + offset)).toISOString().slice(0, 10);
        expect(addDays('2000-01-01', offset)).toBe(expected);
        expect(daysBetween('2000-01-01', expected)).toBe(offset);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('knows leap years', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
  });
});

describe('ages, counted forward from the date', () => {
  // Days around every 29 February from 2000 to 2040, and a spread of ordinary days.
  const leapDays = Array.from({ length: 11 }, (_, i) => `${2000 + 4 * i}-02-29`);
  const nearLeapDay = fc.tuple(fc.constantFrom(...leapDays), fc.integer({ min: -3, max: 3 })).map(([day, offset]) => addDays(day, offset));
  const anyDay = fc.oneof(nearLeapDay, fc.integer({ min: 0, max: 40 * 366 }).map((n) => addDays('2000-01-01', n)));
  const years = fc.integer({ min: 1, max: 4 });

  it.each([
    ['2024-12-20', 2, '2026-12-20'],
    ['2024-02-29', 2, '2026-02-28'], // the end-of-month rule
    ['2024-02-29', 4, '2028-02-29'],
    ['2022-02-28', 2, '2024-02-28'], // not 2024-02-29: on the leap day it is two years and one day old
    ['2026-02-28', 2, '2028-02-28'],
    ['2023-03-01', 2, '2025-03-01'],
  ])('countsUntil(%s, %d) = %s', (date, n, expected) => {
    expect(countsUntil(date, n)).toBe(expected);
  });

  it.each([
    // [date, years, reference date, at most that old, that many years passed]
    ['2026-02-28', 2, '2028-02-28', true, true], // exactly two years
    ['2026-02-28', 2, '2028-02-29', false, true], // two years and one day
    ['2026-03-01', 2, '2028-02-29', true, false],
    ['2024-02-29', 2, '2026-02-28', true, true], // exactly two years (end-of-month rule)
    ['2024-02-29', 2, '2026-03-01', false, true],
    ['2024-02-29', 2, '2026-02-27', true, false],
    ['2024-02-29', 4, '2028-02-29', true, true],
    ['2024-02-29', 4, '2028-02-28', true, false],
    ['2024-02-29', 4, '2028-03-01', false, true],
    ['2024-02-28', 2, '2026-02-28', true, true],
    ['2026-03-01', 2, '2026-02-28', false, false], // after the reference date: not "at most two years old"
  ])('%s, %d years, on %s: within %p, passed %p', (date, n, reference, within, passed) => {
    expect(isWithinYears(date, n, reference)).toBe(within);
    expect(yearsHavePassed(date, n, reference)).toBe(passed);
  });

  it.each([
    // [reference date, years, earliest date within, latest date with the years passed]
    ['2028-02-29', 2, '2026-03-01', '2026-02-28'],
    ['2024-02-29', 2, '2022-03-01', '2022-02-28'],
    ['2028-02-29', 4, '2024-02-29', '2024-02-29'],
    ['2026-02-28', 2, '2024-02-28', '2024-02-29'],
    ['2026-03-01', 2, '2024-03-01', '2024-03-01'],
    ['2026-12-01', 2, '2024-12-01', '2024-12-01'],
  ])('on %s with %d years: earliest within %s, latest passed %s', (reference, n, earliest, latest) => {
    expect(earliestWithinYears(reference, n)).toBe(earliest);
    expect(latestWithYearsPassed(reference, n)).toBe(latest);
  });

  it('a date counts exactly on the reference dates from itself through countsUntil', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -5, max: 5 }), years, (date, offset, n) => {
        const until = countsUntil(date, n);
        const reference = addDays(until, offset);
        expect(isWithinYears(date, n, reference)).toBe(reference >= date && reference <= until);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('is exactly N years old on one reference date only, and a later date never stops counting earlier', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 10 }), years, (date, later, n) => {
        const exactly = (reference: string) => isWithinYears(date, n, reference) && yearsHavePassed(date, n, reference);
        const until = countsUntil(date, n);
        expect([-1, 0, 1].map((d) => exactly(addDays(until, d)))).toEqual([false, true, false]);
        expect(countsUntil(addDays(date, later), n) >= until).toBe(true);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('the bounds are exact: earliestWithinYears and latestWithYearsPassed agree with the predicates', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -800, max: 5 }), years, (reference, offset, n) => {
        const date = addDays(subtractYears(reference, n), offset + 400);
        if (date > reference) return expect(isWithinYears(date, n, reference)).toBe(false);
        expect(isWithinYears(date, n, reference)).toBe(date >= earliestWithinYears(reference, n));
        expect(yearsHavePassed(date, n, reference)).toBe(date <= latestWithYearsPassed(reference, n));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
