import { isRegistrar, managedUnit, requireUnitOfManager, type Caller } from '../../domain/caller';
import { addDays, stockholmDate, type CalendarDate } from '../../domain/dates';
import { forbidden, invalid } from '../../domain/errors';
import type { ItemView, StoredItem } from '../../domain/items/item';
import type { ItemRepository } from '../items/ports';
import type { ItemDeps } from '../items/service';
import { toView } from '../../domain/items/view';
import { listAll } from '../items/list-all';

/** "På väg": items due within this many days are shown beside the overdue ones. */
export const UPCOMING_DAYS = 14;

/** A unit's open items due up to `dueTo` (all of them without it), in due-date order. */
export function openItemsOfUnit(items: ItemRepository, unit: string, dueTo?: CalendarDate): Promise<StoredItem[]> {
  return listAll(items, { unit, statuses: ['open'], ...(dueTo ? { dueTo } : {}) });
}

/** Most days overdue first; ties by title, so the order is the same every day. */
export const byMostOverdue = (a: ItemView, b: ItemView) => a.daysLeft - b.daysLeft || a.title.localeCompare(b.title, 'sv') || a.id.localeCompare(b.id);

/**
 * Whose overdue list a caller may read: a manager their own unit (the default), registrars and
 * admins any unit they name.
 */
export function overdueUnitFor(caller: Caller, requested: string | undefined): string {
  if (isRegistrar(caller)) {
    if (!requested) throw invalid('unit_required', 'Ange enheten med ?unit=.', [{ path: 'unit', message: 'Krävs för registratorer och administratörer.' }]);
    return requested;
  }
  requireUnitOfManager(caller);
  const own = managedUnit(caller);
  if (!own) throw forbidden('Endast chefer, registratorer och administratörer får läsa en enhets försenade ärenden.');
  if (requested !== undefined && requested !== own) throw forbidden('Du får bara läsa din egen enhets försenade ärenden.');
  return own;
}

/** `GET /overdue`: a unit's overdue items as of today, most days overdue first. */
export async function overdueList(deps: Pick<ItemDeps, 'items' | 'clock'>, caller: Caller, requested: string | undefined) {
  const unit = overdueUnitFor(caller, requested);
  const asOf = stockholmDate(deps.clock());
  const items = (await openItemsOfUnit(deps.items, unit, addDays(asOf, -1))).map((item) => toView(item, asOf)).sort(byMostOverdue);
  return { unit, asOf, items };
}

/** The unit page and the weekly overview: overdue items, and those due within the next 14 days. */
export async function unitOverview(deps: Pick<ItemDeps, 'items' | 'clock'>, unit: string) {
  const asOf = stockholmDate(deps.clock());
  const views = (await openItemsOfUnit(deps.items, unit, addDays(asOf, UPCOMING_DAYS))).map((item) => toView(item, asOf));
  return {
    unit,
    asOf,
    overdue: views.filter((v) => v.daysLeft < 0).sort(byMostOverdue),
    upcoming: views.filter((v) => v.daysLeft >= 0).sort(byMostOverdue),
  };
}
