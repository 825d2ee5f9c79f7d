import { toCsv } from '../csv';
import { stockholmDay } from '../dates';
import { KIND_LABELS } from '../items/model';
import type { BalanslistaRow, MotionMark, VerkstallighetRow } from './reports';
import { MOTION_WARNING_DAYS } from './queries';

/** The mark in words, as the printed list shows it. */
export const MARK_LABELS: Record<MotionMark, string> = { over: 'Passerad', soon: `Inom ${MOTION_WARNING_DAYS} dagar` };

/** The Stockholm date of a lägesrapport. */
const reportDate = (at: string | undefined) => (at ? stockholmDay(at) : undefined);

/** The balanslista as Swedish Excel opens it (shared/csv.ts): one row a motion, column names in Swedish. */
export function balanslistaCsv(rows: BalanslistaRow[]): string {
  return toCsv(
    [
      'Motion',
      'Diarienummer',
      'Väckt',
      'Lagstadgad gräns',
      'Dagar kvar (negativt = passerad)',
      'Markering',
      'Organ',
      'Beslut',
      'Ansvarig enhet',
      'Ansvarig',
      'E-post',
      'Tidsfrist för handlingarna',
      'Sammanträde',
      'Senaste lägesrapport',
      'Lägesrapportens datum',
      'Id',
    ],
    rows.map((row) => [
      row.title,
      row.caseNumber,
      row.raised,
      row.statutoryLimit,
      row.daysLeft,
      row.mark ? MARK_LABELS[row.mark] : undefined,
      row.body,
      row.decision,
      row.unit,
      row.responsible.name,
      row.responsible.email,
      row.dueDate,
      row.meetingDate,
      row.statusReport?.note,
      reportDate(row.statusReport?.at),
      row.id,
    ]),
  );
}

/** The follow-up of a body's decisions as Swedish Excel opens it. */
export function verkstallighetCsv(rows: VerkstallighetRow[]): string {
  return toCsv(
    [
      'Ärende',
      'Typ',
      'Diarienummer',
      'Beslut',
      'Ansvarig enhet',
      'Ansvarig',
      'E-post',
      'Tidsfrist',
      'Sammanträde',
      'Dagar kvar (negativt = försenat)',
      'Ändringar av tidsfristen',
      'Senaste skäl',
      'Senaste lägesrapport',
      'Lägesrapportens datum',
      'Id',
    ],
    rows.map((row) => [
      row.title,
      KIND_LABELS[row.kind],
      row.caseNumber,
      row.decision,
      row.unit,
      row.responsible.name,
      row.responsible.email,
      row.dueDate,
      row.meetingDate,
      row.daysLeft,
      row.deadlineChanges,
      row.lastDeadlineReason,
      row.statusReport?.note,
      reportDate(row.statusReport?.at),
      row.id,
    ]),
  );
}
