import * as z from 'zod';
import { itemFields } from '../application/items/commands';
import { HISTORY_ACTIONS } from '../domain/items/history';
import { WARNING_CODES } from '../domain/items/item';
import { ATTENTIONS, KINDS, STATES, STATUSES } from '../domain/items/vocabulary';
import { GROUP_DIMENSIONS, OLDEST_OPEN_COUNT } from '../domain/reports/statistics';

/**
 * The shapes the API answers with, for the OpenAPI document (and for tests that hold answers
 * against the contract). Requests are validated by the commands' own schemas; these describe.
 * Only the document's builder imports this module (the route contracts name these shapes in
 * thunks, `ResponseSpec.schema`): no function's bundle builds them.
 */
const date = z.string().meta({ format: 'date' });
const instant = z.string().meta({ format: 'date-time' });
const byWhom = z.object({ by: z.string(), at: instant });

export const warning = z
  .object({ code: z.enum(WARNING_CODES), message: z.string().meta({ description: 'In Swedish, for the clerk' }) })
  .meta({ id: 'Warning' });

export const item = z
  .object(itemFields())
  .extend({
    id: z.string(),
    dueDate: date,
    meetingDate: date.optional(),
    externalDeadline: date.optional(),
    statutoryLimit: date.optional(),
    dueExplanation: z.string().meta({ description: 'Why the due date is what it is, in Swedish' }),
    status: z.enum(STATUSES),
    state: z.enum(STATES).meta({ description: 'Computed at read time in Europe/Stockholm' }),
    daysLeft: z.int().meta({ description: 'Negative when overdue' }),
    nextReminderDate: date.optional(),
    lastRemindedOn: date.optional().meta({ description: 'The last day the responsible official was reminded' }),
    attention: z.enum(ATTENTIONS).optional().meta({
      description:
        'Set when a clerk must look at the item: `no_meeting_in_time` (its plan changed and no meeting is left in time), `meeting_already_held` (its meeting was already held when it was registered or re-dated)',
    }),
    deadlineChanges: z.int().optional().meta({ description: 'How often the deadline was moved after registration (PATCH or a changed meeting plan)' }),
    lastDeadlineReason: z.string().optional().meta({ description: 'The reason given the last time the deadline moved' }),
    closedAt: instant.optional().meta({ description: 'When the item was closed (done or cancelled)' }),
    extensionRequest: byWhom.extend({ date, reason: z.string() }).optional().meta({ description: "The official's pending request for a later deadline (from their page)" }),
    statusReport: byWhom.extend({ note: z.string() }).optional().meta({ description: "The official's latest lägesrapport" }),
    reassignRequest: byWhom.extend({ note: z.string().optional() }).optional().meta({ description: 'The official said the item is not theirs ("Inte mitt ärende")' }),
    createdBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
    version: z.int(),
  })
  .meta({ id: 'Item' });

export const historyEvent = z
  .object({
    at: instant,
    by: z.string(),
    action: z.enum(HISTORY_ACTIONS),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    reason: z.string().optional(),
    note: z.string().optional(),
    via: z.string().optional(),
  })
  .meta({ id: 'HistoryEvent' });

export const meetingPlan = z.object({ body: z.string(), year: z.int(), leadWorkingDays: z.int(), dates: z.array(date) }).meta({ id: 'MeetingPlan' });
export const closedDays = z.object({ year: z.int(), dates: z.array(date) }).meta({ id: 'ClosedDays' });
export const unit = z
  .object({ unit: z.string(), manager: z.object({ name: z.string(), email: z.string() }), updatedBy: z.string(), updatedAt: instant })
  .meta({ id: 'Unit' });
export const roleHolder = z.object({ role: z.string(), name: z.string(), email: z.string().meta({ format: 'email' }), unit: z.string() }).meta({ id: 'RoleHolder' });

/** Every refusal: `code`, a Swedish `message`, the fields at fault; some codes add a fact (`existingId`). */
export const problem = z
  .object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    existingId: z.string().optional().meta({ description: '`possible_duplicate`: the open item that looks the same' }),
  })
  .meta({ id: 'Error' });

const days = z.int().nullable();
/** The figures of `GET /reports/statistik`, for the whole period and for each group. */
const figures = {
  decided: z.int().meta({ description: 'Items decided in the period (registered in it, for an item without a decision); the five outcomes add up to it' }),
  doneOnTime: z.int().meta({ description: 'Done, closed (Stockholm date) on or before the deadline in force' }),
  doneLate: z.int().meta({ description: 'Done, closed after the deadline in force' }),
  cancelled: z.int(),
  openOnTime: z.int().meta({ description: 'Open, deadline today or later' }),
  openOverdue: z.int().meta({ description: 'Open, deadline before today' }),
  extended: z.int().meta({ description: 'Deadline changed at least once, whatever the outcome' }),
  medianDaysToDone: days.meta({ description: 'Calendar days from decision to done, nearest-rank median; null when none is done' }),
  p90DaysToDone: days.meta({ description: 'Nearest-rank 90th percentile of the same; null when none is done' }),
};
export const statistics = z
  .object({
    from: date,
    to: date,
    asOf: date.meta({ description: 'The day open items are judged on time or overdue (today, Stockholm)' }),
    filters: z.object({ body: z.string().optional(), unit: z.string().optional(), kind: z.enum(KINDS).optional() }),
    totals: z.object(figures),
    groups: z.object(
      Object.fromEntries(
        GROUP_DIMENSIONS.map((dimension) => [dimension, z.array(z.object({ key: z.string().nullable().meta({ description: 'null: items without a decision (body)' }), label: z.string(), ...figures }))]),
      ),
    ),
    oldestOpen: z
      .array(
        z.object({
          id: z.string(),
          kind: z.enum(KINDS),
          title: z.string(),
          decision: z.string(),
          decidedOn: date,
          unit: z.string(),
          dueDate: date,
          overdue: z.boolean(),
          daysOpen: z.int(),
          deadlineChanges: z.int(),
        }),
      )
      .meta({ description: `The ${OLDEST_OPEN_COUNT} open items decided longest ago, ties by id` }),
  })
  .meta({ id: 'Statistics' });

const publicItem = z.object({
  title: z.string(),
  decision: z.string(),
  unit: z.string(),
  deadline: date,
  state: z.enum(STATES),
  stateLabel: z.string(),
  closedOn: date.optional(),
  statusReport: z.object({ text: z.string(), date }).optional().meta({ description: 'The latest lägesrapport, as the official typed it (addresses and hidden names replaced)' }),
  responsible: z.string().optional().meta({ description: "The responsible official's name, only when the admin chose `showNames`" }),
});
export const publicBody = z
  .object({ body: z.string(), asOf: date, recentlyClosedDays: z.int(), open: z.array(publicItem), recentlyClosed: z.array(publicItem) })
  .meta({ id: 'PublicBody' });
export const publicBodySetting = z
  .object({ body: z.string(), public: z.boolean(), showNames: z.boolean(), updatedBy: z.string(), updatedAt: z.string().meta({ format: 'date-time' }) })
  .meta({ id: 'PublicBodySetting' });
