import { requireAdmin, type Caller } from '../../domain/caller';
import { notFound } from '../../domain/errors';
import type { MeetingPlan } from '../../domain/deadlines/meeting-plans';
import { recomputeForClosedDays, recomputeForPlan, type RecomputeDeps, type RecomputeOutcome } from '../items/recompute';
import type { PlanStore } from './ports';

export interface PlanDeps extends RecomputeDeps {
  plans: PlanStore;
}

/** A body's meeting plan for a year; `not_found` naming the plan when none is entered. */
export async function readMeetingPlan(deps: Pick<PlanDeps, 'plans'>, key: { body: string; year: number }): Promise<MeetingPlan> {
  const plan = await deps.plans.meetingPlan(key.body, key.year);
  if (!plan) throw notFound(`Ingen sammanträdesplan för ${key.body} ${key.year}.`);
  return { body: key.body, year: key.year, leadWorkingDays: plan.leadWorkingDays, dates: plan.dates };
}

/**
 * Sets a body's meeting plan (admin) and recomputes at once every open item whose deadline came
 * from it (README, "When a plan changes"). Answers the plan with how many items were recomputed
 * and how many were flagged for a clerk.
 */
export async function saveMeetingPlan(deps: PlanDeps, caller: Caller, plan: MeetingPlan): Promise<MeetingPlan & RecomputeOutcome> {
  requireAdmin(caller);
  await deps.plans.saveMeetingPlan(plan, caller.who, deps.clock().toISOString());
  return { ...plan, ...(await recomputeForPlan(deps, { body: plan.body, year: plan.year }, caller.who)) };
}

/** The extra closed days of a year (none entered: an empty list). */
export async function readClosedDays(deps: Pick<PlanDeps, 'plans'>, year: number): Promise<{ year: number; dates: string[] }> {
  return { year, dates: (await deps.plans.closedDays(year)) ?? [] };
}

/**
 * Sets a year's extra closed days (admin) and recomputes the open items whose deadline or
 * reminders touch a day that changed: only the days added or removed can move a date.
 */
export async function saveClosedDays(deps: PlanDeps, caller: Caller, year: number, dates: string[]): Promise<{ year: number; dates: string[] } & RecomputeOutcome> {
  requireAdmin(caller);
  const before = (await deps.plans.closedDays(year)) ?? [];
  await deps.plans.saveClosedDays(year, dates, caller.who, deps.clock().toISOString());
  const change = { year, added: dates.filter((d) => !before.includes(d)), removed: before.filter((d) => !dates.includes(d)) };
  return { year, dates, ...(await recomputeForClosedDays(deps, change, caller.who)) };
}
