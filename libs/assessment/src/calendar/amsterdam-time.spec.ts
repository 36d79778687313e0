import { AmsterdamTimeError, amsterdamToUtc, utcToAmsterdam } from './amsterdam-time';

const utc = (iso: string): Date => new Date(iso);

function expectAmsterdamError(run: () => unknown, code: AmsterdamTimeError['code']): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AmsterdamTimeError);
  expect(caught).toBeInstanceOf(Error);
  expect((caught as AmsterdamTimeError).code).toBe(code);
  expect((caught as AmsterdamTimeError).name).toBe('AmsterdamTimeError');
}

describe('amsterdamToUtc', () => {
  it('converts winter time (+01:00)', () => {
    expect(amsterdamToUtc('2026-12-03', '14:00').toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect(amsterdamToUtc('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(amsterdamToUtc('2026-02-28', '23:59').toISOString()).toBe('2026-02-28T22:59:00.000Z');
  });

  it('converts summer time (+02:00)', () => {
    expect(amsterdamToUtc('2026-07-15', '09:30').toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(amsterdamToUtc('2026-06-01', '00:00').toISOString()).toBe('2026-05-31T22:00:00.000Z');
  });

  it('handles leap days', () => {
    expect(amsterdamToUtc('2028-02-29', '12:00').toISOString()).toBe('2028-02-29T11:00:00.000Z');
    expect(amsterdamToUtc('2000-02-29', '12:00').toISOString()).toBe('2000-02-29T11:00:00.000Z');
  });

  describe('spring forward, Sunday 29 March 2026 (02:00 CET → 03:00 CEST)', () => {
    it.each([
      ['00:00', '2026-03-28T23:00:00.000Z'],
      ['01:00', '2026-03-29T00:00:00.000Z'],
      ['01:59', '2026-03-29T00:59:00.000Z'],
      ['03:00', '2026-03-29T01:00:00.000Z'],
      ['03:01', '2026-03-29T01:01:00.000Z'],
      ['12:00', '2026-03-29T10:00:00.000Z'],
      ['23:59', '2026-03-29T21:59:00.000Z'],
    ])('%s is %s', (time, expected) => {
      expect(amsterdamToUtc('2026-03-29', time).toISOString()).toBe(expected);
    });

    it.each(['02:00', '02:30', '02:59'])('%s does not exist', (time) => {
      expectAmsterdamError(() => amsterdamToUtc('2026-03-29', time), 'NONEXISTENT_LOCAL_TIME');
    });

    it('the skipped hour exists on the days around it', () => {
      expect(amsterdamToUtc('2026-03-28', '02:30').toISOString()).toBe('2026-03-28T01:30:00.000Z');
      expect(amsterdamToUtc('2026-03-30', '02:30').toISOString()).toBe('2026-03-30T00:30:00.000Z');
    });
  });

  describe('fall back, Sunday 25 October 2026 (03:00 CEST → 02:00 CET)', () => {
    it.each([
      ['00:00', '2026-10-24T22:00:00.000Z'],
      ['01:59', '2026-10-24T23:59:00.000Z'],
      // 02:00-02:59 happens twice; the first (summer time) occurrence is chosen.
      ['02:00', '2026-10-25T00:00:00.000Z'],
      ['02:30', '2026-10-25T00:30:00.000Z'],
      ['02:59', '2026-10-25T00:59:00.000Z'],
      ['03:00', '2026-10-25T02:00:00.000Z'],
      ['12:00', '2026-10-25T11:00:00.000Z'],
      ['23:59', '2026-10-25T22:59:00.000Z'],
    ])('%s is %s', (time, expected) => {
      expect(amsterdamToUtc('2026-10-25', time).toISOString()).toBe(expected);
    });
  });

  it('covers years outside the two-digit trap of Date.UTC', () => {
    expect(amsterdamToUtc('2099-12-31', '23:59').toISOString()).toBe('2099-12-31T22:59:00.000Z');
    expect(utcToAmsterdam(amsterdamToUtc('0050-06-01', '12:00')).date).toBe('0050-06-01');
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2026-02-29', '10:00'], // 2026 is no leap year
    ['1900-02-29', '10:00'], // neither is 1900
    ['2026-04-31', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-00-10', '10:00'],
    ['2026-01-00', '10:00'],
    ['0000-01-01', '10:00'],
    ['2026-1-5', '10:00'],
    ['26-01-05', '10:00'],
    ['2026/01/05', '10:00'],
    ['2026-01-05T10:00', '10:00'],
    [' 2026-01-05', '10:00'],
    ['2026-01-05\n', '10:00'],
    ['', '10:00'],
    ['2026-01-05', '24:00'],
    ['2026-01-05', '23:60'],
    ['2026-01-05', '9:5'],
    ['2026-01-05', '9:05'],
    ['2026-01-05', '09:5'],
    ['2026-01-05', '10:00:00'],
    ['2026-01-05', '10.00'],
    ['2026-01-05', '-1:00'],
    ['2026-01-05', '１０:００'], // full-width digits
    ['2026-01-05', ''],
  ])('rejects %j %j as INVALID_LOCAL_TIME', (date, time) => {
    expectAmsterdamError(() => amsterdamToUtc(date, time), 'INVALID_LOCAL_TIME');
  });

  it('rejects non-string input as INVALID_LOCAL_TIME', () => {
    expectAmsterdamError(() => amsterdamToUtc(undefined as unknown as string, '10:00'), 'INVALID_LOCAL_TIME');
    expectAmsterdamError(() => amsterdamToUtc('2026-01-05', 1000 as unknown as string), 'INVALID_LOCAL_TIME');
  });
});

describe('utcToAmsterdam', () => {
  it('formats winter time', () => {
    expect(utcToAmsterdam(utc('2026-12-03T13:00:00Z'))).toEqual({
      date: '2026-12-03',
      time: '14:00',
      offset: '+01:00',
      iso: '2026-12-03T14:00:00+01:00',
    });
  });

  it('formats summer time', () => {
    expect(utcToAmsterdam(utc('2026-07-15T07:30:00Z'))).toEqual({
      date: '2026-07-15',
      time: '09:30',
      offset: '+02:00',
      iso: '2026-07-15T09:30:00+02:00',
    });
  });

  it('shows midnight as 00:00 and crosses the date line in local time', () => {
    expect(utcToAmsterdam(utc('2025-12-31T23:00:00Z'))).toMatchObject({ date: '2026-01-01', time: '00:00', offset: '+01:00' });
    expect(utcToAmsterdam(utc('2026-05-31T22:00:00Z'))).toMatchObject({ date: '2026-06-01', time: '00:00', offset: '+02:00' });
  });

  it.each([
    ['2026-03-29T00:59:00Z', '2026-03-29T01:59:00+01:00'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25T00:00:00Z', '2026-10-25T02:00:00+02:00'],
    ['2026-10-25T00:59:00Z', '2026-10-25T02:59:00+02:00'],
    ['2026-10-25T01:00:00Z', '2026-10-25T02:00:00+01:00'],
    ['2026-10-25T01:59:00Z', '2026-10-25T02:59:00+01:00'],
    ['2026-10-25T02:00:00Z', '2026-10-25T03:00:00+01:00'],
  ])('around the 2026 transitions, %s is %s', (instant, iso) => {
    expect(utcToAmsterdam(utc(instant)).iso).toBe(iso);
  });

  it('keeps seconds in iso but not in time, and ignores milliseconds', () => {
    expect(utcToAmsterdam(utc('2026-12-03T13:04:05.999Z'))).toEqual({
      date: '2026-12-03',
      time: '14:04',
      offset: '+01:00',
      iso: '2026-12-03T14:04:05+01:00',
    });
  });

  it('gives an iso string that denotes the same instant', () => {
    const instant = utc('2026-10-25T01:30:00Z');
    expect(new Date(utcToAmsterdam(instant).iso).getTime()).toBe(instant.getTime());
  });

  it('rejects an invalid Date', () => {
    expect(() => utcToAmsterdam(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('round trips', () => {
  const start = Date.parse('2025-12-31T00:00:00Z');
  const end = Date.parse('2027-01-02T00:00:00Z');
  const step = 37 * 60_000;

  it('utcToAmsterdam then amsterdamToUtc returns the instant, every 37 minutes across 2026', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (let ms = start; ms < end; ms += step) {
      const local = utcToAmsterdam(new Date(ms));
      const back = amsterdamToUtc(local.date, local.time).getTime();
      // The only local times that map back elsewhere are the second (winter) occurrences of the
      // repeated autumn hour: they resolve to the summer-time occurrence, one hour earlier.
      const expected = local.date === '2026-10-25' && local.time.startsWith('02:') && local.offset === '+01:00' ? ms - 3_600_000 : ms;
      if (back !== expected) mismatches.push(`${new Date(ms).toISOString()} -> ${local.iso} -> ${new Date(back).toISOString()}`);
      if (new Date(local.iso).getTime() !== ms) mismatches.push(`iso ${local.iso} is not ${new Date(ms).toISOString()}`);
      if (local.offset !== '+01:00' && local.offset !== '+02:00') mismatches.push(`offset ${local.offset}`);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(14_000);
  });

  it('amsterdamToUtc then utcToAmsterdam returns the wall clock for every existing time, every 37 minutes of wall clock', () => {
    const mismatches: string[] = [];
    let skipped = 0;
    for (let ms = start; ms < end; ms += step) {
      // Walk the wall clock itself: read `ms` as a naive local date-time.
      const naive = new Date(ms).toISOString();
      const date = naive.slice(0, 10);
      const time = naive.slice(11, 16);
      try {
        const local = utcToAmsterdam(amsterdamToUtc(date, time));
        if (local.date !== date || local.time !== time) mismatches.push(`${date} ${time} -> ${local.iso}`);
      } catch (error) {
        if (error instanceof AmsterdamTimeError && error.code === 'NONEXISTENT_LOCAL_TIME' && date === '2026-03-29' && time.startsWith('02:')) skipped++;
        else mismatches.push(`${date} ${time} threw ${String(error)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(skipped).toBeGreaterThan(0);
  });

  it('agrees with the EU rule (last Sunday of March and October, 01:00 UTC) for 1996-2037', () => {
    const lastSunday = (year: number, monthIndex: number): number => {
      const last = new Date(Date.UTC(year, monthIndex + 1, 0));
      return last.getUTCDate() - last.getUTCDay();
    };
    for (let year = 1996; year <= 2037; year++) {
      const march = lastSunday(year, 2);
      const october = lastSunday(year, 9);
      const springSwitch = Date.UTC(year, 2, march, 1);
      const autumnSwitch = Date.UTC(year, 9, october, 1);
      expect(utcToAmsterdam(new Date(springSwitch - 1000)).offset).toBe('+01:00');
      expect(utcToAmsterdam(new Date(springSwitch)).offset).toBe('+02:00');
      expect(utcToAmsterdam(new Date(autumnSwitch - 1000)).offset).toBe('+02:00');
      expect(utcToAmsterdam(new Date(autumnSwitch)).offset).toBe('+01:00');
      const day = (d: number, m: string): string => `${year}-${m}-${String(d).padStart(2, '0')}`;
      expectAmsterdamError(() => amsterdamToUtc(day(march, '03'), '02:30'), 'NONEXISTENT_LOCAL_TIME');
      expect(amsterdamToUtc(day(october, '10'), '02:30').getTime()).toBe(autumnSwitch - 30 * 60_000);
    }
  });
});
