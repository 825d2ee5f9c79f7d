import { addDays, stockholmDate, stockholmMidnight, type CalendarDate } from '../../domain/dates';
import { isFirstWorkingDayOfWeek, mondayOf } from '../../domain/calendar/week';
import type { ItemView, StoredItem } from '../../domain/items/item';
import type { Person } from '../../domain/items/vocabulary';
import { toView } from '../../domain/items/view';
import type { ItemRepository } from '../items/ports';
import { listAll } from '../items/list-all';
import type { UnitDirectory } from '../units/directory';
import { byMostOverdue, UPCOMING_DAYS } from '../units/lists';
import type { EmailMessage } from '../delivery/email';
import { runDeliveries, type Delivery, type DeliveryDeps, type RunOptions } from '../delivery/engine';

export interface DigestJobDeps extends DeliveryDeps<EmailMessage> {
  items: Pick<ItemRepository, 'list' | 'closed'>;
  units: Pick<UnitDirectory, 'all'>;
  /** The signed link to a unit's page for its manager. */
  unitLink: (email: string, unit: string) => Promise<string>;
  /** The Swedish email with the list attached (shared/views/email/digest.ts). */
  renderDigest: (email: DigestEmail) => EmailMessage;
}

export interface DigestReport {
  day: CalendarDate;
  skipped?: 'non_working_day';
  /** A later working day of the week: only what the first day could not send goes out. */
  catchUp: boolean;
  sent: { to: string; unit: string; subject: string; messageId?: string }[];
  alreadySent: number;
  failed: { to: string; unit: string; error: string }[];
  deferred: number;
  suppressed: number;
  /** Units with open items but no manager in the directory or on the items: nobody to tell. */
  withoutManager: string[];
}

export interface DigestNumbers {
  open: number;
  overdue: number;
  closedThisYear: number;
  closedOnTimeThisYear: number;
}

/** A unit's week, as of the day the overview goes out. */
export interface UnitDigest {
  unit: string;
  overdue: ItemView[];
  upcoming: ItemView[];
  closedLastWeek: ItemView[];
  numbers: DigestNumbers;
}

/** What the renderer makes one manager's overview of. */
export interface DigestEmail {
  digest: UnitDigest;
  manager: Person;
  day: CalendarDate;
  /** The unit's page (signed, read-only). */
  link: string;
}

/** The unit's managers: the directory's, else every manager named on its open items. */
function managersOf(unit: string, directory: Map<string, Person>, open: StoredItem[]): Person[] {
  const listed = directory.get(unit);
  if (listed) return [listed];
  return [...new Map(open.filter((i) => i.manager).map((i) => [i.manager!.email, i.manager!])).values()];
}

async function digestOf(deps: DigestJobDeps, unit: string, open: StoredItem[], day: CalendarDate): Promise<UnitDigest> {
  const views = open.map((item) => toView(item, day));
  const lastMonday = addDays(mondayOf(day), -7);
  const range = { from: stockholmMidnight(lastMonday).toISOString(), to: stockholmMidnight(mondayOf(day)).toISOString() };
  const year = day.slice(0, 4);
  // Last week may begin in December: its closures are then partly in last year's partition.
  const closedLastWeek = (
    await Promise.all([...new Set([lastMonday.slice(0, 4), year])].map((y) => deps.items.closed(unit, y, range)))
  ).flat();
  const closedThisYear = (await deps.items.closed(unit, year)).filter((i) => i.status === 'done');
  return {
    unit,
    overdue: views.filter((v) => v.daysLeft < 0).sort(byMostOverdue),
    upcoming: views.filter((v) => v.daysLeft >= 0 && v.daysLeft <= UPCOMING_DAYS).sort(byMostOverdue),
    closedLastWeek: closedLastWeek.map((item) => toView(item, day)).sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? '')),
    numbers: {
      open: views.length,
      overdue: views.filter((v) => v.daysLeft < 0).length,
      closedThisYear: closedThisYear.length,
      closedOnTimeThisYear: closedThisYear.filter((i) => i.closedAt && stockholmDate(new Date(i.closedAt)) <= i.dueDate).length,
    },
  };
}

interface DigestDelivery extends Delivery<EmailMessage> {
  unit: string;
}

/**
 * The weekly overview, for the instant `options.at` (the scheduler's), else the clock's now: one
 * email per unit manager, exactly once per manager, unit and week (the delivery engine's claim,
 * send, record, keyed by the week's Monday and the unit). It goes out on the first working day of
 * the week (Tuesday after annandag påsk); a later working day of the same week sends only what did
 * not go out yet, e.g. after SES failed for one manager. A dry run on such a day shows nothing.
 */
export async function runDigest(deps: DigestJobDeps, options: RunOptions = {}): Promise<DigestReport> {
  let catchUp = false;
  const withoutManager: string[] = [];

  const run = await runDeliveries<EmailMessage, DigestDelivery>(
    deps,
    {
      async plan({ day, calendar, dryRun }) {
        catchUp = !isFirstWorkingDayOfWeek(day, calendar);
        const open = await listAll(deps.items, { statuses: ['open'] });
        const directory = new Map((await deps.units.all()).map((u) => [u.unit, u.manager]));
        const byUnit = new Map<string, StoredItem[]>([...directory.keys()].map((unit) => [unit, []]));
        for (const item of open) byUnit.set(item.unit, [...(byUnit.get(item.unit) ?? []), item]);
        // Each unit's digest is read once, and only once a claim for it is held: a catch-up day reads little.
        const digests = new Map<string, Promise<UnitDigest>>();
        const digestFor = (unit: string, items: StoredItem[]) => {
          let digest = digests.get(unit);
          if (!digest) digests.set(unit, (digest = digestOf(deps, unit, items, day)));
          return digest;
        };
        const deliveries: DigestDelivery[] = [];
        for (const [unit, items] of [...byUnit].sort(([a], [b]) => a.localeCompare(b, 'sv'))) {
          const managers = managersOf(unit, directory, items);
          if (managers.length === 0) withoutManager.push(unit);
          for (const manager of managers) {
            deliveries.push({
              key: `DIGEST#${mondayOf(day)}#${unit}`,
              recipient: { role: 'manager', email: manager.email, ...(manager.name ? { name: manager.name } : {}) },
              itemIds: [],
              unit,
              compose: async () => deps.renderDigest({ digest: await digestFor(unit, items), manager, day, link: await deps.unitLink(manager.email, unit) }),
            });
          }
        }
        // What went out earlier in the week is known only from the claims, which a dry run does not take.
        return dryRun && catchUp ? [] : deliveries;
      },
    },
    options,
  );

  const report: DigestReport = { day: run.day, catchUp, sent: [], alreadySent: 0, failed: [], deferred: 0, suppressed: 0, withoutManager };
  if (run.skipped) return { ...report, skipped: run.skipped };
  for (const { delivery, outcome } of run.results) {
    const { unit, recipient } = delivery;
    if (outcome.state === 'sent') report.sent.push({ to: recipient.email, unit, subject: outcome.message.subject, messageId: outcome.messageId });
    else if (outcome.state === 'wouldSend') report.sent.push({ to: recipient.email, unit, subject: outcome.message.subject });
    else if (outcome.state === 'alreadySent') report.alreadySent++;
    else if (outcome.state === 'deferred') report.deferred++;
    else if (outcome.state === 'suppressed') report.suppressed++;
    else report.failed.push({ to: recipient.email, unit, error: outcome.error });
  }
  return report;
}
