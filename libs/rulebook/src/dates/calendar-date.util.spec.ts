import fc from 'fast-check';
import { addDays, addYears, countsUntil, daysBetween, isIsoDate, isLeapYear, subtractYears } from './calendar-date.util';

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

describe('countsUntil', () => {
  it.each([
    ['2024-12-20', 2, '2026-12-20'],
    ['2024-02-29', 2, '2026-02-28'], // on 2026-03-01 the limit is 2024-03-01 > 2024-02-29
    ['2022-02-28', 2, '2024-02-29'], // on 2024-02-29 the limit is 2022-02-28 (leap day rule), so one extra day
    ['2023-03-01', 2, '2025-03-01'],
  ])('countsUntil(%s, %d) = %s', (date, years, expected) => {
    expect(countsUntil(date, years)).toBe(expected);
  });

  it('is exactly the last reference date on which date ≥ reference − years', () => {
    const day = fc.integer({ min: 0, max: 40 * 366 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -10, max: 800 }), fc.integer({ min: 1, max: 4 }), (date, after, years) => {
        const reference = addDays(addYears(date, years), after - 400);
        const counts = date >= subtractYears(reference, years);
        expect(counts).toBe(reference <= countsUntil(date, years));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
