import type { Clock } from '../clock';
import { stockholmDate, type CalendarDate } from '../dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { isEscalation, nextReminderDate } from '../schedule/reminders';
import { renderReminderEmail, toReminderLine } from '../email/reminder';
import type { StoredItem } from '../items/model';
import { toView } from '../items/view';
import type { Mailer, Notice, Recipient, ReminderStore } from './ports';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { recipientFaults, sendOnce } from './send-once';

export interface ReminderJobDeps {
  store: ReminderStore;
  mailer: Mailer;
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
  publicBaseUrl: string;
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
}

export interface Envelope {
  recipient: Recipient;
  items: StoredItem[];
  notices: Notice[];
}

/** Stop sending when less real time than this is left of the run. */
const SAFETY_MARGIN_MS = 10_000;
/** Emails in flight at once, so the send rate, not SES's latency, sets the pace. */
const MAX_IN_FLIGHT = 8;

/**
 * The emails of one run: each responsible official's items; each unit manager's items overdue
 * past `escalateAfterDays`; registrars' notices, in their own email as responsible when they
 * have one that day, else in an email of their own.
 */
export function envelopesFor(items: StoredItem[], notices: Notice[], day: CalendarDate): Envelope[] {
  const byKey = new Map<string, Envelope>();
  const envelope = (recipient: Recipient) => {
    const key = `${recipient.role}#${recipient.email}`;
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { recipient, items: [], notices: [] }));
    return found;
  };
  for (const item of items) {
    envelope({ role: 'responsible', email: item.responsible.email, name: item.responsible.name }).items.push(item);
    if (item.manager && isEscalation(item.dueDate, item.reminders, day)) {
      envelope({ role: 'manager', email: item.manager.email, name: item.manager.name }).items.push(item);
    }
  }
  for (const notice of notices) {
    const own = byKey.get(`responsible#${notice.recipient}`);
    (own ?? envelope({ role: 'registrar', email: notice.recipient })).notices.push(notice);
  }
  return [...byKey.values()];
}

/**
 * The daily reminder run at the clock's instant. "Today" is the Stockholm date of that instant;
 * on a non-working day nothing happens. Everything whose next reminder is due up to today is
 * read from the sparse index (a missed day is caught up), grouped into one email per recipient,
 * and sent once per recipient and day: claim, send, record (README, "Delivery guarantee").
 */
export async function runReminders(deps: ReminderJobDeps, options: { dryRun?: boolean } = {}): Promise<RunReport> {
  const day = stockholmDate(deps.clock());
  const report: RunReport = { day, sent: [], alreadySent: 0, failed: [], deferred: 0, suppressed: 0 };
  const calendar = await deps.calendar();
  if (!calendar.isWorkingDay(day)) return { ...report, skipped: 'non_working_day' };

  const due = await deps.store.dueForReminder(day);
  const notices = await deps.store.pendingNotices();
  const all = envelopesFor(due, notices, day);
  const suppressed = await deps.store.suppressed([...new Set(all.map((e) => e.recipient.email))]);
  const envelopes = all.filter((e) => !suppressed.has(e.recipient.email));
  report.suppressed = all.length - envelopes.length;

  if (options.dryRun) {
    for (const envelope of envelopes) {
      const email = await render(deps, envelope, day);
      report.sent.push({ to: envelope.recipient.email, role: envelope.recipient.role, subject: email.subject, itemIds: envelope.items.map((i) => i.id) });
    }
    return report;
  }

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
  const link = await deps.pageLink?.(recipient, recipient.role === 'manager' ? envelope.items[0]?.unit : undefined);
  const url = (item: StoredItem) => (link ? `${link}#uppdrag-${item.id}` : `${deps.publicBaseUrl}/uppdrag/${item.id}`);
  const lines = envelope.items.map((item) => toReminderLine(toView(item, day), url(item)));
  const registrar = envelope.items[0]?.createdBy;
  return renderReminderEmail({
    recipient,
    role: recipient.role,
    ...(recipient.role === 'manager' && envelope.items[0] ? { unit: envelope.items[0].unit } : {}),
    items: lines,
    notices: envelope.notices,
    today: day,
    ...(registrar ? { registrar: { email: registrar } } : {}),
    ...(link ? { link } : {}),
  });
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
