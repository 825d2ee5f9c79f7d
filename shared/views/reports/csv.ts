import { stockholmDay } from '../../domain/dates';
import { KIND_LABELS } from '../../domain/items/vocabulary';
import { column, type Sheet } from '../spreadsheets/table';
import type { BalanslistaRow, MotionMark, VerkstallighetRow } from '../../application/reports/reports';
import { MOTION_WARNING_DAYS } from '../../application/reports/queries';
import type { Figures, GroupDimension, Statistics } from '../../domain/reports/statistics';

/** The mark in words, as the printed list shows it. */
export const MARK_LABELS: Record<MotionMark, string> = { over: 'Passerad', soon: `Inom ${MOTION_WARNING_DAYS} dagar` };

/** The Stockholm date of a lägesrapport. */
const reportDate = (at: string | undefined) => (at ? stockholmDay(at) : undefined);

/** The balanslista as a spreadsheet (CSV or XLSX): one row a motion, column names in Swedish. */
export const BALANSLISTA_SHEET: Sheet<BalanslistaRow> = {
  name: 'Balanslista',
  columns: [
    column('Motion', 'text', (row) => row.title),
    column('Diarienummer', 'identifier', (row) => row.caseNumber),
    column('Väckt', 'date', (row) => row.raised),
    column('Lagstadgad gräns', 'date', (row) => row.statutoryLimit),
    column('Dagar kvar (negativt = passerad)', 'integer', (row) => row.daysLeft),
    column('Markering', 'text', (row) => (row.mark ? MARK_LABELS[row.mark] : undefined)),
    column('Organ', 'text', (row) => row.body),
    column('Beslut', 'text', (row) => row.decision),
    column('Ansvarig enhet', 'text', (row) => row.unit),
    column('Ansvarig', 'text', (row) => row.responsible.name),
    column('E-post', 'text', (row) => row.responsible.email),
    column('Tidsfrist för handlingarna', 'date', (row) => row.dueDate),
    column('Sammanträde', 'date', (row) => row.meetingDate),
    column('Senaste lägesrapport', 'text', (row) => row.statusReport?.note),
    column('Lägesrapportens datum', 'date', (row) => reportDate(row.statusReport?.at)),
    column('Id', 'identifier', (row) => row.id),
  ],
};

/** The follow-up of a body's decisions as a spreadsheet. */
export const VERKSTALLIGHET_SHEET: Sheet<VerkstallighetRow> = {
  name: 'Verkställighet',
  columns: [
    column('Ärende', 'text', (row) => row.title),
    column('Typ', 'text', (row) => KIND_LABELS[row.kind]),
    column('Diarienummer', 'identifier', (row) => row.caseNumber),
    column('Beslut', 'text', (row) => row.decision),
    column('Ansvarig enhet', 'text', (row) => row.unit),
    column('Ansvarig', 'text', (row) => row.responsible.name),
    column('E-post', 'text', (row) => row.responsible.email),
    column('Tidsfrist', 'date', (row) => row.dueDate),
    column('Sammanträde', 'date', (row) => row.meetingDate),
    column('Dagar kvar (negativt = försenat)', 'integer', (row) => row.daysLeft),
    column('Ändringar av tidsfristen', 'integer', (row) => row.deadlineChanges),
    column('Senaste skäl', 'text', (row) => row.lastDeadlineReason),
    column('Senaste lägesrapport', 'text', (row) => row.statusReport?.note),
    column('Lägesrapportens datum', 'date', (row) => reportDate(row.statusReport?.at)),
    column('Id', 'identifier', (row) => row.id),
  ],
};

/** One line of the statistics as a spreadsheet: the whole period, or one group of a grouping. */
export interface StatisticsRow {
  /** "Alla beslut", "Organ", "Enhet", "Typ", "Beslutsår". */
  grouping: string;
  /** The group as the page names it ("KS", "Utan beslut", "2026"); the period for the first line. */
  group: string;
  figures: Figures;
}

/** The groupings' names, in the order the page and the spreadsheet show them. */
export const GROUPINGS: Record<GroupDimension, string> = { body: 'Organ', year: 'Beslutsår', kind: 'Typ', unit: 'Enhet' };

/** The statistics' figures as rows: the whole period first, then each grouping in the page's order. */
export function statisticsRows(stats: Statistics): StatisticsRow[] {
  const dimensions = Object.keys(GROUPINGS) as GroupDimension[];
  return [
    { grouping: 'Alla beslut', group: `${stats.from}–${stats.to}`, figures: stats.totals },
    ...dimensions.flatMap((dimension) => stats.groups[dimension].map(({ key: _, label, ...figures }) => ({ grouping: GROUPINGS[dimension], group: label, figures }))),
  ];
}

/** The statistics as a spreadsheet: one row a group, the page's column names; a median with no done item is left empty. */
export const STATISTICS_SHEET: Sheet<StatisticsRow> = {
  name: 'Statistik',
  columns: [
    column('Gruppering', 'text', (row) => row.grouping),
    column('Grupp', 'text', (row) => row.group),
    column('Beslutade', 'integer', (row) => row.figures.decided),
    column('Klara i tid', 'integer', (row) => row.figures.doneOnTime),
    column('Klara försenat', 'integer', (row) => row.figures.doneLate),
    column('Avbrutna', 'integer', (row) => row.figures.cancelled),
    column('Pågående i tid', 'integer', (row) => row.figures.openOnTime),
    column('Försenade', 'integer', (row) => row.figures.openOverdue),
    column('Förlängda', 'integer', (row) => row.figures.extended),
    column('Median dagar till klart', 'integer', (row) => row.figures.medianDaysToDone ?? undefined),
    column('90:e percentil dagar till klart', 'integer', (row) => row.figures.p90DaysToDone ?? undefined),
  ],
};
