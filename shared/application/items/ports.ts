import type { Notices } from '../delivery/ports';
import type { CalendarDate } from '../../domain/dates';
import type { HistoryEvent } from '../../domain/items/history';
import type { Attention, Kind, Status } from '../../domain/items/vocabulary';
import type { StoredItem } from '../../domain/items/item';
import type { PublicSourceItem } from '../../domain/reports/public';
import type { CountedItem, ReportItem } from '../../domain/reports/counted';
import type { StatisticsFilters } from '../../domain/reports/statistics';
import type { DeadlineData, DeadlineReads } from '../plans/deadline-rules';
import type { Unit } from '../units/directory';

/** A list query in the repository's terms; the service has already applied who may see what. */
export interface ItemQuery {
  unit?: string;
  responsible?: string;
  kind?: Kind;
  /** Only items decided by this body (`decision.body`, e.g. KF): the follow-up of a body's decisions. */
  decisionBody?: string;
  /** Stored statuses to walk, in order. */
  statuses: Status[];
  /** Inclusive bounds on dueDate. */
  dueFrom?: CalendarDate;
  dueTo?: CalendarDate;
  limit: number;
  cursor?: string;
  /** Only items with a pending request for a later deadline. */
  extensionRequested?: boolean;
  /** Only open items flagged for a clerk with one of these reasons, walked in this order. */
  attention?: Attention[];
  /**
   * Only items whose title or case number holds every one of these words (shared/domain/items/search.ts,
   * `searchWords`). No index serves it: the items of the query's partitions are read, page by page,
   * until a page of matches is found.
   */
  search?: readonly string[];
}

export interface ItemPage {
  items: StoredItem[];
  nextCursor?: string;
}

export interface IdempotencyRecord {
  bodyHash: string;
  itemId: string;
}

/**
 * What registering an item needs before it writes. The reference data (closed days, meeting
 * plans, the unit) may come from what the repository read earlier in this process; the
 * idempotency record and the look-alike guard are read only when something else is read, else
 * taken as absent, which the transaction's conditions then prove (`create`).
 */
export interface RegistrationReads extends DeadlineReads {
  /** The unit whose directory entry names the manager, when the item names none. */
  unit?: string;
  idempotency?: { caller: string; key: string };
  /** The work (`sameWorkKey`) whose look-alike guard to read; none when the look-alike is confirmed. */
  lookalike?: string;
  /**
   * Read everything now, strongly consistently, nothing from earlier: the attempt after a
   * transaction that found the idempotency record, the guard or the reference data not as known.
   */
  consistent?: boolean;
}

/**
 * A reference record a registration computed from (a year's closed days, a meeting plan, a unit),
 * named by the repository, and what it was then: absent, its `revision`, or, written before
 * revisions were kept, its `updatedAt`. The use case hands these to `create` unchanged.
 */
export interface ReferenceAsRead {
  record: string;
  /** The year, when the record is that year's extra closed days. */
  closedDaysOf?: number;
  /** Absent; its revision; or its `updatedAt` ('' when it has none either). */
  was: { absent: true } | { revision: string } | { updatedAt: string };
}

/** What a registration knows: the deadline's reference data, the unit, the idempotency record, the look-alike guard. */
export interface RegistrationData extends DeadlineData {
  unit?: Unit;
  idempotency?: IdempotencyRecord;
  /**
   * The ids the work's look-alike guard holds: the open items registered for it (one may have
   * changed since; read it to know); none when the guard was not read.
   */
  lookalikes: string[];
  /**
   * Whether every open item is in its guard. Not until the items stored before the guards
   * existed have been given theirs (`guardOpenItems`): until then the official's open items are
   * looked through as well.
   */
  guardsComplete: boolean;
  /** The reference records the data above came from, as they were when read. */
  references: ReferenceAsRead[];
  /**
   * Whether all of those records were read now, strongly consistently; false when some came from
   * what the process kept from an earlier registration (proved current only by the transaction).
   */
  readConsistently: boolean;
}

/**
 * How a new item joins its work's look-alike guard: only if the guard still holds exactly the
 * ids read (none, or items no longer like it), else `LookalikeTaken`; or, a look-alike being
 * confirmed, beside what it holds.
 */
export type LookalikeWrite = { work: string; asRead: string[] } | { work: string; confirmed: true };

/** The item as it was read before a change: its version, and what places it in a look-alike guard. */
export type ItemAsRead = Pick<StoredItem, 'id' | 'version' | 'lastRemindedOn' | 'status' | 'kind' | 'decision' | 'responsible' | 'title'>;

export interface ItemRepository {
  /**
   * What a registration needs: from what this process read before when it has all of the
   * reference data (nothing is read), else in one strongly consistent batched read
   * (docs/data-model.md, "Writes").
   */
  registrationData(reads: RegistrationReads): Promise<RegistrationData>;
  /**
   * Stores a new item with its first history event and its place in the look-alike guard,
   * atomically, on condition that every reference record it was computed from (`references`, as
   * `registrationData` answered them) is still as read. With an idempotency
   * record, a reused key fails with `IdempotencyKeyTaken`; else a reference record changed since
   * (what this process had read of it is then forgotten) with `ReferenceChanged`; else a guard
   * changed since it was read, with `LookalikeTaken`.
   */
  create(
    item: StoredItem,
    event: HistoryEvent,
    options: { idempotency?: { caller: string; key: string; bodyHash: string }; lookalike: LookalikeWrite; references?: ReferenceAsRead[] },
  ): Promise<void>;
  get(id: string): Promise<StoredItem | undefined>;
  /**
   * Replaces the item with one history event, atomically, if it is still as read: the same
   * version and the same `lastRemindedOn` (which the daily job moves without a new version);
   * else `VersionConflict`. An item closed, reopened or given other work fields moves between
   * look-alike guards in the same transaction. With an idempotency record, a reused key fails
   * with `IdempotencyKeyTaken`.
   */
  update(item: StoredItem, event: HistoryEvent, read: ItemAsRead, idempotency?: { caller: string; key: string; bodyHash: string }): Promise<void>;
  /** Puts an open item in its look-alike guard (nothing changes when it is there already). */
  guard(item: StoredItem): Promise<void>;
  /** Records that every open item is in its guard, as of `at`. */
  guardsCompleted(at: string): Promise<void>;
  history(id: string): Promise<HistoryEvent[]>;
  list(query: ItemQuery): Promise<ItemPage>;
  idempotency(caller: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** A unit's items closed in a Stockholm year, optionally only those closed in [from, to) (ISO instants). */
  closed(unit: string, year: string, range?: { from: string; to: string }): Promise<StoredItem[]>;
  /** Open items whose deadline was computed from a body's meeting plan for a year. */
  dependingOnPlan(body: string, year: number): Promise<StoredItem[]>;
  /** Open items whose next reminder date is on or before `today`, from the sparse reminder index. */
  dueForReminder(today: CalendarDate): Promise<StoredItem[]>;
  /** Open items whose next reminder date is from `from` to `to`, both included, from the same index. */
  remindingBetween(from: CalendarDate, to: CalendarDate): Promise<StoredItem[]>;
  /**
   * Records that an item was reminded on `day` and moves it to its next reminder date (off the
   * index when `next` is undefined), without a new version, so a clerk's ETag stays valid; false
   * when the item changed meanwhile (the caller re-reads it).
   */
  advance(item: StoredItem, day: CalendarDate, next: CalendarDate | undefined): Promise<boolean>;
  /**
   * Every item counted from a date from `from` to `to`, both included: its decision date, or its
   * Stockholm registration date when it has no decision (as computeStatistics counts it). Read
   * from the `byDecision` index, one Query per month of the period, never a Scan: the items read
   * are the items of the period. `filters` leave out what is not asked for before it is sent,
   * not before it is read. Of each item only what the statistics count (CountedItem).
   */
  decidedBetween(from: CalendarDate, to: CalendarDate, filters?: StatisticsFilters): Promise<CountedItem[]>;
  /** The items of `ids` that exist, in no particular order, with only the fields a report reads (ReportItem). */
  reportItems(ids: readonly string[]): Promise<ReportItem[]>;
  /**
   * The items `body` decided that are open, and those closed on or after the Stockholm date
   * `closedSince`, from the `byDecisionBody` index (two Queries): only the fields the public page
   * reads, so no e-mail address leaves the table.
   */
  ofDecisionBody(body: string, closedSince: CalendarDate): Promise<PublicSourceItem[]>;
  /**
   * Writes an item's index keys as `itemIndexKeys` now defines them, without a new version (an
   * item stored before an index existed joins it); false when the item changed meanwhile, whose
   * write then carried the keys already.
   */
  reindex(item: StoredItem): Promise<boolean>;
}

export class VersionConflict extends Error {}
export class IdempotencyKeyTaken extends Error {}
export class LookalikeTaken extends Error {}
export class ReferenceChanged extends Error {}
export class InvalidCursor extends Error {}

/**
 * Leaves a line for someone's next email from the daily job ("Din begäran om förlängning
 * beviljades"); about an item or the official it answers (shared/application/delivery/ports.ts, `Notices`).
 */
export type NoticeBoard = Pick<Notices, 'addNotice'>;
export type { NoticeAbout } from '../delivery/ports';
