import * as z from 'zod';
import { closedDaysBody, meetingPlanBody, planYear } from '../../application/plans/commands';
import { bodyName } from '../../domain/items/vocabulary';
import { route } from '../contract';

const plan = z.object({ body: bodyName, year: planYear });
const year = z.object({ year: planYear });

export const PLANS_ROUTES = [
  route({
    method: 'GET',
    path: '/meetings/{body}/{year}',
    function: 'plans',
    access: 'signedIn',
    summary: "A body's meeting plan for a year",
    description: 'A body’s meeting plan for a year.',
    params: plan,
    responses: { 200: { description: 'The plan', schema: (s) => s.meetingPlan }, 404: { description: 'No plan for that body and year' } },
  }),
  route({
    method: 'PUT',
    path: '/meetings/{body}/{year}',
    function: 'plans',
    access: 'admin',
    summary: "Set a body's meeting plan; dependent items are recomputed",
    description:
      'Set a body’s meeting plan (admin). Dates must be real dates in that year, without duplicates; they are sorted on save. Open items whose deadline came from this plan are recomputed (history event `recomputed`); one left without a meeting in time, or whose last meeting in time has already been held, keeps its dates and is flagged `attention: no_meeting_in_time`.',
    params: plan,
    body: { json: ({ year }: { year: number }) => meetingPlanBody(year) },
    responses: { 200: { description: 'The saved plan, with how many items were recomputed and flagged', schema: (s) => s.meetingPlan.extend({ recomputed: z.int(), flagged: z.int() }) } },
  }),
  route({
    method: 'GET',
    path: '/calendar/closed-days/{year}',
    function: 'plans',
    access: 'signedIn',
    summary: 'Extra closed days of a year',
    description: 'Extra days the offices are closed that year, beside weekends, public holidays and the closed eves.',
    params: year,
    responses: { 200: { description: 'The closed days', schema: (s) => s.closedDays } },
  }),
  route({
    method: 'PUT',
    path: '/calendar/closed-days/{year}',
    function: 'plans',
    access: 'admin',
    summary: 'Set the extra closed days of a year (e.g. a klämdag)',
    description: 'Set the extra closed days of a year (admin), e.g. a klämdag. Every open item whose deadline or reminders touch a changed day is recomputed.',
    params: year,
    body: { json: ({ year }: { year: number }) => closedDaysBody(year) },
    responses: { 200: { description: 'The saved closed days, with how many items were recomputed', schema: (s) => s.closedDays.extend({ recomputed: z.int() }) } },
  }),
] as const;
