import { swedishDate, swedishDayMonth, type CalendarDate } from '../dates';
import { KIND_LABELS, LIMITS, type ItemView, type Kind } from '../items/model';
import { decisionReference } from '../items/reference';
import { MAX_SUBJECT_LENGTH, cleanText, escapeHtml, htmlEmail, oneLine, safeHref, truncate } from './text';

/** One item in a reminder: its read-time view on the day of the email, and where to act on it. */
export type ReminderLine = Pick<
  ItemView,
  'id' | 'kind' | 'title' | 'caseNumber' | 'decision' | 'dueDate' | 'meetingDate' | 'externalDeadline' | 'statutoryLimit' | 'dueExplanation' | 'responsible' | 'daysLeft'
> & {
  /** Who a yttrande's answer goes to ("Länsstyrelsen"), shown with the outside deadline. */
  recipient?: string;
  /** The item's page. */
  url: string;
};

export interface ReminderEmailInput {
  recipient: { name?: string; email: string };
  /** `registrar` is an email that carries only notices for the clerk who registered the items. */
  role: 'responsible' | 'manager' | 'registrar';
  /** The manager's unit, named in a manager's subject and footer. */
  unit?: string;
  items: ReminderLine[];
  /** Shown above the list: "Din begäran om förlängning beviljades", addresses that bounced. A plain string is read as `{ text }`. */
  notices?: ({ text: string } | string)[];
  today: CalendarDate;
  /** Whom to ask about the items; the footer names them. */
  registrar?: { name?: string; email: string };
  /** The recipient's own page, when there is one. */
  link?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Items listed in one email at most: beyond that a list is no longer read, and the email stays far
 * below SES's message size limit. The rest are counted and reached through `link`.
 */
export const MAX_ITEMS_PER_EMAIL = 50;

/** Longest explanation or notice shown; the item's page has the full text. */
const MAX_EXPLANATION = 500;
const MAX_NOTICE = LIMITS.note;
/** A unit name shortened in the subject so the count after it stays visible. */
const MAX_UNIT_IN_SUBJECT = 60;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The participle agrees with the kind: uppdraget och yttrandet är försenat, återrapporteringen och motionen försenad. */
const OVERDUE: Record<Kind, string> = { uppdrag: 'försenat', aterrapportering: 'försenad', yttrande: 'försenat', motion: 'försenad' };

/** "5 dagar kvar", "1 dag kvar", "i dag", "1 dag försenad", "12 dagar försenat". */
export function daysInWords(daysLeft: number, kind: Kind): string {
  if (daysLeft === 0) return 'i dag';
  if (daysLeft > 0) return `${count(daysLeft, 'dag', 'dagar')} kvar`;
  return `${count(-daysLeft, 'dag', 'dagar')} ${OVERDUE[kind]}`;
}

/** Most overdue first, then the soonest due; ties by title, so the order is the same every day. */
function byUrgency(a: ReminderLine, b: ReminderLine): number {
  return a.daysLeft - b.daysLeft || a.title.localeCompare(b.title, 'sv') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A reminder line from an item's view: the yttrande's recipient comes out of its `due` form. */
export function toReminderLine(view: ItemView, url: string): ReminderLine {
  return {
    id: view.id,
    kind: view.kind,
    title: view.title,
    caseNumber: view.caseNumber,
    decision: view.decision,
    dueDate: view.dueDate,
    ...(view.meetingDate ? { meetingDate: view.meetingDate } : {}),
    ...(view.externalDeadline ? { externalDeadline: view.externalDeadline } : {}),
    ...(view.statutoryLimit ? { statutoryLimit: view.statutoryLimit } : {}),
    dueExplanation: view.dueExplanation,
    responsible: view.responsible,
    daysLeft: view.daysLeft,
    ...('recipient' in view.due ? { recipient: view.due.recipient } : {}),
    url,
  };
}

/** A date in a subject: weekday and day, with the year only when it is not this year's. */
function subjectDate(date: CalendarDate, today: CalendarDate): string {
  return date.slice(0, 4) === today.slice(0, 4) ? swedishDayMonth(date) : swedishDate(date);
}

function subjectOf(input: ReminderEmailInput, items: ReminderLine[]): string {
  if (input.role === 'manager') {
    const unit = input.unit ? oneLine(input.unit, MAX_UNIT_IN_SUBJECT) : 'din enhet';
    return `Försenade ärenden i ${unit}: ${count(items.length, 'ärende', 'ärenden')}`;
  }
  const first = items[0];
  if (!first) return (input.notices ?? []).length === 1 ? 'Meddelande från uppföljningen av politiska beslut' : 'Meddelanden från uppföljningen av politiska beslut';

  const head = `${count(items.length, 'ärende', 'ärenden')} att bevaka`;
  const next = items.find((i) => i.daysLeft >= 0);
  const nextDue = next && (next.daysLeft === 0 ? 'senast i dag' : `senast ${subjectDate(next.dueDate, input.today)}`);
  if (items.length === 1) return `${head}: ${nextDue ?? `${count(-first.daysLeft, 'dag', 'dagar')} försenat`}`;

  const overdue = items.filter((i) => i.daysLeft < 0).length;
  const parts: string[] = [];
  if (overdue === items.length) parts.push(overdue === 2 ? 'båda försenade' : 'alla försenade');
  else if (overdue > 0) parts.push(overdue === 1 ? '1 försenat' : `${overdue} försenade`);
  if (nextDue) parts.push(`nästa ${nextDue}`);
  return `${head}: ${parts.join(', ')}`;
}

/** "KS 2026-09-14 § 120, KS 2026/123": the decision an item comes from, as clerks cite it. */
export function decisionOf(item: Pick<ReminderLine, 'decision' | 'caseNumber'>): string {
  // The one formatter (shared/items/reference.ts): what is known, nothing invented.
  return oneLine(decisionReference(item) ?? '', 400);
}

interface Fact {
  label: string;
  value: string;
  /** Set on the deadline of an overdue item, which the HTML part marks. */
  alert?: boolean;
}

function factsOf(item: ReminderLine, role: ReminderEmailInput['role']): Fact[] {
  const facts: Fact[] = [
    { label: 'Senast', value: `${swedishDate(item.dueDate)} (${daysInWords(item.daysLeft, item.kind)})`, alert: item.daysLeft < 0 },
    { label: 'Typ', value: KIND_LABELS[item.kind] },
    { label: 'Beslut', value: decisionOf(item) },
  ];
  if (item.meetingDate) facts.push({ label: 'Sammanträde', value: swedishDate(item.meetingDate) });
  if (item.externalDeadline) {
    const to = item.recipient ? oneLine(item.recipient, LIMITS.recipient) : '';
    facts.push({ label: to ? `Svar till ${to}` : 'Svar', value: `senast ${swedishDate(item.externalDeadline)}` });
  }
  if (item.statutoryLimit) facts.push({ label: 'Lagstadgad gräns', value: swedishDate(item.statutoryLimit) });
  if (role !== 'responsible') {
    facts.push({ label: 'Ansvarig', value: `${oneLine(item.responsible.name, LIMITS.name)}, ${oneLine(item.responsible.email, 254)}` });
  }
  const why = oneLine(item.dueExplanation, MAX_EXPLANATION);
  if (why) facts.push({ label: 'Om datumet', value: why });
  return facts;
}

function introOf(input: ReminderEmailInput, total: number): string | undefined {
  if (total === 0) return undefined;
  const order = total > 1 ? (input.role === 'manager' ? ' Det mest försenade står först.' : ' Det mest brådskande står först.') : '';
  if (input.role === 'manager') {
    const unit = input.unit ? oneLine(input.unit, LIMITS.unit) : 'din enhet';
    return `${total === 1 ? '1 ärende' : `${total} ärenden`} i ${unit} ${total === 1 ? 'är försenat' : 'är försenade'}.${order}`;
  }
  if (input.role === 'registrar') return `${count(total, 'ärende', 'ärenden')} som du har registrerat behöver bevakas.${order}`;
  return `Du har ${total === 1 ? '1 ärende från ett politiskt beslut' : `${total} ärenden från politiska beslut`} att bevaka.${order}`;
}

function footerOf(input: ReminderEmailInput, total: number): string {
  const items = total === 1 ? 'ärendet ovan' : 'ärendena ovan';
  const why =
    input.role === 'manager'
      ? `Du får det här mejlet eftersom du är chef för ${input.unit ? `enheten ${oneLine(input.unit, LIMITS.unit)}` : 'enheten'} i kommunens uppföljning av politiska beslut och ${items} ${total === 1 ? 'är försenat' : 'är försenade'}.`
      : input.role === 'registrar'
        ? 'Du får det här mejlet eftersom du har registrerat ärenden i kommunens uppföljning av politiska beslut.'
        : `Du får det här mejlet eftersom du är ansvarig för ${items} i kommunens uppföljning av politiska beslut.`;
  const { registrar } = input;
  if (!registrar || registrar.email === input.recipient.email) return why;
  const who = registrar.name ? `${oneLine(registrar.name, LIMITS.name)}, ${oneLine(registrar.email, 254)}` : oneLine(registrar.email, 254);
  return `${why} Frågor om ${total === 1 ? 'ärendet' : 'ärendena'} besvaras av registratorn: ${who}.`;
}

/**
 * The Swedish reminder email: one per recipient and day, all their items, most urgent first.
 * Every user-supplied value is cleaned of invisible characters, kept to one line where it is a
 * field, and escaped in the HTML part; the subject never holds a line break.
 */
export function renderReminderEmail(input: ReminderEmailInput): RenderedEmail {
  const sorted = [...input.items].sort(byUrgency);
  const shown = sorted.slice(0, MAX_ITEMS_PER_EMAIL);
  const more = sorted.length - shown.length;
  const subject = oneLine(subjectOf(input, sorted), MAX_SUBJECT_LENGTH);
  const name = input.recipient.name ? oneLine(input.recipient.name, LIMITS.name) : '';
  const greeting = name ? `Hej ${name}!` : 'Hej!';
  const notices = (input.notices ?? [])
    .map((n) => cleanText(typeof n === 'string' ? n : n.text).trim())
    .filter(Boolean)
    .map((n) => truncate(n, MAX_NOTICE));
  const intro = introOf(input, sorted.length);
  const lines = shown.map((item) => ({ title: oneLine(item.title, LIMITS.title) || '(utan rubrik)', facts: factsOf(item, input.role), href: safeHref(item.url) }));
  const rest = more > 0 ? `… och ${count(more, 'ärende', 'ärenden')} till.` : undefined;
  const link = input.link ? safeHref(input.link) : undefined;
  const linkText =
    input.role === 'manager'
      ? 'Enhetens lista över försenade ärenden och ärenden på väg'
      : 'Mina ärenden: markera som klart, begär förlängning eller lämna en lägesrapport';
  const footer = footerOf(input, sorted.length);

  const text = [
    greeting,
    '',
    ...notices.flatMap((n) => [n, '']),
    ...(intro ? [intro, ''] : []),
    ...lines.flatMap(({ title, facts, href }, i) => [
      `${i + 1}. ${title}`,
      ...facts.map((f) => `   ${f.label}: ${f.value}`),
      ...(href ? [`   Öppna ärendet: ${href}`] : []),
      '',
    ]),
    ...(rest ? [rest, ''] : []),
    ...(link ? [`${linkText}:`, link, ''] : []),
    '-- ',
    footer,
    '',
  ].join('\n');

  const muted = 'color:#555555';
  const html = htmlEmail(subject, [
    `<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>`,
    ...notices.map(
      (n) => `<p style="margin:0 0 16px;padding:8px 12px;background:#fff4ce;border-left:4px solid #8a6d00">${escapeHtml(n).replace(/\n/g, '<br>')}</p>`,
    ),
    ...(intro ? [`<p style="margin:0 0 16px">${escapeHtml(intro)}</p>`] : []),
    ...(lines.length ? ['<ol style="margin:0 0 16px;padding-left:24px">'] : []),
    ...lines.map(({ title, facts, href }) =>
      [
        '<li style="margin:0 0 20px">',
        `<p style="margin:0;font-size:17px;font-weight:bold;overflow-wrap:anywhere">${escapeHtml(title)}</p>`,
        ...facts.map(
          (f) =>
            `<p style="margin:0;overflow-wrap:anywhere"><span style="${muted}">${escapeHtml(f.label)}:</span> ${
              f.alert ? `<strong style="color:#a4000f">${escapeHtml(f.value)}</strong>` : escapeHtml(f.value)
            }</p>`,
        ),
        ...(href ? [`<p style="margin:4px 0 0"><a href="${escapeHtml(href)}" style="color:#0b57d0">Öppna ärendet</a></p>`] : []),
        '</li>',
      ].join('\n'),
    ),
    ...(lines.length ? ['</ol>'] : []),
    ...(rest ? [`<p style="margin:0 0 16px">${escapeHtml(rest)}</p>`] : []),
    ...(link ? [`<p style="margin:0 0 16px"><a href="${escapeHtml(link)}" style="color:#0b57d0;font-weight:bold">${escapeHtml(linkText)}</a></p>`] : []),
  ], footer);

  return { subject, text, html };
}
