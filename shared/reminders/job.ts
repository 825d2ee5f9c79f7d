import type { Clock } from '../clock';
import { addDays, stockholmDate, type CalendarDate } from '../dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { isEscalation, nextReminderDate } from '../schedule/reminders';
import { renderReminderEmail, type ReminderLine } from '../email/reminder';
import type { StoredItem } from '../items/model';
import { toView } from '../items/view';
import { SendError, type Mailer, type Recipient, type ReminderStore } from './ports';
import { createRateLimiter } from './rate-limit';

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
  /** Link to a recipient's own page; falls back to the item's API URL. */
  itemUrl?: (item: StoredItem, recipient: Recipient) => string;
}

export interface RunReport {
  day: CalendarDate;
  skipped?: 'non_working_day';
  sent: { to: string; role: Recipient['role']; subject: string; itemIds: string[]; messageId?: string }[];
  alreadySent: number;
  failed: { to: string; role: Recipient['role']; error: string }[];
  /** Recipients left for the next run: the time budget ran out or another run holds them. */
  deferred: number;
  suppressed: string[];
}

interface Envelope {
  recipient: Recipient;
  items: StoredItem[];
}

const SAFETY_MARGIN_MS = 10_000;

/** Emails of one run: each responsible official's items, and each manager's overdue-past-the-limit items. */
export function envelopesFor(items: StoredItem[], day: CalendarDate): Envelope[] {
  const byKey = new Map<string, Envelope>();
  const add = (recipient: Recipient, item: StoredItem) => {
    const key = `${recipient.role}#${recipient.email}`;
    const envelope = byKey.get(key) ?? { recipient, items: [] };
    envelope.items.push(item);
    byKey.set(key, envelope);
  };
  for (const item of items) {
    add({ role: 'responsible', email: item.responsible.email, name: item.responsible.name }, item);
    if (item.manager && isEscalation(item.dueDate, item.reminders, day)) {
      add({ role: 'manager', email: item.manager.email, name: item.manager.name }, item);
    }
  }
  return [...byKey.values()];
}

/**
 * The daily reminder run at an instant. "Today" is the Stockholm date of that instant; on a
 * non-working day nothing happens. Everything whose next reminder is due up to today is read
 * from the sparse index (a missed day is caught up), grouped into one email per recipient,
 * and sent exactly once per recipient and day: claim, send, record. See README, "Delivery".
 */
export async function runReminders(deps: ReminderJobDeps, options: { dryRun?: boolean } = {}): Promise<RunReport> {
  const day = stockholmDate(deps.clock());
  const report: RunReport = { day, sent: [], alreadySent: 0, failed: [], deferred: 0, suppressed: [] };
  const calendar = await deps.calendar();
  if (!calendar.isWorkingDay(day)) return { ...report, skipped: 'non_working_day' };

  const due = await deps.store.dueForReminder(day);
  const suppressed = await deps.store.suppressed([...new Set(due.flatMap((i) => [i.responsible.email, ...(i.manager ? [i.manager.email] : [])]))]);
  report.suppressed = [...suppressed];
  const envelopes = envelopesFor(due, day).filter((e) => !suppressed.has(e.recipient.email));

  if (options.dryRun) {
    for (const envelope of envelopes) {
      const email = render(deps, envelope, day);
      report.sent.push({ to: envelope.recipient.email, role: envelope.recipient.role, subject: email.subject, itemIds: envelope.items.map((i) => i.id) });
    }
    return report;
  }

  const limiter = createRateLimiter(deps.maxSendRate);
  const remaining = deps.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  const responsibleDone = new Set<string>();
  const responsibleOf = (item: StoredItem) => item.responsible.email;

  // Responsible officials first: their emails decide which items move on; managers' are copies.
  const ordered = [...envelopes].sort((a, b) => (a.recipient.role === b.recipient.role ? 0 : a.recipient.role === 'responsible' ? -1 : 1));
  const queue = [...ordered];
  const worker = async () => {
    for (let envelope = queue.shift(); envelope; envelope = queue.shift()) {
      if (remaining() < SAFETY_MARGIN_MS) {
        report.deferred++;
        continue;
      }
      const outcome = await deliver(deps, envelope, day, limiter, report);
      if (envelope.recipient.role === 'responsible' && outcome.itemIds) {
        for (const id of outcome.itemIds) responsibleDone.add(id);
      }
    }
  };
  // A few emails in flight at once, so the send rate, not SES's latency, sets the pace.
  await Promise.all(Array.from({ length: Math.min(8, Math.max(1, Math.ceil(deps.maxSendRate))) }, worker));

  for (const item of due) {
    if (responsibleDone.has(item.id) && !suppressed.has(responsibleOf(item))) await advance(deps, item, day, calendar);
    else if (suppressed.has(responsibleOf(item))) await advance(deps, item, day, calendar);
  }
  return report;
}

async function deliver(
  deps: ReminderJobDeps,
  envelope: Envelope,
  day: CalendarDate,
  limiter: ReturnType<typeof createRateLimiter>,
  report: RunReport,
): Promise<{ itemIds?: string[] }> {
  const { recipient } = envelope;
  const now = deps.clock();
  const staleBefore = new Date(now.getTime() - (deps.staleClaimMinutes ?? 15) * 60_000).toISOString();
  const itemIds = envelope.items.map((i) => i.id);
  const claim = await deps.store.claim(day, recipient, itemIds, now.toISOString(), staleBefore);
  if (claim.state === 'sent') {
    report.alreadySent++;
    return { itemIds: claim.itemIds };
  }
  if (claim.state === 'busy') {
    report.deferred++;
    return {};
  }
  const email = render(deps, envelope, day);
  const attempts = deps.sendAttempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      await limiter.acquire();
      const { messageId } = await deps.mailer.send({ to: recipient.email, subject: email.subject, text: email.text, html: email.html });
      await deps.store.markSent(day, recipient, messageId, deps.clock().toISOString());
      report.sent.push({ to: recipient.email, role: recipient.role, subject: email.subject, itemIds, messageId });
      return { itemIds };
    } catch (error) {
      const retryable = error instanceof SendError && error.retryable;
      if (retryable && attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, (deps.backoffMs ?? 200) * 2 ** (attempt - 1)));
        continue;
      }
      // Left for the next run: the claim is released and the items keep their reminder date.
      await deps.store.release(day, recipient);
      report.failed.push({ to: recipient.email, role: recipient.role, error: error instanceof Error ? error.message : String(error) });
      return {};
    }
  }
}

function render(deps: ReminderJobDeps, envelope: Envelope, day: CalendarDate) {
  const { recipient } = envelope;
  const url = deps.itemUrl ?? ((item: StoredItem) => `${deps.publicBaseUrl}/uppdrag/${item.id}`);
  const lines: ReminderLine[] = envelope.items.map((item) => ({ ...toView(item, day), url: url(item, recipient) }));
  const registrarEmail = envelope.items[0]?.createdBy;
  return renderReminderEmail({
    recipient,
    role: recipient.role,
    ...(recipient.role === 'manager' && envelope.items[0] ? { unit: envelope.items[0].unit } : {}),
    items: lines,
    today: day,
    registrar: registrarEmail ? { email: registrarEmail } : undefined,
  });
}

/** Moves an item past today's reminder; if it changed meanwhile, from its fresh state. */
async function advance(deps: ReminderJobDeps, first: StoredItem, day: CalendarDate, calendar: WorkingCalendar): Promise<void> {
  let item: StoredItem | undefined = first;
  for (let attempt = 0; item && attempt < 3; attempt++) {
    if (item.status !== 'open' || (item.lastRemindedOn !== undefined && item.lastRemindedOn >= day)) return;
    const next = nextReminderDate(
      { dueDate: item.dueDate, reminders: item.reminders },
      calendar,
      day,
      addDays(day, 1),
    );
    if (await deps.store.advance(item, day, next)) return;
    item = await deps.store.get(item.id);
  }
}
