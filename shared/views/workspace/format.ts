import type { Role } from '../../domain/caller';
import { stockholmDay, swedishDate, type CalendarDate } from '../../domain/dates';
import type { HistoryAction, HistoryEvent } from '../../domain/items/history';
import { KIND_LABELS, STATE_LABELS, STATUS_LABELS, type Kind, type Person, type ReminderPolicy, type State } from '../../domain/items/vocabulary';
import { dayMonthYear, takenOutAt } from '../../application/reports/reports';
import type { Attention, DecisionKnown, DueForm, Viewer, WorkspaceItem } from './models';

/** How the workspace words the product's facts: in Swedish, as a clerk writes them. */

export { STATE_LABELS };

/** The list filter's status choices, as a clerk says them (plural: "visa pågående ärenden"). */
export const STATE_FILTER_LABELS: Record<State, string> = { open: 'Pågående', overdue: 'Försenade', done: 'Klara', cancelled: 'Avbrutna' };

export const ROLE_LABELS: Record<Role | 'official', string> = {
  registrar: 'Registrator',
  admin: 'Administratör',
  manager: 'Chef',
  official: 'Handläggare',
};

export const kindLabel = (kind: Kind) => KIND_LABELS[kind];

const ROLE_ORDER: Role[] = ['admin', 'registrar', 'manager'];

/** "Administratör", "Registrator", "Chef, Socialförvaltningen", "Registrator och chef, …", or "Handläggare". */
export function roleLine(viewer: Viewer): string {
  const roles = ROLE_ORDER.filter((role) => viewer.roles.has(role));
  if (roles.length === 0) return ROLE_LABELS.official;
  const text = roles.map((role) => (role === 'manager' && viewer.unit ? `${ROLE_LABELS.manager}, ${viewer.unit}` : ROLE_LABELS[role]));
  return [text[0], ...text.slice(1).map((t) => t.charAt(0).toLowerCase() + t.slice(1))].join(' och ');
}

/** "30 juni 2027" */
export const shortDate = (date: CalendarDate) => dayMonthYear(date);
/** "onsdag 30 juni 2027" */
export const longDate = (date: CalendarDate) => swedishDate(date);
/** "4 maj 2027 kl. 14:32", Stockholm time. */
export const instant = (iso: string) => takenOutAt(iso);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 dagar kvar", "Sista dag i dag", "3 dagar försenat", "Klart 2 maj 2027", "Avbrutet". */
export function daysInWords(item: Pick<WorkspaceItem, 'state' | 'daysLeft' | 'closedAt'>): string {
  if (item.state === 'done') return item.closedAt ? `Klart ${shortDate(stockholmDay(item.closedAt))}` : 'Klart';
  if (item.state === 'cancelled') return item.closedAt ? `Avbrutet ${shortDate(stockholmDay(item.closedAt))}` : 'Avbrutet';
  if (item.daysLeft < 0) return `${plural(-item.daysLeft, 'dag', 'dagar')} försenat`;
  if (item.daysLeft === 0) return 'Sista dag i dag';
  if (item.daysLeft === 1) return '1 dag kvar (sista dag i morgon)';
  return `${plural(item.daysLeft, 'dag', 'dagar')} kvar`;
}

/** The CSS class that colours days left: late, within a week, or none. */
export function urgency(item: Pick<WorkspaceItem, 'state' | 'daysLeft'>): 'late' | 'soon' | undefined {
  if (item.state === 'overdue') return 'late';
  if (item.state === 'open' && item.daysLeft <= 7) return 'soon';
  return undefined;
}

/** "§ 58" whether the clerk wrote "§ 58" or "58". */
const paragraphText = (paragraph: string) => (/^\d/.test(paragraph.trim()) ? `§ ${paragraph.trim()}` : paragraph.trim());

/**
 * The decision as known, in one line: "KS 2026-03-11 § 58, KS 2026/141"; "KS 2028-04-03" before
 * the minutes have a §; "Remiss från Region Skåne, inkom 2027-07-19, Dnr 2027-1234" for a
 * yttrande registered when the remiss arrived. Never a missing part shown as "undefined".
 * (API v2, "Items"; the items module is to have the shared formatter, which this one mirrors.)
 */
export function decisionReference(item: Pick<WorkspaceItem, 'decision' | 'caseNumber' | 'remiss' | 'due'>): string {
  const parts: string[] = [];
  if (item.decision) parts.push(decisionText(item.decision));
  else if (item.remiss || 'recipient' in item.due) {
    const from = 'recipient' in item.due ? `Remiss från ${item.due.recipient}` : 'Remiss';
    parts.push([from, item.remiss?.received ? `inkom ${item.remiss.received}` : undefined, item.remiss?.reference].filter(Boolean).join(', '));
  }
  if (item.caseNumber) parts.push(item.caseNumber);
  return parts.join(', ') || 'Inget beslut registrerat';
}

export function decisionText(decision: DecisionKnown): string {
  return [decision.body, decision.date, decision.paragraph ? paragraphText(decision.paragraph) : undefined].filter(Boolean).join(' ');
}

/** A month "2026-09" as "september 2026". */
function monthText(month: string): string {
  return dayMonthYear(`${month}-01`).replace(/^1 /, '');
}

/**
 * What a later deadline means for a yttrande whose deadline was counted back from the recipient's last day to the
 * meeting that decides the answer: that meeting is then missed, and no later one comes before the recipient's day.
 * Shown beside "Ny tidsfrist" when granting more time; undefined for any other item.
 */
export function laterDeadlineWarning(item: Pick<WorkspaceItem, 'due' | 'meetingDate'>): string | undefined {
  const due = item.due;
  if (!('externalDeadline' in due) || !due.decidedBy || !item.meetingDate) return undefined;
  return (
    `Fristen är räknad till ${due.decidedBy}:s sammanträde ${shortDate(item.meetingDate)}, det sista före mottagarens sista dag ${shortDate(due.externalDeadline)}. ` +
    `Med en senare frist hinner ${due.decidedBy} inte besluta svaret före den dagen. Har ${due.recipient} gett längre svarstid, ändra hellre sista dag hos mottagaren.`
  );
}

/** How the deadline was given, in words: "Till KS sammanträde i september 2026". */
export function dueFormText(due: DueForm): string {
  if ('externalDeadline' in due) {
    const decider = due.decidedBy ? `beslutas av ${due.decidedBy}` : 'besvaras på delegation';
    const set = 'date' in due && due.date ? `; tidsfristen satt till ${shortDate(due.date)}` : '';
    return `Remissvar till ${due.recipient} senast ${shortDate(due.externalDeadline)}, ${decider}${set}`;
  }
  if ('date' in due) return `Tidsfrist ${shortDate(due.date)}`;
  if ('meeting' in due) {
    const meeting = due.meeting;
    if ('month' in meeting) return `Till ${meeting.body}:s sammanträde i ${monthText(meeting.month)}`;
    if ('by' in meeting) return `Till ${meeting.body}:s sista sammanträde senast ${shortDate(meeting.by)}`;
    return `Till ${meeting.body}:s sammanträde ${shortDate(meeting.date)}`;
  }
  return `Motion väckt ${shortDate(due.raised)}`;
}

export const personText = (person: Person) => `${person.name} (${person.email})`;

/** Why an item is flagged, in words a clerk acts on. */
export function attentionText(item: Pick<WorkspaceItem, 'attention' | 'meetingDate' | 'due'>): string {
  const body = 'meeting' in item.due ? item.due.meeting.body : 'decidedBy' in item.due && item.due.decidedBy ? item.due.decidedBy : 'organet';
  switch (item.attention) {
    case 'no_meeting_in_time':
      return `Sammanträdesplanen har ändrats och inget sammanträde med ${body} hinns före fristen. Ärendet har kvar sina datum: välj ett annat sammanträde, ändra tidsfristen eller besvara på delegation.`;
    case 'meeting_already_held':
      return `Sammanträdet som fristen räknades från${item.meetingDate ? ` (${shortDate(item.meetingDate)})` : ''} har redan hållits. Kontrollera tidsfristen med handläggaren.`;
    default:
      return '';
  }
}

export const ATTENTION_LABELS: Record<Attention, string> = {
  no_meeting_in_time: 'Inget sammanträde i tid',
  meeting_already_held: 'Sammanträdet har redan hållits',
};

const ACTION_LABELS: Record<HistoryAction, string> = {
  created: 'Registrerat',
  updated: 'Ändrat',
  done: 'Markerat som klart',
  cancelled: 'Avbrutet',
  reopened: 'Öppnat igen',
  recomputed: 'Tidsfristen räknades om',
  extension_requested: 'Förlängning begärd',
  extension_granted: 'Förlängning beviljad',
  extension_refused: 'Förlängning avslagen',
  status_report: 'Lägesrapport',
  not_mine: 'Inte mitt ärende',
};

/** The heading of a history entry: what happened. */
export const actionLabel = (action: HistoryAction) => ACTION_LABELS[action];

/** The fields a history event records, named as on the item page. */
const FIELD_LABELS: Record<string, string> = {
  kind: 'Typ',
  title: 'Rubrik',
  description: 'Beskrivning',
  caseNumber: 'Diarienummer',
  decision: 'Beslut',
  remiss: 'Remiss',
  responsible: 'Ansvarig',
  unit: 'Enhet',
  manager: 'Chef',
  due: 'Fristen',
  reminders: 'Påminnelser',
  status: 'Status',
  dueDate: 'Tidsfrist',
  meetingDate: 'Sammanträde',
  externalDeadline: 'Sista dag hos mottagaren',
  statutoryLimit: 'Lagstadgad gräns',
  attention: 'Behöver åtgärd',
  extensionRequest: 'Begäran om förlängning',
  statusReport: 'Lägesrapport',
  reassignRequest: 'Begäran om annan ansvarig',
};


/** "14, 7, 1 dagar före; var 7:e dag efter; chefen från 7 dagar försenat" */
export function remindersText(policy: ReminderPolicy): string {
  const before = policy.beforeDays.length ? `${policy.beforeDays.join(', ')} dagar före` : 'inga före';
  return `${before}; var ${policy.overdueEveryDays}:e dag efter; chefen från ${policy.escalateAfterDays} dagar försenat`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One recorded value in words; nothing is shown as "–". */
function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') {
    if (field === 'kind') return KIND_LABELS[value as Kind] ?? value;
    if (field === 'status') return (STATUS_LABELS as Record<string, string>)[value] ?? value;
    if (field === 'attention') return ATTENTION_LABELS[value as Attention] ?? value;
    return value;
  }
  if (!isRecord(value)) return String(value);
  switch (field) {
    case 'responsible':
    case 'manager':
      return personText(value as unknown as Person);
    case 'decision':
      return decisionText(value as unknown as DecisionKnown);
    case 'due':
      return dueFormText(value as unknown as DueForm);
    case 'reminders':
      return remindersText(value as unknown as ReminderPolicy);
    case 'remiss':
      return [value.received ? `inkom ${String(value.received)}` : undefined, value.reference].filter(Boolean).join(', ') || '–';
    case 'extensionRequest':
      // The reason is the event's own ("Skäl: …"), said once.
      return typeof value.date === 'string' ? `till ${swedishDate(value.date)}` : 'begärd';
    case 'statusReport':
    case 'reassignRequest':
      return typeof value.note === 'string' ? value.note : 'begärd';
    default:
      return Object.values(value).map(String).join(', ');
  }
}

/**
 * The changes of a history event in words: "Tidsfrist 2027-05-03 → 2027-06-14"; a value that
 * appears "Lägesrapport: Förstudien klar"; one that goes "Begäran om förlängning togs bort (…)".
 */
export function changeLines(event: Pick<HistoryEvent, 'changes' | 'action'>): string[] {
  const plainDate = (value: unknown) => isRecord(value) && Object.keys(value).join() === 'date';
  // A deadline given as a date says no more than the "Tidsfrist a → b" beside it; a request granted or
  // refused is gone by the event's own name ("Förlängning beviljad").
  const answered = event.action === 'extension_granted' || event.action === 'extension_refused';
  const redundant = (field: string, from: unknown, to: unknown) =>
    (field === 'due' && plainDate(from) && plainDate(to) && 'dueDate' in event.changes) || (field === 'extensionRequest' && answered && (to === null || to === undefined));
  return Object.entries(event.changes)
    .filter(([field, { from, to }]) => !redundant(field, from, to))
    .map(([field, { from, to }]) => {
      const label = FIELD_LABELS[field] ?? field;
      const before = valueText(field, from);
      const after = valueText(field, to);
      if (before === '–') return `${label}: ${after}`;
      if (after === '–') return `${label} togs bort (${before})`;
      return `${label} ${before} → ${after}`;
    });
}

/** What a change body holds besides the item's fields: words about the change, not values to compare. */
const NOT_COMPARED = new Set(['reason', 'note', 'extensionRequest']);

/**
 * Where a person's change and what was saved meanwhile differ, per field the other change also
 * touched: "Rubrik: du skrev Ny rubrik, nu sparat Annan rubrik". `yours` is the change body the
 * person sent, `saved` the item as it now is, `meanwhile` the history events since their version.
 */
export function differenceLines(yours: Record<string, unknown>, saved: Record<string, unknown>, meanwhile: readonly Pick<HistoryEvent, 'changes'>[]): string[] {
  // A deadline changed as a date is recorded as the date it gives.
  const touched = new Set(meanwhile.flatMap((event) => Object.keys(event.changes).map((field) => (field === 'dueDate' ? 'due' : field))));
  return Object.entries(yours)
    .filter(([field]) => !NOT_COMPARED.has(field) && touched.has(field))
    .map(([field, value]) => ({ field, wrote: valueText(field, value), now: valueText(field, saved[field]) }))
    .filter(({ wrote, now }) => wrote !== now)
    // "Fristen: du skrev 31 maj 2027", not "… du skrev Tidsfrist 31 maj 2027": the label says what it is.
    .map(({ field, wrote, now }) => [FIELD_LABELS[field] ?? field, ...[wrote, now].map((text) => (field === 'due' ? text.replace(/^Tidsfrist /, '') : text))])
    .map(([label, wrote, now]) => `${label}: du skrev ${wrote}, nu sparat ${now}`);
}
