import { createHash, randomUUID } from 'node:crypto';
import { isRegistrar, managedUnit, requireRegistrar, requireUnitOfManager, type Caller } from '../../domain/caller';
import type { Clock } from '../../platform/clock';
import { addDays, stockholmDate, swedishDate, type CalendarDate } from '../../domain/dates';
import { conflict, DomainError, forbidden, invalid, notFound, refused, stale, unavailable } from '../../domain/errors';
import { diffItems, type HistoryAction, type HistoryEvent } from '../../domain/items/history';
import { ATTENTIONS, DEFAULT_REMINDERS, dueKindMismatch, KIND_LABELS, originKindMismatch, type Attention, type Due, type Kind, type State, type Status } from '../../domain/items/vocabulary';
import { searchWords } from '../../domain/items/search';
import { swedishOrder as collator } from '../../domain/text';
import type { ItemSort, SortKey } from './query';
import type { CreateItemBody, DeadlinePreviewBody, PatchItemBody } from './commands';
import { type ItemView, type ResolvedDue, type StoredItem, type Warning } from '../../domain/items/item';
import type { DeadlineRules } from '../../domain/items/rules';
import {
  IdempotencyKeyTaken,
  InvalidCursor,
  LookalikeTaken,
  ReferenceChanged,
  VersionConflict,
  type IdempotencyRecord,
  type ItemQuery,
  type ItemRepository,
  type NoticeAbout,
  type NoticeBoard,
  type RegistrationData,
} from './ports';
import type { PreloadableDeadlineRules } from '../plans/deadline-rules';
import { sameWorkKey, type WorkFields } from '../../domain/items/lookalike';
import { toView } from '../../domain/items/view';
import { itemReference } from '../../domain/items/reference';
import { checkDueAfterOrigin, deadlineFor, deadlineWarnings, managerWarnings, registrationWarnings } from './registration';
import { listAll } from './list-all';

export interface ItemDeps {
  items: ItemRepository;
  rules: PreloadableDeadlineRules;
  clock: Clock;
  newId?: () => string;
  /** Where the outcome of an official's request is left for their next email. */
  notices?: NoticeBoard;
}

const today = (deps: ItemDeps) => stockholmDate(deps.clock());

/** Canonical JSON (sorted keys), so the same body with other whitespace or key order hashes alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Who may see an item: registrars all, the responsible official their own, a manager their unit's. */
export function canRead(caller: Caller, item: StoredItem): boolean {
  return isRegistrar(caller) || item.responsible.email === caller.who || managedUnit(caller) === item.unit;
}

async function readable(deps: ItemDeps, caller: Caller, id: string): Promise<StoredItem> {
  const item = await deps.items.get(id);
  // Another unit's item answers as if it did not exist.
  if (!item || !canRead(caller, item)) throw notFound('Ärendet finns inte.');
  return item;
}

/** Adds what is derived from the deadline: the next reminder date and the meeting plan it hangs on. */
export async function withSchedule(deps: { rules: Pick<DeadlineRules, 'nextReminderDate' | 'planDependency'>; clock: Clock }, item: StoredItem): Promise<StoredItem> {
  const { nextReminderDate: _, meetingPlan: __, ...rest } = item;
  const next = item.status === 'open' ? await deps.rules.nextReminderDate(rest, stockholmDate(deps.clock())) : undefined;
  const plan = deps.rules.planDependency(rest);
  return { ...rest, ...(next ? { nextReminderDate: next } : {}), ...(plan ? { meetingPlan: plan } : {}) };
}

/** What a registration answers: the item, what a clerk should know about it, and whether it was a replay. */
export interface Registration {
  item: ItemView;
  warnings: Warning[];
  replayed: boolean;
}

/**
 * Attempts at a registration: a transaction that finds the look-alike guard, or a reference
 * record, not as known is followed by one that reads everything again.
 */
const REGISTRATION_ATTEMPTS = 3;

/**
 * Register an item: validate its deadline against the rules and against its decision, store it
 * with its creation event in one transaction. With an Idempotency-Key, a repeat of the same
 * body returns the first item and stores nothing; the key with another body is a 409. Without a
 * key that matched, an open item of the same kind, decision, official and title is a 409
 * `possible_duplicate` naming it, unless `confirmDuplicate`. The answer carries `warnings`
 * (`registrationWarnings`): no manager to escalate to, a meeting already held (the item is then
 * flagged `attention: meeting_already_held`), a deadline already past.
 *
 * Commonly one round trip to the table, the transaction: the closed days, meeting plans and unit
 * come from what this process read before, and the transaction checks that each the item was
 * computed from is still as read; the idempotency record and the look-alike guard are taken to be
 * absent, which the transaction's conditions check too (it joins the item to its guard only if
 * the guard holds nothing, so that two identical registrations at the same instant store one).
 * When one of them fails, the next attempt reads everything, strongly consistently, and answers
 * from what it finds: the stored item, the 409, or the deadline from the changed data. A deadline
 * refused (422) from what the process kept is likewise confirmed by reading everything anew before
 * it is answered: a plan or meeting an admin saved in another process since is then found. A
 * process's first registration reads the reference data (with the idempotency record and the
 * guard) in one batched read first. A year of closed days the counting reached beyond those read
 * is read with them in the next attempt, so that the transaction checks it too. A look-alike the guard names is read to name it in the 409 (README,
 * "Registering an item").
 */
export async function createItem(deps: ItemDeps, caller: Caller, body: CreateItemBody, idempotencyKey?: string): Promise<Registration> {
  requireRegistrar(caller);
  const bodyHash = createHash('sha256').update(canonical(body)).digest('hex');
  const { confirmDuplicate, ...fields } = body;
  const day = today(deps);
  const work = sameWorkKey(fields);
  const reads = deps.rules.reads({ due: fields.due, reminders: fields.reminders ?? DEFAULT_REMINDERS }, day);
  for (let attempt = 1; ; attempt++) {
    const data = await deps.items.registrationData({
      ...reads,
      ...(fields.manager ? {} : { unit: fields.unit }),
      ...(idempotencyKey ? { idempotency: { caller: caller.who, key: idempotencyKey } } : {}),
      ...(confirmDuplicate ? {} : { lookalike: work }),
      ...(attempt > 1 ? { consistent: true } : {}),
    });
    if (data.idempotency) return replayOf(deps, data.idempotency, bodyHash);
    const rules = deps.rules.withData(data);
    let deadline: Awaited<ReturnType<typeof deadlineFor>>;
    try {
      deadline = await deadlineFor(rules, fields, day);
    } catch (error) {
      // The idempotency record is not read in the common case: a retried request is answered as the first one was, whatever the rules say now.
      const replay = idempotencyKey ? await replayIdempotent(deps, caller, idempotencyKey, bodyHash) : undefined;
      if (replay) return replay;
      // A refusal counted from what this process kept (a plan saved since in another process is
      // not in it) is confirmed from the table first: the next attempt reads everything anew.
      if (error instanceof DomainError && error.kind === 'deadline' && !data.readConsistently) continue;
      throw error;
    }
    // The counting reached a year whose closed days were not among the reads (read on the side,
    // so the transaction could not check them): read again with it, to check what was used.
    const unread = [...rules.yearsLookedAt()].filter((year) => !data.references.some((reference) => reference.closedDaysOf === year));
    if (unread.length > 0) {
      reads.closedDayYears = [...new Set([...reads.closedDayYears, ...unread])].sort((a, b) => a - b);
      continue;
    }
    const duplicate = confirmDuplicate ? undefined : await openLookalike(deps, fields, work, data);
    if (duplicate) {
      // A parallel request with the same key may have stored it meanwhile: that is a replay, not a look-alike.
      const replay = idempotencyKey ? await replayIdempotent(deps, caller, idempotencyKey, bodyHash) : undefined;
      if (replay) return replay;
      throw conflict(
        'possible_duplicate',
        `Det finns redan ett öppet ärende som ser likadant ut: ${itemReference(duplicate)}, tidsfrist ${swedishDate(duplicate.dueDate)}. ` +
          'Är det ändå ett nytt ärende, skicka samma uppgifter med "confirmDuplicate": true.',
        { existingId: duplicate.id },
      );
    }
    const now = deps.clock().toISOString();
    const manager = fields.manager ?? data.unit?.manager;
    const item = await withSchedule({ rules, clock: deps.clock }, {
      ...fields,
      ...(manager ? { manager } : {}),
      reminders: fields.reminders ?? DEFAULT_REMINDERS,
      ...deadline,
      id: (deps.newId ?? randomUUID)(),
      status: 'open',
      createdBy: caller.who,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const event: HistoryEvent = { at: now, by: caller.who, action: 'created', changes: {} };
    try {
      await deps.items.create(item, event, {
        ...(idempotencyKey ? { idempotency: { caller: caller.who, key: idempotencyKey, bodyHash } } : {}),
        // Among the guard's ids, none was an open look-alike: the new item takes their place.
        lookalike: confirmDuplicate ? { work, confirmed: true } : { work, asRead: data.lookalikes },
        // A year's closed days the counting never looked at cannot have changed the item.
        references: data.references.filter((reference) => reference.closedDaysOf === undefined || rules.yearsLookedAt().has(reference.closedDaysOf)),
      });
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken && idempotencyKey) {
        const replay = await replayIdempotent(deps, caller, idempotencyKey, bodyHash);
        if (replay) return replay;
      }
      // The same work registered in between, the closed days, a plan or the unit changed, or the
      // key's record expired between the transaction and its reading: read again.
      if (error instanceof LookalikeTaken || error instanceof ReferenceChanged || error instanceof IdempotencyKeyTaken) {
        if (attempt < REGISTRATION_ATTEMPTS) continue;
        const busy = error instanceof ReferenceChanged ? 'Kalendern, sammanträdesplanen eller enheten ändras just nu.' : 'Samma ärende registreras av någon annan just nu.';
        throw unavailable(`${busy} Försök igen om en stund.`, 1, error);
      }
      throw error;
    }
    return { item: toView(item, day), warnings: registrationWarnings(item, rules), replayed: false };
  }
}

/**
 * The open item that looks like the one being registered, if any. Nothing is read when the
 * guard holds no item and every open item is in its guard (the common case). Otherwise the
 * official's open items of that kind (and decision body) are read through the `byResponsible`
 * index, never a Scan, as the look-alike was found before the guards existed (and must still be
 * for items stored before then, until they have their guards), and beside them the items the
 * guard names, read consistently: one registered an instant ago is not in the index yet, and
 * one closed or changed since is no look-alike.
 */
async function openLookalike(deps: ItemDeps, fields: WorkFields, work: string, data: RegistrationData): Promise<StoredItem | undefined> {
  if (data.guardsComplete && data.lookalikes.length === 0) return undefined;
  const [listed, ...guarded] = await Promise.all([
    listAll(deps.items, {
      responsible: fields.responsible.email,
      kind: fields.kind,
      ...(fields.decision ? { decisionBody: fields.decision.body } : {}),
      statuses: ['open'],
    }),
    ...data.lookalikes.map((id) => deps.items.get(id)),
  ]);
  return [...listed, ...guarded].find((item) => item?.status === 'open' && sameWorkKey(item) === work);
}

/**
 * The open item of the same work (`sameWorkKey`: kind, decision, official, title) as `fields`, if
 * any: the one registering them would be refused for (409 `possible_duplicate`). Reads the
 * work's look-alike guard, and as `createItem` does, the official's open items while the guards
 * are incomplete (the guard read now: `consistent`, else it is taken as absent); stores nothing. For a dry run (`importBacklog`) to say what registering would.
 */
export async function findOpenLookalike(deps: ItemDeps, fields: WorkFields): Promise<StoredItem | undefined> {
  const work = sameWorkKey(fields);
  return openLookalike(deps, fields, work, await deps.items.registrationData({ closedDayYears: [], plans: [], lookalike: work, consistent: true }));
}

/**
 * `POST /deadlines/preview`: the dates and explanation an item of this kind, decision and due
 * would get today, and the warnings it would be registered with (`registrationWarnings`: about
 * its deadline, and with a `unit`, `no_manager` when neither `manager` nor the unit directory
 * names one); the same 422 it would get. Nothing is read but the calendar, plans and the unit,
 * nothing is stored.
 */
export async function previewDeadline(deps: ItemDeps, caller: Caller, body: DeadlinePreviewBody): Promise<ResolvedDue & { attention?: Attention; warnings?: Warning[] }> {
  requireRegistrar(caller);
  const day = today(deps);
  const deadline = await deadlineFor(deps.rules, body, day);
  const unit = body.unit && !body.manager ? (await deps.items.registrationData({ closedDayYears: [], plans: [], unit: body.unit })).unit : undefined;
  const manager = body.manager ?? unit?.manager;
  const warnings = [
    ...(body.unit ? managerWarnings({ unit: body.unit, manager }) : []),
    ...deadlineWarnings(deadline, day, deps.rules.planDependency({ due: body.due, meetingDate: deadline.meetingDate })?.body),
  ];
  return { ...deadline, ...(warnings.length ? { warnings } : {}) };
}

async function replayIdempotent(deps: ItemDeps, caller: Caller, key: string, bodyHash: string): Promise<Registration | undefined> {
  const record = await deps.items.idempotency(caller.who, key);
  return record ? replayOf(deps, record, bodyHash) : undefined;
}

/** The answer to a registration repeated with its Idempotency-Key: the item as stored; the key with another body is a 409. */
async function replayOf(deps: ItemDeps, record: IdempotencyRecord, bodyHash: string): Promise<Registration> {
  if (record.bodyHash !== bodyHash) {
    throw conflict('idempotency_key_reused', 'Idempotency-Key har redan använts för ett annat ärende: skicka samma uppgifter, eller en ny nyckel.');
  }
  const item = await deps.items.get(record.itemId);
  if (!item) throw new Error(`idempotency record points at missing item ${record.itemId}`);
  return { item: toView(item, today(deps)), warnings: registrationWarnings(item, deps.rules), replayed: true };
}

export async function getItem(deps: ItemDeps, caller: Caller, id: string): Promise<ItemView> {
  return toView(await readable(deps, caller, id), today(deps));
}

export async function itemHistory(deps: ItemDeps, caller: Caller, id: string): Promise<HistoryEvent[]> {
  await readable(deps, caller, id);
  return deps.items.history(id);
}

/**
 * Change an item. Registrars change any field; the responsible official may only close their
 * own item as done with a note. A changed deadline and a cancellation need a reason. The write
 * is conditional on the version the caller read (`expectedVersion`, the HTTP edge's If-Match), so
 * no change is lost: a stale version is `stale` with the version now. A retry of a change whose
 * answer was lost (a timeout, a 503 after the write) gets the item as stored, never a second
 * change and never a spurious `stale`: with the same `idempotencyKey` (kept 24 hours per caller,
 * written in the same transaction as the change), or without one when the item's latest change
 * is this very change by this caller (SECURITY.md, "What a 503 means").
 */
export async function patchItem(
  deps: ItemDeps,
  caller: Caller,
  id: string,
  expectedVersion: number,
  patch: PatchItemBody,
  options: { via?: string; idempotencyKey?: string } = {},
): Promise<ItemView> {
  const key = options.idempotencyKey;
  const bodyHash = key ? createHash('sha256').update(canonical({ patch: { id, expectedVersion, ...patch } })).digest('hex') : '';
  const replay = async () => {
    const record = key ? await deps.items.idempotency(caller.who, key) : undefined;
    if (!record) return undefined;
    if (record.bodyHash !== bodyHash || record.itemId !== id) {
      throw conflict('idempotency_key_reused', 'Idempotency-Key har redan använts för en annan ändring: skicka samma ändring, eller en ny nyckel.');
    }
    return readable(deps, caller, id);
  };
  const replayed = await replay();
  if (replayed) return toView(replayed, today(deps));
  let applied: StoredItem | undefined;
  const after = await changeItem(
    deps,
    async () => {
      const before = await readable(deps, caller, id);
      if (!isRegistrar(caller)) {
        const ownDone =
          before.responsible.email === caller.who &&
          Object.keys(patch).every((k) => k === 'status' || k === 'note') &&
          patch.status === 'done';
        if (!ownDone) throw forbidden('Du får bara markera dina egna ärenden som klara (status done med note).');
      }
      if (before.version !== expectedVersion) {
        if (await isLatestChange(deps, caller, before, expectedVersion, patch)) applied = before;
        else throw stale(before.version);
      }
      return before;
    },
    async (before) => (applied ? undefined : applyPatch(deps, caller, before, patch, options.via)),
    key ? { caller: caller.who, key, bodyHash } : undefined,
    replay,
  );
  return toView(after, today(deps));
}

/**
 * Whether the item's latest change is this caller's `patch` made on `expectedVersion`: the
 * version after it, by this caller, leaving nothing to change, with the same note and reason.
 */
async function isLatestChange(deps: ItemDeps, caller: Caller, item: StoredItem, expectedVersion: number, patch: PatchItemBody): Promise<boolean> {
  if (item.version !== expectedVersion + 1) return false;
  const last = (await deps.items.history(item.id)).at(-1);
  if (!last || last.by !== caller.who || last.note !== patch.note || last.reason !== patch.reason) return false;
  const { note: _n, reason: _r, ...fields } = patch;
  return (await applyPatch(deps, caller, item, fields, undefined)) === undefined;
}

/** A change to store: the item after it and the history event recording it. */
export interface ItemChange {
  after: StoredItem;
  event: HistoryEvent;
  /** Lines for people's next emails once the change is stored (e.g. the outcome of a request, `about` its official). */
  notices?: { recipient: string; text: string; about?: NoticeAbout }[];
}

/**
 * Reads an item, builds a change and stores it conditionally. The daily job moves an item
 * without a new version, so when only the job moved it the change is built again from the item
 * as it now is; a caller's stale version is `read`'s to refuse. Answers the item as stored.
 */
export async function changeItem(
  deps: ItemDeps,
  read: () => Promise<StoredItem>,
  build: (before: StoredItem) => Promise<ItemChange | undefined>,
  idempotency?: { caller: string; key: string; bodyHash: string },
  replay?: () => Promise<StoredItem | undefined>,
): Promise<StoredItem> {
  for (let attempt = 1; ; attempt++) {
    const before = await read();
    const change = await build(before);
    if (!change) return before;
    try {
      await deps.items.update(change.after, change.event, before, idempotency);
    } catch (error) {
      // The same change under the same key stored by a parallel retry: that one's result is the answer.
      if (error instanceof IdempotencyKeyTaken && replay) {
        const stored = await replay();
        if (stored) return stored;
      }
      if (!(error instanceof VersionConflict)) throw error;
      if (attempt === 3) throw stale(before.version);
      continue;
    }
    for (const notice of change.notices ?? []) await deps.notices?.addNotice(notice.recipient, notice.text, change.event.at, notice.about);
    return change.after;
  }
}

/**
 * A plain date given for a yttrande registered from its remiss (`{ externalDeadline, recipient,
 * decidedBy }`) is a deadline set by hand within that remiss: the recipient and the outside
 * deadline are kept, and the date may not pass the outside deadline (resolve.ts). Any other new
 * `due` replaces the old one as sent.
 */
function keepingRemiss(before: Due, after: Due): Due {
  if (!('externalDeadline' in before) || !('date' in after) || 'externalDeadline' in after) return after;
  return { externalDeadline: before.externalDeadline, recipient: before.recipient, ...(before.decidedBy ? { decidedBy: before.decidedBy } : {}), date: after.date };
}

/** The item after a patch and the history event recording it; undefined when nothing changes. */
async function applyPatch(
  deps: ItemDeps,
  caller: Caller,
  before: StoredItem,
  patch: PatchItemBody,
  via: string | undefined,
): Promise<ItemChange | undefined> {
  const { status, note, reason, manager, extensionRequest: extensionDecision, ...fields } = patch;
  if (fields.due) fields.due = keepingRemiss(before.due, fields.due);
  let merged = { ...before, ...fields } as StoredItem;
  if (manager === null) delete merged.manager;
  else if (manager) merged.manager = manager;
  if (status) merged.status = status;
  if (fields.kind || fields.due || fields.decision || fields.remiss) {
    const mismatch = dueKindMismatch(merged.kind, merged.due) ?? originKindMismatch(merged);
    if (mismatch) throw invalid('validation_failed', mismatch.message, [mismatch]);
  }
  if (fields.kind || fields.due) {
    // The dates of the old deadline form go, and the attention they needed; the new form brings its own.
    const { meetingDate: _m, externalDeadline: _e, statutoryLimit: _s, attention: _a, ...rest } = merged;
    merged = { ...rest, ...(await deadlineFor(deps.rules, merged, today(deps))) };
  } else if (fields.decision || fields.remiss) {
    checkDueAfterOrigin(merged);
  }
  if (merged.dueDate !== before.dueDate && !reason) {
    throw refused('reason_required', 'En ändrad tidsfrist (förlängning) kräver ett skäl i reason.', [
      { path: 'reason', message: 'Krävs när tidsfristen ändras.' },
    ]);
  }
  if (merged.status === 'cancelled' && before.status !== 'cancelled' && !reason) {
    throw refused('reason_required', 'Att avbryta ett ärende kräver ett skäl i reason.', [
      { path: 'reason', message: 'Krävs när status blir cancelled.' },
    ]);
  }
  const outcome = extensionOutcome(before, merged, extensionDecision, reason);
  if (outcome) delete merged.extensionRequest;
  // A new official, or a closed item, answers the official's request to reassign it.
  if (merged.responsible.email !== before.responsible.email || merged.status !== 'open') delete merged.reassignRequest;
  const changes = diffItems(before, merged);
  if (Object.keys(changes).length === 0 && !note) return undefined;

  const now = deps.clock().toISOString();
  const after = await withSchedule(deps, withBookkeeping(before, { ...merged, version: before.version + 1, updatedAt: now }, reason));
  const event: HistoryEvent = {
    at: now,
    by: caller.who,
    action: outcome?.action ?? actionOf(before.status, after.status),
    changes,
    ...(reason ? { reason } : {}),
    ...(note ? { note } : {}),
    ...(via ? { via } : {}),
  };
  if (!outcome) return { after, event };
  // The answer goes to the official who asked, as the one responsible (by name when they still are).
  const asker = before.extensionRequest!.by;
  const name = before.responsible.email === asker ? before.responsible.name : asker;
  return { after, event, notices: [{ recipient: asker, text: outcome.notice(after), about: { official: { name } } }] };
}

/**
 * What becomes of a pending request for a later deadline: a changed deadline grants it, an
 * explicit refusal (with a reason) refuses it, closing the item withdraws it quietly.
 */
function extensionOutcome(
  before: StoredItem,
  merged: StoredItem,
  decision: 'refused' | undefined,
  reason: string | undefined,
): { action?: HistoryAction; notice: (after: StoredItem) => string } | undefined {
  const request = before.extensionRequest;
  const what = itemReference(before);
  if (decision === 'refused') {
    if (!request) throw refused('no_extension_request', 'Ärendet har ingen begäran om förlängning att avslå.', [{ path: 'extensionRequest', message: 'Ingen begäran finns.' }]);
    if (!reason) throw refused('reason_required', 'Ett avslag kräver ett skäl i reason.', [{ path: 'reason', message: 'Krävs när en begäran avslås.' }]);
    if (merged.dueDate !== before.dueDate) throw invalid('validation_failed', 'Avslå en begäran eller ändra tidsfristen, inte båda.', [{ path: 'extensionRequest', message: 'Kan inte kombineras med ny tidsfrist.' }]);
    return { action: 'extension_refused', notice: () => `Din begäran om förlängning av ${what} avslogs: ${reason} Tidsfristen är fortfarande ${swedishDate(before.dueDate)}.` };
  }
  if (!request) return undefined;
  if (merged.dueDate !== before.dueDate && merged.status === 'open') {
    return { action: 'extension_granted', notice: (after) => `Din begäran om förlängning av ${what} beviljades: ny tidsfrist ${swedishDate(after.dueDate)}.` };
  }
  if (merged.status !== 'open') return { notice: () => `Din begäran om förlängning av ${what} behövs inte längre: ärendet är stängt.` };
  return undefined;
}

/**
 * What a change leaves on the item for the managers' lists and council reports: how often its
 * deadline moved and why the last time, and when it was closed.
 */
export function withBookkeeping(before: StoredItem, after: StoredItem, reason: string | undefined): StoredItem {
  const next = { ...after };
  if (after.dueDate !== before.dueDate) {
    next.deadlineChanges = (before.deadlineChanges ?? 0) + 1;
    if (reason) next.lastDeadlineReason = reason;
  }
  if (after.status === 'open') delete next.closedAt;
  else if (before.status === 'open') next.closedAt = after.updatedAt;
  return next;
}

function actionOf(from: Status, to: Status): HistoryAction {
  if (from === to) return 'updated';
  if (to === 'open') return 'reopened';
  return to;
}

export interface ListFilters {
  state?: State;
  /** Only open items that need a clerk for this reason, or for any (`any`). */
  attention?: Attention | 'any';
  unit?: string;
  responsible?: string;
  kind?: Kind;
  dueBefore?: CalendarDate;
  dueAfter?: CalendarDate;
  limit: number;
  cursor?: string;
  extensionRequested?: boolean;
  /** Words that must all occur in the title or the case number ("Sök i rubrik och diarienummer"). */
  q?: string;
  /** The order; by deadline (the indexes' order) when left out. */
  sort?: ItemSort;
}

/** The most rows an export (CSV or XLSX) of a list holds (README, "Limits"). */
export const EXPORT_MAX_ROWS = 20_000;
/** The most items a list sorted by another column than the deadline reads: as many as an export holds. */
export const SORT_MAX_ITEMS = EXPORT_MAX_ROWS;

const SORT_VALUES: Record<SortKey, (item: ItemView) => string> = {
  due: (item) => item.dueDate,
  title: (item) => item.title,
  kind: (item) => KIND_LABELS[item.kind],
  unit: (item) => item.unit,
  responsible: (item) => item.responsible.name,
};

/**
 * Items in a column's order: Swedish alphabetical order (å, ä, ö last, "KS 9" before "KS 10"), the
 * kind by its Swedish name, ties by deadline and then id, so a page never shifts between reads.
 */
export function sortItems(items: readonly ItemView[], sort: ItemSort): ItemView[] {
  const value = SORT_VALUES[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => sign * collator.compare(value(a), value(b)) || a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

const isIndexOrder = (sort: ItemSort | undefined) => !sort || (sort.key === 'due' && sort.direction === 'ascending');

/** A sorted list's cursor: how many items of the sorted whole came before the next page. */
const offsetCursor = (offset: number) => `o.${offset}`;
function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o\.(\d{1,6})$/.exec(cursor);
  if (!match) throw new InvalidCursor();
  return Number(match[1]);
}

/**
 * The repository's query for a caller's filters: who may see what applied (registrars everything;
 * a manager their own unit, or the items they are responsible for; any other official their own),
 * the state as statuses and a deadline range, and the search as words. Undefined when the range is empty.
 */
function repositoryQuery(deps: ItemDeps, caller: Caller, filters: ListFilters): Omit<ItemQuery, 'limit' | 'cursor'> | undefined {
  const scoped = { ...filters };
  if (!isRegistrar(caller)) {
    // A unit's list asked for by a manager whose token names no unit: say so, not "another unit".
    if (scoped.unit !== undefined) requireUnitOfManager(caller);
    const ownUnit = managedUnit(caller);
    const asResponsible = scoped.responsible === caller.who || (!ownUnit && scoped.responsible === undefined);
    if (asResponsible) scoped.responsible = caller.who;
    else if (scoped.responsible !== undefined) throw forbidden('Du får bara lista dina egna ärenden eller din enhets.');
    if (!asResponsible) {
      if (scoped.unit !== undefined && scoped.unit !== ownUnit) throw forbidden('Du får bara lista din egen enhets ärenden.');
      scoped.unit = ownUnit;
    }
  }
  const { statuses, dueFrom, dueTo } = rangeFor(scoped, today(deps));
  if (dueFrom !== undefined && dueTo !== undefined && dueFrom > dueTo) return undefined;
  const search = scoped.q ? searchWords(scoped.q) : [];
  return {
    ...(scoped.unit !== undefined ? { unit: scoped.unit } : {}),
    ...(scoped.responsible !== undefined ? { responsible: scoped.responsible } : {}),
    ...(scoped.kind ? { kind: scoped.kind } : {}),
    ...(scoped.extensionRequested ? { extensionRequested: true } : {}),
    ...(scoped.attention ? { attention: scoped.attention === 'any' ? [...ATTENTIONS] : [scoped.attention] } : {}),
    // The sparse indexes hold open items only.
    statuses: scoped.extensionRequested || scoped.attention ? statuses.filter((s) => s === 'open') : statuses,
    ...(dueFrom ? { dueFrom } : {}),
    ...(dueTo ? { dueTo } : {}),
    ...(search.length ? { search } : {}),
  };
}

/** Every item a query names, in a column's order; refused past SORT_MAX_ITEMS. */
async function readSorted(deps: ItemDeps, query: Omit<ItemQuery, 'limit' | 'cursor'>, sort: ItemSort): Promise<ItemView[]> {
  const found: StoredItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.items.list({ ...query, limit: 100, ...(cursor ? { cursor } : {}) });
    found.push(...page.items);
    if (found.length > SORT_MAX_ITEMS) {
      throw refused('too_many_to_sort', `Fler än ${SORT_MAX_ITEMS.toLocaleString('sv-SE')} ärenden matchar: sortera på tidsfrist, eller smalna av urvalet med status, enhet, typ eller datum.`);
    }
    cursor = page.nextCursor;
  } while (cursor);
  const day = today(deps);
  return sortItems(found.map((item) => toView(item, day)), sort);
}

const invalidCursor = () =>
  invalid('invalid_cursor', 'cursor är ogiltig: använd nextCursor från föregående svar med samma filter.', [{ path: 'cursor', message: 'Ogiltig.' }]);

/**
 * List items a caller may see. Registrars see everything; a manager their own unit (or the
 * items they are responsible for); any other official only their own items.
 *
 * What it reads: by deadline (the default), one page through the index the filters name
 * (docs/data-model.md). With `q`, the items of those partitions are read 100 at a time and matched
 * in the function until a page of matches is found: at worst every item the other filters name
 * (for a search without `state`, every item in the register, open, done and cancelled). Sorted by
 * another column (or by deadline descending), every matching item is read for every page, at most
 * SORT_MAX_ITEMS (else 422 `too_many_to_sort`), sorted in Swedish order, and paged by position.
 */
export async function listItems(deps: ItemDeps, caller: Caller, filters: ListFilters): Promise<{ items: ItemView[]; nextCursor?: string }> {
  const query = repositoryQuery(deps, caller, filters);
  if (!query) return { items: [] };
  try {
    if (!isIndexOrder(filters.sort)) {
      const offset = offsetOf(filters.cursor);
      const sorted = await readSorted(deps, query, filters.sort!);
      const end = offset + filters.limit;
      return { items: sorted.slice(offset, end), ...(end < sorted.length ? { nextCursor: offsetCursor(end) } : {}) };
    }
    const page = await deps.items.list({ ...query, limit: filters.limit, ...(filters.cursor ? { cursor: filters.cursor } : {}) });
    const day = today(deps);
    return { items: page.items.map((item) => toView(item, day)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  } catch (error) {
    if (error instanceof InvalidCursor) throw invalidCursor();
    throw error;
  }
}

/**
 * Every item a list names that the caller may see, up to `max` (an export): the same scope,
 * filters, search and order as `listItems`, from `filters.cursor` on.
 */
export async function listAllItems(deps: ItemDeps, caller: Caller, filters: ListFilters, max: number): Promise<ItemView[]> {
  if (!isIndexOrder(filters.sort)) {
    const query = repositoryQuery(deps, caller, filters);
    if (!query) return [];
    let offset: number;
    try {
      offset = offsetOf(filters.cursor);
    } catch {
      throw invalidCursor();
    }
    return (await readSorted(deps, query, filters.sort!)).slice(offset, offset + max);
  }
  const rows: ItemView[] = [];
  let cursor = filters.cursor;
  do {
    const page = await listItems(deps, caller, { ...filters, limit: 100, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && rows.length < max);
  return rows.slice(0, max);
}

/** A state filter is a stored status plus a due-date range: overdue = open and due before today. */
function rangeFor(filters: ListFilters, day: CalendarDate): { statuses: Status[]; dueFrom?: CalendarDate; dueTo?: CalendarDate } {
  let dueFrom = filters.dueAfter ? addDays(filters.dueAfter, 1) : undefined;
  let dueTo = filters.dueBefore ? addDays(filters.dueBefore, -1) : undefined;
  const later = (a: CalendarDate | undefined, b: CalendarDate) => (a && a > b ? a : b);
  const earlier = (a: CalendarDate | undefined, b: CalendarDate) => (a && a < b ? a : b);
  switch (filters.state) {
    case 'open':
      dueFrom = later(dueFrom, day);
      return { statuses: ['open'], dueFrom, ...(dueTo ? { dueTo } : {}) };
    case 'overdue':
      dueTo = earlier(dueTo, addDays(day, -1));
      return { statuses: ['open'], dueTo, ...(dueFrom ? { dueFrom } : {}) };
    case 'done':
    case 'cancelled':
      return { statuses: [filters.state], ...(dueFrom ? { dueFrom } : {}), ...(dueTo ? { dueTo } : {}) };
    default:
      return { statuses: ['open', 'done', 'cancelled'], ...(dueFrom ? { dueFrom } : {}), ...(dueTo ? { dueTo } : {}) };
  }
}

