import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CALENDAR_YEARS, createWorkingCalendar, HOLIDAY_TABLE_YEARS, tableHolidays } from '../../shared/domain/calendar/working-days';
import { closedHolidays, libraryHolidays } from '../../shared/domain/calendar/holiday-rules';
import { resolveDue } from '../../shared/domain/deadlines/resolve';
import { addDays } from '../../shared/domain/dates';

// Expected dates checked against an independent computation (Meeus/Jones/Butcher Easter
// algorithm and the list in lagen om allmänna helgdagar), not copied from the code's output.
// Easter Sundays: 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21.
const calendar = createWorkingCalendar();

describe('Easter and Ascension move every year', () => {
  it.each([
    [2025, '2025-04-18', '2025-04-21', '2025-05-29'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06'],
    [2028, '2028-04-14', '2028-04-17', '2028-05-25'],
    [2029, '2029-03-30', '2029-04-02', '2029-05-10'],
    [2030, '2030-04-19', '2030-04-22', '2030-05-30'],
  ])('%i: långfredagen %s, annandag påsk %s and Kristi himmelsfärdsdag %s are closed', (_year, goodFriday, easterMonday, ascension) => {
    const reasons = [goodFriday, easterMonday, ascension].map(calendar.closedReason);

    expect(reasons).toEqual(['långfredagen', 'annandag påsk', 'Kristi himmelsfärdsdag']);
  });

  it.each([
    ['2025-04-17'],
    ['2026-04-02'],
    ['2027-03-25'],
    ['2028-04-13'],
    ['2029-03-29'],
    ['2030-04-18'],
  ])('skärtorsdagen %s is a working day (offices do not close on it)', (maundyThursday) => {
    expect(calendar.isWorkingDay(maundyThursday)).toBe(true);
  });

  it.each([
    ['2025-06-09'],
    ['2026-05-25'],
    ['2027-05-17'],
    ['2028-06-05'],
    ['2029-05-21'],
    ['2030-06-10'],
  ])('annandag pingst %s is a working day (no longer a holiday since 2005)', (whitMonday) => {
    expect(calendar.closedReason(whitMonday)).toBeUndefined();
  });

  it.each([['2000-06-12'], ['2001-06-04'], ['2002-05-20'], ['2003-06-09'], ['2004-05-31']])(
    'annandag pingst %s is closed: a public holiday until 2004',
    (whitMonday) => {
      expect(calendar.closedReason(whitMonday)).toBe('annandag pingst');
    },
  );

  it('a delegation yttrande due out on Wednesday 22 May 2002 is counted over annandag pingst: 3 working days before is Thursday 16 May', () => {
    const resolved = resolveDue(
      { kind: 'yttrande', due: { externalDeadline: '2002-05-22', recipient: 'Länsstyrelsen' } },
      { calendar, plans: [], delegationLeadWorkingDays: 3, council: 'KF' },
    );

    expect(resolved.dueDate).toBe('2002-05-16');
  });
});

describe('midsommar', () => {
  it.each([
    ['2025-06-20', '2025-06-19'],
    ['2026-06-19', '2026-06-18'],
    ['2027-06-25', '2027-06-24'],
    ['2028-06-23', '2028-06-22'],
    ['2029-06-22', '2029-06-21'],
    ['2030-06-21', '2030-06-20'],
  ])('midsommarafton, the Friday between 19 and 25 June, is closed: %s; the Thursday %s works', (eve, thursday) => {
    expect(calendar.closedReason(eve)).toBe('midsommarafton');
    expect(calendar.isWorkingDay(thursday)).toBe(true);
    expect(calendar.workingDayOnOrBefore(eve)).toBe(thursday);
  });
});

describe('nationaldagen and första maj', () => {
  it.each([
    ['2025-06-06', 'nationaldagen'],
    ['2026-06-06', 'lördag'],
    ['2027-06-06', 'söndag'],
    ['2028-06-06', 'nationaldagen'],
    ['2029-06-06', 'nationaldagen'],
    ['2030-06-06', 'nationaldagen'],
  ])('6 June %s is closed as %s', (date, reason) => {
    expect(calendar.closedReason(date)).toBe(reason);
  });

  it('nationaldagen on a weekend gives no day off in lieu: Friday 5 and Monday 8 June 2026 work, as do Friday 4 and Monday 7 June 2027', () => {
    const days = ['2026-06-05', '2026-06-08', '2027-06-04', '2027-06-07'].map(calendar.isWorkingDay);

    expect(days).toEqual([true, true, true, true]);
  });

  it.each([
    ['2025-05-01', 'första maj'],
    ['2026-05-01', 'första maj'],
    ['2027-05-01', 'lördag'],
    ['2028-05-01', 'första maj'],
    ['2029-05-01', 'första maj'],
    ['2030-05-01', 'första maj'],
  ])('1 May %s is closed as %s', (date, reason) => {
    expect(calendar.closedReason(date)).toBe(reason);
  });

  it('valborgsmässoafton, trettondagsafton and allhelgonaafton are ordinary working days', () => {
    const days = ['2027-04-30', '2026-01-05', '2026-10-30'].map(calendar.isWorkingDay);

    expect(days).toEqual([true, true, true]);
  });

  it('alla helgons dag is always a Saturday and so closed as a weekend day', () => {
    expect(['2025-11-01', '2026-10-31', '2027-11-06'].map(calendar.closedReason)).toEqual(['lördag', 'lördag', 'lördag']);
  });
});

describe('Christmas and New Year', () => {
  it.each([
    [2025, ['julafton', 'juldagen', 'annandag jul', 'nyårsafton', 'nyårsdagen', 'trettondedag jul']],
    [2026, ['julafton', 'juldagen', 'lördag', 'nyårsafton', 'nyårsdagen', 'trettondedag jul']],
    [2027, ['julafton', 'lördag', 'söndag', 'nyårsafton', 'lördag', 'trettondedag jul']],
    [2028, ['söndag', 'juldagen', 'annandag jul', 'söndag', 'nyårsdagen', 'lördag']],
    [2029, ['julafton', 'juldagen', 'annandag jul', 'nyårsafton', 'nyårsdagen', 'söndag']],
    [2030, ['julafton', 'juldagen', 'annandag jul', 'nyårsafton', 'nyårsdagen', 'trettondedag jul']],
  ])('%i: 24, 25, 26 and 31 December and 1 and 6 January after are closed (a weekend one gives no day in lieu)', (year, reasons) => {
    const dates = [`${year}-12-24`, `${year}-12-25`, `${year}-12-26`, `${year}-12-31`, `${year + 1}-01-01`, `${year + 1}-01-06`];

    expect(dates.map(calendar.closedReason)).toEqual(reasons);
  });

  it('the days between Christmas and New Year work: 28–30 December 2026', () => {
    expect(['2026-12-28', '2026-12-29', '2026-12-30'].map(calendar.isWorkingDay)).toEqual([true, true, true]);
  });

  it('the working day before julafton 2027 (a Friday) is Thursday 23 December, and the one after is Monday 27 December', () => {
    expect(calendar.workingDayOnOrBefore('2027-12-24')).toBe('2027-12-23');
    expect(calendar.workingDayOnOrAfter('2027-12-24')).toBe('2027-12-27');
  });

  it('the first working day of 2027 is Monday 4 January (nyårsdagen is a Friday)', () => {
    expect(calendar.workingDayOnOrAfter('2026-12-31')).toBe('2027-01-04');
  });
});

describe('a whole year of working days', () => {
  it.each([
    [2025, 249],
    [2026, 251],
    [2027, 253],
    [2028, 251],
    [2029, 250],
    [2030, 250],
  ])('%i has %i working days', (year, expected) => {
    let count = 0;
    for (let date = `${year}-01-01`; date < `${year + 1}-01-01`; date = addDays(date, 1)) {
      if (calendar.isWorkingDay(date)) count++;
    }

    expect(count).toBe(expected);
  });
});

describe('counting working days', () => {
  it('15 working days before Wednesday 16 September 2026 is Wednesday 26 August', () => {
    expect(calendar.subtractWorkingDays('2026-09-16', 15)).toBe('2026-08-26');
  });

  it('counting back from a meeting in the first week of January skips nyårsafton, julafton, juldagen and the weekends', () => {
    // Monday 4 January 2027, 10 working days: 30, 29, 28, 23, 22, 21, 18, 17, 16, 15 December.
    expect(calendar.subtractWorkingDays('2027-01-04', 10)).toBe('2026-12-15');
  });

  it('counting back over Easter skips annandag påsk and långfredagen: 1 working day before Tuesday 30 March 2027 is Thursday 25 March', () => {
    expect(calendar.subtractWorkingDays('2027-03-30', 1)).toBe('2027-03-25');
  });

  it('adding working days skips Easter: from Thursday 25 March 2027, one working day is Tuesday 30 March', () => {
    expect(calendar.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
  });

  it('adding working days crosses the year: 3 working days after Wednesday 30 December 2026 is Thursday 7 January 2027', () => {
    // 31 Dec nyårsafton, 1 Jan nyårsdagen, weekend, Mon 4 (1), Tue 5 (2), Wed 6 trettondedag, Thu 7 (3).
    expect(calendar.addWorkingDays('2026-12-30', 3)).toBe('2027-01-07');
  });

  it('counting starts from the day itself, whether or not it is a working day: 1 working day after Saturday 6 June 2026 is Monday 8 June', () => {
    expect(calendar.addWorkingDays('2026-06-06', 1)).toBe('2026-06-08');
    expect(calendar.subtractWorkingDays('2026-06-06', 1)).toBe('2026-06-05');
  });

  it('zero working days is the date itself, and a negative count goes the other way', () => {
    expect(calendar.addWorkingDays('2026-06-06', 0)).toBe('2026-06-06');
    expect(calendar.addWorkingDays('2026-06-10', -2)).toBe(calendar.subtractWorkingDays('2026-06-10', 2));
    expect(calendar.subtractWorkingDays('2026-06-05', -1)).toBe('2026-06-08');
  });

  it('both DST nights are ordinary days: the last Sundays of March and October 2027 count as one day each', () => {
    // 28 March 2027 is both påskdagen and the spring DST night; 31 October 2027 the autumn one.
    expect(calendar.addWorkingDays('2027-03-25', 2)).toBe('2027-03-31');
    expect(calendar.addWorkingDays('2027-10-29', 1)).toBe('2027-11-01');
    expect(calendar.subtractWorkingDays('2026-10-26', 1)).toBe('2026-10-23');
  });

  it('leap years: 29 February 2028 is a Tuesday and a working day', () => {
    expect(calendar.isWorkingDay('2028-02-29')).toBe(true);
    expect(calendar.addWorkingDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(calendar.addWorkingDays('2028-02-29', 1)).toBe('2028-03-01');
  });

  it('adding back what was subtracted returns to the same working day, 2025–2030', () => {
    const start = '2025-01-01';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 * 365 }), fc.integer({ min: 0, max: 60 }), (offset, days) => {
        const date = calendar.workingDayOnOrAfter(addDays(start, offset));
        expect(calendar.addWorkingDays(calendar.subtractWorkingDays(date, days), days)).toBe(date);
      }),
    );
  });

  it('n working days back lands on a working day with exactly n working days between it and the date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 * 365 }), fc.integer({ min: 1, max: 40 }), (offset, days) => {
        const date = addDays('2025-01-10', offset);
        const back = calendar.subtractWorkingDays(date, days);
        let between = 0;
        for (let d = back; d < date; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) between++;
        expect(calendar.isWorkingDay(back)).toBe(true);
        expect(between).toBe(days);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a fractional number of working days or a date that is not YYYY-MM-DD', () => {
    expect(() => calendar.addWorkingDays('2026-06-01', 1.5)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026-6-1')).toThrow(RangeError);
  });
});

describe('extra closed days an admin sets', () => {
  const withKlamdag = createWorkingCalendar(['2026-05-15', '2027-05-07']);

  it('a klämdag after Kristi himmelsfärd is closed as "stängd dag" and skipped when counting', () => {
    expect(withKlamdag.closedReason('2026-05-15')).toBe('stängd dag');
    // Monday 18 May 2026: the Friday is closed and Thursday is Kristi himmelsfärdsdag.
    expect(withKlamdag.subtractWorkingDays('2026-05-18', 1)).toBe('2026-05-13');
    expect(calendar.subtractWorkingDays('2026-05-18', 1)).toBe('2026-05-15');
  });

  it('a closed day that is already a weekend or a holiday keeps that reason', () => {
    const odd = createWorkingCalendar(['2026-06-06', '2026-12-25']);

    expect(odd.closedReason('2026-06-06')).toBe('lördag');
    expect(odd.closedReason('2026-12-25')).toBe('juldagen');
  });

  it('one calendar’s closed days do not leak into another', () => {
    expect(withKlamdag.isWorkingDay('2027-05-07')).toBe(false);
    expect(calendar.isWorkingDay('2027-05-07')).toBe(true);
  });
});

describe('the holiday table the functions read (npm run holidays)', () => {
  const years = Array.from({ length: HOLIDAY_TABLE_YEARS.last - HOLIDAY_TABLE_YEARS.first + 1 }, (_, i) => HOLIDAY_TABLE_YEARS.first + i);

  it('holds exactly what the rules compute (date-holidays with the known corrections), for every year it covers', () => {
    const computed = Object.fromEntries(years.map((year) => [String(year), closedHolidays(year)]));

    expect(Object.fromEntries(years.map((year) => [String(year), tableHolidays(year)]))).toEqual(computed);
    expect(tableHolidays(HOLIDAY_TABLE_YEARS.last + 1)).toBeUndefined();
  });

  it('differs from date-holidays only by the known correction: annandag pingst, a public holiday until 2004', () => {
    const differences = years.flatMap((year) => {
      const library = libraryHolidays(year);
      const ours = tableHolidays(year) ?? [];
      return [
        ...ours.filter((day) => !library.includes(day)).map((day) => `+ ${year}-${day}`),
        ...library.filter((day) => !ours.includes(day)).map((day) => `- ${year}-${day}`),
      ];
    });

    // Whit Sunday + 1 for 1995–2004, from the table's own pingstdagen (checked against Easter + 50).
    expect(differences).toEqual([
      '+ 1995-06-05 annandag pingst',
      '+ 1996-05-27 annandag pingst',
      '+ 1997-05-19 annandag pingst',
      '+ 1998-06-01 annandag pingst',
      '+ 1999-05-24 annandag pingst',
      '+ 2000-06-12 annandag pingst',
      '+ 2001-06-04 annandag pingst',
      '+ 2002-05-20 annandag pingst',
      '+ 2003-06-09 annandag pingst',
      '+ 2004-05-31 annandag pingst',
    ]);
  });

  it('reaches five years past either end of the years items may use', () => {
    expect([HOLIDAY_TABLE_YEARS.first, HOLIDAY_TABLE_YEARS.last]).toEqual([CALENDAR_YEARS.first - 5, CALENDAR_YEARS.last + 5]);
    expect(calendar.closedReason('2105-12-25')).toBe('juldagen');
    expect(() => calendar.closedReason('2106-01-01')).toThrow('Kalendern omfattar åren 1995–2105');
  });
});
