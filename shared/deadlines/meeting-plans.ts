import { z } from 'zod';
import { calendarDate } from '../items/model';
import type { CalendarDate } from '../dates';
import type { WorkingCalendar } from '../calendar/working-days';

/** A body's meetings for one year, with the lead time its documents need. */
export interface MeetingPlan {
  body: string;
  year: number;
  /** Working days before a meeting that the official's documents must be in. */
  leadWorkingDays: number;
  /** Meeting dates, sorted. */
  dates: CalendarDate[];
}

/** `PUT /meetings/{body}/{year}`: real dates inside that year, no duplicates; sorted on save. */
export function meetingPlanBody(year: number) {
  return z.strictObject({
    leadWorkingDays: z.int().min(0).max(60),
    dates: z
      .array(calendarDate)
      .min(1, 'Ange minst ett sammanträde.')
      .max(60)
      .superRefine((dates, ctx) => {
        dates.forEach((date, i) => {
          if (!date.startsWith(`${year}-`)) ctx.addIssue({ code: 'custom', path: [i], message: `Ska ligga i ${year}.` });
          else if (dates.indexOf(date) !== i) ctx.addIssue({ code: 'custom', path: [i], message: 'Datumet finns redan.' });
        });
      })
      .transform((dates) => [...dates].sort()),
  });
}

/** The date a meeting's documents are due: the meeting date minus the lead time in working days. */
export function documentDate(meetingDate: CalendarDate, leadWorkingDays: number, calendar: WorkingCalendar): CalendarDate {
  return leadWorkingDays === 0 ? calendar.workingDayOnOrBefore(meetingDate) : calendar.subtractWorkingDays(meetingDate, leadWorkingDays);
}
