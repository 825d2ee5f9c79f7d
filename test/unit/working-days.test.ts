import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../shared/calendar/working-days';

const calendar = createWorkingCalendar();

describe('Swedish working days, 2025–2030', () => {
  // Easter Sundays: 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21.
  it.each([
    ['2025-04-18', 'långfredagen'],
    ['2025-04-21', 'annandag påsk'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2027-03-26', 'långfredagen'],
    ['2027-03-29', 'annandag påsk'],
    ['2028-04-14', 'långfredagen'],
    ['2028-04-17', 'annandag påsk'],
    ['2029-03-30', 'långfredagen'],
    ['2029-04-02', 'annandag påsk'],
    ['2030-04-19', 'långfredagen'],
    ['2030-04-22', 'annandag påsk'],
  ])('Easter moves every year: %s is %s', (date, name) => {
    expect(calendar.closedReason(date)).toBe(name);
  });

  it.each([
    ['2025-05-29'],
    ['2026-05-14'],
    ['2027-05-06'],
    ['2028-05-25'],
    ['2029-05-10'],
    ['2030-05-30'],
  ])('Kristi himmelsfärdsdag, 39 days after Easter, is closed: %s', (date) => {
    expect(calendar.closedReason(date)).toBe('Kristi himmelsfärdsdag');
  });

  it.each([
    ['2025-06-20'],
    ['2026-06-19'],
    ['2027-06-25'],
    ['2028-06-23'],
    ['2029-06-22'],
    ['2030-06-21'],
  ])('midsommarafton, the Friday between 19 and 25 June, is closed: %s', (date) => {
    expect(calendar.closedReason(date)).toBe('midsommarafton');
  });

  it('julafton, juldagen, annandag jul, nyårsafton, nyårsdagen and trettondedag jul are closed', () => {
    expect(['2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31', '2026-01-01', '2026-01-06'].map(calendar.closedReason)).toEqual([
      'julafton', 'juldagen', 'annandag jul', 'nyårsafton', 'nyårsdagen', 'trettondedag jul',
    ]);
  });

  it('första maj and nationaldagen are closed on weekdays', () => {
    expect(calendar.isWorkingDay('2029-05-01')).toBe(false);
    expect(calendar.isWorkingDay('2025-06-06')).toBe(false);
  });

  it('a holiday on a weekend gives no extra day off: nationaldagen 2026 is a Saturday, Friday and Monday work', () => {
    expect(calendar.closedReason('2026-06-06')).toBe('lördag');
    expect(calendar.isWorkingDay('2026-06-05')).toBe(true);
    expect(calendar.isWorkingDay('2026-06-08')).toBe(true);
  });

  it('annandag pingst is a working day (not a holiday since 2005)', () => {
    expect(calendar.isWorkingDay('2026-05-25')).toBe(true);
  });

  it('trettondagsafton and valborgsmässoafton are ordinary working days', () => {
    expect(calendar.isWorkingDay('2027-01-05')).toBe(true);
    expect(calendar.isWorkingDay('2027-04-30')).toBe(true);
  });

  it('an admin-closed klämdag is not a working day: Friday after Kristi himmelsfärd 2027', () => {
    const withKlamdag = createWorkingCalendar(['2027-05-07']);

    expect(withKlamdag.closedReason('2027-05-07')).toBe('stängd dag');
    expect(withKlamdag.subtractWorkingDays('2027-05-10', 1)).toBe('2027-05-05');
  });
});

describe('counting working days', () => {
  it('15 working days before KS on Monday 14 September 2026 is Monday 24 August', () => {
    expect(calendar.subtractWorkingDays('2026-09-14', 15)).toBe('2026-08-24');
  });

  it('10 working days before Monday 14 June 2027 is Monday 31 May 2027 (nationaldagen is a Sunday)', () => {
    expect(calendar.subtractWorkingDays('2027-06-14', 10)).toBe('2027-05-31');
  });

  it('a meeting in the first week of January reaches back over the Christmas holidays into December', () => {
    // Wednesday 13 January 2027, 10 working days: 12, 11, 8, 7, 5, 4 Jan; 30, 29, 28, 23 Dec
    // (6 Jan trettondedag, 1 Jan nyårsdagen, 31 Dec nyårsafton, 24 and 25 Dec and the weekend are closed).
    expect(calendar.subtractWorkingDays('2027-01-13', 10)).toBe('2026-12-23');
  });

  it('adding working days skips Easter: from Thursday 25 March 2027, one working day is Tuesday 30 March', () => {
    expect(calendar.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
  });

  it('the working day on or before julafton 2027 (a Friday) is Thursday 23 December', () => {
    expect(calendar.workingDayOnOrBefore('2027-12-24')).toBe('2027-12-23');
    expect(calendar.workingDayOnOrAfter('2027-12-24')).toBe('2027-12-27');
  });

  it('leap years: 29 February 2028 is a Tuesday and a working day', () => {
    expect(calendar.isWorkingDay('2028-02-29')).toBe(true);
    expect(calendar.addWorkingDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
