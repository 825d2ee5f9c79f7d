import type { CalendarDate } from '../dates';
import type { Attention, Decision, Due, Kind, Person, ReminderPolicy, Remiss, State, Status } from './vocabulary';

/** The dates a `due` form resolves to, with the explanation a clerk reads. */
export interface ResolvedDue {
  dueDate: CalendarDate;
  meetingDate?: CalendarDate;
  externalDeadline?: CalendarDate;
  statutoryLimit?: CalendarDate;
  dueExplanation: string;
}

/** An official's request for a later deadline, made from their page; a registrar grants or refuses it. */
export interface ExtensionRequest {
  date: CalendarDate;
  reason: string;
  by: string;
  at: string;
}

/** A short note from the official on how the work stands ("lägesrapport"). */
export interface StatusReport {
  note: string;
  by: string;
  at: string;
}

/** The official says the item is not theirs: the registrar should reassign it. */
export interface ReassignRequest {
  note?: string;
  by: string;
  at: string;
}

/** The warnings' codes, as the API answers them (README, "Warnings"). */
export const WARNING_CODES = ['no_manager', 'overdue_at_registration', 'outside_deadline_passed', 'meeting_already_held'] as const;

/**
 * A remark the 201 of a registration carries: stored, but a clerk should know (`no_manager`, …).
 * `outside_deadline_passed` is a yttrande's: the recipient's last day for the answer is past.
 */
export interface Warning {
  code: (typeof WARNING_CODES)[number];
  message: string;
}

/** An item as stored. */
export interface StoredItem extends ResolvedDue {
  id: string;
  kind: Kind;
  title: string;
  description?: string;
  caseNumber?: string;
  /** Absent only for a yttrande registered when the remiss arrived. */
  decision?: Decision;
  remiss?: Remiss;
  responsible: Person;
  unit: string;
  manager?: Person;
  due: Due;
  reminders: ReminderPolicy;
  status: Status;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The meeting plan the deadline was computed from, so a changed plan finds its items. */
  meetingPlan?: { body: string; year: number };
  /** Set when a clerk must look at the item (listed by `GET /uppdrag?attention=`). */
  attention?: Attention;
  nextReminderDate?: CalendarDate;
  /** The last Stockholm date the responsible official was reminded (the daily job sets it). */
  lastRemindedOn?: CalendarDate;
  extensionRequest?: ExtensionRequest;
  statusReport?: StatusReport;
  reassignRequest?: ReassignRequest;
  /** How often the deadline was moved after registration (a PATCH or a changed meeting plan), and the latest reason. */
  deadlineChanges?: number;
  lastDeadlineReason?: string;
  /** When the item was closed (done or cancelled); gone when it is reopened. */
  closedAt?: string;
}

/** An item as the API shows it: stored fields plus what is computed at read time. */
export interface ItemView extends StoredItem {
  state: State;
  daysLeft: number;
}
