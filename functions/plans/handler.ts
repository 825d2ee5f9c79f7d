import { readClosedDays, readMeetingPlan, saveClosedDays, saveMeetingPlan } from '../../shared/application/plans/plans';
import { json } from '../../shared/http/problems';
import { createRouter } from '../../shared/http/router';
import { PLANS_ROUTES } from '../../shared/http/routes/plans';
import { plansDependencies, type PlansDependencies } from './dependencies';

export function createHandler(deps: () => PlansDependencies = plansDependencies) {
  return createRouter(
    PLANS_ROUTES,
    {
      'GET /meetings/{body}/{year}': async ({ params }) => json(200, await readMeetingPlan(deps(), params)),
      'PUT /meetings/{body}/{year}': async ({ caller, params, body }) => json(200, await saveMeetingPlan(deps(), caller, { ...params, ...body })),
      'GET /calendar/closed-days/{year}': async ({ params }) => json(200, await readClosedDays(deps(), params.year)),
      'PUT /calendar/closed-days/{year}': async ({ caller, params, body }) => json(200, await saveClosedDays(deps(), caller, params.year, body.dates)),
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
