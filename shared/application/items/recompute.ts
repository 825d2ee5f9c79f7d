import type { WorkingCalendar } from '../../domain/calendar/working-days';
import { MAX_LEAD_WORKING_DAYS } from '../../domain/deadlines/meeting-plans';
import { stockholmDate, swedishDate, type CalendarDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { diffItems, type HistoryEvent } from '../../domain/items/history';
import type { StoredItem } from '../../domain/items/item';
import { VersionConflict, type NoticeBoard } from './ports';
import { withBookkeeping, withSchedule, type ItemDeps } from './service';
import { listAll } from './list-all';

/** How many times one item is retried when a clerk changes it while it is being recomputed. */
const RETRIES = 3;

/**
 * The most working days a deadline lies before the day that decides it: a meeting plan's longest
 * lead time (MAX_LEAD_WORKING_DAYS; a delegation's lead is shorter). A changed closed day can move the
 * deadlines of items due up to this many working days before it.
 */
const LONGEST_LEAD_WORKING_DAYS = MAX_LEAD_WORKING_DAYS;

export interface RecomputeDeps extends ItemDeps {
  rules: ItemDeps['rules'] & { calendar(): Promise<WorkingCalendar> };
  /** Notices for the registrars' next emails (an item flagged for them). */
  notices: NoticeBoard;
}

export interface RecomputeOutcome {
  recomputed: number;
  /** Items left without a meeting in time: their dates are kept and their registrar is told. */
  flagged: number;
}

/**
 * A body's meeting plan changed: recompute every open item whose deadline came from it, with
 * a history event saying why. An item left with no meeting in time, or whose meeting in time has
 * already been held, keeps its dates and is flagged `attention: no_meeting_in_time` (the event
 * says why, and its registrar's next email lists it): never silently moved past its outside or
 * statutory limit, nor onto a meeting already held.
 */
export async function recomputeForPlan(deps: RecomputeDeps, plan: { body: string; year: number }, by: string): Promise<RecomputeOutcome> {
  return recompute(deps, await deps.items.dependingOnPlan(plan.body, plan.year), `Sammanträdesplanen för ${plan.body} ${plan.year} ändrades.`, by);
}

/**
 * A year's extra closed days changed (`added` closed, `removed` open again): recompute every open
 * item whose dates may touch a changed day, found through the indexes, never a Scan. That is the
 * items whose next reminder lies from the working day before the first changed day to the last
 * (a reminder on a closed day moves to the working day before it; one moved off a day now open
 * moves back), and those due from `LONGEST_LEAD_WORKING_DAYS` working days before the first changed
 * day to the last (document dates and delegation deadlines are counted back over working days).
 */
export async function recomputeForClosedDays(
  deps: RecomputeDeps,
  change: { year: number; added: CalendarDate[]; removed: CalendarDate[] },
  by: string,
): Promise<RecomputeOutcome> {
  const changed = [...change.added, ...change.removed].sort();
  const first = changed[0];
  const last = changed.at(-1);
  if (!first || !last) return { recomputed: 0, flagged: 0 };
  const calendar = await deps.rules.calendar();
  const [byDueDate, byReminder] = await Promise.all([
    listAll(deps.items, { statuses: ['open'], dueFrom: calendar.subtractWorkingDays(first, LONGEST_LEAD_WORKING_DAYS), dueTo: last }),
    deps.items.remindingBetween(calendar.subtractWorkingDays(first, 1), last),
  ]);
  const items = [...new Map([...byDueDate, ...byReminder].map((item) => [item.id, item])).values()];
  const days = (dates: CalendarDate[], state: string) => dates.map((date) => `${swedishDate(date)} ${state}`);
  const what = [...days(change.added, 'är stängd'), ...days(change.removed, 'är öppen igen')].join(', ');
  return recompute(deps, items, `De stängda dagarna för ${change.year} ändrades: ${what}.`, by);
}

async function recompute(deps: RecomputeDeps, items: StoredItem[], cause: string, by: string): Promise<RecomputeOutcome> {
  let recomputed = 0;
  let flagged = 0;
  for (const first of items) {
    let item: StoredItem | undefined = first;
    for (let attempt = 0; item && attempt < RETRIES; attempt++) {
      const outcome = await recomputeOne(deps, item, cause, by).catch((error: unknown) => {
        if (error instanceof VersionConflict) return 'retry' as const;
        throw error;
      });
      if (outcome === 'retry') {
        item = await deps.items.get(item.id);
        continue;
      }
      if (outcome === 'recomputed') recomputed++;
      if (outcome === 'flagged') flagged++;
      break;
    }
  }
  return { recomputed, flagged };
}

/**
 * The item after a change of the plans or the calendar, or, when it has no meeting left to move
 * to, the item as it was with a flag and the sentence saying why.
 */
async function recomputed(deps: RecomputeDeps, before: StoredItem): Promise<{ next: StoredItem; stuck?: string }> {
  const flag = { ...before, attention: 'no_meeting_in_time' as const };
  let resolved;
  try {
    resolved = await deps.rules.resolve(before.kind, before.due);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'deadline') throw error;
    return { next: flag, stuck: error.message };
  }
  const today = stockholmDate(deps.clock());
  const meeting = resolved.meetingDate;
  if (meeting && meeting !== before.meetingDate && meeting <= today) {
    // The last meeting in time is behind us (the one after it was cancelled): moving the item there
    // would make it silently overdue against a meeting nobody can reach any more.
    return { next: flag, stuck: `Det sista sammanträdet i tid, ${swedishDate(meeting)}, ${meeting === today ? 'hålls i dag' : 'har redan hållits'}.` };
  }
  const { meetingDate: _m, externalDeadline: _e, statutoryLimit: _s, attention: _a, ...rest } = before;
  return { next: await withSchedule(deps, { ...rest, ...resolved }) };
}

async function recomputeOne(deps: RecomputeDeps, before: StoredItem, cause: string, by: string): Promise<'recomputed' | 'flagged' | 'unchanged'> {
  if (before.status !== 'open') return 'unchanged';
  const { next, stuck } = await recomputed(deps, before);
  const changes = diffItems(before, next);
  // A moved reminder date is a change of the item's schedule too, though not of its record fields.
  if (before.nextReminderDate !== next.nextReminderDate) {
    changes.nextReminderDate = { from: before.nextReminderDate ?? null, to: next.nextReminderDate ?? null };
  }
  if (Object.keys(changes).length === 0) return 'unchanged';
  const now = deps.clock().toISOString();
  const reason = stuck ? `${cause} ${stuck} Ärendet flyttas inte; datumen är oförändrade tills tidsfristen ändras.` : cause;
  const after = withBookkeeping(before, { ...next, version: before.version + 1, updatedAt: now }, reason);
  const event: HistoryEvent = { at: now, by, action: 'recomputed', changes, reason };
  await deps.items.update(after, event, before);
  if (!stuck) return 'recomputed';
  await deps.notices.addNotice(before.createdBy, `"${before.title}": ${reason}`, now, { itemId: before.id });
  return 'flagged';
}
