import { stockholmDay, type CalendarDate } from '../dates';
import { daysLeft, stateOf } from '../schedule/state';
import type { ItemView, StatusReport, StoredItem } from './item';

/** Fields in the order a reader looks for them (DynamoDB returns attributes in no order). */
const ORDER: (keyof ItemView)[] = [
  'id', 'kind', 'title', 'description', 'caseNumber', 'decision', 'remiss', 'responsible', 'unit', 'manager', 'due',
  'dueDate', 'meetingDate', 'externalDeadline', 'statutoryLimit', 'dueExplanation', 'attention',
  'deadlineChanges', 'lastDeadlineReason', 'extensionRequest', 'statusReport', 'reassignRequest', 'status', 'closedAt', 'state', 'daysLeft', 'nextReminderDate', 'lastRemindedOn', 'reminders',
  'createdBy', 'createdAt', 'updatedAt', 'version',
];

export function toView(item: StoredItem, today: CalendarDate): ItemView {
  const view: ItemView = { ...item, state: stateOf(item.status, item.dueDate, today), daysLeft: daysLeft(item.dueDate, today) };
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (view[key] !== undefined) ordered[key] = view[key];
  // Which meeting plan the deadline hangs on is bookkeeping for recomputation, not part of the item.
  return ordered as unknown as ItemView;
}

/** A lägesrapport in a list cell: its Stockholm date, then the note. */
export const statusReportLine = (report: StatusReport) => `${stockholmDay(report.at)}: ${report.note}`;
