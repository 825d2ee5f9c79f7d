import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../shared/calendar/working-days';
import { DEFAULT_REMINDERS } from '../../shared/items/model';
import { isEscalation, nextReminderDate, reminderDates } from '../../shared/schedule/reminders';

const calendar = createWorkingCalendar();
const item = (dueDate: string, reminders = DEFAULT_REMINDERS) => ({ dueDate, reminders });

describe('the default reminder schedule', () => {
  it('reminds 14, 7 and 1 days before, on the due date, the next working day after, then weekly, copying the manager from 7 days overdue', () => {
    // Due Friday 5 June 2026.
    const dates = reminderDates(item('2026-06-05'), calendar, '2026-06-30');

    expect(dates).toEqual([
      { date: '2026-05-22', kind: 'before', escalate: false },
      { date: '2026-05-29', kind: 'before', escalate: false },
      { date: '2026-06-04', kind: 'before', escalate: false },
      { date: '2026-06-05', kind: 'due', escalate: false },
      { date: '2026-06-08', kind: 'overdue', escalate: false },
      { date: '2026-06-15', kind: 'overdue', escalate: true },
      { date: '2026-06-22', kind: 'overdue', escalate: true },
      { date: '2026-06-29', kind: 'overdue', escalate: true },
    ]);
  });

  it('a reminder that falls on midsommarafton goes out on the Thursday before', () => {
    // Due Friday 2 July 2027: 7 days before is midsommarafton, Friday 25 June.
    const dates = reminderDates(item('2027-07-02'), calendar, '2027-07-02').map((r) => r.date);

    expect(dates).toContain('2027-06-24');
    expect(dates).not.toContain('2027-06-25');
  });

  it('reminders falling on one day make one: 1 day before a Monday deadline and the 3 days before it both land on Friday', () => {
    const dates = reminderDates(item('2027-06-14', { beforeDays: [3, 1], overdueEveryDays: 7, escalateAfterDays: 7 }), calendar, '2027-06-14');

    expect(dates.map((r) => r.date)).toEqual(['2027-06-11', '2027-06-14']);
  });

  it('a deadline on juldagen is reminded on the working day before (with the 1-day reminder), and the first overdue reminder is after annandag jul', () => {
    const dates = reminderDates(item('2026-12-25'), calendar, '2026-12-31').map((r) => r.date);

    expect(dates).toEqual(['2026-12-11', '2026-12-18', '2026-12-23', '2026-12-28']);
  });

  it('never schedules a reminder on a non-working day, 2025–2030', () => {
    for (let year = 2025; year <= 2030; year++) {
      for (const month of ['01', '04', '06', '12']) {
        const dates = reminderDates(item(`${year}-${month}-05`), calendar, `${year}-${month}-28`);
        for (const r of dates) expect(calendar.isWorkingDay(r.date), r.date).toBe(true);
      }
    }
  });
});

describe('the next reminder date', () => {
  it('skips reminders whose date passed before the item was registered', () => {
    // Registered Wednesday 3 June 2026, due Friday 5 June: the 14- and 7-day reminders are past.
    expect(nextReminderDate(item('2026-06-05'), calendar, undefined, '2026-06-03')).toBe('2026-06-04');
  });

  it('an item registered already overdue is reminded from the first working day on', () => {
    expect(nextReminderDate(item('2026-01-15'), calendar, undefined, '2026-06-06')).toBe('2026-06-08');
  });

  it('after a reminder, the next is the following date of the schedule', () => {
    expect(nextReminderDate(item('2026-06-05'), calendar, '2026-05-29', '2026-05-29')).toBe('2026-06-04');
    expect(nextReminderDate(item('2026-06-05'), calendar, '2026-06-08', '2026-06-08')).toBe('2026-06-15');
  });
});

describe('escalation to the manager', () => {
  it('starts when the item is overdue by escalateAfterDays', () => {
    expect(isEscalation('2026-06-05', DEFAULT_REMINDERS, '2026-06-11')).toBe(false);
    expect(isEscalation('2026-06-05', DEFAULT_REMINDERS, '2026-06-12')).toBe(true);
    expect(isEscalation('2026-06-05', DEFAULT_REMINDERS, '2026-06-05')).toBe(false);
  });
});
