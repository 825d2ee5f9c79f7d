import { requireRegistrar, type Caller } from '../../domain/caller';
import { daysBetween, stockholmDate } from '../../domain/dates';
import type { ItemView, StoredItem } from '../../domain/items/item';
import { toView } from '../../domain/items/view';
import type { Person } from '../../domain/items/vocabulary';
import { markOf } from '../reports/reports';
import type { Unit } from '../units/directory';
import { listAll } from './list-all';
import type { ItemDeps } from './service';

export interface RegistrarListDeps extends Pick<ItemDeps, 'items' | 'clock'> {
  units: { all(): Promise<Unit[]> };
  /** The addresses among these that bounced or complained (no email reaches them). */
  suppressed(addresses: string[]): Promise<Set<string>>;
}

/** What needs a registrar now: the workspace's Översikt, each list in the order a clerk works through it. */
export interface RegistrarOverview {
  /** An official asked for a later deadline: earliest deadline first. */
  extensionRequests: ItemView[];
  /** An official said "inte mitt ärende": oldest request first. */
  reassignRequests: ItemView[];
  /** Flagged for a clerk (`no_meeting_in_time`, `meeting_already_held`): earliest deadline first. */
  attention: ItemView[];
  /** Past their deadline: most overdue first. */
  overdue: ItemView[];
  /** No manager to escalate to: none on the item, none for its unit in the directory, or the manager's address bounced. */
  noManager: ItemView[];
  /** Motions within MOTION_WARNING_DAYS (60) of their statutory limit, or past it: nearest limit first. */
  motionsNearLimit: ItemView[];
}

/** The manager an escalation of the item would reach: the item's, else its unit's in the directory (README, "Escalation"). */
const managerOf = (item: StoredItem, units: ReadonlyMap<string, Unit>): Person | undefined => item.manager ?? units.get(item.unit)?.manager;

const byDue = (a: ItemView, b: ItemView) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id);

/**
 * The registrar's overview of every open item (registrar, admin; anyone else `forbidden`).
 *
 * Cost, by design: one Query over the open items' partition of `byStatus` (`STATUS#open`, paged
 * 100 at a time: every open item is read once, about 1,000 in a municipality of 50,000, some 250
 * read units), one Query of the unit directory, and one BatchGetItem for the managers' addresses
 * (suppressed or not). No Scan. The extension requests and flagged items have indexes of their
 * own (`byExtensionRequest`, `byAttention`), but they are open items too, so the one read serves
 * all six lists; an "inte mitt ärende", a manager missing and a motion's limit have no index.
 */
export async function registrarOverview(deps: RegistrarListDeps, caller: Caller): Promise<RegistrarOverview> {
  requireRegistrar(caller);
  const today = stockholmDate(deps.clock());
  const [open, units] = await Promise.all([listAll(deps.items, { statuses: ['open'] }), deps.units.all()]);
  const directory = new Map(units.map((unit) => [unit.unit, unit]));
  const managers = [...new Set(open.map((item) => managerOf(item, directory)?.email).filter((email): email is string => email !== undefined))];
  const bounced = managers.length ? await deps.suppressed(managers) : new Set<string>();
  const views = open.map((item) => ({ item, view: toView(item, today) }));
  const pick = (keep: (item: StoredItem, view: ItemView) => boolean) => views.filter(({ item, view }) => keep(item, view)).map(({ view }) => view);
  const limitOf = (view: ItemView) => view.statutoryLimit ?? view.dueDate;
  return {
    extensionRequests: pick((item) => item.extensionRequest !== undefined).sort(byDue),
    reassignRequests: pick((item) => item.reassignRequest !== undefined).sort((a, b) => a.reassignRequest!.at.localeCompare(b.reassignRequest!.at)),
    attention: pick((item) => item.attention !== undefined).sort(byDue),
    overdue: pick((_, view) => view.state === 'overdue').sort((a, b) => a.daysLeft - b.daysLeft || byDue(a, b)),
    noManager: pick((item) => {
      const manager = managerOf(item, directory);
      return !manager || bounced.has(manager.email);
    }).sort(byDue),
    motionsNearLimit: pick((item, view) => item.kind === 'motion' && markOf(daysBetween(today, limitOf(view))) !== null).sort((a, b) => limitOf(a).localeCompare(limitOf(b))),
  };
}
