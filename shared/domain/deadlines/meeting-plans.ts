import type { CalendarDate } from '../dates';
import type { WorkingCalendar } from '../calendar/working-days';

/** The longest lead time a plan may have, in working days. */
export const MAX_LEAD_WORKING_DAYS = 60;

/** A body's meetings for one year, with the lead time its documents need. */
export interface MeetingPlan {
  body: string;
  year: number;
  /** Working days before a meeting that the official's documents must be in (at most MAX_LEAD_WORKING_DAYS). */
  leadWorkingDays: number;
  /** Meeting dates, sorted. */
  dates: CalendarDate[];
}

/**
 * The date a meeting's documents are due: the meeting date minus the lead time in working days
 * (only working days strictly before the meeting count). With no lead time, the meeting day
 * itself, or the working day before it when a body meets on a closed day.
 */
export function documentDate(meetingDate: CalendarDate, leadWorkingDays: number, calendar: WorkingCalendar): CalendarDate {
  return leadWorkingDays === 0 ? calendar.workingDayOnOrBefore(meetingDate) : calendar.subtractWorkingDays(meetingDate, leadWorkingDays);
}
