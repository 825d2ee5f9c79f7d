import * as z from 'zod';
import { addDays, stockholmDay, type CalendarDate } from '../dates';
import { cleanText } from '../text';
import { STATE_LABELS, type Person, type State } from '../items/vocabulary';
import type { StatusReport } from '../items/item';
import { stateOf } from '../schedule/state';
import { closedDate, type ReportItem } from './counted';
import { decisionReference } from './statistics';

/**
 * `GET /offentlig/{body}`: the public follow-up of one body's decisions, for residents and the
 * press, with no token. An admin opens it per body (`PUT /public-bodies/{body}`); until then it
 * answers 404. It shows only what a public record of the decision would: never an address, never
 * who registered an item, never notes, reasons, requests or history, and a person's name only
 * when the admin chose to show names.
 */

/** `PUT /public-bodies/{body}` body: whether the body's page is public, and whether it names the responsible official. */
export const publicBodySettings = z.lazy(() =>
  z.strictObject({
    public: z.boolean('Ska vara true eller false.'),
    showNames: z.boolean('Ska vara true eller false.').optional(),
  }),
);
export type PublicBodySettings = z.infer<typeof publicBodySettings>;

/** A closed item stays on the page this many days: closed on `today` minus 90 days or later. */
export const RECENTLY_CLOSED_DAYS = 90;

/** One item as the public sees it: these fields and no other. */
export interface PublicItem {
  title: string;
  /** "KS 2026-03-11 § 58, KS 2026/141" */
  decision: string;
  unit: string;
  /** The deadline in force. */
  deadline: CalendarDate;
  state: State;
  /** The state in words: "Pågår", "Försenat", "Klart", "Avbrutet". */
  stateLabel: string;
  /** The Stockholm date it was closed, for a closed item. */
  closedOn?: CalendarDate;
  /** The latest lägesrapport: its text and Stockholm date. */
  statusReport?: { text: string; date: CalendarDate };
  /** The responsible official's name, only when the admin chose to show names. */
  responsible?: string;
}

/** The public page's content and its JSON (`GET /offentlig/{body}` as `application/json`). */
export interface PublicBodyView {
  body: string;
  /** The day the page describes (Stockholm). */
  asOf: CalendarDate;
  recentlyClosedDays: number;
  /** Open items, the earliest deadline first. */
  open: PublicItem[];
  /** Items closed in the last RECENTLY_CLOSED_DAYS days, the latest first. */
  recentlyClosed: PublicItem[];
}

/** What the public view reads of an item: a StoredItem fits. */
export type PublicSourceItem = ReportItem & { responsible?: Pick<Person, 'name'>; manager?: Pick<Person, 'name'>; statusReport?: StatusReport };

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Free text (a title, a lägesrapport) as the public may read it: invisible characters removed,
 * every e-mail address replaced by "[e-postadress borttagen]", and the manager's name and (unless
 * names are shown) the responsible official's by "[namn borttaget]". Other names a clerk or an
 * official typed cannot be recognised and stay.
 */
function publicText(value: string, hiddenNames: string[]): string {
  let text = cleanText(value).replace(EMAIL, '[e-postadress borttagen]');
  for (const name of hiddenNames) text = text.replace(new RegExp(escapeRegExp(name), 'giu'), '[namn borttaget]');
  return text;
}

/** Builds a PublicItem field by field, so nothing else on the item can reach the page. */
function publicItem(item: PublicSourceItem, today: CalendarDate, showNames: boolean): PublicItem {
  const hidden = [item.manager?.name, showNames ? undefined : item.responsible?.name].filter((name): name is string => !!name?.trim());
  const text = (value: string) => publicText(value, hidden);
  const state = stateOf(item.status, item.dueDate, today);
  return {
    title: text(item.title),
    decision: text(decisionReference(item)),
    unit: text(item.unit),
    deadline: item.dueDate,
    state,
    stateLabel: STATE_LABELS[state],
    ...(item.status === 'open' ? {} : { closedOn: closedDate(item) }),
    ...(item.statusReport ? { statusReport: { text: text(item.statusReport.note), date: stockholmDay(item.statusReport.at) } } : {}),
    ...(showNames && item.responsible ? { responsible: cleanText(item.responsible.name) } : {}),
  };
}

/**
 * The public view of `body` on `today`: its open items and those closed on or after `today` minus
 * RECENTLY_CLOSED_DAYS days (the Stockholm date of `closedAt`). Items of other bodies, and items
 * without a decision, are left out. null when the body's page is not public (the handler answers
 * 404). Pure: same items, settings and day, same view (the page can be cached on that).
 */
export function publicBodyView(body: string, items: Iterable<PublicSourceItem>, settings: PublicBodySettings, today: CalendarDate): PublicBodyView | null {
  if (!settings.public) return null;
  const showNames = settings.showNames === true;
  const since = addDays(today, -RECENTLY_CLOSED_DAYS);
  const open: PublicItem[] = [];
  const recentlyClosed: PublicItem[] = [];
  for (const item of items) {
    if (item.decision?.body !== body) continue;
    if (item.status === 'open') open.push(publicItem(item, today, showNames));
    else if (closedDate(item) >= since) recentlyClosed.push(publicItem(item, today, showNames));
  }
  const byTitle = (a: PublicItem, b: PublicItem) => a.title.localeCompare(b.title, 'sv');
  open.sort((a, b) => a.deadline.localeCompare(b.deadline) || byTitle(a, b));
  recentlyClosed.sort((a, b) => b.closedOn!.localeCompare(a.closedOn!) || byTitle(a, b));
  return { body, asOf: today, recentlyClosedDays: RECENTLY_CLOSED_DAYS, open, recentlyClosed };
}
