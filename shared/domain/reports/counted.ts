import { stockholmDay, type CalendarDate } from '../dates';
import type { StoredItem } from '../items/item';
import type { Kind } from '../items/vocabulary';

/**
 * What an item counts as in the council's figures: the date it is counted from, the day it was
 * closed, and the few facts the statistics tally (shared/domain/reports/statistics.ts). Kept apart
 * from the statistics so that the table's keys, which store these facts with every item, load no
 * report code.
 */

/**
 * What the statistics and the public page read of an item. The decision is optional and so are its
 * paragraph and the case number: a yttrande may be registered from a remiss alone, with no
 * decision. A StoredItem fits this type.
 */
export type ReportItem = Pick<StoredItem, 'id' | 'kind' | 'title' | 'unit' | 'dueDate' | 'status' | 'createdAt' | 'updatedAt' | 'closedAt' | 'deadlineChanges'> & {
  caseNumber?: string;
  decision?: { body: string; date: CalendarDate; paragraph?: string };
  remiss?: { received?: CalendarDate; reference?: string };
};

/** The date an item is counted from: its decision date, or its Stockholm registration date when it has no decision. */
export const countedDate = (item: Pick<ReportItem, 'decision' | 'createdAt'>): CalendarDate => item.decision?.date ?? stockholmDay(item.createdAt);

/** The Stockholm date an item was closed; a closed item from before `closedAt` was recorded counts by `updatedAt`, the latest it can have closed. */
export const closedDate = (item: Pick<ReportItem, 'closedAt' | 'updatedAt'>): CalendarDate => stockholmDay(item.closedAt ?? item.updatedAt);

/**
 * What the statistics count of an item, derived from it by countedItem: the kind, unit, deciding
 * body (null without a decision), the date it counts from, its status, the Stockholm date it was
 * closed (null while open), the deadline in force and how often that deadline changed. Stored with
 * each item (docs/data-model.md), so a statistics read parses these few values instead of the item.
 */
export interface CountedItem {
  id: string;
  kind: Kind;
  unit: string;
  body: string | null;
  countedOn: CalendarDate;
  status: StoredItem['status'];
  closedOn: CalendarDate | null;
  dueDate: CalendarDate;
  deadlineChanges: number;
}

/** The facts computeStatistics counts of an item (the dates by countedDate and closedDate). */
export function countedItem(item: ReportItem): CountedItem {
  return {
    id: item.id,
    kind: item.kind,
    unit: item.unit,
    body: item.decision?.body ?? null,
    countedOn: countedDate(item),
    status: item.status,
    closedOn: item.status === 'open' ? null : closedDate(item),
    dueDate: item.dueDate,
    deadlineChanges: item.deadlineChanges ?? 0,
  };
}
