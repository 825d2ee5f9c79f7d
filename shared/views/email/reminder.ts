import { swedishDate, swedishDayMonth, type CalendarDate } from '../../domain/dates';
import { KIND_LABELS, LIMITS } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import type { AttentionLine } from './attention';
import { decisionReference, type ReferenceSource } from '../../domain/items/reference';
import { MAX_SUBJECT_LENGTH } from '../../domain/text';
import { emailLink, escapeHtml, htmlEmail, safeHref } from './text';
import { cleanText, oneLine, truncate } from '../../domain/text';

/** One item in a reminder: its read-time view on the day of the email, and where to act on it. */
export type ReminderLine = Pick<
  ItemView,
  'id' | 'kind' | 'title' | 'caseNumber' | 'decision' | 'dueDate' | 'meetingDate' | 'externalDeadline' | 'statutoryLimit' | 'dueExplanation' | 'responsible' | 'daysLeft'
> & {
  /** Who a yttrande's answer goes to ("Länsstyrelsen"), shown with the outside deadline. */
  recipient?: string;
  /** The item's page. */
  url: string;
  /** The item's unit: a manager's email groups its items by unit. */
  unit?: string;
  /** The address of the clerk who registered the item, whom questions about it go to. */
  registrar?: string;
};

export interface ReminderEmailInput {
  recipient: { name?: string; email: string };
  /** `registrar` is an email for the clerk who registered the items: notices and items that need them. */
  role: 'responsible' | 'manager' | 'registrar';
  /**
   * A manager's units, in the order shown, each with the link to its own page. A line without a
   * `unit` belongs to the first. An email about two units names both, each with its own link.
   */
  units?: { name: string; link?: string }[];
  items: ReminderLine[];
  /** Shown above the list: "Din begäran om förlängning beviljades", addresses that bounced. A plain string is read as `{ text }`. */
  notices?: ({ text: string } | string)[];
  /** For the clerk who registered them: items that need a clerk ("Behöver din åtgärd"), above the recipient's own items. */
  attention?: AttentionLine[];
  today: CalendarDate;
  /** Whom to ask about items that name no `registrar` of their own; the footer names them. */
  registrar?: { name?: string; email: string };
  /** The recipient's own page, when there is one. */
  link?: string;
  /** Days a link in the email works (LINK_TTL_DAYS): said under the links. */
  linkTtlDays?: number;
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

/** "A", "A och B", "A, B och C". */
const listed = (names: string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`);

/**
 * "5 dagar kvar", "1 dag kvar", "i dag", "12 dagar försenat". The participle agrees with the
 * ärende, whatever its kind, as the subject's "8 dagar försenat" does.
 */
export function daysInWords(daysLeft: number): string {
  if (daysLeft === 0) return 'i dag';
  if (daysLeft > 0) return `${count(daysLeft, 'dag', 'dagar')} kvar`;
  return `${count(-daysLeft, 'dag', 'dagar')} försenat`;
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

function subjectOf(input: ReminderEmailInput, items: ReminderLine[], units: string[]): string {
  if (input.role === 'manager') {
    const where = units.length === 0 ? 'din enhet' : units.length <= 2 ? listed(units.map((u) => oneLine(u, MAX_UNIT_IN_SUBJECT))) : `${units.length} enheter`;
    return `Försenade ärenden i ${where}: ${count(items.length, 'ärende', 'ärenden')}`;
  }
  const first = items[0];
  const attention = input.attention?.length ?? 0;
  if (!first) {
    if (attention > 0) return `${count(attention, 'ärende', 'ärenden')} behöver din åtgärd`;
    return (input.notices ?? []).length === 1 ? 'Meddelande från uppföljningen av politiska beslut' : 'Meddelanden från uppföljningen av politiska beslut';
  }

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

/** What an item's decision is known by; each part may be missing. */
export type DecisionSource = ReferenceSource;

/** "KS 2026-09-14 § 120, KS 2026/123": the decision an item comes from, as clerks cite it; '' when nothing is known. */
export function decisionOf(item: DecisionSource): string {
  // The one formatter (shared/domain/items/reference.ts): what is known, nothing invented.
  return oneLine(decisionReference(item) ?? '', 400);
}

interface Fact {
  label: string;
  value: string;
  /** Set on the deadline of an overdue item, which the HTML part marks. */
  alert?: boolean;
}

/** The decision as a fact: "Beslut" when there is one, else "Ärende" (a remiss, a case number); none when nothing is known. */
export function decisionFact(item: DecisionSource): { label: string; value: string } | undefined {
  const value = decisionOf(item);
  return value ? { label: item.decision ? 'Beslut' : 'Ärende', value } : undefined;
}

function factsOf(item: ReminderLine, role: ReminderEmailInput['role'], showRegistrar: boolean): Fact[] {
  const decision = decisionFact(item);
  const facts: Fact[] = [
    { label: 'Senast', value: `${swedishDate(item.dueDate)} (${daysInWords(item.daysLeft)})`, alert: item.daysLeft < 0 },
    { label: 'Typ', value: KIND_LABELS[item.kind] },
    ...(decision ? [decision] : []),
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
  if (showRegistrar && item.registrar) facts.push({ label: 'Registrator', value: oneLine(item.registrar, 254) });
  const why = oneLine(item.dueExplanation, MAX_EXPLANATION);
  if (why) facts.push({ label: 'Om datumet', value: why });
  return facts;
}

function introOf(input: ReminderEmailInput, total: number, units: string[]): string | undefined {
  if (total === 0) return undefined;
  const order = total > 1 ? (input.role === 'manager' ? ' Det mest försenade står först.' : ' Det mest brådskande står först.') : '';
  if (input.role === 'manager') {
    const where = units.length ? listed(units.map((u) => oneLine(u, LIMITS.unit))) : 'din enhet';
    return `${total === 1 ? '1 ärende' : `${total} ärenden`} i ${where} ${total === 1 ? 'är försenat' : 'är försenade'}.${order}`;
  }
  if (input.role === 'registrar') return `${count(total, 'ärende', 'ärenden')} som du har registrerat behöver bevakas.${order}`;
  return `Du har ${total === 1 ? '1 ärende från ett politiskt beslut' : `${total} ärenden från politiska beslut`} att bevaka.${order}`;
}

/**
 * Whom questions about the items go to: the one registrar of them all, or, when they were
 * registered by different clerks, each item names its own (`perItem`).
 */
function registrarsOf(input: ReminderEmailInput, items: ReminderLine[]): { one?: string; perItem: boolean } {
  const own = input.recipient.email;
  const asked = new Set(items.map((i) => i.registrar ?? input.registrar?.email).filter((r): r is string => r !== undefined && r !== own));
  if (asked.size !== 1) return { perItem: asked.size > 1 };
  const email = [...asked][0]!;
  const registrar = input.registrar?.email === email ? input.registrar : { email };
  return { one: registrar.name ? `${oneLine(registrar.name, LIMITS.name)}, ${oneLine(email, 254)}` : oneLine(email, 254), perItem: false };
}

function footerOf(input: ReminderEmailInput, total: number, units: string[], registrars: { one?: string; perItem: boolean }): string {
  const items = total === 1 ? 'ärendet ovan' : 'ärendena ovan';
  const where = units.length > 1 ? `enheterna ${listed(units.map((u) => oneLine(u, LIMITS.unit)))}` : units[0] ? `enheten ${oneLine(units[0], LIMITS.unit)}` : 'enheten';
  const why =
    input.role === 'manager'
      ? `Du får det här mejlet eftersom du är chef för ${where} i kommunens uppföljning av politiska beslut och ${items} ${total === 1 ? 'är försenat' : 'är försenade'}.`
      : input.role === 'registrar'
        ? 'Du får det här mejlet eftersom du har registrerat ärenden i kommunens uppföljning av politiska beslut.'
        : `Du får det här mejlet eftersom du är ansvarig för ${total === 0 ? 'ärenden' : items} i kommunens uppföljning av politiska beslut.`;
  if (registrars.perItem) return `${why} Frågor om ett ärende besvaras av registratorn som står vid det.`;
  if (!registrars.one) return why;
  return `${why} Frågor om ${total === 1 ? 'ärendet' : 'ärendena'} besvaras av registratorn: ${registrars.one}.`;
}

interface Shown {
  title: string;
  facts: Fact[];
  href: string | undefined;
}

/** The items of one unit of a manager's email (or all of an official's), with the unit's page. */
interface Group {
  unit?: string;
  link?: string;
  lines: Shown[];
}

/**
 * The Swedish reminder email: one per recipient and day, all their items, most urgent first; a
 * manager's grouped by unit, each unit with its own page; a registrar's items that need them in a
 * section of their own. Every user-supplied value is cleaned of invisible characters, kept to one
 * line where it is a field, and escaped in the HTML part; the subject never holds a line break.
 */
export function renderReminderEmail(input: ReminderEmailInput): RenderedEmail {
  const sorted = [...input.items].sort(byUrgency);
  const shown = sorted.slice(0, MAX_ITEMS_PER_EMAIL);
  const more = sorted.length - shown.length;
  const units = input.role === 'manager' ? (input.units ?? []) : [];
  const unitOf = (line: ReminderLine) => line.unit ?? units[0]?.name;
  // Units in the order of their most overdue item; a unit with nothing shown is not named.
  const unitNames = [...new Set(sorted.map(unitOf).filter((u): u is string => u !== undefined))];
  const registrars = registrarsOf(input, sorted);
  const subject = oneLine(subjectOf(input, sorted, unitNames), MAX_SUBJECT_LENGTH);
  const name = input.recipient.name ? oneLine(input.recipient.name, LIMITS.name) : '';
  const greeting = name ? `Hej ${name}!` : 'Hej!';
  const notices = (input.notices ?? [])
    .map((n) => cleanText(typeof n === 'string' ? n : n.text).trim())
    .filter(Boolean)
    .map((n) => truncate(n, MAX_NOTICE));
  const attention = (input.attention ?? []).map((a) => ({
    title: oneLine(a.title, LIMITS.title) || '(utan rubrik)',
    reference: oneLine(a.reference, MAX_EXPLANATION),
    needs: a.needs.map((n) => oneLine(n, MAX_NOTICE)),
    href: safeHref(a.url),
  }));
  const intro = introOf(input, sorted.length, unitNames);
  const toShown = (item: ReminderLine): Shown => ({
    title: oneLine(item.title, LIMITS.title) || '(utan rubrik)',
    facts: factsOf(item, input.role, registrars.perItem),
    href: safeHref(item.url),
  });
  const groups: Group[] =
    unitNames.length > 1
      ? unitNames.map((unit) => {
          const link = units.find((u) => u.name === unit)?.link;
          return { unit, ...(link ? { link } : {}), lines: shown.filter((l) => unitOf(l) === unit).map(toShown) };
        }).filter((g) => g.lines.length > 0)
      : [{ ...(units[0]?.link ? { link: units[0].link } : {}), lines: shown.map(toShown) }];
  const rest = more > 0 ? `… och ${count(more, 'ärende', 'ärenden')} till.` : undefined;
  const ownLink = input.role === 'manager' ? undefined : input.link;
  const linkOf = (group: Group) => {
    const href = group.link ? safeHref(group.link) : undefined;
    if (!href) return undefined;
    const text = group.unit ? `Lista över försenade ärenden och ärenden på väg i ${oneLine(group.unit, LIMITS.unit)}` : 'Enhetens lista över försenade ärenden och ärenden på väg';
    return { href, text };
  };
  const personal = ownLink ? safeHref(ownLink) : undefined;
  // One group's page link comes after the whole list; with several units each follows its own.
  const tail = groups.length === 1 ? linkOf(groups[0]!) : undefined;
  const personalText = 'Mina ärenden: markera som klart, begär förlängning eller lämna en lägesrapport';
  const footer = footerOf(input, sorted.length, unitNames, registrars);
  const linkCount = (personal ? 1 : 0) + groups.filter((g) => linkOf(g)).length;
  const validity = linkCount && input.linkTtlDays
    ? `${linkCount === 1 ? 'Länken är personlig och gäller' : 'Länkarna är personliga och gäller'} i ${count(input.linkTtlDays, 'dag', 'dagar')}: vidarebefordra ${linkCount === 1 ? 'den' : 'dem'} inte.`
    : undefined;
  const heading = `Behöver din åtgärd (${attention.length})`;

  const text = [
    greeting,
    '',
    ...notices.flatMap((n) => [n, '']),
    ...(attention.length
      ? [
          heading,
          '',
          ...attention.flatMap((a, i) => [
            `${i + 1}. ${a.title}`,
            ...(a.reference ? [`   ${a.reference}`] : []),
            ...a.needs.map((n) => `   ${n}`),
            ...(a.href ? [`   Öppna ärendet: ${a.href}`] : []),
            '',
          ]),
        ]
      : []),
    ...(intro ? [intro, ''] : []),
    ...groups.flatMap((group) => {
      const link = linkOf(group);
      return [
        ...(group.unit ? [oneLine(group.unit, LIMITS.unit), ''] : []),
        ...group.lines.flatMap(({ title, facts, href }, i) => [
          `${i + 1}. ${title}`,
          ...facts.map((f) => `   ${f.label}: ${f.value}`),
          ...(href ? [`   Öppna ärendet: ${href}`] : []),
          '',
        ]),
        ...(group.unit && link ? [`${link.text}:`, link.href, ''] : []),
      ];
    }),
    ...(rest ? [rest, ''] : []),
    ...(tail ? [`${tail.text}:`, tail.href, ''] : []),
    ...(personal ? [`${personalText}:`, personal, ''] : []),
    ...(validity ? [validity, ''] : []),
    '-- ',
    footer,
    '',
  ].join('\n');

  const muted = 'color:#555555';
  const list = (lines: Shown[]) => [
    '<ol style="margin:0 0 16px;padding-left:24px">',
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
        ...(href ? [`<p style="margin:4px 0 0">${emailLink(href, 'Öppna ärendet')}</p>`] : []),
        '</li>',
      ].join('\n'),
    ),
    '</ol>',
  ];
  const boldLink = (link: { href: string; text: string }) => `<p style="margin:0 0 16px">${emailLink(link.href, link.text, 'color:#0b57d0;font-weight:bold')}</p>`;
  const html = htmlEmail(subject, [
    `<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>`,
    ...notices.map(
      (n) => `<p style="margin:0 0 16px;padding:8px 12px;background:#fff4ce;border-left:4px solid #8a6d00">${escapeHtml(n).replace(/\n/g, '<br>')}</p>`,
    ),
    ...(attention.length
      ? [
          `<h2 style="font-size:18px;margin:16px 0 8px">${escapeHtml(heading)}</h2>`,
          '<ol style="margin:0 0 16px;padding-left:24px">',
          ...attention.map((a) =>
            [
              '<li style="margin:0 0 20px">',
              `<p style="margin:0;font-size:17px;font-weight:bold;overflow-wrap:anywhere">${escapeHtml(a.title)}</p>`,
              ...(a.reference ? [`<p style="margin:0;${muted}">${escapeHtml(a.reference)}</p>`] : []),
              ...a.needs.map((n) => `<p style="margin:4px 0 0;overflow-wrap:anywhere">${escapeHtml(n)}</p>`),
              ...(a.href ? [`<p style="margin:4px 0 0">${emailLink(a.href, 'Öppna ärendet')}</p>`] : []),
              '</li>',
            ].join('\n'),
          ),
          '</ol>',
        ]
      : []),
    ...(intro ? [`<p style="margin:0 0 16px">${escapeHtml(intro)}</p>`] : []),
    ...groups.flatMap((group) => {
      if (group.lines.length === 0) return [];
      const link = linkOf(group);
      return [
        ...(group.unit ? [`<h2 style="font-size:18px;margin:16px 0 8px;overflow-wrap:anywhere">${escapeHtml(oneLine(group.unit, LIMITS.unit))}</h2>`] : []),
        ...list(group.lines),
        ...(group.unit && link ? [boldLink(link)] : []),
      ];
    }),
    ...(rest ? [`<p style="margin:0 0 16px">${escapeHtml(rest)}</p>`] : []),
    ...(tail ? [boldLink(tail)] : []),
    ...(personal ? [boldLink({ href: personal, text: personalText })] : []),
    ...(validity ? [`<p style="margin:0 0 16px;${muted}">${escapeHtml(validity)}</p>`] : []),
  ], footer);

  return { subject, text, html };
}
