import { addDays, type CalendarDate } from '../../domain/dates';
import { HOLIDAY_TABLE_YEARS, type WorkingCalendar } from '../../domain/calendar/working-days';
import { isEscalation, nextReminderDate } from '../../domain/schedule/reminders';
import type { Person } from '../../domain/items/vocabulary';
import type { StoredItem } from '../../domain/items/item';
import type { ItemRepository } from '../items/ports';
import type { UnitDirectory } from '../units/directory';
import type { EmailMessage } from '../delivery/email';
import { runDeliveries, type Delivery, type DeliveryDeps, type RunOptions } from '../delivery/engine';
import type { Claims, Notice, Notices, Recipient } from '../delivery/ports';

export interface ReminderJobDeps extends DeliveryDeps<EmailMessage> {
  items: Pick<ItemRepository, 'dueForReminder' | 'get' | 'advance'>;
  notices: Pick<Notices, 'pendingNotices' | 'clearNotices'>;
  /** The unit directory: an escalation goes to the unit's manager when the item names none. */
  units: Pick<UnitDirectory, 'all'>;
  /** The signed link to the recipient's own page: an official's "Mina ärenden", a manager's list of one `unit`. */
  pageLink: (recipient: Recipient, unit?: string) => Promise<string>;
  /** The Swedish email of one envelope (shared/views/email/reminder-run.ts). */
  renderReminder: (email: ReminderEmail) => EmailMessage;
}

export interface SentEmail {
  to: string;
  role: Recipient['role'];
  subject: string;
  itemIds: string[];
  messageId?: string;
}

export interface RunReport {
  day: CalendarDate;
  skipped?: 'non_working_day';
  sent: SentEmail[];
  alreadySent: number;
  failed: { to: string; role: Recipient['role']; error: string }[];
  /** Recipients left for the next run: the time budget ran out or another run holds them. */
  deferred: number;
  /** Recipients not mailed because their address bounced or complained. */
  suppressed: number;
  /**
   * Escalations due today that reached no manager: none on the item or in the unit directory, or
   * the manager's address bounced or complained. The item's registrar is told in their email.
   */
  escalationsWithoutRecipient: number;
}

/** An escalation due today that reached no manager, for the registrar to put right. */
export type EscalationProblem =
  /** Neither the item nor the unit directory names a manager. */
  | { kind: 'no_manager' }
  /** The manager's address bounced or complained, so nothing is sent to it. */
  | { kind: 'unreachable'; manager: Person };

/** An item a clerk should look at, for the registrar who registered it. */
export interface Attention {
  item: StoredItem;
  /** Today's escalation of the item reached no manager. */
  escalation?: EscalationProblem;
}

export interface Envelope {
  recipient: Recipient;
  items: StoredItem[];
  /** Every pending notice for the recipient: shown when it is a plain text, cleared once the email is sent. */
  notices: Notice[];
  /** Items that need the recipient as their registrar ("Behöver din åtgärd"). */
  attention: Attention[];
}

/** What the renderer makes one email of. */
export interface ReminderEmail {
  envelope: Envelope;
  day: CalendarDate;
  /** An official's own page ("Mina ärenden"): their items are anchors on it. */
  page?: string;
  /** A manager's units in the order shown, each with its own page: the unit's items are anchors on it. */
  units: { name: string; link: string }[];
}

export interface EnvelopeInput {
  /** Open items whose reminder is due today. */
  due: StoredItem[];
  notices: Notice[];
  /** The items notices are about, as they are now; a notice whose item is gone or needs nothing is not shown. */
  noticed: ReadonlyMap<string, StoredItem>;
  day: CalendarDate;
  /** The manager an item's escalation goes to: the item's own, else its unit's in the directory. */
  managerOf: (item: StoredItem) => Person | undefined;
  /** Addresses that bounced or complained: an escalation to one of them reaches nobody. */
  suppressed: ReadonlySet<string>;
}

/**
 * The emails of one run: each responsible official's items; each escalating item's manager (the
 * item's, else its unit's) with their items of every unit they manage; and each registrar's
 * notices and items that need them (a request, a flag, an escalation that reached no manager), in
 * their own email as responsible when they have one that day, else in an email of their own.
 */
export function envelopesFor(input: EnvelopeInput): { envelopes: Envelope[]; escalationsWithoutRecipient: number } {
  const byKey = new Map<string, Envelope>();
  const envelope = (recipient: Recipient) => {
    const key = `${recipient.role}#${recipient.email}`;
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { recipient, items: [], notices: [], attention: [] }));
    return found;
  };
  const problems: Attention[] = [];
  for (const item of input.due) {
    envelope({ role: 'responsible', email: item.responsible.email, name: item.responsible.name }).items.push(item);
    if (!isEscalation(item.dueDate, item.reminders, input.day)) continue;
    const manager = input.managerOf(item);
    if (manager) envelope({ role: 'manager', email: manager.email, name: manager.name }).items.push(item);
    if (!manager) problems.push({ item, escalation: { kind: 'no_manager' } });
    else if (input.suppressed.has(manager.email)) problems.push({ item, escalation: { kind: 'unreachable', manager } });
  }
  // A registrar hears in their own email as responsible, when they have one today.
  const registrar = (email: string) => byKey.get(`responsible#${email}`) ?? envelope({ role: 'registrar', email });
  for (const problem of problems) registrar(problem.item.createdBy).attention.push(problem);
  for (const notice of input.notices) {
    // An answer to an official goes in their own email, as the one responsible, with their page.
    const target = notice.official ? envelope({ role: 'responsible', email: notice.recipient, name: notice.official.name }) : registrar(notice.recipient);
    target.notices.push(notice);
    const item = notice.itemId ? input.noticed.get(notice.itemId) : undefined;
    if (item && item.status === 'open' && !target.attention.some((a) => a.item.id === item.id)) target.attention.push({ item });
  }
  return { envelopes: [...byKey.values()], escalationsWithoutRecipient: problems.length };
}

/**
 * Whether an item still needs its registrar: a flag, a pending request for a later deadline or for
 * another official, or an escalation that reached no manager (each is a sentence under "Behöver
 * din åtgärd", shared/views/email/attention.ts). Read from the item as it is now.
 */
const needsRegistrar = ({ item, escalation }: Attention): boolean =>
  Boolean(item.attention || item.extensionRequest || item.reassignRequest || escalation);

/** Whether an email would say anything: items, a plain notice, or an item that still needs its registrar. */
const hasContent = (envelope: Envelope): boolean =>
  envelope.items.length > 0 || envelope.notices.some((n) => !n.itemId) || envelope.attention.some(needsRegistrar);

interface ReminderDelivery extends Delivery<EmailMessage> {
  envelope: Envelope;
}

/**
 * The daily reminder run (README, "Delivery guarantee"), for the instant `options.at` (the
 * scheduler's), else the clock's now. "Today" is its Stockholm date; on a non-working day nothing
 * happens. Everything whose next reminder is due up to today is read from the sparse index (a
 * missed day is caught up) and grouped into one email per recipient, which the delivery engine
 * sends once per recipient and day. Afterwards each item whose official had today's email, or
 * cannot be mailed (their registrar is told), moves to its next reminder date.
 */
export async function runReminders(deps: ReminderJobDeps, options: RunOptions = {}): Promise<RunReport> {
  let due: StoredItem[] = [];
  let suppressed: ReadonlySet<string> = new Set();
  let escalationsWithoutRecipient = 0;

  const run = await runDeliveries<EmailMessage, ReminderDelivery>(
    deps,
    {
      async plan({ day, dryRun, unreachable }) {
        due = await deps.items.dueForReminder(day);
        const notices = await deps.notices.pendingNotices();
        const noticedIds = [...new Set(notices.flatMap((n) => (n.itemId ? [n.itemId] : [])))];
        const noticed = new Map((await Promise.all(noticedIds.map((id) => deps.items.get(id)))).flatMap((item) => (item ? [[item.id, item] as const] : [])));
        const escalating = due.filter((item) => isEscalation(item.dueDate, item.reminders, day));
        // The directory is read only when an escalating item names no manager of its own.
        const directory = escalating.some((item) => !item.manager) ? new Map((await deps.units.all()).map((u) => [u.unit, u.manager])) : new Map<string, Person>();
        const managerOf = (item: StoredItem) => item.manager ?? directory.get(item.unit);
        suppressed = await unreachable([
          ...due.map((item): Recipient => ({ role: 'responsible', email: item.responsible.email })),
          ...escalating.flatMap((item): Recipient[] => {
            const manager = managerOf(item);
            return [{ role: 'registrar', email: item.createdBy }, ...(manager ? [{ role: 'manager' as const, email: manager.email }] : [])];
          }),
          ...notices.map((n): Recipient => ({ role: n.official ? 'responsible' : 'registrar', email: n.recipient })),
        ]);
        const built = envelopesFor({ due, notices, noticed, day, managerOf, suppressed });
        escalationsWithoutRecipient = built.escalationsWithoutRecipient;
        // Notices about items that need nothing any more (a request answered meanwhile) go without an email.
        const silent = new Set(built.envelopes.filter((e) => !suppressed.has(e.recipient.email) && !hasContent(e)));
        if (!dryRun) for (const envelope of silent) await deps.notices.clearNotices(envelope.notices);
        return built.envelopes
          .filter((envelope) => !silent.has(envelope))
          .map((envelope) => ({
            key: day,
            recipient: envelope.recipient,
            itemIds: envelope.items.map((i) => i.id),
            envelope,
            compose: () => compose(deps, envelope, day),
            ...(envelope.notices.length ? { afterSend: () => deps.notices.clearNotices(envelope.notices) } : {}),
          }));
      },

      async settle(results, { day, calendar }) {
        /** Items whose responsible official has had today's email. */
        const reminded = new Set<string>();
        for (const { delivery, outcome } of results) {
          if (delivery.recipient.role !== 'responsible') continue;
          if (outcome.state === 'sent') delivery.itemIds.forEach((id) => reminded.add(id));
          if (outcome.state === 'alreadySent') outcome.itemIds.forEach((id) => reminded.add(id));
        }
        for (const item of due) {
          // An item whose official cannot be mailed moves on too: its registrar has been told.
          if (reminded.has(item.id) || suppressed.has(item.responsible.email)) await advance(deps, item, day, calendar);
        }
      },
    },
    options,
  );

  const report: RunReport = { day: run.day, sent: [], alreadySent: 0, failed: [], deferred: 0, suppressed: 0, escalationsWithoutRecipient };
  if (run.skipped) return { ...report, skipped: run.skipped };
  for (const { delivery, outcome } of run.results) {
    const { role, email: to } = delivery.recipient;
    if (outcome.state === 'sent') report.sent.push({ to, role, subject: outcome.message.subject, itemIds: delivery.itemIds, messageId: outcome.messageId });
    else if (outcome.state === 'wouldSend') report.sent.push({ to, role, subject: outcome.message.subject, itemIds: delivery.itemIds });
    else if (outcome.state === 'alreadySent') report.alreadySent++;
    else if (outcome.state === 'deferred') report.deferred++;
    else if (outcome.state === 'suppressed') report.suppressed++;
    else report.failed.push({ to, role, error: outcome.error });
  }
  return report;
}

/** One envelope's email, with the links to the recipient's own pages. */
async function compose(deps: ReminderJobDeps, envelope: Envelope, day: CalendarDate): Promise<EmailMessage> {
  const { recipient } = envelope;
  const names = recipient.role === 'manager' ? [...new Set(envelope.items.map((i) => i.unit))] : [];
  const units = await Promise.all(names.map(async (name) => ({ name, link: await deps.pageLink(recipient, name) })));
  const page = recipient.role === 'responsible' ? await deps.pageLink(recipient) : undefined;
  return deps.renderReminder({ envelope, day, units, ...(page ? { page } : {}) });
}

/** Who has open items but had no email in a run, and when each is next reminded. */
export interface NextReminder {
  email: string;
  name: string;
  date: CalendarDate;
  /** The items reminded about on `date` (not all the official's items waiting for a later reminder). */
  items: number;
  /** They had the day's email already, from an earlier run. */
  remindedEarlierToday: boolean;
}

/**
 * The officials a run did not mail, each with the date of their next reminder (the earliest of
 * their items') and whether an earlier run that day mailed them, soonest first: `npm run job`
 * prints them, so a run that sends nothing says why ("nästa påminnelse 2026-12-01"). Reads the
 * reminder index after the run's day, and the day's sent claims.
 */
export async function nextReminders(
  deps: { items: Pick<ItemRepository, 'remindingBetween'>; claims: Pick<Claims, 'sentUnder'> },
  report: RunReport,
): Promise<NextReminder[]> {
  const mailed = new Set(report.sent.filter((e) => e.role === 'responsible').map((e) => e.to));
  const [later, sent] = await Promise.all([deps.items.remindingBetween(addDays(report.day, 1), `${HOLIDAY_TABLE_YEARS.last}-12-31`), deps.claims.sentUnder(report.day)]);
  const earlier = new Set(sent.filter((r) => r.role === 'responsible').map((r) => r.email));
  const people = new Map<string, NextReminder>();
  for (const item of later) {
    const { email, name } = item.responsible;
    if (mailed.has(email) || !item.nextReminderDate) continue;
    const found = people.get(email);
    if (!found) people.set(email, { email, name, date: item.nextReminderDate, items: 1, remindedEarlierToday: earlier.has(email) });
    else if (item.nextReminderDate < found.date) Object.assign(found, { date: item.nextReminderDate, items: 1 });
    else if (item.nextReminderDate === found.date) found.items++;
  }
  return [...people.values()].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'sv'));
}

/** Moves an item past today's reminder; if it changed meanwhile, from its fresh state. */
async function advance(deps: ReminderJobDeps, first: StoredItem, day: CalendarDate, calendar: WorkingCalendar): Promise<void> {
  let item: StoredItem | undefined = first;
  for (let attempt = 0; item && attempt < 3; attempt++) {
    if (item.status !== 'open' || (item.lastRemindedOn !== undefined && item.lastRemindedOn >= day)) return;
    const next = nextReminderDate({ dueDate: item.dueDate, reminders: item.reminders }, calendar, day, day);
    if (await deps.items.advance(item, day, next)) return;
    item = await deps.items.get(item.id);
  }
}
