import type { CalendarDate } from '../../domain/dates';
import type { MeetingPlan } from '../../domain/deadlines/meeting-plans';

/** Reference data an admin keeps: the bodies' meeting plans and the extra closed days. */
export interface PlanStore {
  meetingPlan(body: string, year: number): Promise<MeetingPlan | undefined>;
  saveMeetingPlan(plan: MeetingPlan, by: string, at: string): Promise<void>;
  /** Which bodies have a plan for which years (plans saved since the list was kept), read in one Query. */
  meetingPlanList(): Promise<{ body: string; year: number }[]>;
  closedDays(year: number): Promise<CalendarDate[] | undefined>;
  saveClosedDays(year: number, dates: CalendarDate[], by: string, at: string): Promise<void>;
  /** Every extra closed day of every year: a handful of dates, read in one Query. */
  allClosedDays(): Promise<CalendarDate[]>;
}
