import * as z from 'zod';
import { calendarDate, LIMITS } from '../../domain/items/vocabulary';

const csrf = z.string().max(100).meta({ description: 'The form token of the page (bound to the link)' });
/** A text the official must write; `empty` says in plain Swedish what to write (shown beside the field). */
const text = (max: number, empty: string) => z.string({ error: empty }).trim().min(1, empty).max(max, `Högst ${max} tecken.`);

/** The fields of the signed pages' forms (application/x-www-form-urlencoded); used by the handler and OpenAPI. */
export const PAGE_FORMS = {
  done: z.strictObject({ csrf, note: text(LIMITS.note, 'Skriv vad som gjordes.') }),
  extension: z.strictObject({ csrf, date: calendarDate, reason: text(LIMITS.reason, 'Skriv ett skäl.') }),
  'status-report': z.strictObject({ csrf, note: text(LIMITS.note, 'Skriv hur arbetet går.') }),
  'not-mine': z.strictObject({ csrf, note: z.string().trim().max(LIMITS.note, `Högst ${LIMITS.note} tecken.`).optional() }),
  'new-link': z.strictObject({ csrf }),
};

export type PageAction = Exclude<keyof typeof PAGE_FORMS, 'new-link'>;

/**
 * A form of the official's page sent back to be corrected: which item and form, what was typed
 * (kept in the fields), and the Swedish message per field at fault (`''`: the form as a whole).
 */
export interface RefusedForm {
  itemId: string;
  action: PageAction;
  values: Record<string, string>;
  errors: Record<string, string>;
}
