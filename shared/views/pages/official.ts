import { stockholmDay, swedishDate, swedishDayMonthYear, type CalendarDate } from '../../domain/dates';
import { daysInWords, decisionFact } from '../email/reminder';
import { KIND_LABELS, LIMITS } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import type { PageAction, RefusedForm } from './forms';
import { address, html, type Html } from './html';
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
  /** A form sent back to be corrected (answered 400): opened, with what was typed and what is wrong. */
  refused?: RefusedForm;
  /** The bodies whose follow-up page is public (`GET /offentlig/{body}`): the latest lägesrapport of their items shows there. */
  publicBodies: ReadonlySet<string>;
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
    lines.push(html`<p class="pending">Du har begärt förlängning till ${swedishDate(item.extensionRequest.date)} (begärt ${swedishDayMonthYear(stockholmDay(item.extensionRequest.at))}). Registratorn besvarar begäran.</p>`);
  }
  if (item.statusReport) {
    lines.push(html`<p class="pending">Senaste lägesrapport (${swedishDayMonthYear(stockholmDay(item.statusReport.at))}): ${item.statusReport.note}</p>`);
  }
  if (item.reassignRequest) {
    lines.push(html`<p class="pending">Du har meddelat att ärendet inte är ditt (${swedishDayMonthYear(stockholmDay(item.reassignRequest.at))}). Registratorn ändrar ansvarig.</p>`);
  }
  return html`${lines}`;
}

interface Field {
  name: string;
  /** The field's id before the item's id (`datum-` + id). */
  id: string;
  /** The label, also the field's name in the form's error summary. */
  label: string;
  type: 'textarea' | 'date';
  required: boolean;
  /** Said under the label; `publicBodies` as in OfficialPageInput. */
  hint?: (item: ItemView, publicBodies: ReadonlySet<string>) => string;
  max?: number;
}

/**
 * The official is told before writing that the lägesrapport is published, when it is: the body's
 * public page shows each item's latest one (shared/domain/reports/public.ts).
 */
function statusReportHint(item: ItemView, publicBodies: ReadonlySet<string>): string {
  const example = 'Till exempel: Utredningen klar i maj, väntar på yttrande från SN.';
  const body = item.decision?.body;
  return body && publicBodies.has(body) ? `${example} Lägesrapporten visas på kommunens offentliga sida för ${body}.` : example;
}

/** The forms on each item, in the page's order: their disclosure, fields and button. */
const FORMS: { action: PageAction; summary: string; button: string; fields: Field[] }[] = [
  {
    action: 'done',
    summary: MARK_DONE,
    button: MARK_DONE,
    fields: [{ name: 'note', id: 'klar', label: 'Vad gjordes?', type: 'textarea', required: true, max: LIMITS.note, hint: () => 'Till exempel: Återrapporterad KS 2026-09-14 § 120.' }],
  },
  {
    action: 'extension',
    summary: 'Begär förlängning',
    button: 'Skicka begäran',
    fields: [
      { name: 'date', id: 'datum', label: 'Föreslaget nytt datum', type: 'date', required: true, hint: (item) => `Efter nuvarande tidsfrist, ${swedishDate(item.dueDate)}, och inom två år. Skriv ÅÅÅÅ-MM-DD.` },
      { name: 'reason', id: 'skal', label: 'Skäl', type: 'textarea', required: true, max: LIMITS.reason },
    ],
  },
  {
    action: 'status-report',
    summary: 'Lämna lägesrapport',
    button: 'Spara lägesrapport',
    fields: [{ name: 'note', id: 'lage', label: 'Hur går arbetet?', type: 'textarea', required: true, max: LIMITS.note, hint: statusReportHint }],
  },
  {
    action: 'not-mine',
    summary: 'Inte mitt ärende',
    button: 'Meddela registratorn',
    fields: [{ name: 'note', id: 'inte', label: 'Vem borde ha det?', type: 'textarea', required: false, max: LIMITS.note }],
  },
];

/** One field: its label says whether it must be filled in; a refused value comes back with its message beside it. */
function field(item: ItemView, spec: Field, value: string | undefined, error: string | undefined, publicBodies: ReadonlySet<string>): Html {
  const id = `${spec.id}-${item.id}`;
  const hint = spec.hint?.(item, publicBodies);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-fel` : ''].filter(Boolean).join(' ');
  const common = html`id="${id}" name="${spec.name}"${spec.required ? html` required` : ''}${error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}`;
  const control =
    spec.type === 'date'
      ? html`<input type="date" ${common} min="${item.dueDate}" value="${value ?? ''}">`
      : html`<textarea ${common} maxlength="${spec.max ?? ''}">${value ?? ''}</textarea>`;
  return html`<div class="field${error ? ' invalid' : ''}">
<label for="${id}">${spec.label} ${spec.required ? '(måste fyllas i)' : '(frivilligt)'}</label>${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}
${error ? html`<p class="field-error" id="${id}-fel">${error}</p>` : ''}${control}
</div>`;
}

/**
 * What to correct, at the top of a refused form, each linked to its field; it takes the focus as
 * the page opens (`autofocus`, no script), so the official lands on it, not at the top of the list.
 */
function errorSummary(item: ItemView, spec: (typeof FORMS)[number], errors: Record<string, string>): Html {
  const listed = spec.fields.filter((f) => errors[f.name]);
  const whole = errors[''];
  const count = listed.length + (whole ? 1 : 0);
  const headingId = `fel-${spec.action}-${item.id}`;
  return html`<div class="error-summary" id="${headingId}-ruta" tabindex="-1" autofocus aria-labelledby="${headingId}">
<h3 id="${headingId}">${count === 1 ? 'Rätta det här och skicka igen' : `Rätta de här ${count} sakerna och skicka igen`}</h3>
<ul>${whole ? html`<li>${whole}</li>` : ''}${listed.map((f) => html`<li><a href="#${f.id}-${item.id}">${f.label}: ${errors[f.name]}</a></li>`)}</ul>
</div>`;
}

/**
 * One form of an item: a disclosure, so the page is a short list until the official acts; the
 * refused one open, with what was typed and what to correct. Checked by the server only
 * (`novalidate`), so every message is the page's own Swedish one.
 */
function form(input: OfficialPageInput, item: ItemView, spec: (typeof FORMS)[number]): Html {
  const refused = input.refused?.itemId === item.id && input.refused.action === spec.action ? input.refused : undefined;
  return html`<details${refused ? html` open` : ''}>
<summary>${spec.summary}</summary>
<form method="post" action="${input.token}/uppdrag/${item.id}/${spec.action}" id="${spec.action}-${item.id}" novalidate>
${refused ? errorSummary(item, spec, refused.errors) : ''}
<input type="hidden" name="csrf" value="${input.csrf}">
${spec.fields.map((f) => field(item, f, refused?.values[f.name], refused?.errors[f.name], input.publicBodies))}
<button type="submit">${spec.button}</button>
</form>
</details>`;
}

function itemCard(input: OfficialPageInput, item: ItemView): Html {
  const i = item.id;
  return html`<li class="item" id="uppdrag-${i}">
<article aria-labelledby="rubrik-${i}">
<h2 id="rubrik-${i}">${item.title}</h2>
<p class="${urgency(item)}">${daysInWords(item.daysLeft)}: senast ${swedishDate(item.dueDate)}</p>
${facts(item)}
${pending(item)}
${FORMS.map((spec) => form(input, item, spec))}
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

/** Above the list, where a browser that ignores `autofocus` opens the page: the way to the form to correct. */
function refusedNotice(refused: RefusedForm, items: ItemView[]): Html {
  const item = items.find((i) => i.id === refused.itemId);
  const spec = FORMS.find((f) => f.action === refused.action)!;
  if (!item) return html`<p class="message error" id="meddelande">Inget har sparats: ärendet finns inte bland dina öppna ärenden.</p>`;
  return html`<p class="message error" id="meddelande">Inget har sparats: rätta det som är markerat under ${spec.summary}, ${item.title}. <a href="#fel-${refused.action}-${item.id}-ruta">Till formuläret</a></p>`;
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
    lead: html`${input.name ? `${input.name}, ` : ''}${address(input.email)}. Länken gäller till och med ${swedishDate(input.linkExpiresOn)}.`,
    body: html`${input.message ? message(input.message, items) : ''}${input.refused ? refusedNotice(input.refused, items) : ''}
<p>${summary}</p>
${items.length ? html`<ol class="items">${items.map((item) => itemCard(input, item))}</ol>` : ''}`,
  });
}
