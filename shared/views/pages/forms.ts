import * as z from 'zod';
import { calendarDate, LIMITS } from '../../domain/items/vocabulary';

const csrf = z.string().max(100).meta({ description: 'The form token of the page (bound to the link)' });
const note = z.string().trim().min(1, 'Får inte vara tomt.').max(LIMITS.note, `Högst ${LIMITS.note} tecken.`);

/** The fields of the signed pages' forms (application/x-www-form-urlencoded); used by the handler and OpenAPI. */
export const PAGE_FORMS = {
  done: z.strictObject({ csrf, note }),
  extension: z.strictObject({ csrf, date: calendarDate, reason: z.string().trim().min(1).max(LIMITS.reason) }),
  'status-report': z.strictObject({ csrf, note }),
  'not-mine': z.strictObject({ csrf, note: z.string().trim().max(LIMITS.note).optional() }),
  'new-link': z.strictObject({ csrf }),
};

export type PageAction = Exclude<keyof typeof PAGE_FORMS, 'new-link'>;
