import { requireAdmin, requireRegistrar, type Caller } from '../../domain/caller';
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

/**
 * What the admin's Sammanträdesplaner page lists (admin): each body with the years it has a plan
 * for (bodies and years in order), and the years with extra closed days. Two Queries.
 */
export async function planOverview(deps: Pick<PlanDeps, 'plans'>, caller: Caller): Promise<{ plans: { body: string; years: number[] }[]; closedDayYears: number[] }> {
  requireAdmin(caller);
  const [listed, closed] = await Promise.all([deps.plans.meetingPlanList(), deps.plans.allClosedDays()]);
  const years = new Map<string, number[]>();
  for (const { body, year } of listed) years.set(body, [...(years.get(body) ?? []), year]);
  return {
    plans: [...years].sort(([a], [b]) => a.localeCompare(b, 'sv')).map(([body, list]) => ({ body, years: list.sort((a, b) => a - b) })),
    closedDayYears: [...new Set(closed.map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b),
  };
}

/** The bodies with a meeting plan, in order, for a registrar's forms to suggest (registrars and admins). One Query. */
export async function bodiesWithPlans(deps: Pick<PlanDeps, 'plans'>, caller: Caller): Promise<string[]> {
  requireRegistrar(caller);
  return [...new Set((await deps.plans.meetingPlanList()).map((plan) => plan.body))].sort((a, b) => a.localeCompare(b, 'sv'));
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
