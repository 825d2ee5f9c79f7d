import type { StoredItem } from './item';

/** What a history event records; the OpenAPI document and the workspace's timeline read this list. */
export const HISTORY_ACTIONS = [
  'created',
  'updated',
  'done',
  'cancelled',
  'reopened',
  'recomputed',
  'extension_requested',
  'extension_granted',
  'extension_refused',
  'status_report',
  'not_mine',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** One entry of an item's public record: who changed what, when and why. */
export interface HistoryEvent {
  at: string;
  by: string;
  action: HistoryAction;
  changes: Record<string, { from: unknown; to: unknown }>;
  reason?: string;
  note?: string;
  /** How the change came in, when not through the API (e.g. "via e-postlänk"). */
  via?: string;
}

/** Fields a change is recorded for; computed bookkeeping (version, timestamps) is not. */
const RECORDED: (keyof StoredItem)[] = [
  'kind', 'title', 'description', 'caseNumber', 'decision', 'remiss', 'responsible', 'unit', 'manager', 'due',
  'reminders', 'status', 'dueDate', 'meetingDate', 'externalDeadline', 'statutoryLimit', 'attention',
  'extensionRequest', 'statusReport', 'reassignRequest',
];

export function diffItems(before: StoredItem, after: StoredItem): HistoryEvent['changes'] {
  const changes: HistoryEvent['changes'] = {};
  for (const field of RECORDED) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}
