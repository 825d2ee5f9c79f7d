import type { Clock } from '../../platform/clock';
import { addDays, stockholmDate, type CalendarDate } from '../../domain/dates';
import { HOLIDAY_TABLE_YEARS, type WorkingCalendar } from '../../domain/calendar/working-days';
import { isEscalation, nextReminderDate } from '../../domain/schedule/reminders';
import { needsOf, type EscalationProblem } from '../../views/email/attention';
import { decisionOf, renderReminderEmail, toReminderLine } from '../../views/email/reminder';
import type { Person } from '../../domain/items/vocabulary';
import type { StoredItem } from '../../domain/items/item';
import { toView } from '../../domain/items/view';
import type { UnitDirectory } from '../units/directory';
import type { Mailer, Notice, Recipient, ReminderStore } from './ports';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { recipientFaults, sendOnce } from './send-once';

export interface ReminderJobDeps {
  store: ReminderStore;
  mailer: Mailer;
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
  publicBaseUrl: string;
  /** The unit directory: an escalation goes to the unit's manager when the item names none. */
  units: Pick<UnitDirectory, 'all'>;
  /** Emails per second at most (the SES account's maximum send rate). */
  maxSendRate: number;
  /** A claim older than this is a run that died between claim and record: it is taken over. */
  staleClaimMinutes?: number;
  /** Attempts per email on throttling and server faults, with exponential backoff. */
  sendAttempts?: number;
  backoffMs?: number;
  /** Real time left to the run (Lambda's remaining time); the run stops sending before it runs out. */
  remainingMs?: () => number;
  /**
   * The signed link to the recipient's own page: an official's "Mina ärenden", a manager's unit
   * list (`unit`). Items are linked as anchors on it; without one, items link to the API.
   */
  pageLink?: (recipient: Recipient, unit?: string) => Promise<string | undefined>;
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

/** Stop sending when less real time than this is left of the run. */
const SAFETY_MARGIN_MS = 10_000;
/** Emails in flight at once, so the send rate, not SES's latency, sets the pace. */
const MAX_IN_FLIGHT = 8;

/**
 * An item in the clerks' browser workspace, where a registrar acts on it (the page is the
 * workspace's): the link in a registrar's "Behöver din åtgärd".
 */
export const workspaceItemUrl = (publicBaseUrl: string, id: string) => `${publicBaseUrl.replace(/\/$/, '')}/arenden/${encodeURIComponent(id)}`;

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
    const target = registrar(notice.recipient);
    target.notices.push(notice);
    const item = notice.itemId ? input.noticed.get(notice.itemId) : undefined;
    if (item && item.status === 'open' && !target.attention.some((a) => a.item.id === item.id)) target.attention.push({ item });
  }
  return { envelopes: [...byKey.values()], escalationsWithoutRecipient: problems.length };
}

/** Whether an email would say anything: items, a plain notice, or an item that still needs its registrar. */
function hasContent(envelope: Envelope, day: CalendarDate): boolean {
  return (
    envelope.items.length > 0 ||
    envelope.notices.some((n) => !n.itemId) ||
    envelope.attention.some((a) => needsOf(toView(a.item, day), a.escalation).length > 0)
  );
}

/**
 * The daily reminder run at the clock's instant. "Today" is the Stockholm date of that instant;
 * on a non-working day nothing happens. Everything whose next reminder is due up to today is
 * read from the sparse index (a missed day is caught up), grouped into one email per recipient,
 * and sent once per recipient and day: claim, send, record (README, "Delivery guarantee").
 */
export async function runReminders(deps: ReminderJobDeps, options: { dryRun?: boolean } = {}): Promise<RunReport> {
  const day = stockholmDate(deps.clock());
  const report: RunReport = { day, sent: [], alreadySent: 0, failed: [], deferred: 0, suppressed: 0, escalationsWithoutRecipient: 0 };
  const calendar = await deps.calendar();
  if (!calendar.isWorkingDay(day)) return { ...report, skipped: 'non_working_day' };

  const due = await deps.store.dueForReminder(day);
  const notices = await deps.store.pendingNotices();
  const noticedIds = [...new Set(notices.flatMap((n) => (n.itemId ? [n.itemId] : [])))];
  const noticed = new Map((await Promise.all(noticedIds.map((id) => deps.store.get(id)))).flatMap((item) => (item ? [[item.id, item] as const] : [])));
  const escalating = due.filter((item) => isEscalation(item.dueDate, item.reminders, day));
  // The directory is read only when an escalating item names no manager of its own.
  const directory = escalating.some((item) => !item.manager) ? new Map((await deps.units.all()).map((u) => [u.unit, u.manager])) : new Map<string, Person>();
  const managerOf = (item: StoredItem) => item.manager ?? directory.get(item.unit);
  const addresses = [
    ...due.map((item) => item.responsible.email),
    ...escalating.flatMap((item) => [item.createdBy, ...(managerOf(item) ? [managerOf(item)!.email] : [])]),
    ...notices.map((n) => n.recipient),
  ];
  const suppressed = await deps.store.suppressed([...new Set(addresses)]);
  const built = envelopesFor({ due, notices, noticed, day, managerOf, suppressed });
  report.escalationsWithoutRecipient = built.escalationsWithoutRecipient;
  const reachable = built.envelopes.filter((e) => !suppressed.has(e.recipient.email));
  report.suppressed = built.envelopes.length - reachable.length;
  // Notices about items that need nothing any more (a request answered meanwhile) go without an email.
  const silent = reachable.filter((e) => !hasContent(e, day));
  const envelopes = reachable.filter((e) => hasContent(e, day));

  if (options.dryRun) {
    for (const envelope of envelopes) {
      const email = await render(deps, envelope, day);
      report.sent.push({ to: envelope.recipient.email, role: envelope.recipient.role, subject: email.subject, itemIds: envelope.items.map((i) => i.id) });
    }
    return report;
  }
  for (const envelope of silent) await deps.store.clearNotices(envelope.notices);

  const limiter = createRateLimiter(deps.maxSendRate);
  const remaining = deps.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  /** Items whose responsible official has had today's email: they move to their next date. */
  const reminded = new Set<string>();
  const queue = [...envelopes];
  const faults = recipientFaults();
  const worker = async () => {
    for (let envelope = queue.shift(); envelope; envelope = queue.shift()) {
      if (remaining() < SAFETY_MARGIN_MS) {
        report.deferred++;
        continue;
      }
      const { recipient } = envelope;
      const delivered = await faults.guard(
        () => deliver(deps, envelope, day, limiter, report),
        (error) => report.failed.push({ to: recipient.email, role: recipient.role, error }),
      );
      if (delivered && recipient.role === 'responsible') delivered.forEach((id) => reminded.add(id));
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, Math.max(1, Math.ceil(deps.maxSendRate))) }, worker));

  for (const item of due) {
    // An item whose official cannot be mailed moves on too: its registrar has been told.
    if (reminded.has(item.id) || suppressed.has(item.responsible.email)) await advance(deps, item, day, calendar);
  }
  // Everyone else is mailed and moved on before a recipient's fault fails the run.
  faults.throwFirst();
  return report;
}

/** Claim, send, record. Returns the ids of the items the recipient's email of the day listed. */
async function deliver(
  deps: ReminderJobDeps,
  envelope: Envelope,
  day: CalendarDate,
  limiter: RateLimiter,
  report: RunReport,
): Promise<string[] | undefined> {
  const { recipient } = envelope;
  const itemIds = envelope.items.map((i) => i.id);
  const outcome = await sendOnce(deps, { key: day, recipient, itemIds }, limiter, () => render(deps, envelope, day));
  switch (outcome.state) {
    case 'sent':
      if (envelope.notices.length) await deps.store.clearNotices(envelope.notices);
      report.sent.push({ to: recipient.email, role: recipient.role, subject: outcome.subject, itemIds, messageId: outcome.messageId });
      return itemIds;
    case 'alreadySent':
      report.alreadySent++;
      return outcome.itemIds;
    case 'busy':
      report.deferred++;
      return undefined;
    case 'failed':
      report.failed.push({ to: recipient.email, role: recipient.role, error: outcome.error });
      return undefined;
  }
}

async function render(deps: ReminderJobDeps, envelope: Envelope, day: CalendarDate) {
  const { recipient } = envelope;
  const api = (item: StoredItem) => `${deps.publicBaseUrl}/uppdrag/${item.id}`;
  // A manager's items link to their own unit's page; an official's to their "Mina ärenden".
  const units = recipient.role === 'manager' ? [...new Set(envelope.items.map((i) => i.unit))] : [];
  const unitLinks = new Map(await Promise.all(units.map(async (unit) => [unit, await deps.pageLink?.(recipient, unit)] as const)));
  const link = recipient.role === 'responsible' ? await deps.pageLink?.(recipient) : undefined;
  const pageOf = (item: StoredItem) => (recipient.role === 'manager' ? unitLinks.get(item.unit) : link);
  const lines = envelope.items.map((item) => {
    const page = pageOf(item);
    return { ...toReminderLine(toView(item, day), page ? `${page}#uppdrag-${item.id}` : api(item)), unit: item.unit, registrar: item.createdBy };
  });
  const attention = envelope.attention.flatMap(({ item, escalation }) => {
    const view = toView(item, day);
    const needs = needsOf(view, escalation);
    return needs.length ? [{ id: item.id, title: item.title, reference: decisionOf(item), needs, url: workspaceItemUrl(deps.publicBaseUrl, item.id) }] : [];
  });
  return renderReminderEmail({
    recipient,
    role: recipient.role,
    ...(recipient.role === 'manager' ? { units: units.map((unit) => ({ name: unit, ...(unitLinks.get(unit) ? { link: unitLinks.get(unit)! } : {}) })) } : {}),
    items: lines,
    notices: envelope.notices.filter((n) => !n.itemId),
    attention,
    today: day,
    ...(link ? { link } : {}),
  });
}

/** Who has open items but had no email in a run, and when each is next reminded. */
export interface NextReminder {
  email: string;
  name: string;
  date: CalendarDate;
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
export async function nextReminders(store: Pick<ReminderStore, 'remindingBetween' | 'sentOn'>, report: RunReport): Promise<NextReminder[]> {
  const mailed = new Set(report.sent.filter((e) => e.role === 'responsible').map((e) => e.to));
  const [later, sent] = await Promise.all([store.remindingBetween(addDays(report.day, 1), `${HOLIDAY_TABLE_YEARS.last}-12-31`), store.sentOn(report.day)]);
  const earlier = new Set(sent.filter((r) => r.role === 'responsible').map((r) => r.email));
  const people = new Map<string, NextReminder>();
  for (const item of later) {
    const { email, name } = item.responsible;
    if (mailed.has(email) || !item.nextReminderDate) continue;
    const found = people.get(email);
    if (!found) people.set(email, { email, name, date: item.nextReminderDate, items: 1, remindedEarlierToday: earlier.has(email) });
    else {
      found.items++;
      if (item.nextReminderDate < found.date) found.date = item.nextReminderDate;
    }
  }
  return [...people.values()].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'sv'));
}

/** Moves an item past today's reminder; if it changed meanwhile, from its fresh state. */
async function advance(deps: ReminderJobDeps, first: StoredItem, day: CalendarDate, calendar: WorkingCalendar): Promise<void> {
  let item: StoredItem | undefined = first;
  for (let attempt = 0; item && attempt < 3; attempt++) {
    if (item.status !== 'open' || (item.lastRemindedOn !== undefined && item.lastRemindedOn >= day)) return;
    const next = nextReminderDate({ dueDate: item.dueDate, reminders: item.reminders }, calendar, day, day);
    if (await deps.store.advance(item, day, next)) return;
    item = await deps.store.get(item.id);
  }
}
