import * as z from 'zod';
import { apiHandler, json, type ApiRequest } from '../../shared/http/api';
import { requireAdmin } from '../../shared/domain/caller';
import { bodyName } from '../../shared/domain/items/vocabulary';
import { meetingPlanBody } from '../../shared/domain/deadlines/meeting-plans';
import { closedDaysBody, planYear } from '../../shared/application/plans/closed-days';
import { recomputeForClosedDays, recomputeForPlan } from '../../shared/application/items/recompute';
import { notFound } from '../../shared/domain/app-error';
import { parseOrThrow } from '../../shared/domain/validation';
import { dependencies, type Dependencies } from '../dependencies';

const planPath = z.object({ body: bodyName, year: planYear });
const yearPath = z.object({ year: planYear });

const pathOf = <S extends z.ZodType>(schema: S, request: ApiRequest) => parseOrThrow(schema, request.pathParameters, 'Sökvägen');

export function createHandler(deps: () => Dependencies = dependencies) {
  return apiHandler(
    {
      'GET /meetings/{body}/{year}': async (request) => {
        request.caller();
        const { body, year } = pathOf(planPath, request);
        const plan = await deps().plans.meetingPlan(body, year);
        if (!plan) throw notFound(`Ingen sammanträdesplan för ${body} ${year}.`);
        return json(200, { body, year, leadWorkingDays: plan.leadWorkingDays, dates: plan.dates });
      },

      'PUT /meetings/{body}/{year}': async (request) => {
        const caller = request.caller();
        requireAdmin(caller);
        const { body, year } = pathOf(planPath, request);
        const input = parseOrThrow(meetingPlanBody(year), request.json());
        const { plans, clock } = deps();
        await plans.saveMeetingPlan({ body, year, ...input }, caller.who, clock().toISOString());
        // Items whose deadline came from this plan follow it.
        const outcome = await recomputeForPlan(deps(), { body, year }, caller.who);
        return json(200, { body, year, ...input, ...outcome });
      },

      'GET /calendar/closed-days/{year}': async (request) => {
        request.caller();
        const { year } = pathOf(yearPath, request);
        return json(200, { year, dates: (await deps().plans.closedDays(year)) ?? [] });
      },

      'PUT /calendar/closed-days/{year}': async (request) => {
        const caller = request.caller();
        requireAdmin(caller);
        const { year } = pathOf(yearPath, request);
        const { dates } = parseOrThrow(closedDaysBody(year), request.json());
        const { plans, clock } = deps();
        const before = (await plans.closedDays(year)) ?? [];
        await plans.saveClosedDays(year, dates, caller.who, clock().toISOString());
        // Only the days that changed can move an item's dates.
        const change = { year, added: dates.filter((d) => !before.includes(d)), removed: before.filter((d) => !dates.includes(d)) };
        const outcome = await recomputeForClosedDays(deps(), change, caller.who);
        return json(200, { year, dates, ...outcome });
      },
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
