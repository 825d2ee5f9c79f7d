import { addDays, stockholmDate, swedishDate, type CalendarDate } from '../../domain/dates';
import { pastOutsideDeadline } from '../../domain/deadlines/resolve';
import { conflict, notFound, refused } from '../../domain/errors';
import type { HistoryEvent } from '../../domain/items/history';
import type { ItemView, StoredItem } from '../../domain/items/item';
import { changeItem, patchItem, type ItemChange, type ItemDeps } from './service';
import { toView } from '../../domain/items/view';
import { listAll } from './list-all';
import { itemReference } from '../../domain/items/reference';

/**
 * What an official does from the page their reminder links to, or signed in on the item's page
 * in the workspace. The signed link (or the session) names them, so each action is theirs alone
 * and only on their own open items; an action from the link is on the record as "via e-postlänk".
 */
export const VIA_LINK = 'e-postlänk';

/** How the action came in: `{ via: VIA_LINK }` (the default) from the link page, `{}` signed in to the workspace. */
export interface ActionSource {
  via?: string;
}
const FROM_LINK: ActionSource = { via: VIA_LINK };

/** A later deadline may be asked for up to two years ahead. */
const MAX_EXTENSION_DAYS = 730;

const who = (email: string) => ({ who: email, roles: new Set<never>() });

/** The official's open items, most urgent first (the index sorts by due date). */
export async function openItemsOf(deps: Pick<ItemDeps, 'items' | 'clock'>, email: string): Promise<ItemView[]> {
  const day = stockholmDate(deps.clock());
  const items = await listAll(deps.items, { responsible: email, statuses: ['open'] });
  return items.map((item) => toView(item, day));
}

async function ownOpenItem(deps: ItemDeps, email: string, id: string): Promise<StoredItem> {
  const item = await deps.items.get(id);
  if (!item || item.responsible.email !== email) throw notFound('Ärendet finns inte bland dina ärenden.');
  if (item.status !== 'open') throw conflict('item_closed', 'Ärendet är redan stängt.');
  return item;
}

/** Closes the item exactly as `PATCH` with `status: done` and the note would, on the record as via the link. */
export async function markDone(deps: ItemDeps, email: string, id: string, note: string): Promise<ItemView> {
  const item = await ownOpenItem(deps, email, id);
  return patchItem(deps, who(email), id, item.version, { status: 'done', note }, { via: VIA_LINK });
}

function linkEvent(
  deps: ItemDeps,
  email: string,
  action: HistoryEvent['action'],
  before: StoredItem,
  after: StoredItem,
  source: ActionSource,
  extra: Partial<HistoryEvent>,
): ItemChange['event'] {
  const changes: HistoryEvent['changes'] = {};
  for (const field of ['extensionRequest', 'statusReport', 'reassignRequest'] as const) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field] ?? null, to: after[field] ?? null };
  }
  return { at: deps.clock().toISOString(), by: email, action, changes, ...(source.via ? { via: source.via } : {}), ...extra };
}

/**
 * An official's request about one item leaves its registrar a notice about that item, so the
 * registrar's email shows the request as it then stands (not one already answered), with a link.
 */
const aboutItem = (deps: ItemDeps, id: string): ItemDeps =>
  deps.notices ? { ...deps, notices: { addNotice: (recipient: string, text: string, at: string) => deps.notices!.addNotice(recipient, text, at, { itemId: id }) } } : deps;

async function changeOwn(deps: ItemDeps, email: string, id: string, build: (before: StoredItem, now: string) => ItemChange | undefined): Promise<ItemView> {
  const after = await changeItem(aboutItem(deps, id), () => ownOpenItem(deps, email, id), async (before) => build(before, deps.clock().toISOString()));
  return toView(after, stockholmDate(deps.clock()));
}

const official = (item: StoredItem) => `${item.responsible.name} (${item.responsible.email})`;

/**
 * Asks for a later deadline: kept on the item until a registrar grants it (a changed deadline with
 * a reason) or refuses it, listed in `GET /uppdrag?extensionRequested=true` and in the
 * registrar's next email.
 */
export async function requestExtension(deps: ItemDeps, email: string, id: string, request: { date: CalendarDate; reason: string }, source = FROM_LINK): Promise<ItemView> {
  return changeOwn(deps, email, id, (before, now) => {
    if (request.date <= before.dueDate) {
      throw refused('validation_failed', `Föreslå ett datum efter nuvarande tidsfrist, ${swedishDate(before.dueDate)}.`, [{ path: 'date', message: 'Måste vara senare än nuvarande tidsfrist.' }]);
    }
    if (request.date > addDays(stockholmDate(deps.clock()), MAX_EXTENSION_DAYS)) {
      throw refused('validation_failed', 'Föreslå ett datum inom två år.', [{ path: 'date', message: 'Högst två år framåt.' }]);
    }
    // A yttrande's new deadline past the outside deadline could never be granted (resolve.ts): refused now, not at the registrar.
    const remiss = 'externalDeadline' in before.due ? before.due : undefined;
    const past = remiss && pastOutsideDeadline(request.date, remiss);
    if (remiss && past) {
      throw refused('due_after_external_deadline', `Den nya tidsfristen ${past} Har ${remiss.recipient} gett längre svarstid, be registratorn ändra sista dag för svaret.`, [
        { path: 'date', message: `Ligger efter sista dag för svaret till ${remiss.recipient}, ${swedishDate(remiss.externalDeadline)}.` },
      ]);
    }
    // The same request again from the same person (a reload, a double click, a replayed form) is kept once.
    const pending = before.extensionRequest;
    if (pending?.by === email && pending.date === request.date && pending.reason === request.reason) return undefined;
    const after: StoredItem = { ...before, extensionRequest: { date: request.date, reason: request.reason, by: email, at: now }, version: before.version + 1, updatedAt: now };
    return {
      after,
      event: linkEvent(deps, email, 'extension_requested', before, after, source, { reason: request.reason }),
      notices: [
        {
          recipient: before.createdBy,
          text: `${official(before)} begär förlängning av ${itemReference(before)} från ${swedishDate(before.dueDate)} till ${swedishDate(request.date)}. Skäl: ${request.reason} Bevilja eller avslå under Översikt i arbetsytan: en beviljad förlängning är en ny tidsfrist med skäl.`,
        },
      ],
    };
  });
}

/** A status note ("Utredningen klar i maj, väntar på yttrande från SN"): the latest is shown beside the item. */
export async function reportStatus(deps: ItemDeps, email: string, id: string, note: string, source = FROM_LINK): Promise<ItemView> {
  return changeOwn(deps, email, id, (before, now) => {
    // The same note again from the same person (a reload, a double click, a replayed form) is kept once.
    if (before.statusReport?.note === note && before.statusReport.by === email) return undefined;
    const after: StoredItem = { ...before, statusReport: { note, by: email, at: now }, version: before.version + 1, updatedAt: now };
    return { after, event: linkEvent(deps, email, 'status_report', before, after, source, { note }) };
  });
}

/** "Inte mitt ärende": the registrar is asked to reassign; reminders go on until they do. */
export async function declineItem(deps: ItemDeps, email: string, id: string, note: string | undefined, source = FROM_LINK): Promise<ItemView> {
  return changeOwn(deps, email, id, (before, now) => {
    if (before.reassignRequest?.by === email && before.reassignRequest.note === note) return undefined;
    const after: StoredItem = { ...before, reassignRequest: { ...(note ? { note } : {}), by: email, at: now }, version: before.version + 1, updatedAt: now };
    return {
      after,
      event: linkEvent(deps, email, 'not_mine', before, after, source, note ? { note } : {}),
      notices: [
        {
          recipient: before.createdBy,
          text: `${official(before)} säger att ${itemReference(before)} inte är deras ärende${note ? `: ${note}` : '.'} Byt ansvarig på ärendet.`,
        },
      ],
    };
  });
}
