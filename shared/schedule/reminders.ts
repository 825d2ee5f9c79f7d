import { addDays, daysBetween, type CalendarDate } from '../dates';
import type { WorkingCalendar } from '../calendar/working-days';
import type { ReminderPolicy } from '../items/model';

export interface ScheduleInput {
  dueDate: CalendarDate;
  reminders: ReminderPolicy;
}

export interface ReminderDate {
  date: CalendarDate;
  kind: 'before' | 'due' | 'overdue';
  /** The manager is copied: the item is overdue by `escalateAfterDays` or more. */
  escalate: boolean;
}

/** The manager is copied on an item overdue by `escalateAfterDays` days or more. */
export function isEscalation(dueDate: CalendarDate, policy: ReminderPolicy, today: CalendarDate): boolean {
  const overdue = daysBetween(dueDate, today);
  return overdue > 0 && overdue >= policy.escalateAfterDays;
}

/**
 * The dates the responsible official is reminded, up to `until`: `beforeDays` calendar days
 * before the deadline, on the deadline, the first working day after it, then every
 * `overdueEveryDays`. A date that is not a working day moves to the working day before it
 * (never after); several on one day make one.
 */
export function reminderDates(input: ScheduleInput, calendar: WorkingCalendar, until: CalendarDate): ReminderDate[] {
  const { dueDate, reminders } = input;
  const raw: { date: CalendarDate; kind: ReminderDate['kind'] }[] = [
    ...reminders.beforeDays.map((days) => ({ date: addDays(dueDate, -days), kind: 'before' as const })),
    { date: dueDate, kind: 'due' },
  ];
  const firstOverdue = calendar.addWorkingDays(dueDate, 1);
  for (let date = firstOverdue; date <= until; date = addDays(date, reminders.overdueEveryDays)) {
    raw.push({ date, kind: 'overdue' });
  }
  const byDate = new Map<CalendarDate, ReminderDate>();
  for (const { date, kind } of raw) {
    let moved = calendar.workingDayOnOrBefore(date);
    // An overdue reminder never moves back onto or before the deadline.
    if (kind === 'overdue' && moved <= dueDate) moved = calendar.workingDayOnOrAfter(addDays(dueDate, 1));
    if (moved > until || byDate.has(moved)) continue;
    byDate.set(moved, { date: moved, kind, escalate: kind === 'overdue' && isEscalation(dueDate, reminders, moved) });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The next date to remind on. `lastReminded` is the last date the official was reminded
 * (none yet: undefined); the next date is after it and not before `today`, so reminders whose
 * date passed before the item was registered are skipped. An item registered already overdue
 * is reminded on the first working day from `today`. Undefined: nothing more to send (never
 * for an open item, whose overdue reminders go on).
 */
export function nextReminderDate(
  input: ScheduleInput,
  calendar: WorkingCalendar,
  lastReminded: CalendarDate | undefined,
  today: CalendarDate,
): CalendarDate | undefined {
  const from = lastReminded !== undefined && addDays(lastReminded, 1) > today ? addDays(lastReminded, 1) : today;
  if (lastReminded === undefined && today > input.dueDate) return calendar.workingDayOnOrAfter(today);
  const horizon = addDays(from > input.dueDate ? from : input.dueDate, input.reminders.overdueEveryDays + 14);
  return reminderDates(input, calendar, horizon).find((r) => r.date >= from)?.date;
}
