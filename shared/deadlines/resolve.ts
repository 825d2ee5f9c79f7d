import { swedishDate, type CalendarDate } from '../dates';
import type { WorkingCalendar } from '../calendar/working-days';
import type { Due, Kind, ResolvedDue } from '../items/model';
import { documentDate, type MeetingPlan } from './meeting-plans';

/** The council, which decides motions. */
export const COUNCIL = 'KF';

/** A deadline that cannot be computed: the API answers 422 with this code, message and field. */
export class DeadlineError extends Error {
  constructor(
    readonly code: 'no_meeting_plan' | 'no_meeting_in_month' | 'not_a_meeting' | 'no_meeting_in_time',
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'DeadlineError';
  }
}

export interface DeadlineContext {
  calendar: WorkingCalendar;
  plans: readonly MeetingPlan[];
  /** Working days before the outside deadline that a yttrande answered by delegation is due. */
  delegationLeadWorkingDays: number;
}

const year = (date: CalendarDate) => Number(date.slice(0, 4));

/** Same day one year later; 29 February becomes 28 February. */
export function oneYearLater(date: CalendarDate): CalendarDate {
  const next = `${year(date) + 1}${date.slice(4)}`;
  return next.endsWith('-02-29') ? next.replace(/-29$/, '-28') : next;
}

/** Which meeting plans a deadline needs, so the caller loads just those. */
export function plansNeeded(due: Due): { body: string; years: number[] }[] {
  if ('meeting' in due) {
    const y = 'month' in due.meeting ? Number(due.meeting.month.slice(0, 4)) : year(due.meeting.date);
    return [{ body: due.meeting.body, years: [y] }];
  }
  if ('externalDeadline' in due) {
    // The last meeting before an early-January deadline may be in the previous year's plan.
    return due.decidedBy ? [{ body: due.decidedBy, years: [year(due.externalDeadline) - 1, year(due.externalDeadline)] }] : [];
  }
  if ('raised' in due) {
    const limit = oneYearLater(due.raised);
    return [{ body: COUNCIL, years: [year(limit) - 1, year(limit)] }];
  }
  return [];
}

/** The meeting plan an item's deadline was computed from: when it changes, the item is recomputed. */
export function dependsOnPlans(item: { due: Due; meetingDate?: CalendarDate }): { body: string; year: number } | undefined {
  if (!item.meetingDate) return undefined;
  const { due } = item;
  const body = 'meeting' in due ? due.meeting.body : 'externalDeadline' in due ? due.decidedBy : 'raised' in due ? COUNCIL : undefined;
  return body ? { body, year: year(item.meetingDate) } : undefined;
}

function planFor(ctx: DeadlineContext, body: string, y: number, path: string): MeetingPlan {
  const plan = ctx.plans.find((p) => p.body === body && p.year === y);
  if (!plan) {
    throw new DeadlineError('no_meeting_plan', `Det finns ingen sammanträdesplan för ${body} ${y}. Lägg in den med PUT /meetings/${body}/${y}.`, path);
  }
  return plan;
}

function meetingsOf(ctx: DeadlineContext, body: string): { date: CalendarDate; plan: MeetingPlan }[] {
  return ctx.plans
    .filter((p) => p.body === body)
    .flatMap((plan) => plan.dates.map((date) => ({ date, plan })))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

const describe = (date: CalendarDate | undefined) => (date ? swedishDate(date) : 'inget');

function atMeeting(body: string, meeting: { date: CalendarDate; plan: MeetingPlan }, ctx: DeadlineContext) {
  const dueDate = documentDate(meeting.date, meeting.plan.leadWorkingDays, ctx.calendar);
  const lead = meeting.plan.leadWorkingDays;
  const sentence =
    lead === 0
      ? `Handlingarna till ${body} sammanträde ${swedishDate(meeting.date)} ska vara inne senast ${swedishDate(dueDate)}.`
      : `Handlingarna till ${body} sammanträde ${swedishDate(meeting.date)} ska vara inne ${lead} arbetsdagar före: ${swedishDate(dueDate)}.`;
  return { dueDate, meetingDate: meeting.date, sentence };
}

/** The last meeting of a body on or before a date; a 422 naming the meetings around it when there is none. */
function lastMeetingOnOrBefore(ctx: DeadlineContext, body: string, limit: CalendarDate, path: string, what: string) {
  planFor(ctx, body, year(limit), path);
  const meetings = meetingsOf(ctx, body);
  const before = meetings.filter((m) => m.date <= limit).at(-1);
  if (!before) {
    const after = meetings.find((m) => m.date > limit);
    throw new DeadlineError(
      'no_meeting_in_time',
      `${body} har inget sammanträde i tid före ${what} ${swedishDate(limit)} (senaste före: ${describe(before)}; första efter: ${describe(after?.date)}). Begär anstånd eller besluta på delegation.`,
      path,
    );
  }
  return before;
}

/**
 * The official's deadline for a `due` form, as the municipality counts it (DOMAIN.md, "How the
 * municipality counts time"), with a Swedish explanation a clerk can check.
 */
export function resolveDue(input: { kind: Kind; due: Due }, ctx: DeadlineContext): ResolvedDue {
  const { due } = input;
  if ('date' in due) {
    return { dueDate: due.date, dueExplanation: `Sista dag enligt beslutet: ${swedishDate(due.date)}.` };
  }

  if ('meeting' in due) {
    const { body } = due.meeting;
    const monthOrDate = 'month' in due.meeting ? due.meeting.month : due.meeting.date;
    const path = 'month' in due.meeting ? 'due.meeting.month' : 'due.meeting.date';
    const plan = planFor(ctx, body, Number(monthOrDate.slice(0, 4)), path);
    const meetings = plan.dates.map((date) => ({ date, plan }));
    const chosen = 'month' in due.meeting ? meetings.find((m) => m.date.startsWith(monthOrDate)) : meetings.find((m) => m.date === monthOrDate);
    if (!chosen) {
      const before = meetings.filter((m) => m.date < monthOrDate).at(-1);
      const after = meetings.find((m) => m.date > monthOrDate);
      const around = `närmast före: ${describe(before?.date)}; närmast efter: ${describe(after?.date)}`;
      throw 'month' in due.meeting
        ? new DeadlineError('no_meeting_in_month', `${body} har inget sammanträde i ${monthOrDate} (${around}).`, path)
        : new DeadlineError('not_a_meeting', `${body} har inget sammanträde ${swedishDate(monthOrDate)} i sammanträdesplanen (${around}).`, path);
    }
    const { dueDate, meetingDate, sentence } = atMeeting(body, chosen, ctx);
    return { dueDate, meetingDate, dueExplanation: `Återrapporteras till ${body}. ${sentence}` };
  }

  if ('externalDeadline' in due) {
    const outside = `Svaret till ${due.recipient} ska vara inne senast ${swedishDate(due.externalDeadline)}.`;
    if (!due.decidedBy) {
      const lead = ctx.delegationLeadWorkingDays;
      const dueDate = lead === 0 ? ctx.calendar.workingDayOnOrBefore(due.externalDeadline) : ctx.calendar.subtractWorkingDays(due.externalDeadline, lead);
      return {
        dueDate,
        externalDeadline: due.externalDeadline,
        dueExplanation: `${outside} Yttrandet lämnas på delegation och ska vara klart ${lead} arbetsdagar före: ${swedishDate(dueDate)}.`,
      };
    }
    const meeting = lastMeetingOnOrBefore(ctx, due.decidedBy, due.externalDeadline, 'due.externalDeadline', 'svarsdagen');
    const { dueDate, meetingDate, sentence } = atMeeting(due.decidedBy, meeting, ctx);
    return {
      dueDate,
      meetingDate,
      externalDeadline: due.externalDeadline,
      dueExplanation: `${outside} ${due.decidedBy} beslutar om yttrandet på sitt sista sammanträde före dess. ${sentence}`,
    };
  }

  const statutoryLimit = oneYearLater(due.raised);
  const meeting = lastMeetingOnOrBefore(ctx, COUNCIL, statutoryLimit, 'due.raised', 'ettårsgränsen');
  const { dueDate, meetingDate, sentence } = atMeeting(COUNCIL, meeting, ctx);
  return {
    dueDate,
    meetingDate,
    statutoryLimit,
    dueExplanation: `Motionen väcktes ${swedishDate(due.raised)} och ska enligt kommunallagen 5 kap. 35 § beslutas inom ett år, senast ${swedishDate(statutoryLimit)}, på KF:s sista sammanträde före dess. ${sentence}`,
  };
}
