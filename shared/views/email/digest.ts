import { isoWeek, stockholmDay, swedishDate, type CalendarDate } from '../../domain/dates';
import { LIMITS } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import { daysInWords, decisionFact, MAX_ITEMS_PER_EMAIL, type RenderedEmail } from './reminder';
import { emailLink, escapeHtml, htmlEmail, safeHref } from './text';
import { oneLine } from '../../domain/text';
import { UPCOMING_DAYS } from '../../application/units/lists';
import type { DigestEmail, DigestNumbers } from '../../application/digest/job';
import type { EmailMessage } from '../../application/delivery/email';
import { unitItemsCsv } from '../spreadsheets/units';

export interface DigestEmailInput {
  manager: { name?: string; email: string };
  unit: string;
  day: CalendarDate;
  overdue: ItemView[];
  upcoming: ItemView[];
  closedLastWeek: ItemView[];
  numbers: DigestNumbers;
  /** The unit page (signed, read-only). */
  link: string;
  /** Days the link works (`LINK_TTL_DAYS`). */
  linkTtlDays: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function lineOf(item: ItemView, section: 'overdue' | 'upcoming' | 'closed'): string[] {
  const decision = decisionFact(item);
  const facts = [
    `Ansvarig: ${oneLine(item.responsible.name, LIMITS.name)}`,
    section === 'closed'
      ? `Avslutat${item.closedAt ? ` ${swedishDate(stockholmDay(item.closedAt))}` : ''} (${item.status === 'done' ? 'klart' : 'avbrutet'}), tidsfrist ${swedishDate(item.dueDate)}`
      : `Tidsfrist: ${swedishDate(item.dueDate)} (${daysInWords(item.daysLeft)})`,
    ...(decision ? [`${decision.label}: ${decision.value}`] : []),
  ];
  if (section !== 'closed' && item.deadlineChanges) {
    facts.push(`Tidsfristen ändrad ${count(item.deadlineChanges, 'gång', 'gånger')}${item.lastDeadlineReason ? `, senast: ${oneLine(item.lastDeadlineReason, 200)}` : ''}`);
  }
  if (section !== 'closed' && item.statusReport) facts.push(`Lägesrapport ${swedishDate(stockholmDay(item.statusReport.at))}: ${oneLine(item.statusReport.note, 300)}`);
  return [oneLine(item.title, LIMITS.title), ...facts];
}

interface Section {
  heading: string;
  items: ItemView[];
  kind: 'overdue' | 'upcoming' | 'closed';
  empty: string;
}

/**
 * The weekly overview for one unit's manager: the numbers, the overdue items, those due within
 * 14 days and those closed last week; the full list goes along as CSV, and the link opens the
 * unit page.
 */
export function renderDigestEmail(input: DigestEmailInput): RenderedEmail {
  const unit = oneLine(input.unit, LIMITS.unit);
  const week = isoWeek(input.day);
  const late = input.overdue.length;
  const subject = `Veckoöversikt ${oneLine(input.unit, 60)}: ${late} ${late === 1 ? 'försenat' : 'försenade'}, ${input.upcoming.length} på väg`;
  const greeting = input.manager.name ? `Hej ${oneLine(input.manager.name, LIMITS.name)}!` : 'Hej!';
  const { numbers } = input;
  const share = numbers.closedThisYear ? ` (${Math.round((100 * numbers.closedOnTimeThisYear) / numbers.closedThisYear)} %)` : '';
  const figures = [
    `Öppna ärenden: ${numbers.open}`,
    `Försenade: ${numbers.overdue}`,
    `Avslutade i år: ${numbers.closedThisYear}, varav i tid: ${numbers.closedOnTimeThisYear}${share}`,
    `Avslutade förra veckan: ${input.closedLastWeek.length}`,
  ];
  const sections: Section[] = [
    { heading: `Försenade (${input.overdue.length})`, items: input.overdue, kind: 'overdue', empty: 'Inga försenade ärenden.' },
    { heading: `På väg: tidsfrist inom ${UPCOMING_DAYS} dagar (${input.upcoming.length})`, items: input.upcoming, kind: 'upcoming', empty: `Inga ärenden med tidsfrist inom ${UPCOMING_DAYS} dagar.` },
    { heading: `Avslutade förra veckan (${input.closedLastWeek.length})`, items: input.closedLastWeek, kind: 'closed', empty: 'Inga ärenden avslutades förra veckan.' },
  ];
  const link = safeHref(input.link);
  const intro = `Veckoöversikt för ${unit}, vecka ${week} (${swedishDate(input.day)}).`;
  const linkText = 'Enhetens lista: filtrera, sortera och skriv ut';
  const footer =
    `Hela listan finns som bifogad CSV-fil som öppnas i Excel. Länken är personlig och gäller i ${count(input.linkTtlDays, 'dag', 'dagar')}: vidarebefordra den inte. ` +
    `Du får det här mejlet varje vecka eftersom du är chef för ${unit} i enhetskatalogen för kommunens uppföljning av politiska beslut.`;

  const shownOf = (section: Section) => section.items.slice(0, MAX_ITEMS_PER_EMAIL);
  const restOf = (section: Section) => section.items.length - shownOf(section).length;

  const text = [
    greeting,
    '',
    intro,
    '',
    'I siffror',
    ...figures.map((f) => `  ${f}`),
    '',
    ...sections.flatMap((section) => [
      section.heading,
      ...(section.items.length === 0 ? [`  ${section.empty}`] : []),
      ...shownOf(section).flatMap((item, i) => {
        const [title, ...facts] = lineOf(item, section.kind);
        return [`${i + 1}. ${title}`, ...facts.map((f) => `   ${f}`)];
      }),
      ...(restOf(section) > 0 ? [`… och ${count(restOf(section), 'ärende', 'ärenden')} till (se bilagan).`] : []),
      '',
    ]),
    ...(link ? [`${linkText}:`, link, ''] : []),
    '-- ',
    footer,
    '',
  ].join('\n');

  const p = (content: string, style = '') => `<p style="margin:0 0 12px${style}">${content}</p>`;
  const html = htmlEmail(subject, [
    p(escapeHtml(greeting)),
    p(escapeHtml(intro)),
    '<h2 style="font-size:18px;margin:16px 0 8px">I siffror</h2>',
    `<ul style="margin:0 0 16px;padding-left:20px">${figures.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`,
    ...(link ? [p(emailLink(link, linkText, 'color:#0b57d0;font-weight:bold'))] : []),
    ...sections.flatMap((section) => [
      `<h2 style="font-size:18px;margin:16px 0 8px">${escapeHtml(section.heading)}</h2>`,
      ...(section.items.length === 0 ? [p(escapeHtml(section.empty))] : []),
      ...(section.items.length ? ['<ol style="margin:0 0 16px;padding-left:24px">'] : []),
      ...shownOf(section).map((item) => {
        const [title, ...facts] = lineOf(item, section.kind);
        return `<li style="margin:0 0 12px"><strong style="overflow-wrap:anywhere">${escapeHtml(title!)}</strong>${facts
          .map((f) => `<br><span style="overflow-wrap:anywhere">${escapeHtml(f)}</span>`)
          .join('')}</li>`;
      }),
      ...(section.items.length ? ['</ol>'] : []),
      ...(restOf(section) > 0 ? [p(escapeHtml(`… och ${count(restOf(section), 'ärende', 'ärenden')} till (se bilagan).`))] : []),
    ]),
  ], footer);
  return { subject, text, html };
}

/**
 * The weekly job's email to one manager (shared/application/digest/job.ts): the overview, with the
 * unit's overdue, upcoming and last week's closed items attached as `veckooversikt-<day>.csv`.
 */
export function renderDigestWithList({ digest, manager, day, link }: DigestEmail, linkTtlDays: number): EmailMessage {
  return {
    ...renderDigestEmail({ ...digest, manager, day, link, linkTtlDays }),
    attachments: [
      {
        filename: `veckooversikt-${day}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: unitItemsCsv([
          ...digest.overdue.map((i) => ({ ...i, section: 'Försenat' })),
          ...digest.upcoming.map((i) => ({ ...i, section: 'På väg' })),
          ...digest.closedLastWeek.map((i) => ({ ...i, section: 'Avslutat förra veckan' })),
        ]),
      },
    ],
  };
}
