/**
 * The deadline rules over data known beforehand (read by a registration, or kept from an earlier
 * one): what they ask to read, that a year they were not given is read rather than counted
 * without its closed days, and which years their answers looked at.
 */
import { describe, expect, it } from 'vitest';
import { createDeadlineRules } from '../../shared/application/plans/deadline-rules';
import type { PlanStore } from '../../shared/application/plans/ports';
import type { CalendarDate } from '../../shared/domain/dates';
import { DEFAULT_REMINDERS } from '../../shared/domain/items/vocabulary';

/** A plan store holding 2 January 2029 as an extra closed day (a klämdag), recording the years asked for. */
function storeWithKlamdag() {
  const asked: number[] = [];
  const store: PlanStore = {
    meetingPlan: async () => undefined,
    saveMeetingPlan: async () => {},
    meetingPlanList: async () => [],
    closedDays: async (year) => {
      asked.push(year);
      return year === 2029 ? ['2029-01-02'] : undefined;
    },
    saveClosedDays: async () => {},
    allClosedDays: async () => ['2029-01-02'],
  };
  return { store, asked };
}

describe('what a registration reads for its deadline', () => {
  it('registered 30 November 2026 with a deadline 15 March 2027: the closed days of 2026 and 2027, and no meeting plan', () => {
    const rules = createDeadlineRules(storeWithKlamdag().store, { delegationLeadWorkingDays: 3, council: 'KF' });

    expect(rules.reads({ due: { date: '2027-03-15' }, reminders: DEFAULT_REMINDERS }, '2026-11-30')).toEqual({ closedDayYears: [2026, 2027], plans: [] });
  });

  it('registered 1 June 2027, due 10 January 2028 and reminded 30 days before: the year of its December reminder too', () => {
    const rules = createDeadlineRules(storeWithKlamdag().store, { delegationLeadWorkingDays: 3, council: 'KF' });
    const reminders = { ...DEFAULT_REMINDERS, beforeDays: [30] };

    expect(rules.reads({ due: { date: '2028-01-10' }, reminders }, '2027-06-01').closedDayYears).toEqual([2027, 2028]);
    expect(rules.reads({ due: { date: '2028-06-12' }, reminders }, '2028-06-01').closedDayYears).toEqual([2028]);
  });

  it('a motion raised 14 June 2027: KF’s plans of 2027 and 2028, and the closed days of both years', () => {
    const rules = createDeadlineRules(storeWithKlamdag().store, { delegationLeadWorkingDays: 3, council: 'KF' });

    expect(rules.reads({ due: { raised: '2027-06-14' }, reminders: DEFAULT_REMINDERS }, '2027-06-20')).toEqual({
      closedDayYears: [2027, 2028],
      plans: [
        { body: 'KF', year: 2027 },
        { body: 'KF', year: 2028 },
      ],
    });
  });
});

describe('rules over data read beforehand', () => {
  it('read nothing more when the data covers the years a deadline reaches', async () => {
    const { store, asked } = storeWithKlamdag();
    const rules = createDeadlineRules(store, { delegationLeadWorkingDays: 3, council: 'KF' }).withData({
      closedDays: new Map<number, CalendarDate[]>([[2028, []], [2029, ['2029-01-02']]]),
      plans: [],
    });

    const resolved = await rules.resolve('yttrande', { externalDeadline: '2029-01-05', recipient: 'Region Skåne' });

    // Three working days before Friday 5 January 2029, past the klämdag, New Year's Day and the weekend: Friday 29 December 2028.
    expect(resolved.dueDate).toBe('2028-12-29');
    expect(asked).toEqual([]);
  });

  it('read a year they were not given rather than count without its closed days', async () => {
    const { store, asked } = storeWithKlamdag();
    const rules = createDeadlineRules(store, { delegationLeadWorkingDays: 3, council: 'KF' }).withData({ closedDays: new Map([[2028, []]]), plans: [] });

    const resolved = await rules.resolve('yttrande', { externalDeadline: '2029-01-05', recipient: 'Region Skåne' });
    const next = await rules.nextReminderDate(
      { dueDate: '2029-01-03', reminders: { beforeDays: [1], overdueEveryDays: 7, escalateAfterDays: 7 }, createdAt: '2028-12-20T08:00:00.000Z' } as never,
      '2028-12-20',
    );

    // Without the klämdag it would be Tuesday 2 January 2029.
    expect(resolved.dueDate).toBe('2028-12-29');
    // One day before Wednesday 3 January 2029 is the klämdag: the working day before it, Friday 29 December 2028.
    expect(next).toBe('2028-12-29');
    expect(asked).toEqual([2029]);
  });

  it('say which years’ closed days their answers looked at: a deadline 18 June 2027 and its reminders, 2027 alone', async () => {
    const rules = createDeadlineRules(storeWithKlamdag().store, { delegationLeadWorkingDays: 3, council: 'KF' }).withData({
      closedDays: new Map<number, CalendarDate[]>([[2026, []], [2027, []]]),
      plans: [],
    });

    const resolved = await rules.resolve('uppdrag', { date: '2027-06-18' });
    const next = await rules.nextReminderDate({ dueDate: resolved.dueDate, reminders: DEFAULT_REMINDERS, createdAt: '2026-11-30T09:00:00.000Z' } as never, '2026-11-30');

    // Fourteen days before Friday 18 June 2027: Friday 4 June.
    expect(next).toBe('2027-06-04');
    expect([...rules.yearsLookedAt()]).toEqual([2027]);
  });

  it('a lead time counted back over New Year looks at both years', async () => {
    const rules = createDeadlineRules(storeWithKlamdag().store, { delegationLeadWorkingDays: 3, council: 'KF' }).withData({
      closedDays: new Map<number, CalendarDate[]>([[2028, []], [2029, ['2029-01-02']]]),
      plans: [],
    });

    await rules.resolve('yttrande', { externalDeadline: '2029-01-05', recipient: 'Region Skåne' });

    expect([...rules.yearsLookedAt()].sort()).toEqual([2028, 2029]);
  });
});
