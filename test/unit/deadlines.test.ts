import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../shared/domain/calendar/working-days';
import { documentDate, type MeetingPlan } from '../../shared/domain/deadlines/meeting-plans';
import { parseMeetingPlan } from '../../shared/application/plans/commands';
import { DeadlineError, dependsOnPlans, oneYearLater, plansNeeded, resolveDue, type DeadlineContext } from '../../shared/domain/deadlines/resolve';
import { calendarDate, type Due, type Kind } from '../../shared/domain/items/vocabulary';

// Invented but realistic plans: KS meets on Wednesdays in 2026 (lead 15 working days) and on
// Mondays in 2027 (lead 10), KF on Mondays (lead 20), KSAU in the first week of January.
// Every expected document date below was counted independently against the Swedish calendar.
const calendar = createWorkingCalendar();
const KS_2026: MeetingPlan = {
  body: 'KS',
  year: 2026,
  leadWorkingDays: 15,
  dates: ['2026-01-28', '2026-02-25', '2026-03-11', '2026-03-25', '2026-04-22', '2026-05-20', '2026-06-10', '2026-08-26', '2026-09-16', '2026-10-14', '2026-11-11', '2026-12-09'],
};
const KS_2027: MeetingPlan = {
  body: 'KS',
  year: 2027,
  leadWorkingDays: 10,
  dates: ['2027-01-25', '2027-02-22', '2027-03-22', '2027-04-19', '2027-05-17', '2027-06-14', '2027-08-23', '2027-09-20', '2027-10-18', '2027-11-15', '2027-12-13'],
};
const KF_2025: MeetingPlan = { body: 'KF', year: 2025, leadWorkingDays: 20, dates: ['2025-02-24', '2025-04-28', '2025-06-16', '2025-09-22', '2025-10-20', '2025-11-24', '2025-12-15'] };
const KF_2026: MeetingPlan = { body: 'KF', year: 2026, leadWorkingDays: 20, dates: ['2026-01-26', '2026-02-23', '2026-04-20', '2026-06-15', '2026-09-21', '2026-10-19', '2026-11-23', '2026-12-14'] };
const KF_2027: MeetingPlan = { body: 'KF', year: 2027, leadWorkingDays: 20, dates: ['2027-02-22', '2027-04-26', '2027-06-21', '2027-09-27', '2027-11-22', '2027-12-13'] };
const KF_2028: MeetingPlan = { body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-21', '2028-04-24', '2028-06-19', '2028-09-25', '2028-11-27', '2028-12-18'] };
const KF_2029: MeetingPlan = { body: 'KF', year: 2029, leadWorkingDays: 20, dates: ['2029-02-26', '2029-04-23', '2029-06-18'] };
const KSAU_2027: MeetingPlan = { body: 'KSAU', year: 2027, leadWorkingDays: 10, dates: ['2027-01-04', '2027-01-18'] };
const SN_2026: MeetingPlan = { body: 'SN', year: 2026, leadWorkingDays: 10, dates: ['2026-11-18', '2026-12-16'] };
const SN_2027: MeetingPlan = { body: 'SN', year: 2027, leadWorkingDays: 10, dates: ['2027-02-17', '2027-03-17'] };

const allPlans = [KS_2026, KS_2027, KF_2025, KF_2026, KF_2027, KF_2028, KF_2029, KSAU_2027, SN_2026, SN_2027];
const context = (plans: MeetingPlan[] = allPlans): DeadlineContext => ({ calendar, plans, delegationLeadWorkingDays: 3, council: 'KF' });
const resolve = (kind: Kind, due: Due, plans?: MeetingPlan[]) => resolveDue({ kind, due }, context(plans));

function deadlineError(run: () => unknown): DeadlineError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeadlineError) return error;
    throw error;
  }
  throw new Error('expected a DeadlineError');
}

describe('the four invented examples of docs/domain.md', () => {
  it('1. återrapportering "till kommunstyrelsen i september" is due on the document date of KS’s September meeting', () => {
    const resolved = resolve('aterrapportering', { meeting: { body: 'KS', month: '2026-09' } });

    expect(resolved).toEqual({
      dueDate: '2026-08-26',
      meetingDate: '2026-09-16',
      dueExplanation:
        'Återrapporteras till KS. Handlingarna till KS:s sammanträde onsdag 16 september 2026 ska vara inne 15 arbetsdagar före: onsdag 26 augusti 2026.',
    });
  });

  it('2. a yttrande to Länsstyrelsen by 27 March 2026 that KS decides is due on the document date of KS’s last meeting on or before it', () => {
    const resolved = resolve('yttrande', { externalDeadline: '2026-03-27', recipient: 'Länsstyrelsen', decidedBy: 'KS' });

    expect(resolved).toEqual({
      dueDate: '2026-03-04',
      meetingDate: '2026-03-25',
      externalDeadline: '2026-03-27',
      dueExplanation:
        'Svaret till Länsstyrelsen ska ha kommit in senast fredag 27 mars 2026. KS beslutar om yttrandet på sitt sista sammanträde senast den dagen. ' +
        'Handlingarna till KS:s sammanträde onsdag 25 mars 2026 ska vara inne 15 arbetsdagar före: onsdag 4 mars 2026.',
    });
  });

  it('3. a motion raised at KF on 24 November 2025 is due on the document date of the last KF meeting on or before 24 November 2026', () => {
    const resolved = resolve('motion', { raised: '2025-11-24' });

    expect(resolved).toEqual({
      dueDate: '2026-10-26',
      meetingDate: '2026-11-23',
      statutoryLimit: '2026-11-24',
      dueExplanation:
        'Motionen väcktes i KF måndag 24 november 2025. Enligt kommunallagen 5 kap. 35 § ska den beslutas inom ett år, senast tisdag 24 november 2026, ' +
        'på KF:s sista sammanträde senast den dagen. Handlingarna till KF:s sammanträde måndag 23 november 2026 ska vara inne 20 arbetsdagar före: måndag 26 oktober 2026.',
    });
  });

  it('4. an uppdrag "senast 30 juni 2026" is due that day', () => {
    const resolved = resolve('uppdrag', { date: '2026-06-30' });

    expect(resolved).toEqual({ dueDate: '2026-06-30', dueExplanation: 'Angiven sista dag: tisdag 30 juni 2026.' });
  });
});

describe('a plain date', () => {
  it.each([
    ['2026-06-06', 'Angiven sista dag: lördag 6 juni 2026. Dagen är ingen arbetsdag, men den angivna dagen gäller och flyttas inte.'],
    ['2026-12-25', 'Angiven sista dag: fredag 25 december 2026. Dagen är ingen arbetsdag (juldagen), men den angivna dagen gäller och flyttas inte.'],
    ['2027-06-25', 'Angiven sista dag: fredag 25 juni 2027. Dagen är ingen arbetsdag (midsommarafton), men den angivna dagen gäller och flyttas inte.'],
  ])('is not moved when it is not a working day, and the explanation says so: %s', (date, explanation) => {
    const resolved = resolve('uppdrag', { date });

    expect(resolved).toEqual({ dueDate: date, dueExplanation: explanation });
  });

  it('needs no meeting plan', () => {
    const resolved = resolve('uppdrag', { date: '2031-01-02' }, []);

    expect(resolved.dueDate).toBe('2031-01-02');
  });
});

describe('report at a meeting, by month or by date', () => {
  it('a month with two meetings takes the first and says so', () => {
    const resolved = resolve('aterrapportering', { meeting: { body: 'KS', month: '2026-03' } });

    expect(resolved.meetingDate).toBe('2026-03-11');
    expect(resolved.dueDate).toBe('2026-02-18');
    expect(resolved.dueExplanation).toBe(
      'Återrapporteras till KS. KS sammanträder 2 gånger i mars 2026; det första sammanträdet gäller. ' +
        'Handlingarna till KS:s sammanträde onsdag 11 mars 2026 ska vara inne 15 arbetsdagar före: onsdag 18 februari 2026.',
    );
  });

  it('the issue’s own example: KS on Monday 14 June 2027, 10 working days before is Monday 31 May 2027', () => {
    const resolved = resolve('aterrapportering', { meeting: { body: 'KS', date: '2027-06-14' } });

    expect(resolved.dueExplanation).toBe(
      'Återrapporteras till KS. Handlingarna till KS:s sammanträde måndag 14 juni 2027 ska vara inne 10 arbetsdagar före: måndag 31 maj 2027.',
    );
  });

  it('a document date counted back over Kristi himmelsfärd lands on valborgsmässoafton, a working day: KS Monday 17 May 2027 → Friday 30 April', () => {
    const resolved = resolve('aterrapportering', { meeting: { body: 'KS', month: '2027-05' } });

    expect(resolved).toMatchObject({ meetingDate: '2027-05-17', dueDate: '2027-04-30' });
  });

  it('a meeting in the first week of January has its document date in December of the year before', () => {
    const resolved = resolve('aterrapportering', { meeting: { body: 'KSAU', date: '2027-01-04' } });

    expect(resolved).toEqual({
      dueDate: '2026-12-15',
      meetingDate: '2027-01-04',
      dueExplanation:
        'Återrapporteras till KSAU. Handlingarna till KSAU:s sammanträde måndag 4 januari 2027 ska vara inne 10 arbetsdagar före: tisdag 15 december 2026.',
    });
  });

  it('a January KF meeting with 20 working days’ lead reaches back before Christmas: Monday 26 January 2026 → Friday 19 December 2025', () => {
    const resolved = resolve('aterrapportering', { meeting: { body: 'KF', month: '2026-01' } });

    expect(resolved.dueDate).toBe('2025-12-19');
  });

  it('the explanation fits the kind and the lead time: 1 working day is "1 arbetsdag", none is "senast"', () => {
    const oneDay = resolve('uppdrag', { meeting: { body: 'KS', date: '2027-06-14' } }, [{ ...KS_2027, leadWorkingDays: 1 }]);
    const none = resolve('yttrande', { meeting: { body: 'KS', date: '2027-06-14' } }, [{ ...KS_2027, leadWorkingDays: 0 }]);

    expect(oneDay.dueExplanation).toBe(
      'Uppdraget redovisas för KS. Handlingarna till KS:s sammanträde måndag 14 juni 2027 ska vara inne 1 arbetsdag före: fredag 11 juni 2027.',
    );
    expect(none.dueExplanation).toBe(
      'Yttrandet beslutas av KS. Handlingarna till KS:s sammanträde måndag 14 juni 2027 ska vara inne senast måndag 14 juni 2027.',
    );
  });

  it('a month with no meeting is refused, naming the nearest meetings before and after', () => {
    const error = deadlineError(() => resolve('aterrapportering', { meeting: { body: 'KS', month: '2026-07' } }));

    expect(error).toMatchObject({ code: 'no_meeting_in_month', path: 'due.meeting.month' });
    expect(error.message).toBe(
      'KS har inget sammanträde i juli 2026 enligt sammanträdesplanen. Välj ett annat sammanträde, närmast före: onsdag 10 juni 2026; närmast efter: onsdag 26 augusti 2026.',
    );
  });

  it('a date that is not a meeting in the plan is refused, naming the meetings around it', () => {
    const error = deadlineError(() => resolve('aterrapportering', { meeting: { body: 'KS', date: '2026-09-14' } }));

    expect(error).toMatchObject({ code: 'not_a_meeting', path: 'due.meeting.date' });
    expect(error.message).toContain('KS har inget sammanträde måndag 14 september 2026 enligt sammanträdesplanen.');
    expect(error.message).toContain('närmast före: onsdag 26 augusti 2026; närmast efter: onsdag 16 september 2026.');
  });

  it('a body or year with no plan is refused, saying which plan to add', () => {
    const error = deadlineError(() => resolve('aterrapportering', { meeting: { body: 'KS', month: '2028-05' } }));

    expect(error).toMatchObject({ code: 'no_meeting_plan', path: 'due.meeting.month' });
    expect(error.message).toBe('Det finns ingen sammanträdesplan för KS 2028. En administratör lägger in den under Sammanträdesplaner.');
  });

  it('a missing plan’s message says where a person adds it (Sammanträdesplaner), never an HTTP route: the API documents the route by the code', () => {
    const error = deadlineError(() => resolve('motion', { raised: '2026-01-26' }, [KF_2027]));

    expect(error.message).toContain('under Sammanträdesplaner.');
    expect(error.message).not.toMatch(/(GET|PUT|POST|PATCH|DELETE) \//);
  });

  it('when KS moves its September meeting, resolving again gives the new document date', () => {
    const moved: MeetingPlan = { ...KS_2026, dates: KS_2026.dates.map((d) => (d === '2026-09-16' ? '2026-09-02' : d)) };

    const resolved = resolve('aterrapportering', { meeting: { body: 'KS', month: '2026-09' } }, [moved]);

    expect(resolved).toMatchObject({ meetingDate: '2026-09-02', dueDate: '2026-08-12' });
  });
});

describe('report back within a period: the body’s last meeting on or before a date', () => {
  // SBN meets on Wednesdays (lead 12 working days); VN only in March and June 2027, once in December 2026.
  const SBN_2026: MeetingPlan = { body: 'SBN', year: 2026, leadWorkingDays: 12, dates: ['2026-11-25', '2026-12-16'] };
  const SBN_2027: MeetingPlan = {
    body: 'SBN',
    year: 2027,
    leadWorkingDays: 12,
    dates: ['2027-01-27', '2027-02-24', '2027-03-24', '2027-04-21', '2027-05-26', '2027-06-16', '2027-08-25', '2027-09-22', '2027-10-20', '2027-11-24', '2027-12-15'],
  };
  const VN_2026: MeetingPlan = { body: 'VN', year: 2026, leadWorkingDays: 10, dates: ['2026-12-07'] };
  const VN_2027: MeetingPlan = { body: 'VN', year: 2027, leadWorkingDays: 10, dates: ['2027-03-15', '2027-06-14'] };
  const plans = [SBN_2026, SBN_2027, VN_2026, VN_2027];

  it.each<[string, string, string, string]>([
    ['"senast under 2027": the December meeting, 12 working days before', '2027-12-31', '2027-12-15', '2027-11-29'],
    ['"före sommaren": the June meeting, counted back past a Sunday national day', '2027-06-30', '2027-06-16', '2027-05-31'],
    ['a meeting on the date itself is in time', '2027-09-22', '2027-09-22', '2027-09-06'],
    ['a date in January before the first meeting takes December’s of the year before', '2027-01-20', '2026-12-16', '2026-11-30'],
  ])('%s: by %s → meeting %s, documents in by %s', (_rule, by, meetingDate, dueDate) => {
    expect(resolve('aterrapportering', { meeting: { body: 'SBN', by } }, plans)).toMatchObject({ meetingDate, dueDate });
  });

  it('explains itself in Swedish: which meeting and why', () => {
    expect(resolve('aterrapportering', { meeting: { body: 'SBN', by: '2027-12-31' } }, plans)).toEqual({
      dueDate: '2027-11-29',
      meetingDate: '2027-12-15',
      dueExplanation:
        'Återrapporteras till SBN. Det gäller SBN:s sista sammanträde senast fredag 31 december 2027. ' +
        'Handlingarna till SBN:s sammanträde onsdag 15 december 2027 ska vara inne 12 arbetsdagar före: måndag 29 november 2027.',
    });
  });

  it('with no meeting of the body by then in the plan year, it is refused, naming the nearest meetings', () => {
    const error = deadlineError(() => resolve('uppdrag', { meeting: { body: 'VN', by: '2027-02-15' } }, plans));

    expect(error.code).toBe('no_meeting_in_time');
    expect(error.path).toBe('due.meeting.by');
    expect(error.message).toBe(
      'VN har inget sammanträde senast måndag 15 februari 2027 enligt sammanträdesplanen. Välj ett senare datum eller ett sammanträde i planen, ' +
        'närmast före: måndag 7 december 2026; närmast efter: måndag 15 mars 2027. Ett sammanträde året före räknas bara när datumet ligger i januari.',
    );
  });

  it('a date in January without the previous year’s plan asks for that plan', () => {
    const error = deadlineError(() => resolve('uppdrag', { meeting: { body: 'SBN', by: '2027-01-20' } }, [SBN_2027]));

    expect(error.code).toBe('no_meeting_plan');
    expect(error.message).toContain('Det finns ingen sammanträdesplan för SBN 2026.');
  });

  it('the plan of the date’s year is always needed', () => {
    expect(deadlineError(() => resolve('uppdrag', { meeting: { body: 'SBN', by: '2028-03-31' } }, plans)).message).toContain('Det finns ingen sammanträdesplan för SBN 2028.');
  });
});

describe('a yttrande is scheduled backwards', () => {
  it('takes the last meeting on or before the outside deadline, never the one after', () => {
    const resolved = resolve('yttrande', { externalDeadline: '2026-09-15', recipient: 'Trafikverket', decidedBy: 'KS' });

    expect(resolved.meetingDate).toBe('2026-08-26');
  });

  it('a meeting on the outside deadline itself is in time', () => {
    const resolved = resolve('yttrande', { externalDeadline: '2026-09-16', recipient: 'Trafikverket', decidedBy: 'KS' });

    expect(resolved).toMatchObject({ meetingDate: '2026-09-16', dueDate: '2026-08-26' });
  });

  it('a January deadline takes KS’s December meeting of the year before (the Christmas break)', () => {
    const resolved = resolve('yttrande', { externalDeadline: '2027-01-15', recipient: 'Regionen', decidedBy: 'KS' });

    expect(resolved).toMatchObject({ meetingDate: '2026-12-09', dueDate: '2026-11-18', externalDeadline: '2027-01-15' });
  });

  it('a January deadline without the previous year’s plan asks for that plan', () => {
    const error = deadlineError(() =>
      resolve('yttrande', { externalDeadline: '2027-01-15', recipient: 'Regionen', decidedBy: 'KS' }, [KS_2027]),
    );

    expect(error).toMatchObject({ code: 'no_meeting_plan', path: 'due.externalDeadline' });
    expect(error.message).toContain('Det finns ingen sammanträdesplan för KS 2026. En administratör lägger in den under Sammanträdesplaner.');
  });

  it('with no meeting in time it is refused, naming the last meeting before and the first after', () => {
    // SN's first 2027 meeting is 17 February; December's meeting is too early for a February deadline.
    const error = deadlineError(() =>
      resolve('yttrande', { externalDeadline: '2027-02-10', recipient: 'Inspektionen för vård och omsorg', decidedBy: 'SN' }),
    );

    expect(error).toMatchObject({ code: 'no_meeting_in_time', path: 'due.externalDeadline' });
    expect(error.message).toBe(
      'SN har inget sammanträde i tid att besluta yttrandet till Inspektionen för vård och omsorg senast onsdag 10 februari 2027. ' +
        'Senaste sammanträde före: onsdag 16 december 2026; första efter: onsdag 17 februari 2027. ' +
        'Ett sammanträde året före räknas bara när svarsdagen ligger i januari. ' +
        'Begär längre svarstid hos Inspektionen för vård och omsorg eller låt yttrandet lämnas på delegation.',
    );
  });

  it('the deadline year’s plan is always needed', () => {
    const error = deadlineError(() => resolve('yttrande', { externalDeadline: '2028-03-01', recipient: 'Regionen', decidedBy: 'KS' }));

    expect(error).toMatchObject({ code: 'no_meeting_plan', path: 'due.externalDeadline' });
    expect(error.message).toContain('Det finns ingen sammanträdesplan för KS 2028.');
  });

  it('answered by delegation, it is due 3 working days before the outside deadline, counted over Easter', () => {
    // Tuesday 30 March 2027: annandag påsk, the weekend and långfredagen do not count.
    const resolved = resolve('yttrande', { externalDeadline: '2027-03-30', recipient: 'Länsstyrelsen' }, []);

    expect(resolved).toEqual({
      dueDate: '2027-03-23',
      externalDeadline: '2027-03-30',
      dueExplanation:
        'Svaret till Länsstyrelsen ska ha kommit in senast tisdag 30 mars 2027. Yttrandet lämnas på delegation och ska vara klart 3 arbetsdagar före: tisdag 23 mars 2027.',
    });
  });

  it('with no delegation lead time, it is due on the working day on or before the outside deadline', () => {
    const resolved = resolveDue(
      { kind: 'yttrande', due: { externalDeadline: '2026-06-06', recipient: 'Boverket' } },
      { calendar, plans: [], delegationLeadWorkingDays: 0, council: 'KF' },
    );

    expect(resolved.dueDate).toBe('2026-06-05');
    expect(resolved.dueExplanation).toContain('ska vara klart senast fredag 5 juni 2026.');
  });
});

describe('a motion has a one-year limit (kommunallagen 5 kap. 35 §)', () => {
  it.each([
    ['2025-11-24', '2026-11-24'],
    ['2028-02-29', '2029-02-28'],
    ['2027-02-28', '2028-02-28'],
    ['2026-12-31', '2027-12-31'],
  ])('raised %s, limit %s (29 February becomes 28 February)', (raised, limit) => {
    expect(oneYearLater(raised)).toBe(limit);
  });

  it('raised on 29 February 2028: limit Wednesday 28 February 2029, KF meets Monday 26 February, documents in by Monday 29 January', () => {
    const resolved = resolve('motion', { raised: '2028-02-29' });

    expect(resolved).toMatchObject({ statutoryLimit: '2029-02-28', meetingDate: '2029-02-26', dueDate: '2029-01-29' });
    expect(resolved.dueExplanation).toContain('senast onsdag 28 februari 2029 (29 februari finns inte det året)');
  });

  it('a limit in January takes KF’s December meeting of the year before', () => {
    // Raised Monday 26 January 2026, limit Tuesday 26 January 2027; KF's first 2027 meeting is 22 February.
    const resolved = resolve('motion', { raised: '2026-01-26' });

    expect(resolved).toMatchObject({ statutoryLimit: '2027-01-26', meetingDate: '2026-12-14', dueDate: '2026-11-16' });
  });

  it('needs KF’s plan of the limit’s year', () => {
    const error = deadlineError(() => resolve('motion', { raised: '2029-11-26' }));

    expect(error).toMatchObject({ code: 'no_meeting_plan', path: 'due.raised' });
    expect(error.message).toContain('Det finns ingen sammanträdesplan för KF 2030.');
  });

  it('needs the plan of the year it was raised when no meeting of the limit’s year is in time', () => {
    const error = deadlineError(() => resolve('motion', { raised: '2026-01-26' }, [KF_2027]));

    expect(error).toMatchObject({ code: 'no_meeting_plan', path: 'due.raised' });
    expect(error.message).toContain('Det finns ingen sammanträdesplan för KF 2026.');
  });

  it('is never answered at the meeting it was raised at, nor after the limit: with none between, it is refused', () => {
    const onlyAfter: MeetingPlan = { ...KF_2027, dates: ['2027-12-20'] };

    const error = deadlineError(() => resolve('motion', { raised: '2026-12-14' }, [KF_2026, onlyAfter]));

    expect(error).toMatchObject({ code: 'no_meeting_in_time', path: 'due.raised' });
    expect(error.message).toContain('Senaste sammanträde före: måndag 14 december 2026; första efter: måndag 20 december 2027.');
  });
});

describe('a region’s motions (the deployment’s council is RF)', () => {
  // Region Västerbotten's regionfullmäktige 2027 and 2028, as a region would enter them.
  const RF_2027: MeetingPlan = { body: 'RF', year: 2027, leadWorkingDays: 15, dates: ['2027-02-16', '2027-04-20', '2027-06-15', '2027-09-28', '2027-11-23'] };
  const RF_2028: MeetingPlan = { body: 'RF', year: 2028, leadWorkingDays: 15, dates: ['2028-02-15', '2028-04-18', '2028-06-13', '2028-09-26', '2028-11-21'] };
  const inRegion = (due: Due, plans: MeetingPlan[]) => resolveDue({ kind: 'motion', due }, { calendar, plans, delegationLeadWorkingDays: 3, council: 'RF' });

  it('a motion raised at RF on 28 September 2027 is answered at RF’s last meeting on or before 28 September 2028', () => {
    const resolved = inRegion({ raised: '2027-09-28' }, [RF_2027, RF_2028, KF_2027, KF_2028]);

    expect(resolved).toMatchObject({ statutoryLimit: '2028-09-28', meetingDate: '2028-09-26' });
    expect(resolved.dueExplanation).toContain('Motionen väcktes i RF tisdag 28 september 2027');
  });

  it('asks for RF’s plan, not KF’s, when the region has not entered it', () => {
    const error = deadlineError(() => inRegion({ raised: '2027-09-28' }, [KF_2027, KF_2028]));

    expect(error).toMatchObject({ code: 'no_meeting_plan', path: 'due.raised' });
    expect(error.message).toContain('Det finns ingen sammanträdesplan för RF 2028.');
  });

  it('needs and depends on RF’s plans', () => {
    expect(plansNeeded({ raised: '2027-09-28' }, 'RF')).toEqual([{ body: 'RF', years: [2027, 2028] }]);
    expect(dependsOnPlans({ due: { raised: '2027-09-28' }, meetingDate: '2028-09-26' }, 'RF')).toEqual({ body: 'RF', year: 2028 });
  });
});

describe('which plans a deadline needs and depends on', () => {
  it.each<[string, Due, { body: string; years: number[] }[]]>([
    ['a plain date needs none', { date: '2026-06-30' }, []],
    ['a meeting by month needs that year’s plan', { meeting: { body: 'KS', month: '2026-09' } }, [{ body: 'KS', years: [2026] }]],
    ['a meeting by date needs that year’s plan', { meeting: { body: 'BUN', date: '2027-01-04' } }, [{ body: 'BUN', years: [2027] }]],
    ['the last meeting by a date needs the plans of its year and the year before', { meeting: { body: 'SN', by: '2027-12-31' } }, [{ body: 'SN', years: [2026, 2027] }]],
    ['a yttrande decided by a body needs its plans of the deadline’s year and the year before', { externalDeadline: '2027-01-15', recipient: 'Regionen', decidedBy: 'KS' }, [{ body: 'KS', years: [2026, 2027] }]],
    ['a yttrande by delegation needs none', { externalDeadline: '2027-01-15', recipient: 'Regionen' }, []],
    ['a motion needs KF’s plans of the limit’s year and the year before', { raised: '2028-02-29' }, [{ body: 'KF', years: [2028, 2029] }]],
  ])('%s', (_rule, due, needed) => {
    expect(plansNeeded(due, 'KF')).toEqual(needed);
  });

  it.each<[string, { due: Due; meetingDate?: string }, { body: string; year: number } | undefined]>([
    ['a plain date depends on no plan', { due: { date: '2026-06-30' } }, undefined],
    ['a meeting by month depends on that year’s plan', { due: { meeting: { body: 'KS', month: '2026-09' } }, meetingDate: '2026-09-16' }, { body: 'KS', year: 2026 }],
    ['the last meeting by a date depends on the plan of the meeting chosen', { due: { meeting: { body: 'SN', by: '2027-01-20' } }, meetingDate: '2026-12-16' }, { body: 'SN', year: 2026 }],
    ['a January yttrande decided in December depends on December’s plan', { due: { externalDeadline: '2027-01-15', recipient: 'Regionen', decidedBy: 'KS' }, meetingDate: '2026-12-09' }, { body: 'KS', year: 2026 }],
    ['a yttrande by delegation depends on no plan', { due: { externalDeadline: '2027-01-15', recipient: 'Regionen' } }, undefined],
    ['a motion depends on KF’s plan of its meeting', { due: { raised: '2028-02-29' }, meetingDate: '2029-02-26' }, { body: 'KF', year: 2029 }],
  ])('%s', (_rule, item, plan) => {
    expect(dependsOnPlans(item, 'KF')).toEqual(plan);
  });

  it('the plans it needs are enough to resolve it', () => {
    const dues: Due[] = [
      { meeting: { body: 'KS', month: '2026-09' } },
      { meeting: { body: 'SN', by: '2027-01-31' } },
      { externalDeadline: '2027-01-15', recipient: 'Regionen', decidedBy: 'KS' },
      { raised: '2026-01-26' },
    ];
    for (const due of dues) {
      const needed = plansNeeded(due, 'KF').flatMap(({ body, years }) => allPlans.filter((p) => p.body === body && years.includes(p.year)));

      expect(resolve('aterrapportering', due, needed)).toEqual(resolve('aterrapportering', due));
    }
  });
});

describe('meeting plans', () => {
  it('a valid plan is stored sorted, for its body and year', () => {
    const parsed = parseMeetingPlan({ leadWorkingDays: 15, dates: ['2026-09-16', '2026-01-28', '2026-03-11'] }, { body: 'KS', year: 2026 });

    expect(parsed).toEqual({ ok: true, plan: { body: 'KS', year: 2026, leadWorkingDays: 15, dates: ['2026-01-28', '2026-03-11', '2026-09-16'] } });
  });

  it('a duplicate date is refused at the later copy', () => {
    const parsed = parseMeetingPlan({ leadWorkingDays: 15, dates: ['2026-01-28', '2026-02-25', '2026-03-11', '2026-01-28'] }, { body: 'KS', year: 2026 });

    expect(parsed).toEqual({ ok: false, issues: [{ path: 'dates.3', message: 'Datumet finns redan.' }] });
  });

  it.each<[string, unknown, string]>([
    ['a date outside the year', { leadWorkingDays: 15, dates: ['2026-12-09', '2027-01-25'] }, 'dates.1'],
    ['a date that does not exist', { leadWorkingDays: 15, dates: ['2026-02-30'] }, 'dates.0'],
    ['a lead time over 60 working days', { leadWorkingDays: 61, dates: ['2026-01-28'] }, 'leadWorkingDays'],
    ['a fractional lead time', { leadWorkingDays: 1.5, dates: ['2026-01-28'] }, 'leadWorkingDays'],
    ['a negative lead time', { leadWorkingDays: -1, dates: ['2026-01-28'] }, 'leadWorkingDays'],
    ['no meetings at all', { leadWorkingDays: 15, dates: [] }, 'dates'],
    ['an unknown field', { leadWorkingDays: 15, dates: ['2026-01-28'], body: 'KS' }, 'body'],
  ])('%s is refused with the field named', (_case, body, path) => {
    const parsed = parseMeetingPlan(body, { body: 'KS', year: 2026 });

    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual([path]);
  });

  it('a lead time of 0 and of 60 working days are accepted', () => {
    expect(parseMeetingPlan({ leadWorkingDays: 0, dates: ['2026-01-28'] }, { body: 'KS', year: 2026 }).ok).toBe(true);
    expect(parseMeetingPlan({ leadWorkingDays: 60, dates: ['2026-01-28'] }, { body: 'KS', year: 2026 }).ok).toBe(true);
  });
});

describe('document dates', () => {
  it.each([
    ['2026-09-16', 15, '2026-08-26', 'a Wednesday meeting, 15 working days back'],
    ['2026-04-22', 15, '2026-03-30', 'back over Easter 2026 (annandag påsk and långfredagen skipped)'],
    ['2026-06-10', 15, '2026-05-20', 'back over annandag pingst 2026, which counts as a working day'],
    ['2027-01-04', 10, '2026-12-15', 'from the first week of January back into December'],
    ['2026-09-16', 0, '2026-09-16', 'no lead time: the meeting day'],
    ['2026-06-06', 0, '2026-06-05', 'no lead time, meeting on a Saturday: the working day before'],
  ])('%s with %i working days’ lead → %s (%s)', (meeting, lead, expected) => {
    expect(documentDate(meeting, lead, calendar)).toBe(expected);
  });
});

describe('the years a date may be in', () => {
  it.each([
    ['2000-01-03', true],
    ['2100-12-31', true],
    ['1999-12-31', false],
    ['2101-01-01', false],
    ['9999-12-31', false],
  ])('%s is accepted: %s (the calendar knows 2000–2100)', (date, accepted) => {
    const parsed = calendarDate.safeParse(date);

    expect(parsed.success).toBe(accepted);
    if (!accepted) expect(parsed.error?.issues.map((i) => i.message)).toEqual(['Ska ligga åren 2000–2100.']);
  });
});
