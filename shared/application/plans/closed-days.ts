import * as z from 'zod';
import { calendarDate } from '../../domain/items/vocabulary';
import { CALENDAR_YEARS } from '../../domain/calendar/working-days';

/** `PUT /calendar/closed-days/{year}`: extra days the offices close (a klämdag), inside that year. */
export function closedDaysBody(year: number) {
  return z.strictObject({
    dates: z
      .array(calendarDate)
      .max(60)
      .superRefine((dates, ctx) => {
        dates.forEach((date, i) => {
          if (!date.startsWith(`${year}-`)) ctx.addIssue({ code: 'custom', path: [i], message: `Ska ligga i ${year}.` });
          if (dates.indexOf(date) !== i) ctx.addIssue({ code: 'custom', path: [i], message: 'Datumet finns redan.' });
        });
      })
      .transform((dates) => [...dates].sort()),
  });
}

export const planYear = z.coerce.number<string>().int().min(CALENDAR_YEARS.first).max(CALENDAR_YEARS.last);
