import { toCsv } from '../csv';
import { KIND_LABELS, type ItemView } from './model';
import { statusReportLine } from './view';

const STATE_LABELS: Record<ItemView['state'], string> = {
  open: 'Pågående',
  overdue: 'Försenat',
  done: 'Klart',
  cancelled: 'Avbrutet',
};

/** The item list as Swedish Excel opens it; column names in Swedish. */
export function itemsCsv(items: ItemView[]): string {
  return toCsv(
    ['Id', 'Typ', 'Rubrik', 'Diarienummer', 'Organ', 'Beslutsdatum', 'Paragraf', 'Ansvarig', 'E-post', 'Enhet', 'Tidsfrist', 'Sammanträde', 'Dagar kvar', 'Läge', 'Ändringar av tidsfristen', 'Senaste skäl', 'Senaste lägesrapport', 'Begärd förlängning'],
    items.map((item) => [
      item.id,
      KIND_LABELS[item.kind],
      item.title,
      item.caseNumber,
      item.decision.body,
      item.decision.date,
      item.decision.paragraph,
      item.responsible.name,
      item.responsible.email,
      item.unit,
      item.dueDate,
      item.meetingDate,
      item.daysLeft,
      STATE_LABELS[item.state],
      item.deadlineChanges ?? 0,
      item.lastDeadlineReason,
      item.statusReport ? statusReportLine(item.statusReport) : undefined,
      item.extensionRequest ? `${item.extensionRequest.date}: ${item.extensionRequest.reason}` : undefined,
    ]),
  );
}
