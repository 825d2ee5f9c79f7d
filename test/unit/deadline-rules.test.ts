import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../shared/calendar/working-days';
import { DeadlineError, dependsOnPlans, oneYearLater, plansNeeded, resolveDue } from '../../shared/deadlines/resolve';
import type { MeetingPlan } from '../../shared/deadlines/meeting-plans';

const calendar = createWorkingCalendar();
const plans: MeetingPlan[] = [
  { body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-21', '2028-04-24', '2028-06-19', '2028-11-27'] },
  { body: 'KF', year: 2029, leadWorkingDays: 20, dates: ['2029-02-26', '2029-04-23'] },
  { body: 'KS', year: 2026, leadWorkingDays: 15, dates: ['2026-11-16', '2026-12-14'] },
  { body: 'KS', year: 2027, leadWorkingDays: 10, dates: ['2027-01-25', '2027-06-14'] },
];
const ctx = { calendar, plans, delegationLeadWorkingDays: 3 };

describe('motions: the one-year limit of kommunallagen 5 kap. 35 §', () => {
  it('a motion raised on 29 February has its limit on 28 February the next year', () => {
    expect(oneYearLater('2028-02-29')).toBe('2029-02-28');
  });

  it('is due on the document date of the last KF meeting on or before the limit, in the previous year when need be', () => {
    // Raised 2028-02-29: limit 2029-02-28; KF meets 2029-02-26, 20 working days earlier is 2029-01-29.
    const resolved = resolveDue({ kind: 'motion', due: { raised: '2028-02-29' } }, ctx);

    expect(resolved).toMatchObject({ statutoryLimit: '2029-02-28', meetingDate: '2029-02-26', dueDate: '2029-01-29' });
  });
});

describe('yttranden scheduled backwards', () => {
  it('an early-January outside deadline takes the last KS meeting of the previous year', () => {
    const resolved = resolveDue({ kind: 'yttrande', due: { externalDeadline: '2027-01-15', recipient: 'Trafikverket', decidedBy: 'KS' } }, ctx);

    expect(resolved).toMatchObject({ meetingDate: '2026-12-14', externalDeadline: '2027-01-15' });
  });

  it('answered by delegation, it is due 3 working days before the outside deadline', () => {
    // Friday 27 March 2026, 3 working days before: Tuesday 24 March.
    const resolved = resolveDue({ kind: 'yttrande', due: { externalDeadline: '2026-03-27', recipient: 'Länsstyrelsen' } }, ctx);

    expect(resolved.dueDate).toBe('2026-03-24');
    expect(resolved.dueExplanation).toContain('delegation');
  });

  it('needs the plan of the deadline’s own year', () => {
    expect(() => resolveDue({ kind: 'yttrande', due: { externalDeadline: '2028-03-01', recipient: 'Regionen', decidedBy: 'KS' } }, ctx)).toThrow(DeadlineError);
  });
});

describe('återrapporteringar to a meeting', () => {
  it('explain the document date in Swedish a clerk can check', () => {
    const resolved = resolveDue({ kind: 'aterrapportering', due: { meeting: { body: 'KS', month: '2027-06' } } }, ctx);

    expect(resolved.dueExplanation).toBe(
      'Återrapporteras till KS. Handlingarna till KS sammanträde måndag 14 juni 2027 ska vara inne 10 arbetsdagar före: måndag 31 maj 2027.',
    );
  });
});

describe('which plans a deadline needs and depends on', () => {
  it('a motion needs KF’s plans for the limit’s year and the one before; it depends on the plan of its meeting', () => {
    expect(plansNeeded({ raised: '2028-02-29' })).toEqual([{ body: 'KF', years: [2028, 2029] }]);
    expect(dependsOnPlans({ due: { raised: '2028-02-29' }, meetingDate: '2029-02-26' })).toEqual({ body: 'KF', year: 2029 });
    expect(dependsOnPlans({ due: { date: '2028-02-29' } })).toBeUndefined();
  });
});
