import { daysBetween, type CalendarDate } from '../dates';
import type { State, Status } from '../items/vocabulary';

/** Calendar days from `today` to the due date: 0 on the due date, negative when overdue. */
export function daysLeft(dueDate: CalendarDate, today: CalendarDate): number {
  return daysBetween(today, dueDate);
}

/**
 * The state a reader sees on a Stockholm date: an open item is overdue from the day after its
 * due date (a task due 2026-06-05 is late from 2026-06-06 00:00), also when that is a weekend.
 */
export function stateOf(status: Status, dueDate: CalendarDate, today: CalendarDate): State {
  if (status !== 'open') return status;
  return today > dueDate ? 'overdue' : 'open';
}
