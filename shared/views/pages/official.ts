import { stockholmDay, swedishDate, type CalendarDate } from '../../domain/dates';
import { daysInWords, decisionFact } from '../email/reminder';
import { KIND_LABELS, LIMITS } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import { html, type Html } from './html';
import { document } from './layout';

export interface OfficialPageInput {
  email: string;
  name?: string;
  items: ItemView[];
  today: CalendarDate;
  linkExpiresOn: CalendarDate;
  /** The form token bound to this link. */
  csrf: string;
  /** Relative base of the forms: the page's own path segment (the link token). */
  token: string;
  /**
   * What the last action did, shown at the top ("Ärendet är markerat som klart."), where the page
   * opens after the action (`#meddelande`), with a way to the item when it is still listed.
   */
  message?: { text: string; error?: boolean; itemId?: string };
}

/** The action's one wording, on the page and in the emails that link to it. */
const MARK_DONE = 'Markera som klart';

function urgency(item: ItemView): string {
  if (item.daysLeft < 0) return 'days late';
  return item.daysLeft <= 7 ? 'days soon' : 'days';
}

function facts(item: ItemView): Html {
  const decision = decisionFact(item);
  const rows: [string, string][] = [
    ['Typ', KIND_LABELS[item.kind]],
    ...(decision ? [[decision.label, decision.value] as [string, string]] : []),
    ['Tidsfrist', swedishDate(item.dueDate)],
  ];
  if (item.meetingDate) rows.push(['Sammanträde', swedishDate(item.meetingDate)]);
  if (item.externalDeadline) {
    const to = 'recipient' in item.due ? ` (svar till ${item.due.recipient})` : '';
    rows.push([`Yttrande senast`, `${swedishDate(item.externalDeadline)}${to}`]);
  }
  if (item.statutoryLimit) rows.push(['Lagstadgad gräns', swedishDate(item.statutoryLimit)]);
  rows.push(['Så räknades fristen', item.dueExplanation]);
  return html`<dl class="facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

function pending(item: ItemView): Html {
  const lines: Html[] = [];
  if (item.extensionRequest) {
    lines.push(html`<p class="pending">Du har begärt förlängning till ${swedishDate(item.extensionRequest.date)} (${stockholmDay(item.extensionRequest.at)}). Registratorn besvarar begäran.</p>`);
  }
  if (item.statusReport) {
    lines.push(html`<p class="pending">Senaste lägesrapport (${stockholmDay(item.statusReport.at)}): ${item.statusReport.note}</p>`);
  }
  if (item.reassignRequest) {
    lines.push(html`<p class="pending">Du har meddelat att ärendet inte är ditt (${stockholmDay(item.reassignRequest.at)}). Registratorn ändrar ansvarig.</p>`);
  }
  return html`${lines}`;
}

/** One form of an item: a disclosure, so the page is a short list until the official acts. */
function form(input: OfficialPageInput, item: ItemView, action: string, summary: string, fields: Html, button: string): Html {
  const id = `${action}-${item.id}`;
  return html`<details>
<summary>${summary}</summary>
<form method="post" action="${input.token}/uppdrag/${item.id}/${action}" id="${id}">
<input type="hidden" name="csrf" value="${input.csrf}">
${fields}
<button type="submit">${button}</button>
</form>
</details>`;
}

function textarea(id: string, name: string, label: string, max: number, required: boolean, hint?: string): Html {
  return html`<label for="${id}">${label}</label>${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
<textarea id="${id}" name="${name}" maxlength="${max}"${required ? html` required` : ''}${hint ? html` aria-describedby="${id}-hint"` : ''}></textarea>`;
}

function itemCard(input: OfficialPageInput, item: ItemView): Html {
  const i = item.id;
  return html`<li class="item" id="uppdrag-${i}">
<article aria-labelledby="rubrik-${i}">
<h2 id="rubrik-${i}">${item.title}</h2>
<p class="${urgency(item)}">${daysInWords(item.daysLeft, item.kind)}: senast ${swedishDate(item.dueDate)}</p>
${facts(item)}
${pending(item)}
${form(input, item, 'done', MARK_DONE, textarea(`klar-${i}`, 'note', 'Vad gjordes? (t.ex. "Återrapporterad KS 2026-09-14 § 120")', LIMITS.note, true), MARK_DONE)}
${form(
  input,
  item,
  'extension',
  'Begär förlängning',
  html`<label for="datum-${i}">Föreslaget nytt datum</label>
<input type="date" id="datum-${i}" name="date" required min="${item.dueDate}">
${textarea(`skal-${i}`, 'reason', 'Skäl', LIMITS.reason, true)}`,
  'Skicka begäran',
)}
${form(input, item, 'status-report', 'Lämna lägesrapport', textarea(`lage-${i}`, 'note', 'Hur går arbetet?', LIMITS.note, true, 'Till exempel: Utredningen klar i maj, väntar på yttrande från SN.'), 'Spara lägesrapport')}
${form(input, item, 'not-mine', 'Inte mitt ärende', textarea(`inte-${i}`, 'note', 'Vem borde ha det? (frivilligt)', LIMITS.note, false), 'Meddela registratorn')}
</article>
</li>`;
}

/** The outcome of the last action, focusable so the page can open on it. */
function message(outcome: NonNullable<OfficialPageInput['message']>, items: ItemView[]): Html {
  const item = items.find((i) => i.id === outcome.itemId);
  return html`<p class="message${outcome.error ? ' error' : ''}" id="meddelande" tabindex="-1" role="${outcome.error ? 'alert' : 'status'}">${outcome.text}${
    item ? html` <a href="#uppdrag-${item.id}">Till ärendet ${item.title}</a>` : ''
  }</p>`;
}

/** "Mina ärenden": the official's open items, most urgent first, with what they can do on each. */
export function officialPage(input: OfficialPageInput): string {
  const items = [...input.items].sort((a, b) => a.daysLeft - b.daysLeft || a.title.localeCompare(b.title, 'sv'));
  const overdue = items.filter((i) => i.daysLeft < 0).length;
  const summary =
    items.length === 0
      ? 'Du har inga öppna ärenden.'
      : `${items.length === 1 ? '1 öppet ärende' : `${items.length} öppna ärenden`}${overdue ? `, varav ${overdue} ${overdue === 1 ? 'försenat' : 'försenade'}` : ''}. Det mest brådskande står först.`;
  return document({
    title: 'Mina ärenden',
    lead: html`${input.name ? `${input.name}, ` : ''}${input.email}. Länken gäller till och med ${swedishDate(input.linkExpiresOn)}.`,
    body: html`${input.message ? message(input.message, items) : ''}
<p>${summary}</p>
${items.length ? html`<ol class="items">${items.map((item) => itemCard(input, item))}</ol>` : ''}`,
  });
}
