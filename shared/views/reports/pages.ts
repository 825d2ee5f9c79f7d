import { stockholmDay } from '../../domain/dates';
import { daysInWords } from '../email/reminder';
import { KIND_LABELS } from '../../domain/items/vocabulary';
import { type StatusReport } from '../../domain/items/item';
import { html, type Html } from '../pages/html';
import { document } from '../pages/layout';
import { MARK_LABELS } from './csv';
import { downloadLinks, type ReportDownloads } from './downloads';
import { dayMonthYear, takenOutAt, type Balanslista, type BalanslistaRow, type Verkstallighet, type VerkstallighetRow } from '../../application/reports/reports';

/**
 * The council reports as printable Swedish pages to attach to an agenda: a heading with the
 * date, a sentence saying what the list is, a count, and one table whose every cell is text (a
 * mark is a word, not only a colour), so it prints, reads aloud and needs no script.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Dates in the tables as ISO dates (2027-05-15): short, and how Swedish documents write them. */
const day = (date: string | undefined) => date ?? '–';
const footer = (generatedAt: string) => `Uttag ur uppföljningssystemet ${takenOutAt(generatedAt)}.`;

export type { ReportDownloads } from './downloads';

function statusReport(report: StatusReport | undefined): Html | string {
  if (!report) return '–';
  return html`${report.note}<br><span class="hint">${stockholmDay(report.at)}</span>`;
}

/** "12 dagar kvar", "Sista dagen", "3 dagar över gränsen": the Läge column, never a negative "dagar kvar". */
function daysToLimit(daysLeft: number): string {
  if (daysLeft === 0) return 'Sista dagen';
  if (daysLeft > 0) return `${plural(daysLeft, 'dag', 'dagar')} kvar`;
  return `${plural(-daysLeft, 'dag', 'dagar')} över gränsen`;
}

function motionRow(row: BalanslistaRow): Html {
  return html`<tr>
<th scope="row">${row.title}<br><span class="hint">${row.decision}</span></th>
<td class="date" data-label="Väckt">${day(row.raised)}</td>
<td data-label="Ansvarig">${row.responsible.name}<br><span class="hint">${row.unit}</span></td>
<td class="date" data-label="Ettårsgräns">${day(row.statutoryLimit ?? row.dueDate)}</td>
<td data-label="Läge">${daysToLimit(row.daysLeft)}</td>
<td data-label="Markering">${row.mark ? html`<strong class="${row.mark === 'over' ? 'late' : 'soon'}">${MARK_LABELS[row.mark]}</strong>` : '–'}</td>
<td data-label="Senaste lägesrapport">${statusReport(row.statusReport)}</td>
</tr>`;
}

function motionSummary(report: Balanslista): string {
  const { total, over, soon } = report.summary;
  if (total === 0) return `Det fanns inga obesvarade motioner den ${dayMonthYear(report.asOf)}.`;
  const marked = [
    over ? `${plural(over, 'motion', 'motioner')} har passerat ettårsgränsen (Passerad)` : '',
    soon ? `${plural(soon, 'motion', 'motioner')} når den inom ${report.warningDays} dagar (Inom ${report.warningDays} dagar)` : '',
  ].filter(Boolean);
  return `${plural(total, 'obesvarad motion', 'obesvarade motioner')}.${marked.length ? ` ${marked.join(' och ')}.` : ' Ingen är nära ettårsgränsen.'}`;
}

/** "Redovisning av obesvarade motioner per 15 maj 2027": the balanslista reported to the council; with `downloads`, links to it as files. */
export function balanslistaPage(report: Balanslista, downloads?: ReportDownloads): string {
  const date = dayMonthYear(report.asOf);
  return document({
    title: report.title,
    lead: 'Anmälan till fullmäktige enligt kommunallagen 5 kap. 35 §.',
    body: html`<p>En motion ska beredas så att fullmäktige kan besluta inom ett år från att den väcktes; kan beredningen inte avslutas inom den tiden ska det, och vad som har kommit fram i beredningen, anmälas till fullmäktige. Här redovisas de motioner som inte var besvarade den ${date}, den närmaste ettårsgränsen först.</p>
<p>${motionSummary(report)}</p>${downloadLinks(downloads)}
${
  report.rows.length
    ? html`<table class="report">
<caption><h2>Obesvarade motioner (${report.rows.length})</h2></caption>
<thead><tr><th scope="col">Motion</th><th scope="col">Väckt</th><th scope="col">Ansvarig</th><th scope="col">Ettårsgräns</th><th scope="col">Läge</th><th scope="col">Markering</th><th scope="col">Senaste lägesrapport</th></tr></thead>
<tbody>
${report.rows.map(motionRow)}
</tbody>
</table>`
    : ''
}`,
    footer: footer(report.generatedAt),
  });
}

function changes(row: VerkstallighetRow): Html | string {
  if (row.deadlineChanges === 0) return 'Inga';
  const count = plural(row.deadlineChanges, 'gång', 'gånger');
  return row.lastDeadlineReason ? html`${count}<br><span class="hint">Senaste skäl:</span> ${row.lastDeadlineReason}` : count;
}

function followUpRow(row: VerkstallighetRow): Html {
  return html`<tr>
<th scope="row">${row.title}<br><span class="hint">${KIND_LABELS[row.kind]}</span></th>
<td data-label="Beslut">${row.decision || '–'}</td>
<td data-label="Ansvarig">${row.responsible.name}<br><span class="hint">${row.unit}</span></td>
<td data-label="Tidsfrist"><span class="date">${day(row.dueDate)}</span><br>${row.daysLeft < 0 ? html`<strong class="late">${daysInWords(row.daysLeft)}</strong>` : daysInWords(row.daysLeft)}</td>
<td data-label="Ändrad tidsfrist">${changes(row)}</td>
<td data-label="Senaste lägesrapport">${statusReport(row.statusReport)}</td>
</tr>`;
}

function followUpSummary(report: Verkstallighet): string {
  const { total, overdue, deadlineChanged } = report.summary;
  if (total === 0) return `Inga av ${report.body}:s beslut hade öppna ärenden den ${dayMonthYear(report.asOf)}.`;
  return `${plural(total, 'öppet ärende', 'öppna ärenden')}, varav ${overdue} ${overdue === 1 ? 'försenat' : 'försenade'} och ${deadlineChanged} med ändrad tidsfrist.`;
}

/** "Uppföljning av KF:s beslut per 15 maj 2027": every open item the body decided, for the body and its auditors; with `downloads`, links to it as files. */
export function verkstallighetPage(report: Verkstallighet, downloads?: ReportDownloads): string {
  const date = dayMonthYear(report.asOf);
  return document({
    title: report.title,
    lead: `Verkställighet av beslut i ${report.body}.`,
    body: html`<p>Här redovisas alla ärenden som ${report.body} har beslutat och som inte var avslutade den ${date}: ansvarig enhet och tjänsteperson, tidsfrist, ändrade tidsfrister med det senaste skälet och den senaste lägesrapporten. Den tidigaste tidsfristen står först.</p>
<p>${followUpSummary(report)}</p>${downloadLinks(downloads)}
${
  report.rows.length
    ? html`<table class="report">
<caption><h2>Öppna ärenden (${report.rows.length})</h2></caption>
<thead><tr><th scope="col">Ärende</th><th scope="col">Beslut</th><th scope="col">Ansvarig</th><th scope="col">Tidsfrist</th><th scope="col">Ändrad tidsfrist</th><th scope="col">Senaste lägesrapport</th></tr></thead>
<tbody>
${report.rows.map(followUpRow)}
</tbody>
</table>`
    : ''
}`,
    footer: footer(report.generatedAt),
  });
}
