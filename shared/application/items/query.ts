import * as z from 'zod';
import { ATTENTIONS, calendarDate, kind, STATES, email, LIMITS } from '../../domain/items/vocabulary';

/** The query string of `GET /uppdrag`. Unknown parameters are refused so a typo is not silently ignored. */
export const listQuery = z
  .strictObject({
    state: z.enum(STATES).optional(),
    unit: z.string().trim().min(1, 'Får inte vara tomt.').max(LIMITS.unit, `Högst ${LIMITS.unit} tecken.`).optional(),
    responsible: email.optional(),
    kind: kind.optional(),
    dueBefore: calendarDate.optional(),
    dueAfter: calendarDate.optional(),
    limit: z.coerce
      .number<string>({ error: 'limit ska vara ett heltal, 1–100.' })
      .int('limit ska vara ett heltal, 1–100.')
      .min(1, 'limit ska vara ett heltal, 1–100.')
      .max(100, 'limit ska vara ett heltal, 1–100.')
      .default(50),
    cursor: z.string().min(1, 'Får inte vara tomt.').max(4096, 'Använd nextCursor från föregående svar.').optional(),
    /** `true`: only open items whose official asked for a later deadline (the registrars' queue). */
    extensionRequested: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    /** Only open items a clerk must look at: for one reason, or for any (`any`). */
    attention: z.enum([...ATTENTIONS, 'any']).optional(),
  })
  .refine((query) => !(query.attention && query.extensionRequested), {
    path: ['attention'],
    message: 'Ange attention eller extensionRequested=true, inte båda.',
  });
