import Holidays from 'date-holidays';
import { addDays, isoWeekday, type CalendarDate } from '../dates';

/**
 * The Swedish working-day calendar: Monday to Friday, minus the public holidays (from
 * date-holidays, type `public`), minus the eves offices close on in practice (midsommarafton,
 * julafton, nyårsafton: type `bank` in date-holidays), minus the extra days an admin closes.
 * Annandag pingst is a working day (not a holiday since 2005; date-holidays lists it only as an
 * observance).
 */
export interface WorkingCalendar {
  isWorkingDay(date: CalendarDate): boolean;
  /** Why a day is not a working day, in Swedish; undefined for a working day. */
  closedReason(date: CalendarDate): string | undefined;
  addWorkingDays(date: CalendarDate, days: number): CalendarDate;
  /** The date `days` working days before `date`, counting only working days strictly before it. */
  subtractWorkingDays(date: CalendarDate, days: number): CalendarDate;
  workingDayOnOrBefore(date: CalendarDate): CalendarDate;
  workingDayOnOrAfter(date: CalendarDate): CalendarDate;
}

const CLOSED_EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);
const WEEKEND: Record<number, string> = { 6: 'lördag', 7: 'söndag' };

const swedishHolidays = new Holidays('SE');
const holidaysByYear = new Map<number, Map<CalendarDate, string>>();

/** Holidays and closed eves of a year, by date; computed once per year and process. */
function closedDaysOf(year: number): Map<CalendarDate, string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Map();
    for (const holiday of swedishHolidays.getHolidays(year)) {
      if (holiday.type === 'public' || (holiday.type === 'bank' && CLOSED_EVES.has(holiday.name))) {
        days.set(holiday.date.slice(0, 10), holiday.name);
      }
    }
    holidaysByYear.set(year, days);
  }
  return days;
}

export function createWorkingCalendar(extraClosedDays: readonly CalendarDate[] = []): WorkingCalendar {
  const extra = new Set(extraClosedDays);
  const closedReason = (date: CalendarDate): string | undefined =>
    WEEKEND[isoWeekday(date)] ?? closedDaysOf(Number(date.slice(0, 4))).get(date) ?? (extra.has(date) ? 'stängd dag' : undefined);
  const isWorkingDay = (date: CalendarDate) => closedReason(date) === undefined;
  const step = (date: CalendarDate, days: number, direction: 1 | -1): CalendarDate => {
    let current = date;
    for (let left = days; left > 0; ) {
      current = addDays(current, direction);
      if (isWorkingDay(current)) left--;
    }
    return current;
  };
  const nearest = (date: CalendarDate, direction: 1 | -1): CalendarDate => {
    let current = date;
    while (!isWorkingDay(current)) current = addDays(current, direction);
    return current;
  };
  return {
    isWorkingDay,
    closedReason,
    addWorkingDays: (date, days) => step(date, days, 1),
    subtractWorkingDays: (date, days) => step(date, days, -1),
    workingDayOnOrBefore: (date) => nearest(date, -1),
    workingDayOnOrAfter: (date) => nearest(date, 1),
  };
}
