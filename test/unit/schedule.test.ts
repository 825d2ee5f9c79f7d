import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorkingCalendar } from '../../shared/domain/calendar/working-days';
import { addDays } from '../../shared/domain/dates';
import { DEFAULT_REMINDERS, type ReminderPolicy } from '../../shared/domain/items/vocabulary';
import { isEscalation, nextReminderDate, reminderDates, type ScheduleInput } from '../../shared/domain/schedule/reminders';
import { daysLeft, stateOf } from '../../shared/domain/schedule/state';

// Expected dates checked against an independent implementation of the rules over the Swedish
// calendar, not copied from the code's output.
const calendar = createWorkingCalendar();
const item = (dueDate: string, reminders: ReminderPolicy = DEFAULT_REMINDERS, createdOn?: string): ScheduleInput => ({
  dueDate,
  reminders,
  ...(createdOn ? { createdOn } : {}),
});
const datesOf = (input: ScheduleInput, until: string) => reminderDates(input, calendar, until).map((r) => r.date);

describe('the default schedule: 14, 7 and 1 days before, on the day, the next working day after, then weekly', () => {
  it('for a deadline on Wednesday 26 August 2026, with the manager copied from 7 days overdue', () => {
    const dates = reminderDates(item('2026-08-26'), calendar, '2026-09-17');

    expect(dates).toEqual([
      { date: '2026-08-12', kind: 'before', escalate: false },
      { date: '2026-08-19', kind: 'before', escalate: false },
      { date: '2026-08-25', kind: 'before', escalate: false },
      { date: '2026-08-26', kind: 'due', escalate: false },
      { date: '2026-08-27', kind: 'overdue', escalate: false },
      { date: '2026-09-03', kind: 'overdue', escalate: true },
      { date: '2026-09-10', kind: 'overdue', escalate: true },
      { date: '2026-09-17', kind: 'overdue', escalate: true },
    ]);
  });

  it('stops at `until`, which is included', () => {
    expect(datesOf(item('2026-08-26'), '2026-08-25')).toEqual(['2026-08-12', '2026-08-19', '2026-08-25']);
  });
});

describe('a reminder date that is not a working day moves to the working day before, never after', () => {
  it.each([
    ['a reminder that falls on midsommarafton goes out on the Thursday before', '2026-06-26', '2026-06-26', ['2026-06-12', '2026-06-18', '2026-06-25', '2026-06-26']],
    ['a reminder that falls on Kristi himmelsfärdsdag goes out on the Wednesday before', '2026-05-21', '2026-05-21', ['2026-05-07', '2026-05-13', '2026-05-20', '2026-05-21']],
    ['a reminder that falls on långfredagen goes out on skärtorsdagen', '2027-04-02', '2027-04-02', ['2027-03-19', '2027-03-25', '2027-04-01', '2027-04-02']],
    ['a reminder that falls on annandag påsk goes back over Easter to skärtorsdagen', '2027-04-05', '2027-04-05', ['2027-03-22', '2027-03-25', '2027-04-02', '2027-04-05']],
    ['a reminder on the Sunday after Christmas goes out on 23 December (julafton and juldagen are closed)', '2026-12-28', '2026-12-28', ['2026-12-14', '2026-12-21', '2026-12-23', '2026-12-28']],
    ['a reminder on nyårsdagen goes back over nyårsafton into the old year', '2027-01-08', '2027-01-08', ['2026-12-23', '2026-12-30', '2027-01-07', '2027-01-08']],
  ])('%s', (_rule, dueDate, until, expected) => {
    expect(datesOf(item(dueDate), until)).toEqual(expected);
  });

  it('a deadline on nationaldagen 2026, a Saturday, is reminded on the Friday, merged with the 1-day reminder into one', () => {
    const dates = reminderDates(item('2026-06-06'), calendar, '2026-06-15');

    expect(dates).toEqual([
      { date: '2026-05-22', kind: 'before', escalate: false },
      { date: '2026-05-29', kind: 'before', escalate: false },
      { date: '2026-06-05', kind: 'due', escalate: false },
      { date: '2026-06-08', kind: 'overdue', escalate: false },
      { date: '2026-06-15', kind: 'overdue', escalate: true },
    ]);
  });

  it('weekly overdue reminders on juldagen and nyårsdagen go out on 23 and 30 December; the manager is copied when the day it goes out is 7 days overdue', () => {
    // Due Thursday 17 December 2026; first overdue Friday 18 December, then every 7 calendar days.
    const dates = reminderDates(item('2026-12-17'), calendar, '2027-01-15').filter((r) => r.kind === 'overdue');

    expect(dates).toEqual([
      { date: '2026-12-18', kind: 'overdue', escalate: false },
      { date: '2026-12-23', kind: 'overdue', escalate: false },
      { date: '2026-12-30', kind: 'overdue', escalate: true },
      { date: '2027-01-08', kind: 'overdue', escalate: true },
      { date: '2027-01-15', kind: 'overdue', escalate: true },
    ]);
  });

  it('the first overdue reminder after a deadline on skärtorsdagen is the Tuesday after annandag påsk', () => {
    const overdue = reminderDates(item('2027-03-25'), calendar, '2027-04-01').find((r) => r.kind === 'overdue');

    expect(overdue?.date).toBe('2027-03-30');
  });

  it('several reminders on one day make one: daily overdue reminders over a weekend go out once, on the Friday', () => {
    const daily: ReminderPolicy = { beforeDays: [], overdueEveryDays: 1, escalateAfterDays: 7 };

    const dates = reminderDates(item('2026-06-05', daily), calendar, '2026-06-16');

    expect(dates.map((r) => r.date)).toEqual(['2026-06-05', '2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-15', '2026-06-16']);
    // Friday 12 June is 7 days overdue; the weekend's reminders merged into it escalate too.
    expect(dates.find((r) => r.date === '2026-06-12')?.escalate).toBe(true);
  });

  it('1 day and 3 days before a Monday deadline both land on the Friday and make one reminder', () => {
    const policy: ReminderPolicy = { beforeDays: [3, 1], overdueEveryDays: 7, escalateAfterDays: 7 };

    expect(datesOf(item('2027-06-14', policy), '2027-06-14')).toEqual(['2027-06-11', '2027-06-14']);
  });

  it('refuses a policy whose overdue reminders would never move on', () => {
    expect(() => reminderDates(item('2026-06-05', { ...DEFAULT_REMINDERS, overdueEveryDays: 0 }), calendar, '2026-07-01')).toThrow(RangeError);
  });

  it('beforeDays in any order give the same schedule', () => {
    const unsorted: ReminderPolicy = { beforeDays: [1, 14, 7], overdueEveryDays: 7, escalateAfterDays: 7 };

    expect(reminderDates(item('2026-08-26', unsorted), calendar, '2026-09-17')).toEqual(reminderDates(item('2026-08-26'), calendar, '2026-09-17'));
  });

  it('with escalateAfterDays 0, every overdue reminder copies the manager, the due-date one does not', () => {
    const dates = reminderDates(item('2026-06-05', { ...DEFAULT_REMINDERS, escalateAfterDays: 0 }), calendar, '2026-06-15');

    expect(dates.map((r) => [r.kind, r.escalate])).toEqual([
      ['before', false],
      ['before', false],
      ['before', false],
      ['due', false],
      ['overdue', true],
      ['overdue', true],
    ]);
  });
});

describe('reminders and registration', () => {
  it('an item registered 3 days before its deadline gets no 14- or 7-day reminder, only those still ahead', () => {
    const dates = datesOf(item('2026-06-05', DEFAULT_REMINDERS, '2026-06-02'), '2026-06-08');

    expect(dates).toEqual(['2026-06-04', '2026-06-05', '2026-06-08']);
  });

  it('an item registered already overdue, on a Saturday, is first reminded on the Monday, then weekly from there, copying the manager', () => {
    const dates = reminderDates(item('2026-03-02', DEFAULT_REMINDERS, '2026-06-06'), calendar, '2026-06-22');

    expect(dates).toEqual([
      { date: '2026-06-08', kind: 'overdue', escalate: true },
      { date: '2026-06-15', kind: 'overdue', escalate: true },
      { date: '2026-06-22', kind: 'overdue', escalate: true },
    ]);
  });

  it('a reminder due on the registration day itself is kept', () => {
    expect(datesOf(item('2026-08-26', DEFAULT_REMINDERS, '2026-08-19'), '2026-08-26')).toEqual(['2026-08-19', '2026-08-25', '2026-08-26']);
  });
});

describe('the next reminder date', () => {
  it('for a new item, reminders already past are skipped: registered Tuesday 2 June, due Friday 5 June → Thursday 4 June', () => {
    expect(nextReminderDate(item('2026-06-05'), calendar, undefined, '2026-06-02')).toBe('2026-06-04');
  });

  it('for a new item already overdue, the first working day from today', () => {
    expect(nextReminderDate(item('2026-01-15'), calendar, undefined, '2026-06-06')).toBe('2026-06-08');
  });

  it('after a reminder, the next date of the schedule', () => {
    expect(nextReminderDate(item('2026-06-05'), calendar, '2026-06-04', '2026-06-04')).toBe('2026-06-05');
    expect(nextReminderDate(item('2026-06-05'), calendar, '2026-06-05', '2026-06-05')).toBe('2026-06-08');
    expect(nextReminderDate(item('2026-06-05'), calendar, '2026-06-08', '2026-06-08')).toBe('2026-06-15');
  });

  it('after missed runs, the earliest pending date, already past, so the job catches up with one email', () => {
    // Last reminded 22 May (14 days before); the job did not run until 3 June: 29 May is pending.
    expect(nextReminderDate(item('2026-06-05'), calendar, '2026-05-22', '2026-06-03')).toBe('2026-05-29');
    // Caught up on 3 June: next is the 1-day reminder.
    expect(nextReminderDate(item('2026-06-05'), calendar, '2026-06-03', '2026-06-03')).toBe('2026-06-04');
  });

  it('with the registration date given, a reminder missed since registration is still pending', () => {
    expect(nextReminderDate(item('2026-06-05', DEFAULT_REMINDERS, '2026-05-01'), calendar, undefined, '2026-05-26')).toBe('2026-05-22');
  });

  it('a deadline extended after the overdue reminders started begins again with its before-reminders', () => {
    expect(nextReminderDate(item('2026-09-30'), calendar, '2026-06-15', '2026-06-16')).toBe('2026-09-16');
  });

  it('a years-old backlog item reminded last week is reminded a week later', () => {
    expect(nextReminderDate(item('2021-03-15', DEFAULT_REMINDERS, '2026-11-02'), calendar, '2026-11-02', '2026-11-02')).toBe('2026-11-09');
  });

  it('is always a scheduled date after `after`', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 * 365 }), fc.integer({ min: -30, max: 60 }), (offset, sinceDue) => {
        const dueDate = addDays('2025-01-01', offset);
        const after = addDays(dueDate, sinceDue);
        const next = nextReminderDate(item(dueDate), calendar, after, after);
        const scheduled = datesOf(item(dueDate), addDays(after, 40));

        expect(next > after).toBe(true);
        expect(next).toBe(scheduled.find((d) => d > after));
      }),
      { numRuns: 200 },
    );
  });
});

describe('every schedule, 2025–2030', () => {
  const policy = fc.record({
    beforeDays: fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 5 }),
    overdueEveryDays: fc.integer({ min: 1, max: 30 }),
    escalateAfterDays: fc.integer({ min: 0, max: 30 }),
  });

  it('has only working days, in order, one per day; one on (or for) the deadline, earlier ones before it, overdue ones after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 * 365 }), policy, (offset, reminders) => {
        const dueDate = addDays('2025-01-01', offset);

        const dates = reminderDates({ dueDate, reminders }, calendar, addDays(dueDate, 60));

        for (const [i, r] of dates.entries()) {
          expect(calendar.isWorkingDay(r.date)).toBe(true);
          if (i > 0) expect(r.date > dates[i - 1]!.date).toBe(true);
          if (r.kind === 'overdue') expect(r.date > dueDate).toBe(true);
          else expect(r.date <= dueDate).toBe(true);
          expect(r.escalate).toBe(r.kind === 'overdue' && isEscalation(dueDate, reminders, r.date));
        }
        expect(dates.filter((r) => r.kind === 'due')).toHaveLength(1);
      }),
    );
  });
});

describe('escalation to the manager', () => {
  it.each([
    ['2026-06-05', '2026-06-05', false, 'on the due date'],
    ['2026-06-05', '2026-06-11', false, '6 days overdue'],
    ['2026-06-05', '2026-06-12', true, '7 days overdue'],
    ['2026-06-05', '2026-07-30', true, '55 days overdue'],
    ['2026-06-05', '2026-05-29', false, 'a week before'],
  ])('due %s, on %s: %s (%s)', (dueDate, today, expected) => {
    expect(isEscalation(dueDate, DEFAULT_REMINDERS, today)).toBe(expected);
  });

  it('with escalateAfterDays 0, from the first day overdue but never on the due date', () => {
    const policy = { ...DEFAULT_REMINDERS, escalateAfterDays: 0 };

    expect(isEscalation('2026-06-05', policy, '2026-06-05')).toBe(false);
    expect(isEscalation('2026-06-05', policy, '2026-06-06')).toBe(true);
  });
});

describe('state and days left', () => {
  it.each([
    ['open', '2026-06-05', '2026-06-04', 'open', 1],
    ['open', '2026-06-05', '2026-06-05', 'open', 0],
    ['open', '2026-06-05', '2026-06-06', 'overdue', -1],
    ['open', '2026-12-31', '2027-01-01', 'overdue', -1],
    ['open', '2028-02-28', '2028-03-01', 'overdue', -2],
    ['done', '2026-06-05', '2026-07-01', 'done', -26],
    ['cancelled', '2026-06-05', '2026-06-01', 'cancelled', 4],
  ] as const)('%s, due %s, on %s: %s with %i days left', (status, dueDate, today, state, left) => {
    expect(stateOf(status, dueDate, today)).toBe(state);
    expect(daysLeft(dueDate, today)).toBe(left);
  });

  it('an item due on a Saturday is overdue from the Sunday, though nobody is reminded until Monday', () => {
    expect(stateOf('open', '2026-06-06', '2026-06-07')).toBe('overdue');
  });

  it('days left count calendar days across both DST nights: 29 March and 25 October 2026 are one day each', () => {
    expect(daysLeft('2026-03-30', '2026-03-28')).toBe(2);
    expect(daysLeft('2026-10-26', '2026-10-24')).toBe(2);
  });
});
