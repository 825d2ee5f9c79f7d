import * as z from 'zod';
import { itemFields } from '../application/items/commands';
import { HISTORY_ACTIONS } from '../domain/items/history';
import { ATTENTIONS, STATES, STATUSES } from '../domain/items/vocabulary';

/**
 * The shapes the API answers with, for the OpenAPI document (and for tests that hold answers
 * against the contract). Requests are validated by the commands' own schemas; these describe.
 */
const date = z.string().meta({ format: 'date' });
const instant = z.string().meta({ format: 'date-time' });
const byWhom = z.object({ by: z.string(), at: instant });

export const warning = z
  .object({ code: z.enum(['no_manager', 'overdue_at_registration', 'meeting_already_held']), message: z.string().meta({ description: 'In Swedish, for the clerk' }) })
  .meta({ id: 'Warning' });

export const item = z
  .object(itemFields)
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
