import * as z from 'zod';
import { calendarDate, KINDS, STATES, email } from './model';

/** The query string of `GET /uppdrag`. Unknown parameters are refused so a typo is not silently ignored. */
export const listQuery = z.strictObject({
  state: z.enum(STATES).optional(),
  unit: z.string().trim().min(1).max(100).optional(),
  responsible: email.optional(),
  kind: z.enum(KINDS).optional(),
  dueBefore: calendarDate.optional(),
  dueAfter: calendarDate.optional(),
  limit: z.coerce.number<string>().int('Ska vara ett heltal.').min(1).max(100).default(50),
  cursor: z.string().min(1).max(4096).optional(),
  /** `true`: only open items whose official asked for a later deadline (the registrars' queue). */
  extensionRequested: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
