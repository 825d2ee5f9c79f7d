import * as z from 'zod';
import { ATTENTIONS, calendarDate, kind, STATES, email, LIMITS } from '../../domain/items/vocabulary';
import { decimalInteger, fieldName, listOr } from '../../domain/validation';

/** The columns a list sorts by: the deadline (the indexes' own order), the title, the kind, the unit, the responsible official. */
export const SORT_KEYS = ['due', 'title', 'kind', 'unit', 'responsible'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface ItemSort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}
export const DEFAULT_SORT: ItemSort = { key: 'due', direction: 'ascending' };

/** `title` sorts ascending, `-title` descending. */
export const sortParam = (sort: ItemSort) => (sort.direction === 'descending' ? `-${sort.key}` : sort.key);
const SORT_PARAMS = SORT_KEYS.flatMap((key) => [key, `-${key}`]) as [string, ...string[]];
export const parseSortParam = (value: string): ItemSort =>
  value.startsWith('-') ? { key: value.slice(1) as SortKey, direction: 'descending' } : { key: value as SortKey, direction: 'ascending' };

/** The query string of `GET /uppdrag`. Unknown parameters are refused so a typo is not silently ignored. */
export const listQuery = z.lazy(() =>
  z
    .strictObject({
      state: z.enum(STATES).optional(),
      unit: z.string().trim().min(1, 'Får inte vara tomt.').max(LIMITS.unit, `Högst ${LIMITS.unit} tecken.`).optional(),
      responsible: email.optional(),
      kind: kind.optional(),
      dueBefore: calendarDate.optional(),
      dueAfter: calendarDate.optional(),
      limit: decimalInteger(1, 100, `${fieldName('limit')} ska vara ett heltal, 1–100.`).default(50).meta({ description: 'A whole number 1–100, in decimal digits only; 50 when left out' }),
      cursor: z.string().min(1, 'Får inte vara tomt.').max(4096, 'Använd nextCursor från föregående svar.').optional(),
      /** `true`: only open items whose official asked for a later deadline (the registrars' queue). */
      extensionRequested: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
      /** Only open items a clerk must look at: for one reason, or for any (`any`). */
      attention: z.enum([...ATTENTIONS, 'any']).optional(),
      /** Words that must all occur in the title or the case number (shared/domain/items/search.ts). */
      q: z.string().trim().min(1, 'Får inte vara tomt.').max(200, 'Högst 200 tecken.').optional(),
      /** The order: a column (`due`, `title`, `kind`, `unit`, `responsible`), `-` before it for descending. */
      sort: z
        .enum(SORT_PARAMS, { error: `${fieldName('sort')} ska vara ${listOr(SORT_PARAMS)}.` })
        .transform(parseSortParam)
        .optional(),
    })
    .refine((query) => !(query.attention && query.extensionRequested), {
      path: ['attention'],
      message: 'Ange attention eller extensionRequested=true, inte båda.',
    }),
);
