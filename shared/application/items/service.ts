import { createHash, randomUUID } from 'node:crypto';
import { isRegistrar, managedUnit, requireRegistrar, type Caller } from '../../domain/caller';
import type { Clock } from '../../platform/clock';
import { addDays, stockholmDate, swedishDate, type CalendarDate } from '../../domain/dates';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from '../../domain/app-error';
import { diffItems, type HistoryAction, type HistoryEvent } from '../../domain/items/history';
import { ATTENTIONS, DEFAULT_REMINDERS, dueKindMismatch, originKindMismatch, type Attention, type Kind, type State, type Status } from '../../domain/items/vocabulary';
import { type CreateItemBody, type DeadlinePreviewBody, type PatchItemBody } from './commands';
import { type ItemView, type ResolvedDue, type StoredItem, type Warning } from '../../domain/items/item';
import { IdempotencyKeyTaken, InvalidCursor, VersionConflict, type ItemRepository, type NoticeBoard } from './ports';
import type { DeadlineRules } from '../../domain/items/rules';
import type { UnitDirectory } from '../units/directory';
import { toView } from '../../domain/items/view';
import { itemReference } from '../../domain/items/reference';
import { checkDueAfterOrigin, deadlineFor, deadlineWarnings, registrationWarnings } from './registration';
import { listAll } from './list-all';

export interface ItemDeps {
  items: ItemRepository;
  rules: DeadlineRules;
  clock: Clock;
  newId?: () => string;
  /** Where the outcome of an official's request is left for their next email. */
  notices?: NoticeBoard;
  /** The unit directory: an item registered without a manager takes its unit's. */
  units?: Pick<UnitDirectory, 'get'>;
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
export async function withSchedule(deps: Pick<ItemDeps, 'rules' | 'clock'>, item: StoredItem): Promise<StoredItem> {
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
 * Register an item: validate its deadline against the rules and against its decision, store it
 * with its creation event in one transaction. With an Idempotency-Key, a repeat of the same
 * body returns the first item and stores nothing; the key with another body is a 409. Without a
 * key that matched, an open item of the same kind, decision, official and title is a 409
 * `possible_duplicate` naming it, unless `confirmDuplicate`. The answer carries `warnings`
 * (`registrationWarnings`): no manager to escalate to, a meeting already held (the item is then
 * flagged `attention: meeting_already_held`), a deadline already past.
 */
export async function createItem(deps: ItemDeps, caller: Caller, body: CreateItemBody, idempotencyKey?: string): Promise<Registration> {
  requireRegistrar(caller);
  const bodyHash = createHash('sha256').update(canonical(body)).digest('hex');
  if (idempotencyKey) {
    const replay = await replayIdempotent(deps, caller, idempotencyKey, bodyHash);
    if (replay) return replay;
  }
  const { confirmDuplicate, ...fields } = body;
  const day = today(deps);
  // Independent reads, so side by side: the deadline's calendar and plans, the unit's manager, a look-alike.
  const [deadline, unit, duplicate] = await Promise.all([
    deadlineFor(deps.rules, fields, day),
    fields.manager ? undefined : deps.units?.get(fields.unit),
    confirmDuplicate ? undefined : openDuplicateOf(deps, fields),
  ]);
  if (duplicate) {
    // A parallel request with the same key may have stored it meanwhile: that is a replay, not a look-alike.
    const replay = idempotencyKey ? await replayIdempotent(deps, caller, idempotencyKey, bodyHash) : undefined;
    if (replay) return replay;
    throw new AppError(
      409,
      'possible_duplicate',
      `Det finns redan ett öppet ärende som ser likadant ut: ${itemReference(duplicate)}, tidsfrist ${swedishDate(duplicate.dueDate)}. ` +
        'Är det ändå ett nytt ärende, skicka samma uppgifter med "confirmDuplicate": true.',
      [],
      {},
      { existingId: duplicate.id },
    );
  }
  const now = deps.clock().toISOString();
  const manager = fields.manager ?? unit?.manager;
  const item = await withSchedule(deps, {
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
    await deps.items.create(item, event, idempotencyKey ? { caller: caller.who, key: idempotencyKey, bodyHash } : undefined);
  } catch (error) {
    if (error instanceof IdempotencyKeyTaken && idempotencyKey) {
      const replay = await replayIdempotent(deps, caller, idempotencyKey, bodyHash);
      if (replay) return replay;
    }
    throw error;
  }
  return { item: toView(item, day), warnings: registrationWarnings(item, deps.rules), replayed: false };
}

/** What makes two items the same work: kind, decision (body, date, §), official and title, case and spacing ignored. */
function sameWorkKey(item: Pick<StoredItem, 'kind' | 'decision' | 'responsible' | 'title'>): string {
  const squeeze = (text: string | undefined) => text?.normalize('NFC').toLocaleLowerCase('sv').replace(/[\s§]+/g, '') ?? null;
  const { decision } = item;
  return JSON.stringify([item.kind, decision?.body ?? null, decision?.date ?? null, squeeze(decision?.paragraph), item.responsible.email, squeeze(item.title)]);
}

/**
 * An open item that looks like the one being registered, if any. Read from the official's open
 * items of that kind (and decision body) through the `byResponsible` index, never a Scan.
 */
async function openDuplicateOf(deps: ItemDeps, item: Pick<StoredItem, 'kind' | 'decision' | 'responsible' | 'title'>): Promise<StoredItem | undefined> {
  const candidates = await listAll(deps.items, {
    responsible: item.responsible.email,
    kind: item.kind,
    ...(item.decision ? { decisionBody: item.decision.body } : {}),
    statuses: ['open'],
  });
  const key = sameWorkKey(item);
  return candidates.find((candidate) => sameWorkKey(candidate) === key);
}

/**
 * `POST /deadlines/preview`: the dates and explanation an item of this kind, decision and due
 * would get today, and the warnings about its deadline it would be registered with; the same
 * 422 it would get. Nothing is read but the calendar and plans, nothing is stored.
 */
export async function previewDeadline(deps: ItemDeps, caller: Caller, body: DeadlinePreviewBody): Promise<ResolvedDue & { attention?: Attention; warnings?: Warning[] }> {
  requireRegistrar(caller);
  const day = today(deps);
  const deadline = await deadlineFor(deps.rules, body, day);
  const warnings = deadlineWarnings(deadline, day, deps.rules.planDependency({ due: body.due, meetingDate: deadline.meetingDate })?.body);
  return { ...deadline, ...(warnings.length ? { warnings } : {}) };
}

async function replayIdempotent(deps: ItemDeps, caller: Caller, key: string, bodyHash: string): Promise<Registration | undefined> {
  const record = await deps.items.idempotency(caller.who, key);
  if (!record) return undefined;
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

/** Parses an `If-Match` value: `"3"`, `W/"3"` or `3`. */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new AppError(428, 'precondition_required', 'Ange If-Match med ärendets ETag från GET.');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new AppError(412, 'precondition_failed', 'If-Match matchar inte ärendets ETag.');
  return Number(match[1]);
}

export const etagOf = (item: Pick<StoredItem, 'version'>) => `"${item.version}"`;

/**
 * Change an item. Registrars change any field; the responsible official may only close their
 * own item as done with a note. A changed deadline and a cancellation need a reason. The write
 * is conditional on the version the caller read (If-Match), so no change is lost.
 */
export async function patchItem(
  deps: ItemDeps,
  caller: Caller,
  id: string,
  expectedVersion: number,
  patch: PatchItemBody,
  via?: string,
): Promise<ItemView> {
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
        throw new AppError(412, 'precondition_failed', 'Ärendet har ändrats sedan du läste det: hämta det igen.', [], {
          etag: etagOf(before),
        });
      }
      return before;
    },
    (before) => applyPatch(deps, caller, before, patch, via),
  );
  return toView(after, today(deps));
}

/** A change to store: the item after it and the history event recording it. */
export interface ItemChange {
  after: StoredItem;
  event: HistoryEvent;
  /** Lines for people's next emails once the change is stored (e.g. the outcome of a request). */
  notices?: { recipient: string; text: string }[];
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
): Promise<StoredItem> {
  for (let attempt = 1; ; attempt++) {
    const before = await read();
    const change = await build(before);
    if (!change) return before;
    try {
      await deps.items.update(change.after, change.event, before);
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      if (attempt === 3) throw new AppError(412, 'precondition_failed', 'Ärendet har ändrats sedan du läste det: hämta det igen.');
      continue;
    }
    for (const notice of change.notices ?? []) await deps.notices?.addNotice(notice.recipient, notice.text, change.event.at);
    return change.after;
  }
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
  let merged = { ...before, ...fields } as StoredItem;
  if (manager === null) delete merged.manager;
  else if (manager) merged.manager = manager;
  if (status) merged.status = status;
  if (fields.kind || fields.due || fields.decision || fields.remiss) {
    const mismatch = dueKindMismatch(merged.kind, merged.due) ?? originKindMismatch(merged);
    if (mismatch) throw badRequest('validation_failed', mismatch.message, [mismatch]);
  }
  if (fields.kind || fields.due) {
    // The dates of the old deadline form go, and the attention they needed; the new form brings its own.
    const { meetingDate: _m, externalDeadline: _e, statutoryLimit: _s, attention: _a, ...rest } = merged;
    merged = { ...rest, ...(await deadlineFor(deps.rules, merged, today(deps))) };
  } else if (fields.decision || fields.remiss) {
    checkDueAfterOrigin(merged);
  }
  if (merged.dueDate !== before.dueDate && !reason) {
    throw unprocessable('reason_required', 'En ändrad tidsfrist (förlängning) kräver ett skäl i reason.', [
      { path: 'reason', message: 'Krävs när tidsfristen ändras.' },
    ]);
  }
  if (merged.status === 'cancelled' && before.status !== 'cancelled' && !reason) {
    throw unprocessable('reason_required', 'Att avbryta ett ärende kräver ett skäl i reason.', [
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
  return { after, event, ...(outcome ? { notices: [{ recipient: before.extensionRequest!.by, text: outcome.notice(after) }] } : {}) };
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
    if (!request) throw unprocessable('no_extension_request', 'Ärendet har ingen begäran om förlängning att avslå.', [{ path: 'extensionRequest', message: 'Ingen begäran finns.' }]);
    if (!reason) throw unprocessable('reason_required', 'Ett avslag kräver ett skäl i reason.', [{ path: 'reason', message: 'Krävs när en begäran avslås.' }]);
    if (merged.dueDate !== before.dueDate) throw badRequest('validation_failed', 'Avslå en begäran eller ändra tidsfristen, inte båda.', [{ path: 'extensionRequest', message: 'Kan inte kombineras med ny tidsfrist.' }]);
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
}

/**
 * List items a caller may see. Registrars see everything; a manager their own unit (or the
 * items they are responsible for); any other official only their own items.
 */
export async function listItems(deps: ItemDeps, caller: Caller, filters: ListFilters) {
  const scoped = { ...filters };
  if (!isRegistrar(caller)) {
    const ownUnit = managedUnit(caller);
    const asResponsible = scoped.responsible === caller.who || (!ownUnit && scoped.responsible === undefined);
    if (asResponsible) scoped.responsible = caller.who;
    else if (scoped.responsible !== undefined) throw forbidden('Du får bara lista dina egna ärenden eller din enhets.');
    if (!asResponsible) {
      if (scoped.unit !== undefined && scoped.unit !== ownUnit) throw forbidden('Du får bara lista din egen enhets ärenden.');
      scoped.unit = ownUnit;
    }
  }
  const day = today(deps);
  const { statuses, dueFrom, dueTo } = rangeFor(scoped, day);
  if (dueFrom !== undefined && dueTo !== undefined && dueFrom > dueTo) return { items: [] as ItemView[] };
  try {
    const page = await deps.items.list({
      ...(scoped.unit !== undefined ? { unit: scoped.unit } : {}),
      ...(scoped.responsible !== undefined ? { responsible: scoped.responsible } : {}),
      ...(scoped.kind ? { kind: scoped.kind } : {}),
      ...(scoped.extensionRequested ? { extensionRequested: true } : {}),
      ...(scoped.attention ? { attention: scoped.attention === 'any' ? [...ATTENTIONS] : [scoped.attention] } : {}),
      // The sparse indexes hold open items only.
      statuses: scoped.extensionRequested || scoped.attention ? statuses.filter((s) => s === 'open') : statuses,
      ...(dueFrom ? { dueFrom } : {}),
      ...(dueTo ? { dueTo } : {}),
      limit: scoped.limit,
      ...(scoped.cursor ? { cursor: scoped.cursor } : {}),
    });
    return { items: page.items.map((item) => toView(item, day)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  } catch (error) {
    if (error instanceof InvalidCursor) {
      throw badRequest('invalid_cursor', 'cursor är ogiltig: använd nextCursor från föregående svar med samma filter.', [
        { path: 'cursor', message: 'Ogiltig.' },
      ]);
    }
    throw error;
  }
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

