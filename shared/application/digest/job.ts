import type { WorkingCalendar } from '../../domain/calendar/working-days';
import { addDays, stockholmDate, type CalendarDate } from '../../domain/dates';
import { renderDigestEmail, type DigestNumbers } from '../../views/email/digest';
import type { ItemView, StoredItem } from '../../domain/items/item';
import type { Person } from '../../domain/items/vocabulary';
import type { ItemRepository } from '../items/ports';
import { toView } from '../../domain/items/view';
import { createRateLimiter } from '../reminders/rate-limit';
import type { ReminderStore } from '../reminders/ports';
import { recipientFaults, sendOnce, type SendOnceDeps } from '../reminders/send-once';
import type { UnitDirectory } from '../units/directory';
import { byMostOverdue, UPCOMING_DAYS } from '../units/lists';
import { unitItemsCsv } from '../../views/spreadsheets/units';
import { fromZonedTime } from 'date-fns-tz';
import { isFirstWorkingDayOfWeek, mondayOf } from '../../domain/calendar/week';
import { listAll } from '../items/list-all';

export interface DigestJobDeps extends SendOnceDeps {
  items: Pick<ItemRepository, 'list' | 'closed'>;
  units: Pick<UnitDirectory, 'all'>;
  store: Pick<ReminderStore, 'claim' | 'markSent' | 'release' | 'suppressed'>;
  calendar: () => Promise<WorkingCalendar>;
  maxSendRate: number;
  /** The signed link to a unit's page for its manager. */
  unitLink: (email: string, unit: string) => Promise<string>;
  /** Days a link works (`LINK_TTL_DAYS`), as the email says. */
  linkTtlDays: number;
  remainingMs?: () => number;
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

interface UnitDigest {
  unit: string;
  overdue: ItemView[];
  upcoming: ItemView[];
  closedLastWeek: ItemView[];
  numbers: DigestNumbers;
}

const SAFETY_MARGIN_MS = 10_000;
const STOCKHOLM = 'Europe/Stockholm';

/** The unit's managers: the directory's, else every manager named on its open items. */
function managersOf(unit: string, directory: Map<string, Person>, open: StoredItem[]): Person[] {
  const listed = directory.get(unit);
  if (listed) return [listed];
  return [...new Map(open.filter((i) => i.manager).map((i) => [i.manager!.email, i.manager!])).values()];
}

async function digestOf(deps: DigestJobDeps, unit: string, open: StoredItem[], day: CalendarDate): Promise<UnitDigest> {
  const views = open.map((item) => toView(item, day));
  const lastMonday = addDays(mondayOf(day), -7);
  const range = { from: fromZonedTime(`${lastMonday}T00:00:00`, STOCKHOLM).toISOString(), to: fromZonedTime(`${mondayOf(day)}T00:00:00`, STOCKHOLM).toISOString() };
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

/**
 * The weekly overview at the clock's instant: one email per unit manager, exactly once per
 * manager, unit and week (the same claim, send, record as the reminders). It goes out on the
 * first working day of the week (Tuesday after annandag påsk); a later working day of the same
 * week sends only what did not go out yet, e.g. after SES failed for one manager.
 */
export async function runDigest(deps: DigestJobDeps, options: { dryRun?: boolean } = {}): Promise<DigestReport> {
  const day = stockholmDate(deps.clock());
  const calendar = await deps.calendar();
  const report: DigestReport = { day, catchUp: false, sent: [], alreadySent: 0, failed: [], deferred: 0, suppressed: 0, withoutManager: [] };
  if (!calendar.isWorkingDay(day)) return { ...report, skipped: 'non_working_day' };
  report.catchUp = !isFirstWorkingDayOfWeek(day, calendar);

  const open = await listAll(deps.items, { statuses: ['open'] });
  const directory = new Map((await deps.units.all()).map((u) => [u.unit, u.manager]));
  const byUnit = new Map<string, StoredItem[]>([...directory.keys()].map((unit) => [unit, []]));
  for (const item of open) byUnit.set(item.unit, [...(byUnit.get(item.unit) ?? []), item]);

  const recipients: { unit: string; items: StoredItem[]; manager: Person }[] = [];
  for (const [unit, items] of [...byUnit].sort(([a], [b]) => a.localeCompare(b, 'sv'))) {
    const managers = managersOf(unit, directory, items);
    if (managers.length === 0) report.withoutManager.push(unit);
    for (const manager of managers) recipients.push({ unit, items, manager });
  }
  const suppressed = await deps.store.suppressed([...new Set(recipients.map((r) => r.manager.email))]);
  const limiter = createRateLimiter(deps.maxSendRate);
  const faults = recipientFaults();
  const remaining = deps.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  const digests = new Map<string, Promise<UnitDigest>>();
  const digestFor = (unit: string, items: StoredItem[]) => {
    let digest = digests.get(unit);
    if (!digest) digests.set(unit, (digest = digestOf(deps, unit, items, day)));
    return digest;
  };

  for (const { unit, items, manager } of recipients) {
    if (suppressed.has(manager.email)) {
      report.suppressed++;
      continue;
    }
    // Composed only once the week's claim is held: a catch-up day reads little for those already sent.
    const compose = async () => {
      const digest = await digestFor(unit, items);
      return {
        ...renderDigestEmail({ ...digest, manager, day, link: await deps.unitLink(manager.email, unit), linkTtlDays: deps.linkTtlDays }),
        attachments: [
          {
            filename: `veckooversikt-${day}.csv`,
            contentType: 'text/csv; charset=utf-8',
            content: unitItemsCsv([
              ...digest.overdue.map((i) => ({ ...i, section: 'Försenat' })),
              ...digest.upcoming.map((i) => ({ ...i, section: 'På väg' })),
              ...digest.closedLastWeek.map((i) => ({ ...i, section: 'Stängt förra veckan' })),
            ]),
          },
        ],
      };
    };
    if (options.dryRun) {
      if (!report.catchUp) report.sent.push({ to: manager.email, unit, subject: (await compose()).subject });
      continue;
    }
    if (remaining() < SAFETY_MARGIN_MS) {
      report.deferred++;
      continue;
    }
    const recipient = { role: 'manager' as const, email: manager.email, ...(manager.name ? { name: manager.name } : {}) };
    const outcome = await faults.guard(
      () => sendOnce(deps, { key: `DIGEST#${mondayOf(day)}#${unit}`, recipient, itemIds: [] }, limiter, compose),
      (error) => report.failed.push({ to: manager.email, unit, error }),
    );
    if (!outcome) continue;
    if (outcome.state === 'sent') report.sent.push({ to: manager.email, unit, subject: outcome.subject, messageId: outcome.messageId });
    else if (outcome.state === 'alreadySent') report.alreadySent++;
    else if (outcome.state === 'busy') report.deferred++;
    else report.failed.push({ to: manager.email, unit, error: outcome.error });
  }
  // The other managers have their overview before one manager's fault fails the run.
  faults.throwFirst();
  return report;
}
