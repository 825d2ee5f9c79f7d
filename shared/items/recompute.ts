import { AppError } from '../errors';
import { diffItems, type HistoryEvent } from './history';
import type { StoredItem } from './model';
import { VersionConflict } from './ports';
import { withBookkeeping, withSchedule, type ItemDeps } from './service';
import { listAll } from './list-all';

/** How many times one item is retried when a clerk changes it while it is being recomputed. */
const RETRIES = 3;

/**
 * A body's meeting plan changed: recompute every open item whose deadline came from it, with
 * a history event saying why. An item left with no meeting in time keeps its dates and is
 * flagged `attention: no_meeting_in_time`: never silently moved past its outside or statutory limit.
 */
export async function recomputeForPlan(
  deps: ItemDeps,
  plan: { body: string; year: number },
  by: string,
): Promise<{ recomputed: number; flagged: number }> {
  return recompute(deps, await deps.items.dependingOnPlan(plan.body, plan.year), `Sammanträdesplanen för ${plan.body} ${plan.year} ändrades.`, by);
}

/**
 * A year's extra closed days changed: document dates and reminder dates of the open items due
 * around that year may move. Reads the open items due from December before to January after.
 */
export async function recomputeForClosedDays(deps: ItemDeps, year: number, by: string): Promise<{ recomputed: number; flagged: number }> {
  const items = await listAll(deps.items, { statuses: ['open'], dueFrom: `${year - 1}-12-01`, dueTo: `${year + 1}-01-31` });
  return recompute(deps, items, `De stängda dagarna för ${year} ändrades.`, by);
}

async function recompute(deps: ItemDeps, items: StoredItem[], reason: string, by: string): Promise<{ recomputed: number; flagged: number }> {
  let recomputed = 0;
  let flagged = 0;
  for (const first of items) {
    let item: StoredItem | undefined = first;
    for (let attempt = 0; item && attempt < RETRIES; attempt++) {
      const outcome = await recomputeOne(deps, item, reason, by).catch((error: unknown) => {
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

async function recomputeOne(deps: ItemDeps, before: StoredItem, reason: string, by: string): Promise<'recomputed' | 'flagged' | 'unchanged'> {
  if (before.status !== 'open') return 'unchanged';
  let next: StoredItem;
  try {
    const resolved = await deps.rules.resolve(before.kind, before.due);
    const { meetingDate: _m, externalDeadline: _e, statutoryLimit: _s, attention: _a, ...rest } = before;
    next = await withSchedule(deps, { ...rest, ...resolved });
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 422) throw error;
    next = { ...before, attention: 'no_meeting_in_time' };
  }
  const changes = diffItems(before, next);
  // A moved reminder date is a change of the item's schedule too, though not of its record fields.
  if (before.nextReminderDate !== next.nextReminderDate) {
    changes.nextReminderDate = { from: before.nextReminderDate ?? null, to: next.nextReminderDate ?? null };
  }
  if (Object.keys(changes).length === 0) return 'unchanged';
  const now = deps.clock().toISOString();
  const after = withBookkeeping(before, { ...next, version: before.version + 1, updatedAt: now }, reason);
  const event: HistoryEvent = {
    at: now,
    by,
    action: 'recomputed',
    changes,
    reason,
  };
  await deps.items.update(after, event, before);
  return next.attention ? 'flagged' : 'recomputed';
}
