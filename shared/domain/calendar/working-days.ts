import { isCalendarDate, type CalendarDate } from '../dates';
import { dateOfDay, dayNumber, weekdayOfDay, yearOfDay } from './day-numbers';
import HOLIDAY_TABLE from './holiday-table.json';

/**
 * The Swedish working-day calendar (docs/domain.md, "Time"): Monday to
 * Friday, minus the public holidays, minus the eves offices close on in practice
 * (midsommarafton, julafton, nyårsafton), minus the extra days an admin closes (a klämdag).
 * The holidays come from date-holidays' Swedish rules through holiday-table.json (holiday-rules.ts).
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

/** The years the calendar knows; item and plan dates are held to them. */
export const CALENDAR_YEARS = { first: 2000, last: 2100 } as const;
/** A real date in one of the years the calendar knows. */
export function isKnownDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return isCalendarDate(value) && year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;
}
/** The holiday table reaches a little further, for dates counted from the first year or the last. */
export const HOLIDAY_TABLE_YEARS = { first: CALENDAR_YEARS.first - 5, last: CALENDAR_YEARS.last + 5 } as const;

const WEEKEND: Record<number, string> = { 6: 'lördag', 7: 'söndag' };

/**
 * A year's closed holidays as the table holds them: each day as "MMDD" and a letter naming it ("a" the
 * first of the table's `names`), "0101a0106b…", a quarter of the size of the days written out, which
 * every function that counts deadlines loads at its cold start.
 */
const ENTRY_LENGTH = 5;

/** A year's closed holidays from holiday-table.json, as "MM-DD name" ("12-24 julafton"); undefined for a year it does not hold. */
export function tableHolidays(year: number): string[] | undefined {
  const days = (HOLIDAY_TABLE.years as Record<string, string | undefined>)[year];
  if (days === undefined) return undefined;
  const entries: string[] = [];
  for (let i = 0; i < days.length; i += ENTRY_LENGTH) {
    entries.push(`${days.slice(i, i + 2)}-${days.slice(i + 2, i + 4)} ${HOLIDAY_TABLE.names[days.charCodeAt(i + 4) - 97] ?? '?'}`);
  }
  return entries;
}

/** Each year's closed holidays, by day number, read from the table once per year and process. */
const holidayNames = new Map<number, string>();
const loadedYears = new Set<number>();

function holidayName(day: number): string | undefined {
  const year = yearOfDay(day);
  if (!loadedYears.has(year)) {
    const days = tableHolidays(year);
    if (!days) throw new RangeError(`Kalendern omfattar åren ${HOLIDAY_TABLE_YEARS.first}–${HOLIDAY_TABLE_YEARS.last}, inte ${year}.`);
    for (const entry of days) holidayNames.set(dayNumber(`${year}-${entry.slice(0, 5)}`), entry.slice(6));
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

/** The days closed by law (weekends and public holidays) and no others: said of a day a person typed, which may be a mistake. */
export const LAW_CALENDAR: WorkingCalendar = createWorkingCalendar();
