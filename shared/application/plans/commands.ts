import * as z from 'zod';
import { calendarDate } from '../../domain/items/vocabulary';
import { CALENDAR_YEARS, isKnownDate, LAW_CALENDAR } from '../../domain/calendar/working-days';
import { MAX_LEAD_WORKING_DAYS, type MeetingPlan } from '../../domain/deadlines/meeting-plans';
import type { ErrorIssue } from '../../domain/errors';
import { decimalInteger, toIssues } from '../../domain/validation';

/** What an admin sends to set a body's meeting plan or a year's closed days, validated for that year. */

/** `PUT /calendar/closed-days/{year}`: extra days the offices close (a klämdag), inside that year; not a day closed by law. */
export function closedDaysBody(year: number) {
  return z.strictObject({
    dates: z
      .array(calendarDate)
      .max(60)
      .superRefine((dates, ctx) => {
        dates.forEach((date, i) => {
          if (!date.startsWith(`${year}-`)) ctx.addIssue({ code: 'custom', path: [i], message: `Ska ligga i ${year}.` });
          if (dates.indexOf(date) !== i) ctx.addIssue({ code: 'custom', path: [i], message: 'Datumet finns redan.' });
          // A weekend or a public holiday is closed already: listing it again is most likely a mistyped day.
          const closed = isKnownDate(date) ? LAW_CALENDAR.closedReason(date) : undefined;
          if (closed) ctx.addIssue({ code: 'custom', path: [i], message: `Är redan stängd (${closed}): skriv bara de extra stängda dagarna.` });
        });
      })
      .transform((dates) => [...dates].sort()),
  });
}

const YEAR_MESSAGE = `Året ska vara ett heltal ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}.`;
/** A plan's year in an address or a form: decimal digits, a year the calendar knows. */
export const planYear = z.lazy(() => decimalInteger(CALENDAR_YEARS.first, CALENDAR_YEARS.last, YEAR_MESSAGE));

/** `PUT /meetings/{body}/{year}`: real dates inside that year, no duplicates; sorted on save. */
export function meetingPlanBody(year: number) {
  return z.strictObject({
    leadWorkingDays: z.int('Ska vara ett heltal.').min(0, 'Minst 0.').max(MAX_LEAD_WORKING_DAYS, `Högst ${MAX_LEAD_WORKING_DAYS}.`),
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

