import { daysBetween, type CalendarDate } from '../dates';
import type { ItemView, State, Status, StoredItem } from './model';

/** The state a reader sees on a Stockholm date: an open item is overdue from the day after its due date. */
export function stateOf(status: Status, dueDate: CalendarDate, today: CalendarDate): State {
  if (status !== 'open') return status;
  return today > dueDate ? 'overdue' : 'open';
}

export function toView(item: StoredItem, today: CalendarDate): ItemView {
  return { ...item, state: stateOf(item.status, item.dueDate, today), daysLeft: daysBetween(today, item.dueDate) };
}
