import { toCsv } from '../csv';
import { decisionOf } from '../email/reminder';
import { KIND_LABELS, type ItemView } from '../items/model';
import { statusReportLine } from '../items/view';

/** Rows of a unit's list as Swedish Excel opens them; `section` names the part of the weekly overview. */
export function unitItemsCsv(items: (ItemView & { section?: string })[]): string {
  const withSection = items.some((i) => i.section);
  return toCsv(
    [
      ...(withSection ? ['Avsnitt'] : []),
      'Ansvarig',
      'E-post',
      'Typ',
      'Rubrik',
      'Beslut',
      'Tidsfrist',
      'Dagar kvar (negativt = försenat)',
      'Ändringar av tidsfristen',
      'Senaste skäl',
      'Senaste lägesrapport',
      'Id',
    ],
    items.map((item) => [
      ...(withSection ? [item.section ?? ''] : []),
      item.responsible.name,
      item.responsible.email,
      KIND_LABELS[item.kind],
      item.title,
      decisionOf(item),
      item.dueDate,
      item.daysLeft,
      item.deadlineChanges ?? 0,
      item.lastDeadlineReason,
      item.statusReport ? statusReportLine(item.statusReport) : undefined,
      item.id,
    ]),
  );
}
