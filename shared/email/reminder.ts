import { swedishDate, swedishDayMonth, type CalendarDate } from '../dates';
import { KIND_LABELS, type ItemView } from '../items/model';
import { cleanText, escapeHtml, oneLine } from './text';

/** One item in a reminder: its read-time view and where to act on it. */
export type ReminderLine = Pick<
  ItemView,
  'id' | 'kind' | 'title' | 'caseNumber' | 'decision' | 'dueDate' | 'meetingDate' | 'externalDeadline' | 'statutoryLimit' | 'dueExplanation' | 'responsible' | 'daysLeft' | 'state' | 'due'
> & { url: string };

export interface ReminderEmailInput {
  recipient: { name?: string; email: string };
  role: 'responsible' | 'manager' | 'registrar';
  unit?: string;
  items: ReminderLine[];
  /** Messages above the list: a bounced address, an answered extension request. */
  notices?: string[];
  today: CalendarDate;
  registrar?: { name?: string; email: string };
  /** The recipient's own page, when there is one. */
  link?: string;
}

/** Items listed in one email at most; the rest are counted and reached through the link. */
export const MAX_ITEMS_PER_EMAIL = 50;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "5 dagar kvar", "i dag", "1 dag försenat" */
export function daysInWords(daysLeft: number): string {
  if (daysLeft === 0) return 'sista dag i dag';
  if (daysLeft > 0) return `${plural(daysLeft, 'dag', 'dagar')} kvar`;
  return `${plural(-daysLeft, 'dag', 'dagar')} försenat`;
}

/** Most overdue first, then the soonest due. */
export function byUrgency(a: Pick<ReminderLine, 'daysLeft' | 'id'>, b: Pick<ReminderLine, 'daysLeft' | 'id'>): number {
  return a.daysLeft - b.daysLeft || (a.id < b.id ? -1 : 1);
}

function subjectOf(input: ReminderEmailInput, items: ReminderLine[]): string {
  const overdue = items.filter((i) => i.daysLeft < 0).length;
  if (input.role === 'manager') {
    return `Försenade ärenden i ${oneLine(input.unit ?? 'din enhet', 80)}: ${plural(items.length, 'ärende', 'ärenden')}`;
  }
  if (items.length === 0) return 'Meddelanden från uppföljningen av politiska beslut';
  const next = items.find((i) => i.daysLeft >= 0);
  const parts = [overdue > 0 ? `${overdue} ${overdue === 1 ? 'försenat' : 'försenade'}` : undefined];
  if (next) parts.push(next.daysLeft === 0 ? 'nästa senast i dag' : `nästa senast ${swedishDayMonth(next.dueDate)}`);
  return `${plural(items.length, 'ärende', 'ärenden')} att bevaka: ${parts.filter(Boolean).join(', ')}`;
}

function facts(item: ReminderLine, role: ReminderEmailInput['role']): [string, string][] {
  const rows: [string, string][] = [
    ['Typ', KIND_LABELS[item.kind]],
    ['Beslut', `${item.decision.body} ${item.decision.date} ${item.decision.paragraph}, ${item.caseNumber}`],
    ['Senast', `${swedishDate(item.dueDate)} (${daysInWords(item.daysLeft)})`],
  ];
  if (item.meetingDate) rows.push(['Sammanträde', swedishDate(item.meetingDate)]);
  if (item.externalDeadline) {
    const recipient = 'recipient' in item.due ? ` till ${item.due.recipient}` : '';
    rows.push(['Svar' + recipient, swedishDate(item.externalDeadline)]);
  }
  if (item.statutoryLimit) rows.push(['Lagstadgad gräns', swedishDate(item.statutoryLimit)]);
  if (role !== 'responsible') rows.push(['Ansvarig', `${item.responsible.name} <${item.responsible.email}>`]);
  return rows.map(([label, value]) => [label, oneLine(value, 400)]);
}

function footer(input: ReminderEmailInput): string {
  const why =
    input.role === 'manager'
      ? `Du får det här mejlet eftersom du är chef för ${oneLine(input.unit ?? 'enheten', 100)} och ärendena ovan är försenade.`
      : input.role === 'registrar'
        ? 'Du får det här mejlet eftersom du registrerade ärendena som meddelandena gäller.'
        : 'Du får det här mejlet eftersom du är ansvarig för ärendena ovan i kommunens uppföljning av politiska beslut.';
  const ask = input.registrar ? ` Frågor om ärendena besvaras av registratorn, ${input.registrar.email}.` : '';
  return why + ask;
}

/** The Swedish reminder email: one per recipient per day, all their items, most urgent first. */
export function renderReminderEmail(input: ReminderEmailInput): { subject: string; text: string; html: string } {
  const sorted = [...input.items].sort(byUrgency);
  const shown = sorted.slice(0, MAX_ITEMS_PER_EMAIL);
  const more = sorted.length - shown.length;
  const subject = oneLine(subjectOf(input, sorted));
  const greeting = `Hej${input.recipient.name ? ` ${oneLine(input.recipient.name, 100)}` : ''}!`;
  const intro =
    input.role === 'manager'
      ? `Följande ärenden i ${oneLine(input.unit ?? 'din enhet', 100)} är försenade:`
      : sorted.length
        ? 'Du har ärenden från politiska beslut att bevaka:'
        : '';
  const notices = (input.notices ?? []).map((n) => cleanText(n));

  const text = [
    greeting,
    '',
    ...notices.flatMap((n) => [n, '']),
    ...(intro ? [intro, ''] : []),
    ...shown.flatMap((item) => [
      `* ${oneLine(item.title, 400)}`,
      ...facts(item, input.role).map(([label, value]) => `  ${label}: ${value}`),
      `  Öppna: ${item.url}`,
      '',
    ]),
    ...(more > 0 ? [`… och ${plural(more, 'ärende', 'ärenden')} till.${input.link ? ` Se alla: ${input.link}` : ''}`, ''] : []),
    ...(input.link && more === 0 ? [`Alla dina ärenden: ${input.link}`, ''] : []),
    '-- ',
    footer(input),
  ].join('\n');

  const cell = 'padding:2px 12px 2px 0;vertical-align:top';
  const html = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.4;color:#1a1a1a;max-width:640px;margin:0 auto;padding:12px">
<p>${escapeHtml(greeting)}</p>
${notices.map((n) => `<p style="background:#fff4ce;padding:8px;border-left:4px solid #8a6d00">${escapeHtml(n)}</p>`).join('\n')}
${intro ? `<p>${escapeHtml(intro)}</p>` : ''}
${shown
  .map(
    (item) => `<div style="border-top:1px solid #ccc;padding:8px 0">
<h2 style="font-size:18px;margin:4px 0">${escapeHtml(oneLine(item.title, 400))}</h2>
<table role="presentation" style="border-collapse:collapse">${facts(item, input.role)
      .map(([label, value]) => `<tr><th scope="row" style="${cell};text-align:left;font-weight:normal;color:#555">${escapeHtml(label)}</th><td style="${cell}${label === 'Senast' && item.daysLeft < 0 ? ';color:#a4000f;font-weight:bold' : ''}">${escapeHtml(value)}</td></tr>`)
      .join('')}</table>
<p style="margin:6px 0"><a href="${escapeHtml(item.url)}">Öppna ärendet</a></p>
</div>`,
  )
  .join('\n')}
${more > 0 ? `<p>… och ${escapeHtml(plural(more, 'ärende', 'ärenden'))} till.${input.link ? ` <a href="${escapeHtml(input.link)}">Se alla</a>` : ''}</p>` : ''}
${input.link && more === 0 ? `<p><a href="${escapeHtml(input.link)}">Alla dina ärenden</a></p>` : ''}
<p style="font-size:13px;color:#555;border-top:1px solid #ccc;padding-top:8px">${escapeHtml(footer(input))}</p>
</body></html>`;
  return { subject, text, html };
}
