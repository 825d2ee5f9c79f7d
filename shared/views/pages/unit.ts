import { swedishDate, type CalendarDate } from '../../domain/dates';
import { daysInWords, decisionOf } from '../email/reminder';
import { UPCOMING_DAYS } from '../../application/units/lists';
import { KIND_LABELS, KINDS, type Kind } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import { address, html, type Html } from './html';
import { document } from './layout';
import { statusReportLine } from '../../domain/items/view';

export const UNIT_SORTS = { forsening: 'Mest försenat först', tidsfrist: 'Tidsfrist', ansvarig: 'Ansvarig', typ: 'Typ' } as const;
export type UnitSort = keyof typeof UNIT_SORTS;

export interface UnitFilters {
  kind?: Kind;
  /** The responsible official's email. */
  official?: string;
  sort: UnitSort;
}

/** The page's query string (`?typ=motion&ansvarig=…&sortera=tidsfrist`); unknown values fall back to "all". */
export function unitFilters(query: Record<string, string | undefined>): UnitFilters {
  const kind = (KINDS as readonly string[]).includes(query.typ ?? '') ? (query.typ as Kind) : undefined;
  const sort = Object.hasOwn(UNIT_SORTS, query.sortera ?? '') ? (query.sortera as UnitSort) : 'forsening';
  const official = query.ansvarig?.trim() ? query.ansvarig.trim().toLowerCase() : undefined;
  return { ...(kind ? { kind } : {}), ...(official ? { official } : {}), sort };
}

const SORTERS: Record<UnitSort, (a: ItemView, b: ItemView) => number> = {
  forsening: (a, b) => a.daysLeft - b.daysLeft,
  tidsfrist: (a, b) => a.dueDate.localeCompare(b.dueDate),
  ansvarig: (a, b) => a.responsible.name.localeCompare(b.responsible.name, 'sv'),
  typ: (a, b) => KIND_LABELS[a.kind].localeCompare(KIND_LABELS[b.kind], 'sv'),
};

export function applyFilters(items: ItemView[], filters: UnitFilters): ItemView[] {
  return items
    .filter((i) => (!filters.kind || i.kind === filters.kind) && (!filters.official || i.responsible.email === filters.official))
    .sort((a, b) => SORTERS[filters.sort](a, b) || a.daysLeft - b.daysLeft || a.title.localeCompare(b.title, 'sv'));
}

function changes(item: ItemView): string {
  const count = item.deadlineChanges ?? 0;
  if (count === 0) return 'Inga';
  return `${count} ${count === 1 ? 'gång' : 'gånger'}${item.lastDeadlineReason ? `: ${item.lastDeadlineReason}` : ''}`;
}

/** The columns after the item's own: each cell carries its label, which a phone shows when the table stacks. */
const COLUMNS = ['Ansvarig', 'Beslut', 'Tidsfrist', 'Ändrad tidsfrist', 'Senaste lägesrapport'] as const;

/**
 * A table of items: every cell is text, so it prints and reads aloud as it looks. On a narrow
 * screen it stacks into one card per item, each value under its column's label (`data-label`).
 */
export function itemTable(caption: string, items: ItemView[], empty: string): Html {
  if (items.length === 0) return html`<h2>${caption}</h2><p>${empty}</p>`;
  const [responsible, decision, due, changed, report] = COLUMNS;
  return html`<table>
<caption><h2>${caption}</h2></caption>
<thead><tr><th scope="col">Ärende</th>${COLUMNS.map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>
${items.map(
  (item) => html`<tr id="uppdrag-${item.id}">
<th scope="row">${item.title}<br><span class="hint">${KIND_LABELS[item.kind]}</span></th>
<td data-label="${responsible}">${item.responsible.name}<br><span class="hint">${address(item.responsible.email)}</span></td>
<td data-label="${decision}">${decisionOf(item) || '–'}</td>
<td data-label="${due}">${swedishDate(item.dueDate)}<br><strong class="${item.daysLeft < 0 ? 'late' : 'soon'}">${daysInWords(item.daysLeft)}</strong></td>
<td data-label="${changed}">${changes(item)}</td>
<td data-label="${report}">${item.statusReport ? statusReportLine(item.statusReport) : '–'}</td>
</tr>`,
)}
</tbody>
</table>`;
}

export interface UnitPageInput {
  unit: string;
  asOf: CalendarDate;
  overdue: ItemView[];
  upcoming: ItemView[];
  filters: UnitFilters;
  /** Relative path of the page itself, the filter form's target. */
  self: string;
  linkExpiresOn: CalendarDate;
}

function filterForm(input: UnitPageInput, officials: { name: string; email: string }[]): Html {
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="${input.self}" class="filters no-print">
<div><label for="typ">Typ</label><select id="typ" name="typ">${option('', 'Alla typer', !input.filters.kind)}${KINDS.map((k) => option(k, KIND_LABELS[k], input.filters.kind === k))}</select></div>
<div><label for="ansvarig">Ansvarig</label><select id="ansvarig" name="ansvarig">${option('', 'Alla', !input.filters.official)}${officials.map((o) => option(o.email, o.name, input.filters.official === o.email))}</select></div>
<div><label for="sortera">Sortera</label><select id="sortera" name="sortera">${Object.entries(UNIT_SORTS).map(([k, label]) => option(k, label, input.filters.sort === k))}</select></div>
<button type="submit">Visa</button>
</form>`;
}

/** "Försenat och på väg": a unit's overdue items and those due within `UPCOMING_DAYS`, read-only, for its manager. */
export function unitPage(input: UnitPageInput): string {
  const officials = [...new Map([...input.overdue, ...input.upcoming].map((i) => [i.responsible.email, i.responsible])).values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'sv'),
  );
  const overdue = applyFilters(input.overdue, input.filters);
  const upcoming = applyFilters(input.upcoming, input.filters);
  return document({
    title: 'Försenat och på väg',
    lead: `${input.unit}, per ${swedishDate(input.asOf)}. Länken gäller till och med ${swedishDate(input.linkExpiresOn)}.`,
    body: html`${filterForm(input, officials)}
<p>${overdue.length} ${overdue.length === 1 ? 'försenat' : 'försenade'} och ${upcoming.length} med tidsfrist inom ${UPCOMING_DAYS} dagar${input.filters.kind || input.filters.official ? ' (filtrerat)' : ''}.</p>
${itemTable(`Försenade (${overdue.length})`, overdue, 'Inga försenade ärenden.')}
${itemTable(`På väg: tidsfrist inom ${UPCOMING_DAYS} dagar (${upcoming.length})`, upcoming, `Inga ärenden med tidsfrist inom ${UPCOMING_DAYS} dagar.`)}`,
  });
}

/** The printable overdue list of `GET /overdue` with `Accept: text/html`. */
export function overduePage(input: { unit: string; asOf: CalendarDate; items: ItemView[] }): string {
  return document({
    title: `Försenade ärenden: ${input.unit}`,
    lead: `Per ${swedishDate(input.asOf)}. Mest försenat först.`,
    body: itemTable(`Försenade (${input.items.length})`, input.items, 'Inga försenade ärenden.'),
  });
}
