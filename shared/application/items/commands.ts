import * as z from 'zod';
import {
  decision,
  due,
  dueKindMismatch,
  kind,
  LIMITS,
  multilineText,
  originKindMismatch,
  person,
  reminderPolicy,
  remiss,
  singleLineText,
  STATUSES,
  type Due,
  type Kind,
} from '../../domain/items/vocabulary';

/**
 * What a registrar sends to register, preview or change an item: the use cases' commands, validated.
 * Each schema is built when a request first parses it (`z.lazy`), so a cold start serving a read
 * does not build them (README, "Performance").
 */
/** The fields a registrar sends for an item: the create body without its cross-field rules. */
const buildItemFields = () => ({
  kind,
  title: singleLineText(LIMITS.title),
  description: multilineText(LIMITS.description).optional(),
  /** Optional: an imported backlog row may lack one. */
  caseNumber: singleLineText(LIMITS.caseNumber).optional(),
  /** Required but for a yttrande registered when the remiss arrives (see `originKindMismatch`). */
  decision: decision.optional(),
  remiss: remiss.optional(),
  responsible: person,
  unit: singleLineText(LIMITS.unit),
  manager: person.optional(),
  due,
  reminders: reminderPolicy.optional(),
});
let fields: ReturnType<typeof buildItemFields> | undefined;
/** The item's fields (above), built once, when first asked for. */
export const itemFields = () => (fields ??= buildItemFields());

function addMismatches(ctx: z.RefinementCtx, ...mismatches: ({ path: string; message: string } | undefined)[]): void {
  for (const mismatch of mismatches) {
    if (mismatch) ctx.addIssue({ code: 'custom', path: mismatch.path.split('.'), message: mismatch.message });
  }
}

function dueFitsKind(value: { kind?: Kind | undefined; due?: Due | undefined }, ctx: z.RefinementCtx): void {
  addMismatches(ctx, value.kind && value.due ? dueKindMismatch(value.kind, value.due) : undefined);
}

export const createItemBody = z.lazy(() =>
  z
    .strictObject({
      ...itemFields(),
      /** Registers the item although an open one looks the same (the 409 `possible_duplicate`). Not stored. */
      confirmDuplicate: z.boolean({ error: 'confirmDuplicate ska vara true eller false.' }).optional(),
    })
    .superRefine((value, ctx) => {
      dueFitsKind(value, ctx);
      addMismatches(ctx, originKindMismatch(value));
    }),
);
export type CreateItemBody = z.infer<typeof createItemBody>;

/**
 * `POST /deadlines/preview`: what a deadline would be, without storing anything; with the `unit`
 * (and `manager`, if any) the item would have, also whether a manager can be reached.
 */
export const deadlinePreviewBody = z.lazy(() =>
  z.strictObject({ kind, decision: decision.optional(), due, unit: itemFields().unit.optional(), manager: person.optional() }).superRefine(dueFitsKind),
);
export type DeadlinePreviewBody = z.infer<typeof deadlinePreviewBody>;

export const patchItemBody = z.lazy(() =>
  z
    .strictObject(itemFields())
    .partial()
    .extend({
      manager: person.nullable().optional(),
      status: z.enum(STATUSES).optional(),
      note: multilineText(LIMITS.note).optional(),
      reason: multilineText(LIMITS.reason).optional(),
      /** Refuses the official's pending request for a later deadline (with `reason`); granting is a changed `due`. */
      extensionRequest: z.literal('refused', { error: 'extensionRequest kan bara vara refused.' }).optional(),
    })
    // The kind against the origin (decision, remiss) is checked on the changed item, which has both.
    .superRefine(dueFitsKind)
    .refine((body) => Object.keys(body).length > 0, 'Ange minst ett fält att ändra.'),
);
export type PatchItemBody = z.infer<typeof patchItemBody>;

