import type { CalendarDate } from '../dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { dateOfDay, dayNumber } from '../calendar/day-numbers';
import type { ReminderPolicy } from '../items/vocabulary';

export interface ScheduleInput {
  dueDate: CalendarDate;
  reminders: ReminderPolicy;
  /**
   * The Stockholm date the item was registered. Reminders dated before it are not sent (an item
   * due in 3 days gets no 14- or 7-day reminder), and an item registered already overdue starts
   * its overdue reminders on the first working day on or after it.
   */
  createdOn?: CalendarDate;
}

export interface ReminderDate {
  date: CalendarDate;
  kind: 'before' | 'due' | 'overdue';
  /** The manager is copied: the item is overdue by `escalateAfterDays` or more. */
  escalate: boolean;
}

const escalates = (daysOverdue: number, policy: ReminderPolicy) => daysOverdue > 0 && daysOverdue >= policy.escalateAfterDays;

/** The manager is copied on an item overdue by `escalateAfterDays` days or more (never before it is overdue). */
export function isEscalation(dueDate: CalendarDate, policy: ReminderPolicy, today: CalendarDate): boolean {
  return escalates(dayNumber(today) - dayNumber(dueDate), policy);
}

/**
 * The schedule in date order, endless (overdue reminders go on), from `from` on:
 * `beforeDays` calendar days before the deadline, on the deadline, the first working day after
 * it, then every `overdueEveryDays` calendar days. A date that is not a working day moves to
 * the working day before it, never after; several on one day make one, of the kind nearest the
 * deadline. Moving back keeps the order (raw dates ascend), so equal dates are neighbours.
 */
function* schedule(input: ScheduleInput, calendar: WorkingCalendar, from: CalendarDate | undefined): Generator<ReminderDate, never> {
  const { reminders, createdOn } = input;
  const every = reminders.overdueEveryDays;
  // Every 0 days would merge into one date forever.
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`overdueEveryDays ska vara ett heltal från 1: ${every}`);
  // Day numbers: this runs for every open item in the daily job.
  const due = dayNumber(input.dueDate);
  const registered = createdOn === undefined ? undefined : dayNumber(createdOn);
  const fromDay = from === undefined ? undefined : dayNumber(from);
  const earliest = registered === undefined ? fromDay : fromDay === undefined ? registered : Math.max(registered, fromDay);

  function* raw(): Generator<{ day: number; kind: ReminderDate['kind'] }, never> {
    for (const days of [...reminders.beforeDays].sort((a, b) => b - a)) yield { day: due - days, kind: 'before' };
    yield { day: due, kind: 'due' };
    const nextWorkingDay = dayNumber(calendar.addWorkingDays(input.dueDate, 1));
    // Registered already overdue: the series starts at registration, not weeks back.
    const first = createdOn === undefined ? nextWorkingDay : Math.max(nextWorkingDay, dayNumber(calendar.workingDayOnOrAfter(createdOn)));
    // Series dates before `earliest` only move earlier still: skip them by arithmetic, so a
    // years-old backlog item does not walk its whole history.
    const skipped = earliest === undefined ? 0 : Math.max(0, Math.ceil((earliest - first) / every));
    for (let k = skipped; ; k++) yield { day: first + k * every, kind: 'overdue' };
  }

  const days = raw();
  let pending: { day: number; kind: ReminderDate['kind']; escalate: boolean } | undefined;
  for (;;) {
    const { day, kind } = days.next().value;
    const moved = dayNumber(calendar.workingDayOnOrBefore(dateOfDay(day)));
    if (earliest !== undefined && moved < earliest) continue;
    const escalate = kind === 'overdue' && escalates(moved - due, reminders);
    if (pending?.day === moved) {
      pending = { day: moved, kind, escalate: pending.escalate || escalate };
      continue;
    }
    if (pending) yield { date: dateOfDay(pending.day), kind: pending.kind, escalate: pending.escalate };
    pending = { day: moved, kind, escalate };
  }
}

/** The dates the responsible official is reminded (and the manager copied), up to and including `until`. */
export function reminderDates(input: ScheduleInput, calendar: WorkingCalendar, until: CalendarDate): ReminderDate[] {
  const dates: ReminderDate[] = [];
  for (const reminder of schedule(input, calendar, undefined)) {
    if (reminder.date > until) break;
    dates.push(reminder);
  }
  return dates;
}

/**
 * The next date to remind on: the first date of the schedule after `after` (the last date the
 * official was reminded, exclusive; undefined when never). There always is one: overdue
 * reminders go on until the item is closed.
 *
 * A date already past is returned, not skipped: the daily job Queries `nextReminderDate <=
 * today`, so after an outage it catches up with one email, and then asks again with `after` =
 * that day. Dates before registration are skipped instead (`createdOn`); without `createdOn`,
 * an item never reminded is taken as registered `today` (what the caller passes on creation).
 */
export function nextReminderDate(
  input: ScheduleInput,
  calendar: WorkingCalendar,
  after: CalendarDate | undefined,
  today: CalendarDate,
): CalendarDate {
  const createdOn = input.createdOn ?? (after === undefined ? today : undefined);
  const from = after === undefined ? undefined : dateOfDay(dayNumber(after) + 1);
  return schedule({ ...input, ...(createdOn ? { createdOn } : {}) }, calendar, from).next().value.date;
}
