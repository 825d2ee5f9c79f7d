import * as z from 'zod';
import { isCalendarDate, type CalendarDate } from '../dates';
import { CALENDAR_YEARS, isKnownDate } from '../calendar/working-days';

/** The four kinds of follow-up work (see DOMAIN.md). */
export const KINDS = ['uppdrag', 'aterrapportering', 'yttrande', 'motion'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  uppdrag: 'Uppdrag',
  aterrapportering: 'Återrapportering',
  yttrande: 'Yttrande',
  motion: 'Motion',
};

export const STATUSES = ['open', 'done', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
export const STATES = ['open', 'overdue', 'done', 'cancelled'] as const;
export type State = (typeof STATES)[number];

/** Bounds on text fields: documented in README ("Limits"). */
export const LIMITS = {
  title: 200,
  description: 4000,
  caseNumber: 50,
  paragraph: 20,
  name: 100,
  unit: 100,
  recipient: 200,
  note: 2000,
  reason: 2000,
  body: 20,
} as const;

/** Reject control characters (line breaks in a title would reach email headers). */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Får inte vara tomt.')
    .max(max, `Högst ${max} tecken.`)
    .regex(NO_CONTROL, 'Får inte innehålla radbrytningar eller styrtecken.');

const multilineText = (max: number) =>
  z.string().trim().min(1, 'Får inte vara tomt.').max(max, `Högst ${max} tecken.`);

export const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.', abort: true })
  .refine(isKnownDate, `Ska ligga åren ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}.`)
  .meta({ format: 'date', description: `A Stockholm calendar date, YYYY-MM-DD, in the years ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}` }) as z.ZodType<CalendarDate>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ska vara en månad, ÅÅÅÅ-MM.');

/** Body short names as the municipality writes them: KF, KS, KSAU, SN, BUN, MBN-AU. */
export const bodyName = z
  .string()
  .trim()
  .regex(/^[A-ZÅÄÖ][A-ZÅÄÖ0-9-]{0,19}$/, 'Ska vara organets förkortning med versaler, t.ex. KS eller BUN.');

export const email = z
  .string()
  .trim()
  .max(254, 'Högst 254 tecken.')
  .pipe(z.email('Ska vara en e-postadress.'))
  .transform((value) => value.toLowerCase())
  .meta({ format: 'email' });

export const person = z.strictObject({ name: text(LIMITS.name), email });
export type Person = z.infer<typeof person>;

export const decision = z.strictObject({
  body: bodyName,
  date: calendarDate,
  paragraph: text(LIMITS.paragraph),
});
export type Decision = z.infer<typeof decision>;

export const due = z.union([
  z.strictObject({ date: calendarDate }),
  z.strictObject({
    meeting: z.union([
      z.strictObject({ body: bodyName, month }),
      z.strictObject({ body: bodyName, date: calendarDate }),
    ]),
  }),
  z.strictObject({
    externalDeadline: calendarDate,
    recipient: text(LIMITS.recipient),
    decidedBy: bodyName.optional(),
  }),
  z.strictObject({ raised: calendarDate }),
]);
export type Due = z.infer<typeof due>;

export const reminderPolicy = z.strictObject({
  beforeDays: z
    .array(z.int().min(1).max(365))
    .max(10, 'Högst 10 påminnelser före.')
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
  overdueEveryDays: z.int().min(1).max(90),
  escalateAfterDays: z.int().min(0).max(365),
});
export type ReminderPolicy = z.infer<typeof reminderPolicy>;

export const DEFAULT_REMINDERS: ReminderPolicy = { beforeDays: [14, 7, 1], overdueEveryDays: 7, escalateAfterDays: 7 };

const itemFields = {
  kind: z.enum(KINDS),
  title: text(LIMITS.title),
  description: multilineText(LIMITS.description).optional(),
  caseNumber: text(LIMITS.caseNumber),
  decision,
  responsible: person,
  unit: text(LIMITS.unit),
  manager: person.optional(),
  due,
  reminders: reminderPolicy.optional(),
};

/** A due form must fit its kind: an outside deadline is a yttrande's, a raised date a motion's. */
export function dueKindMismatch(kind: Kind, due: Due): { path: string; message: string } | undefined {
  if ('raised' in due && kind !== 'motion') return { path: 'due.raised', message: 'Formen raised gäller bara kind motion.' };
  if ('externalDeadline' in due && kind !== 'yttrande') {
    return { path: 'due.externalDeadline', message: 'Formen externalDeadline gäller bara kind yttrande.' };
  }
  return undefined;
}

function dueFitsKind(value: { kind?: Kind; due?: Due }, ctx: z.RefinementCtx): void {
  const mismatch = value.kind && value.due ? dueKindMismatch(value.kind, value.due) : undefined;
  if (mismatch) ctx.addIssue({ code: 'custom', path: mismatch.path.split('.'), message: mismatch.message });
}

export const createItemBody = z.strictObject(itemFields).superRefine(dueFitsKind);
export type CreateItemBody = z.infer<typeof createItemBody>;

export const patchItemBody = z
  .strictObject(itemFields)
  .partial()
  .extend({
    manager: person.nullable().optional(),
    status: z.enum(STATUSES).optional(),
    note: multilineText(LIMITS.note).optional(),
    reason: multilineText(LIMITS.reason).optional(),
    /** Refuses the official's pending request for a later deadline (with `reason`); granting is a changed `due`. */
    extensionRequest: z.literal('refused').optional(),
  })
  .superRefine(dueFitsKind)
  .refine((body) => Object.keys(body).length > 0, 'Ange minst ett fält att ändra.');
export type PatchItemBody = z.infer<typeof patchItemBody>;

/** The dates a `due` form resolves to, with the explanation a clerk reads. */
export interface ResolvedDue {
  dueDate: CalendarDate;
  meetingDate?: CalendarDate;
  externalDeadline?: CalendarDate;
  statutoryLimit?: CalendarDate;
  dueExplanation: string;
}

/** An official's request for a later deadline, made from their page; a registrar grants or refuses it. */
export interface ExtensionRequest {
  date: CalendarDate;
  reason: string;
  by: string;
  at: string;
}

/** A short note from the official on how the work stands ("lägesrapport"). */
export interface StatusReport {
  note: string;
  by: string;
  at: string;
}

/** The official says the item is not theirs: the registrar should reassign it. */
export interface ReassignRequest {
  note?: string;
  by: string;
  at: string;
}

/** An item as stored. */
export interface StoredItem extends ResolvedDue {
  id: string;
  kind: Kind;
  title: string;
  description?: string;
  caseNumber: string;
  decision: Decision;
  responsible: Person;
  unit: string;
  manager?: Person;
  due: Due;
  reminders: ReminderPolicy;
  status: Status;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The meeting plan the deadline was computed from, so a changed plan finds its items. */
  meetingPlan?: { body: string; year: number };
  /** Set when the item's meeting plan changed and no meeting is left in time. */
  attention?: 'no_meeting_in_time';
  nextReminderDate?: CalendarDate;
  /** The last Stockholm date the responsible official was reminded (the daily job sets it). */
  lastRemindedOn?: CalendarDate;
  extensionRequest?: ExtensionRequest;
  statusReport?: StatusReport;
  reassignRequest?: ReassignRequest;
  /** How often the deadline was moved after registration (a PATCH or a changed meeting plan), and the latest reason. */
  deadlineChanges?: number;
  lastDeadlineReason?: string;
  /** When the item was closed (done or cancelled); gone when it is reopened. */
  closedAt?: string;
}

/** An item as the API shows it: stored fields plus what is computed at read time. */
export interface ItemView extends StoredItem {
  state: State;
  daysLeft: number;
}
