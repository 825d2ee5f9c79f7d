import * as z from 'zod';
import { calendarDate } from '../items/vocabulary';
import { toIssues } from '../validation';
import type { ErrorIssue } from '../app-error';
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
    leadWorkingDays: z.int('Ska vara ett heltal.').min(0, 'Minst 0.').max(60, 'Högst 60.'),
    dates: z
      .array(calendarDate)
      .min(1, 'Ange minst ett sammanträde.')
      .max(60, 'Högst 60 sammanträden.')
      .superRefine((dates, ctx) => {
        dates.forEach((date, i) => {
          if (!date.startsWith(`${year}-`)) ctx.addIssue({ code: 'custom', path: [i], message: `Ska ligga i ${year}.` });
          // The later copy is the one at fault: the clerk sees which line to remove.
          else if (dates.indexOf(date) !== i) ctx.addIssue({ code: 'custom', path: [i], message: 'Datumet finns redan.' });
        });
      })
      .transform((dates) => [...dates].sort()),
  });
}

/**
 * A `PUT /meetings/{body}/{year}` body as the stored plan, or the contract's issues
 * (`{ path: 'dates.3', message }`) when it is not valid.
 */
export function parseMeetingPlan(
  input: unknown,
  key: { body: string; year: number },
): { ok: true; plan: MeetingPlan } | { ok: false; issues: ErrorIssue[] } {
  const result = meetingPlanBody(key.year).safeParse(input);
  if (!result.success) return { ok: false, issues: toIssues(result.error, input) };
  return { ok: true, plan: { body: key.body, year: key.year, ...result.data } };
}

/**
 * The date a meeting's documents are due: the meeting date minus the lead time in working days
 * (only working days strictly before the meeting count). With no lead time, the meeting day
 * itself, or the working day before it when a body meets on a closed day.
 */
export function documentDate(meetingDate: CalendarDate, leadWorkingDays: number, calendar: WorkingCalendar): CalendarDate {
  return leadWorkingDays === 0 ? calendar.workingDayOnOrBefore(meetingDate) : calendar.subtractWorkingDays(meetingDate, leadWorkingDays);
}
