import { createWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/working-days';
import { dependsOnPlans, DeadlineError, plansNeeded, resolveDue } from '../../domain/deadlines/resolve';
import type { MeetingPlan } from '../../domain/deadlines/meeting-plans';
import { nextReminderDate } from '../../domain/schedule/reminders';
import { deadlineProblem } from '../../domain/errors';
import { stockholmDate } from '../../domain/dates';
import type { DeadlineRules } from '../../domain/items/rules';
import type { PlanStore } from './ports';

/**
 * The deadline rules with their data: loads the extra closed days and the meeting plans a
 * deadline needs from the store, then applies the pure rules of shared/domain/deadlines and
 * shared/domain/schedule.
 */
export function createDeadlineRules(store: PlanStore, options: { delegationLeadWorkingDays: number }): DeadlineRules & {
  calendar(): Promise<WorkingCalendar>;
} {
  const calendar = async () => createWorkingCalendar(await store.allClosedDays());
  return {
    calendar,
    async resolve(kind, due) {
      const wanted = plansNeeded(due).flatMap(({ body, years }) => years.map((year) => store.meetingPlan(body, year)));
      const [workingCalendar, ...found] = await Promise.all([calendar(), ...wanted]);
      const plans = found.filter((plan): plan is MeetingPlan => plan !== undefined);
      try {
        return resolveDue({ kind, due }, { calendar: workingCalendar, plans, delegationLeadWorkingDays: options.delegationLeadWorkingDays });
      } catch (error) {
        if (error instanceof DeadlineError) {
          throw deadlineProblem(error.code, error.message, [{ path: error.path, message: error.message }]);
        }
        throw error;
      }
    },
    async nextReminderDate(item, today) {
      return nextReminderDate(
        { dueDate: item.dueDate, reminders: item.reminders, createdOn: stockholmDate(new Date(item.createdAt)) },
        await calendar(),
        item.lastRemindedOn,
        today,
      );
    },
    planDependency: (item) => dependsOnPlans(item),
  };
}
