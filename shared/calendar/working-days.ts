import Holidays from 'date-holidays';
import type { CalendarDate } from '../dates';
import { dateOfDay, dayNumber, weekdayOfDay, yearOfDay } from './day-numbers';

/**
 * The Swedish working-day calendar (DOMAIN.md, "How the municipality counts time"): Monday to
 * Friday, minus the public holidays, minus the eves offices close on in practice
 * (midsommarafton, julafton, nyårsafton), minus the extra days an admin closes (a klämdag).
 */
export interface WorkingCalendar {
  isWorkingDay(date: CalendarDate): boolean;
  /** Why a day is not a working day, in Swedish ('lördag', 'juldagen', 'stängd dag'); undefined for a working day. */
  closedReason(date: CalendarDate): string | undefined;
  /** The date `days` working days after `date`, counting only working days strictly after it; 0 gives `date`. */
  addWorkingDays(date: CalendarDate, days: number): CalendarDate;
  /** The date `days` working days before `date`, counting only working days strictly before it; 0 gives `date`. */
  subtractWorkingDays(date: CalendarDate, days: number): CalendarDate;
  workingDayOnOrBefore(date: CalendarDate): CalendarDate;
  workingDayOnOrAfter(date: CalendarDate): CalendarDate;
}

/**
 * date-holidays types the eves `bank`, like other days banks close on, so they are picked by
 * name. Annandag pingst (a working day since 2005) is only an `observance` there and so stays
 * a working day.
 */
const CLOSED_EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);
const WEEKEND: Record<number, string> = { 6: 'lördag', 7: 'söndag' };

// The full package (every country's rules) is bundled; the Swedish rules are all this uses.
// Names are pinned to Swedish: CLOSED_EVES and closedReason depend on them.
const swedish = new Holidays('SE', { languages: ['sv'], types: ['public', 'bank'] });

/** Each year's holidays, by day number, computed once per year and process. */
const holidayNames = new Map<number, string>();
const loadedYears = new Set<number>();

function holidayName(day: number): string | undefined {
  const year = yearOfDay(day);
  if (!loadedYears.has(year)) {
    for (const holiday of swedish.getHolidays(year)) {
      if (holiday.type === 'public' || CLOSED_EVES.has(holiday.name)) {
        holidayNames.set(dayNumber(holiday.date.slice(0, 10)), holiday.name);
      }
    }
    loadedYears.add(year);
  }
  return holidayNames.get(day);
}

function wholeDays(days: number): number {
  if (!Number.isInteger(days)) throw new RangeError(`Antal arbetsdagar ska vara ett heltal: ${days}`);
  return days;
}

/** The calendar with the admin's extra closed days (every year's, in one list). */
export function createWorkingCalendar(extraClosedDays: readonly CalendarDate[] = []): WorkingCalendar {
  const extra = new Set(extraClosedDays.map(dayNumber));
  const reasonOf = (day: number): string | undefined =>
    WEEKEND[weekdayOfDay(day)] ?? holidayName(day) ?? (extra.has(day) ? 'stängd dag' : undefined);
  const isOpen = (day: number) => reasonOf(day) === undefined;

  const step = (date: CalendarDate, days: number, direction: 1 | -1): CalendarDate => {
    let day = dayNumber(date);
    for (let left = Math.abs(wholeDays(days)); left > 0; ) {
      day += days < 0 ? -direction : direction;
      if (isOpen(day)) left--;
    }
    return dateOfDay(day);
  };
  const nearest = (date: CalendarDate, direction: 1 | -1): CalendarDate => {
    let day = dayNumber(date);
    while (!isOpen(day)) day += direction;
    return dateOfDay(day);
  };

  return {
    isWorkingDay: (date) => isOpen(dayNumber(date)),
    closedReason: (date) => reasonOf(dayNumber(date)),
    addWorkingDays: (date, days) => step(date, days, 1),
    subtractWorkingDays: (date, days) => step(date, days, -1),
    workingDayOnOrBefore: (date) => nearest(date, -1),
    workingDayOnOrAfter: (date) => nearest(date, 1),
  };
}
