import { sheetCsv } from './csv';
import { column, type Sheet } from './table';
import { KIND_LABELS } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import { decisionReference } from '../../domain/items/reference';
import { statusReportLine } from '../../domain/items/view';

/** A row of a unit's list; `section` names the part of the weekly overview it is in. */
export type UnitRow = ItemView & { section?: string };

const UNIT_COLUMNS = [
  column<UnitRow, 'text'>('Ansvarig', 'text', (item) => item.responsible.name),
  column<UnitRow, 'text'>('E-post', 'text', (item) => item.responsible.email),
  column<UnitRow, 'text'>('Typ', 'text', (item) => KIND_LABELS[item.kind]),
  column<UnitRow, 'text'>('Rubrik', 'text', (item) => item.title),
  column<UnitRow, 'text'>('Beslut', 'text', (item) => decisionReference(item)),
  column<UnitRow, 'date'>('Tidsfrist', 'date', (item) => item.dueDate),
  column<UnitRow, 'integer'>('Dagar kvar (negativt = försenat)', 'integer', (item) => item.daysLeft),
  column<UnitRow, 'integer'>('Ändringar av tidsfristen', 'integer', (item) => item.deadlineChanges ?? 0),
  column<UnitRow, 'text'>('Senaste skäl', 'text', (item) => item.lastDeadlineReason),
  column<UnitRow, 'text'>('Senaste lägesrapport', 'text', (item) => (item.statusReport ? statusReportLine(item.statusReport) : undefined)),
  column<UnitRow, 'identifier'>('Id', 'identifier', (item) => item.id),
];

/** A unit's list as a spreadsheet; with a first column "Avsnitt" when the rows carry sections (the weekly overview). */
export function unitSheet(items: readonly UnitRow[], name = 'Försenat'): Sheet<UnitRow> {
  const withSection = items.some((i) => i.section);
  return { name, columns: withSection ? [column<UnitRow, 'text'>('Avsnitt', 'text', (item) => item.section ?? ''), ...UNIT_COLUMNS] : UNIT_COLUMNS };
}

/** Rows of a unit's list as Swedish Excel opens them. */
export const unitItemsCsv = (items: UnitRow[]): string => sheetCsv(unitSheet(items), items);
