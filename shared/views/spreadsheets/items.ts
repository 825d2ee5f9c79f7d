import { column, type Sheet } from './table';
import { KIND_LABELS, STATE_LABELS } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import { statusReportLine } from '../../domain/items/view';

/** The item list as a spreadsheet (CSV or XLSX), column names in Swedish; what is not known stays empty. */
export const ITEMS_SHEET: Sheet<ItemView> = {
  name: 'Ärenden',
  columns: [
    column('Id', 'identifier', (item) => item.id),
    column('Typ', 'text', (item) => KIND_LABELS[item.kind]),
    column('Rubrik', 'text', (item) => item.title),
    column('Diarienummer', 'identifier', (item) => item.caseNumber),
    column('Organ', 'text', (item) => item.decision?.body),
    column('Beslutsdatum', 'date', (item) => item.decision?.date),
    column('Paragraf', 'identifier', (item) => item.decision?.paragraph),
    column('Ansvarig', 'text', (item) => item.responsible.name),
    column('E-post', 'text', (item) => item.responsible.email),
    column('Enhet', 'text', (item) => item.unit),
    column('Tidsfrist', 'date', (item) => item.dueDate),
    column('Sammanträde', 'date', (item) => item.meetingDate),
    column('Dagar kvar', 'integer', (item) => item.daysLeft),
    column('Läge', 'text', (item) => STATE_LABELS[item.state]),
    column('Ändringar av tidsfristen', 'integer', (item) => item.deadlineChanges ?? 0),
    column('Senaste skäl', 'text', (item) => item.lastDeadlineReason),
    column('Senaste lägesrapport', 'text', (item) => (item.statusReport ? statusReportLine(item.statusReport) : undefined)),
    column('Begärd förlängning', 'text', (item) => (item.extensionRequest ? `${item.extensionRequest.date}: ${item.extensionRequest.reason}` : undefined)),
    column('Remiss inkom', 'date', (item) => item.remiss?.received),
    column('Remissens referens', 'identifier', (item) => item.remiss?.reference),
  ],
};
