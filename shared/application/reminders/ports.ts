import type { CalendarDate } from '../../domain/dates';
import type { StoredItem } from '../../domain/items/item';

/** Who an email of a run goes to: the responsible official, or a unit's manager (escalation). */
export interface Recipient {
  role: 'responsible' | 'manager' | 'registrar';
  email: string;
  name?: string;
}

export type ClaimOutcome =
  | { state: 'claimed' }
  /** Already sent this day: the items it listed, so a rerun can still advance them. */
  | { state: 'sent'; itemIds: string[] }
  /** Another run holds a fresh claim: leave this recipient to it. */
  | { state: 'busy' };

/** What the reminder job reads and records; the DynamoDB adapter implements it. */
export interface ReminderStore {
  /** Open items whose next reminder date is on or before `today`, from the sparse index. */
  dueForReminder(today: CalendarDate): Promise<StoredItem[]>;
  /** Open items whose next reminder date is from `from` to `to`, both included, from the same index. */
  remindingBetween(from: CalendarDate, to: CalendarDate): Promise<StoredItem[]>;
  /**
   * Claims the email of one recipient for one day with a conditional write. A claim older than
   * `staleBefore` (a run that died between claim and record) may be taken over.
   */
  claim(day: CalendarDate, recipient: Recipient, itemIds: string[], now: string, staleBefore: string): Promise<ClaimOutcome>;
  markSent(day: CalendarDate, recipient: Recipient, messageId: string, now: string): Promise<void>;
  /** Who has had their email of a day (the sent claims of that day). */
  sentOn(day: CalendarDate): Promise<Pick<Recipient, 'role' | 'email'>[]>;
  release(day: CalendarDate, recipient: Recipient): Promise<void>;
  /**
   * Records that an item was reminded on `day` and moves it to its next reminder date; false
   * when the item changed meanwhile (the caller re-reads it).
   */
  advance(item: StoredItem, day: CalendarDate, next: CalendarDate | undefined): Promise<boolean>;
  get(id: string): Promise<StoredItem | undefined>;
  /** Addresses that bounced or complained: reminders to them stop. */
  suppressed(emails: string[]): Promise<Set<string>>;
  /** Marks an address as not to be mailed, idempotently. */
  suppress(email: string, reason: string, at: string): Promise<void>;
  /**
   * Leaves a notice for someone's next email (e.g. an address that bounced). With `itemId` it is
   * about that item: the email then shows what the item needs when the email goes out (a request
   * already answered is not shown), not `text`.
   */
  addNotice(recipient: string, text: string, at: string, itemId?: string): Promise<void>;
  pendingNotices(): Promise<Notice[]>;
  clearNotices(notices: Notice[]): Promise<void>;
  /** Open items an address is responsible for or manages, to tell their registrars. */
  openItemsOf(email: string): Promise<StoredItem[]>;
}

export interface Notice {
  id: string;
  recipient: string;
  text: string;
  /** The item the notice is about, when it is about one (see `addNotice`). */
  itemId?: string;
}

export interface OutgoingEmail {
  to: string;
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

/** Sends one email; throws `SendError` with `retryable` for throttling and server faults. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
