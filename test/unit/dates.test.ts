/**
 * Stockholm calendar dates and their Swedish forms, read with Intl and plain arithmetic (no date
 * library: README, "Performance"), across the changes to and from summer time.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeek, stockholmDate, stockholmMidnight, swedishDate, swedishDateTime, swedishDayMonth, swedishDayMonthYear } from '../../shared/domain/dates';

describe('the Stockholm date of an instant', () => {
  it('turns at Stockholm’s midnight: 22:30 UTC on 24 October 2026 is already the 25th (summer time), 21:30 is not', () => {
    expect(stockholmDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(stockholmDate(new Date('2026-10-24T21:30:00Z'))).toBe('2026-10-24');
  });

  it('in winter time one hour ahead: 23:30 UTC on 28 March 2026 is Sunday 29 March', () => {
    expect(stockholmDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
  });

  it('agrees with Intl’s Stockholm calendar for every minute around the changes of 2026 and 2027 and at random instants 1970–2100 (the offset is looked up once per UTC hour)', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
    const instants: Date[] = [];
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z']) {
      for (let minute = -26 * 60; minute <= 26 * 60; minute++) instants.push(new Date(Date.parse(change) + minute * 60_000));
    }
    let seed = 2026;
    for (let n = 0; n < 5000; n++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      instants.push(new Date(Date.UTC(1970, 0, 1) + (seed / 2 ** 31) * (Date.UTC(2100, 0, 1) - Date.UTC(1970, 0, 1))));
    }
    const wrong = instants.filter((instant) => stockholmDate(instant) !== intl.format(instant));
    expect(wrong.map((instant) => instant.toISOString())).toEqual([]);
  });
});

describe('the instant a Stockholm date begins', () => {
  it('is 23:00 UTC the day before in winter time and 22:00 in summer time, on both sides of each change', () => {
    expect(stockholmMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(stockholmMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(stockholmMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(stockholmMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('dates in Swedish', () => {
  it('name the weekday and month in lower case, the day without a leading zero', () => {
    expect(swedishDate('2026-06-05')).toBe('fredag 5 juni 2026');
    expect(swedishDate('2028-02-29')).toBe('tisdag 29 februari 2028');
    expect(swedishDayMonth('2026-12-24')).toBe('torsdag 24 december');
    expect(swedishDayMonthYear('2027-05-15')).toBe('15 maj 2027');
  });

  it('give an instant in Stockholm time with "kl.": 07:05 UTC is 09:05 in May and 08:05 in January', () => {
    expect(swedishDateTime(new Date('2027-05-15T07:05:00Z'))).toBe('15 maj 2027 kl. 09:05');
    expect(swedishDateTime(new Date('2027-01-15T07:05:00Z'))).toBe('15 januari 2027 kl. 08:05');
  });
});

describe('counting dates', () => {
  it('over a leap day and a year’s end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -365)).toBe('2026-01-01');
  });

  it('numbers weeks as ISO 8601: 1 January 2027 is in week 53 of 2026, 31 December 2029 in week 1 of 2030', () => {
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2026-12-28')).toBe(53);
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2029-12-31')).toBe(1);
  });
});
