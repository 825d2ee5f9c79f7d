import { addDays, type CalendarDate } from '../dates';
import type { WorkingCalendar } from './working-days';
import { dayNumber, weekdayOfDay } from './day-numbers';

/** The Monday of a date's ISO week. */
export function mondayOf(day: CalendarDate): CalendarDate {
  return addDays(day, 1 - weekdayOfDay(dayNumber(day)));
}

/**
 * The weekly overview goes out on the first working day of the week: Monday, or Tuesday after
 * annandag påsk, and so on. A week with no working day at all gets none.
 */
export function isFirstWorkingDayOfWeek(day: CalendarDate, calendar: WorkingCalendar): boolean {
  if (!calendar.isWorkingDay(day)) return false;
  for (let d = mondayOf(day); d < day; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) return false;
  return true;
}
