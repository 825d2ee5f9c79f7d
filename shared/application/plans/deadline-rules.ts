import { createWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/working-days';
import { dependsOnPlans, DeadlineError, oneYearLater, plansNeeded, resolveDue } from '../../domain/deadlines/resolve';
import type { MeetingPlan } from '../../domain/deadlines/meeting-plans';
import { nextReminderDate } from '../../domain/schedule/reminders';
import { deadlineProblem } from '../../domain/errors';
import { addDays, stockholmDate, type CalendarDate } from '../../domain/dates';
import type { Due, ReminderPolicy } from '../../domain/items/vocabulary';
import type { DeadlineRules } from '../../domain/items/rules';
import type { PlanStore } from './ports';
import type { Council } from '../../domain/council';

/** The reference data a deadline is computed from, known beforehand (read by a registration, or kept from an earlier one). */
export interface DeadlineData {
  /** The extra closed days of each year read; a year read with none stored maps to []. */
  closedDays: ReadonlyMap<number, readonly CalendarDate[]>;
  /** The meeting plans found among those read. */
  plans: readonly MeetingPlan[];
}

/** What to read for a deadline: the years of extra closed days and the meeting plans. */
export interface DeadlineReads {
  closedDayYears: number[];
  plans: { body: string; year: number }[];
}

/** The deadline rules as the item use cases get them: over the store, or over data already read. */
export interface PreloadableDeadlineRules extends DeadlineRules {
  calendar(): Promise<WorkingCalendar>;
  /**
   * What an item with this deadline form and reminders, registered on `today`, reads: the
   * meeting plans it can hang on (`plansNeeded`), and the closed days of the years its counting
   * can reach (`REACH_DAYS` around today and each date the form names, and its earliest reminder
   * before that).
   */
  reads(item: { due: Due; reminders: ReminderPolicy }, today: CalendarDate): DeadlineReads;
  /**
   * The same rules over `data`: nothing more is read, unless a computation reaches a year whose
   * closed days `data` lacks (a lead time counted back over New Year from a January meeting);
   * that year is then read from the store and the computation done again, so the answer never
   * depends on having guessed the years right.
   */
  withData(data: DeadlineData): RulesOverData;
}

export interface RulesOverData extends DeadlineRules {
  /**
   * The years whose closed days the computations so far looked at: their answers depend on no
   * other year's (a registration's transaction checks only these years' records).
   */
  yearsLookedAt(): ReadonlySet<number>;
}

/** A computation reached a year whose closed days were not read. */
class UncoveredYear extends Error {
  constructor(readonly year: number) {
    super(`closed days of ${year} not read`);
  }
}

const yearOf = (date: CalendarDate) => Number(date.slice(0, 4));

/**
 * How far from a date its counting reaches, in calendar days: a meeting's lead time (at most 60
 * working days, about 90 calendar days with the holidays between) back from it, the next overdue
 * reminder (at most 90 days on) after it. A year beyond is read if a computation reaches it.
 */
const REACH_DAYS = 100;

/** The years from `date` minus `before` days to `date` plus `after` days. */
function yearsAround(date: CalendarDate, before: number, after: number): number[] {
  const [from, to] = [yearOf(addDays(date, -before)), yearOf(addDays(date, after))];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * A working calendar over the closed days of the years in `closedDays` only, which refuses
 * (UncoveredYear) any answer that depends on a day of another year: the days between a
 * question's date and its answer are the days looked at, and their years are added to `lookedAt`.
 */
function coveredCalendar(closedDays: ReadonlyMap<number, readonly CalendarDate[]>, lookedAt: Set<number>): WorkingCalendar {
  const calendar = createWorkingCalendar([...closedDays.values()].flat());
  const check = (from: CalendarDate, to: CalendarDate = from) => {
    for (let year = Math.min(yearOf(from), yearOf(to)); year <= Math.max(yearOf(from), yearOf(to)); year++) {
      if (!closedDays.has(year)) throw new UncoveredYear(year);
      lookedAt.add(year);
    }
  };
  const counted = (date: CalendarDate, answer: CalendarDate) => {
    check(date, answer);
    return answer;
  };
  return {
    isWorkingDay: (date) => (check(date), calendar.isWorkingDay(date)),
    closedReason: (date) => (check(date), calendar.closedReason(date)),
    addWorkingDays: (date, days) => counted(date, calendar.addWorkingDays(date, days)),
    subtractWorkingDays: (date, days) => counted(date, calendar.subtractWorkingDays(date, days)),
    workingDayOnOrBefore: (date) => counted(date, calendar.workingDayOnOrBefore(date)),
    workingDayOnOrAfter: (date) => counted(date, calendar.workingDayOnOrAfter(date)),
  };
}

/** The dates a due form names: each is a year whose closed days a deadline of that form may need. */
function datesOf(due: Due): CalendarDate[] {
  if ('externalDeadline' in due) return due.date ? [due.date, due.externalDeadline] : [due.externalDeadline];
  if ('date' in due) return [due.date];
  if ('meeting' in due) {
    const { meeting } = due;
    return ['month' in meeting ? `${meeting.month}-01` : 'date' in meeting ? meeting.date : meeting.by];
  }
  return [due.raised, oneYearLater(due.raised)];
}

function asProblem(error: unknown): never {
  if (error instanceof DeadlineError) throw deadlineProblem(error.code, error.message, [{ path: error.path, message: error.message }]);
  throw error;
}

/** What differs between deployments in counting deadlines (shared/platform/config.ts: `DELEGATION_LEAD_WORKING_DAYS`, `COUNCIL`). */
export interface DeadlineSettings {
  /** Working days before the outside deadline that a yttrande answered by delegation is due. */
  delegationLeadWorkingDays: number;
  /** The council motions are answered by: KF, or RF in a region. */
  council: Council;
}

/** The settings from the runtime configuration, as every function that counts deadlines passes them. */
export const deadlineSettings = (config: { DELEGATION_LEAD_WORKING_DAYS: number; COUNCIL: Council }): DeadlineSettings => ({
  delegationLeadWorkingDays: config.DELEGATION_LEAD_WORKING_DAYS,
  council: config.COUNCIL,
});

/**
 * The deadline rules with their data: loads the extra closed days and the meeting plans a
 * deadline needs from the store, then applies the pure rules of shared/domain/deadlines and
 * shared/domain/schedule.
 */
export function createDeadlineRules(store: PlanStore, settings: DeadlineSettings): PreloadableDeadlineRules {
  const calendar = async () => createWorkingCalendar(await store.allClosedDays());
  const context = (workingCalendar: WorkingCalendar, plans: readonly MeetingPlan[]) => ({ calendar: workingCalendar, plans, ...settings });
  const reminderInput = (item: Parameters<DeadlineRules['nextReminderDate']>[0]) => ({
    dueDate: item.dueDate,
    reminders: item.reminders,
    createdOn: stockholmDate(new Date(item.createdAt)),
  });
  const planDependency: DeadlineRules['planDependency'] = (item) => dependsOnPlans(item, settings.council);

  return {
    calendar,
    async resolve(kind, due) {
      const wanted = plansNeeded(due, settings.council).flatMap(({ body, years }) => years.map((year) => store.meetingPlan(body, year)));
      const [workingCalendar, ...found] = await Promise.all([calendar(), ...wanted]);
      const plans = found.filter((plan): plan is MeetingPlan => plan !== undefined);
      try {
        return resolveDue({ kind, due }, context(workingCalendar, plans));
      } catch (error) {
        return asProblem(error);
      }
    },
    async nextReminderDate(item, today) {
      return nextReminderDate(reminderInput(item), await calendar(), item.lastRemindedOn, today);
    },
    planDependency,

    reads({ due, reminders }, today) {
      const earliestReminder = Math.max(0, ...reminders.beforeDays);
      const years = new Set([
        ...yearsAround(today, REACH_DAYS, REACH_DAYS),
        ...datesOf(due).flatMap((date) => yearsAround(date, earliestReminder + REACH_DAYS, REACH_DAYS)),
      ]);
      return {
        closedDayYears: [...years].sort((a, b) => a - b),
        plans: plansNeeded(due, settings.council).flatMap(({ body, years: planYears }) => planYears.map((year) => ({ body, year }))),
      };
    },

    withData(data) {
      const closedDays = new Map(data.closedDays);
      const lookedAt = new Set<number>();
      /** `compute` over the covered calendar, reading any year it reaches that was not read. */
      const covering = async <T>(compute: (workingCalendar: WorkingCalendar) => T): Promise<T> => {
        for (;;) {
          try {
            return compute(coveredCalendar(closedDays, lookedAt));
          } catch (error) {
            if (!(error instanceof UncoveredYear)) throw error;
            closedDays.set(error.year, (await store.closedDays(error.year)) ?? []);
          }
        }
      };
      return {
        async resolve(kind, due) {
          try {
            return await covering((workingCalendar) => resolveDue({ kind, due }, context(workingCalendar, data.plans)));
          } catch (error) {
            return asProblem(error);
          }
        },
        nextReminderDate: (item, today) => covering((workingCalendar) => nextReminderDate(reminderInput(item), workingCalendar, item.lastRemindedOn, today)),
        planDependency,
        yearsLookedAt: () => lookedAt,
      };
    },
  };
}
