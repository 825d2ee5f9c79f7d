import { MONTH_NAMES, swedishDate, type CalendarDate } from '../dates';
import type { WorkingCalendar } from '../calendar/working-days';
import type { Due, Kind } from '../items/vocabulary';
import type { ResolvedDue } from '../items/item';
import { documentDate, type MeetingPlan } from './meeting-plans';
import type { Council } from '../council';

export type DeadlineErrorCode = 'no_meeting_plan' | 'no_meeting_in_month' | 'not_a_meeting' | 'no_meeting_in_time' | 'due_after_external_deadline';

/** A deadline that cannot be computed: the API answers 422 with this code, message and field. */
export class DeadlineError extends Error {
  constructor(
    readonly code: DeadlineErrorCode,
    message: string,
    /** The field at fault, as in the contract's issues: 'due.meeting.month'. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'DeadlineError';
  }
}

export interface DeadlineContext {
  calendar: WorkingCalendar;
  /** The meeting plans that exist of those `plansNeeded` names; a missing one that matters is named in the 422. */
  plans: readonly MeetingPlan[];
  /** Working days before the outside deadline that a yttrande answered by delegation is due. */
  delegationLeadWorkingDays: number;
  /** The council motions are answered by (KF, or RF in a region). */
  council: Council;
}

interface Meeting {
  date: CalendarDate;
  plan: MeetingPlan;
}


const yearOf = (date: CalendarDate) => Number(date.slice(0, 4));
/** "september 2026" from "2026-09". */
const swedishMonth = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const workingDays = (n: number) => `${n} ${n === 1 ? 'arbetsdag' : 'arbetsdagar'}`;

/** Same day one year later; 29 February becomes 28 February. */
export function oneYearLater(date: CalendarDate): CalendarDate {
  const next = `${yearOf(date) + 1}${date.slice(4)}`;
  return next.endsWith('-02-29') ? next.replace(/-29$/, '-28') : next;
}

/**
 * Which meeting plans a deadline needs, so the caller loads just those (a plan that does not
 * exist is simply left out of `DeadlineContext.plans`).
 */
export function plansNeeded(due: Due, council: Council): { body: string; years: number[] }[] {
  if ('meeting' in due) {
    const { meeting } = due;
    // As for an outside deadline: December's meetings count for a date in January.
    if ('by' in meeting) return [{ body: meeting.body, years: [yearOf(meeting.by) - 1, yearOf(meeting.by)] }];
    return [{ body: meeting.body, years: [yearOf('month' in meeting ? meeting.month : meeting.date)] }];
  }
  if ('externalDeadline' in due) {
    // The previous year's December meetings count for a January deadline; for a later one they
    // are named in the 422 as the last meeting before.
    const y = yearOf(due.externalDeadline);
    return due.decidedBy ? [{ body: due.decidedBy, years: [y - 1, y] }] : [];
  }
  if ('raised' in due) {
    // Between raising and the limit lie the ends of two calendar years.
    const y = yearOf(oneYearLater(due.raised));
    return [{ body: council, years: [y - 1, y] }];
  }
  return [];
}

/**
 * The meeting plan an item's deadline hangs on, so a changed plan finds the item: the plan of
 * the meeting its due date came from. (A January yttrande decided at a December meeting hangs on
 * December's plan; a meeting added to January's plan later does not move it.)
 */
export function dependsOnPlans(item: { due: Due; meetingDate?: CalendarDate | undefined }, council: Council): { body: string; year: number } | undefined {
  const { due, meetingDate } = item;
  if ('meeting' in due) {
    const { meeting } = due;
    if ('month' in meeting) return { body: meeting.body, year: yearOf(meeting.month) };
    if ('date' in meeting) return { body: meeting.body, year: yearOf(meeting.date) };
    // The plan of the meeting chosen, as for an outside deadline; before one is chosen, the year of `by`.
    return { body: meeting.body, year: yearOf(meetingDate ?? meeting.by) };
  }
  if (!meetingDate) return undefined;
  if ('externalDeadline' in due) return due.decidedBy ? { body: due.decidedBy, year: yearOf(meetingDate) } : undefined;
  if ('raised' in due) return { body: council, year: yearOf(meetingDate) };
  return undefined;
}

const hasPlan = (ctx: DeadlineContext, body: string, year: number) => ctx.plans.some((p) => p.body === body && p.year === year);

function requirePlan(ctx: DeadlineContext, body: string, year: number, path: string): void {
  if (!hasPlan(ctx, body, year)) {
    throw new DeadlineError(
      'no_meeting_plan',
      `Det finns ingen sammanträdesplan för ${body} ${year}. En administratör lägger in den under Sammanträdesplaner.`,
      path,
    );
  }
}

/** Every loaded meeting of a body, in date order (plans may span two years). */
function meetingsOf(ctx: DeadlineContext, body: string): Meeting[] {
  return ctx.plans
    .filter((p) => p.body === body)
    .flatMap((plan) => plan.dates.map((date) => ({ date, plan })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** "Närmast före: …; närmast efter: …." for a 422 that sends the clerk to the plan. */
function neighbours(label: { before: string; after: string }, before: Meeting | undefined, after: Meeting | undefined): string {
  const name = (m: Meeting | undefined) => (m ? swedishDate(m.date) : 'inget i de inlagda sammanträdesplanerna');
  return `${label.before}: ${name(before)}; ${label.after}: ${name(after)}.`;
}

function atMeeting(body: string, meeting: Meeting, calendar: WorkingCalendar) {
  const lead = meeting.plan.leadWorkingDays;
  const dueDate = documentDate(meeting.date, lead, calendar);
  const when = lead === 0 ? `senast ${swedishDate(dueDate)}` : `${workingDays(lead)} före: ${swedishDate(dueDate)}`;
  return {
    dueDate,
    meetingDate: meeting.date,
    sentence: `Handlingarna till ${body}:s sammanträde ${swedishDate(meeting.date)} ska vara inne ${when}.`,
  };
}

const AT_MEETING: Record<Kind, (body: string) => string> = {
  aterrapportering: (body) => `Återrapporteras till ${body}.`,
  uppdrag: (body) => `Uppdraget redovisas för ${body}.`,
  yttrande: (body) => `Yttrandet beslutas av ${body}.`,
  motion: (body) => `Motionen besvaras av ${body}.`,
};

/**
 * `{ meeting: { body, by } }`, report-backs within a period: the document date of the body's last
 * meeting on or before `by` (from the year of `by`, and December before for a date in January).
 * With no meeting in that time, a 422 naming the meetings around `by`.
 */
function resolveMeetingBy(kind: Kind, meeting: { body: string; by: CalendarDate }, ctx: DeadlineContext): ResolvedDue {
  const { body, by } = meeting;
  const year = yearOf(by);
  const earliestYear = by.slice(5, 7) === '01' ? year - 1 : year;
  const chosen = lastMeetingInTime(ctx, { body, limit: by, earliestYear, path: 'due.meeting.by' }, (before, after) => {
    const tooEarly = before && yearOf(before.date) < earliestYear ? ' Ett sammanträde året före räknas bara när datumet ligger i januari.' : '';
    return (
      `${body} har inget sammanträde senast ${swedishDate(by)} enligt sammanträdesplanen. ` +
      `Välj ett senare datum eller ett sammanträde i planen, ${neighbours({ before: 'närmast före', after: 'närmast efter' }, before, after)}${tooEarly}`
    );
  });
  const { dueDate, meetingDate, sentence } = atMeeting(body, chosen, ctx.calendar);
  return { dueDate, meetingDate, dueExplanation: `${AT_MEETING[kind](body)} Det gäller ${body}:s sista sammanträde senast ${swedishDate(by)}. ${sentence}` };
}

function resolveMeeting(kind: Kind, meeting: { body: string; month: string } | { body: string; date: CalendarDate }, ctx: DeadlineContext): ResolvedDue {
  const { body } = meeting;
  const byMonth = 'month' in meeting;
  const path = byMonth ? 'due.meeting.month' : 'due.meeting.date';
  const year = yearOf(byMonth ? meeting.month : meeting.date);
  requirePlan(ctx, body, year, path);
  const meetings = meetingsOf(ctx, body);
  const label = { before: 'närmast före', after: 'närmast efter' };

  let chosen: Meeting | undefined;
  let note = '';
  if (byMonth) {
    const inMonth = meetings.filter((m) => m.date.startsWith(`${meeting.month}-`));
    chosen = inMonth[0];
    if (!chosen) {
      const before = meetings.filter((m) => m.date < `${meeting.month}-01`).at(-1);
      const after = meetings.find((m) => m.date > `${meeting.month}-31`);
      throw new DeadlineError(
        'no_meeting_in_month',
        `${body} har inget sammanträde i ${swedishMonth(meeting.month)} enligt sammanträdesplanen. Välj ett annat sammanträde, ${neighbours(label, before, after)}`,
        path,
      );
    }
    // A clerk who wrote "i maj" means the first May meeting; say so when there is a choice.
    if (inMonth.length > 1) note = ` ${body} sammanträder ${inMonth.length} gånger i ${swedishMonth(meeting.month)}; det första sammanträdet gäller.`;
  } else {
    chosen = meetings.find((m) => m.date === meeting.date);
    if (!chosen) {
      const before = meetings.filter((m) => m.date < meeting.date).at(-1);
      const after = meetings.find((m) => m.date > meeting.date);
      throw new DeadlineError(
        'not_a_meeting',
        `${body} har inget sammanträde ${swedishDate(meeting.date)} enligt sammanträdesplanen. Välj ett sammanträde i planen, ${neighbours(label, before, after)}`,
        path,
      );
    }
  }
  const { dueDate, meetingDate, sentence } = atMeeting(body, chosen, ctx.calendar);
  return { dueDate, meetingDate, dueExplanation: `${AT_MEETING[kind](body)}${note} ${sentence}` };
}

/**
 * The last meeting of a body on or before `limit`, from `earliestYear` on and after `after`
 * (exclusive). Never a meeting after the limit: without one in time it is a 422 naming the
 * meetings around the limit. A missing plan that could hold the meeting is named instead.
 */
function lastMeetingInTime(
  ctx: DeadlineContext,
  rule: { body: string; limit: CalendarDate; earliestYear: number; after?: CalendarDate; path: string },
  explainMissing: (before: Meeting | undefined, after: Meeting | undefined) => string,
): Meeting {
  const { body, limit, earliestYear, after, path } = rule;
  const limitYear = yearOf(limit);
  requirePlan(ctx, body, limitYear, path);
  const meetings = meetingsOf(ctx, body);
  const chosen = meetings.filter((m) => m.date <= limit && yearOf(m.date) >= earliestYear && (after === undefined || m.date > after)).at(-1);
  if (chosen) return chosen;
  if (earliestYear < limitYear) requirePlan(ctx, body, limitYear - 1, path);
  throw new DeadlineError(
    'no_meeting_in_time',
    explainMissing(
      meetings.filter((m) => m.date <= limit).at(-1),
      meetings.find((m) => m.date > limit),
    ),
    path,
  );
}

type RemissDue = { externalDeadline: CalendarDate; recipient: string; decidedBy?: string | undefined };

/**
 * A yttrande's deadline never comes after the remiss's outside deadline: only the recipient can
 * give more time, and then a registrar changes the outside deadline. For a date past it, the
 * sentence saying so without its subject ("2 november 2027 ligger efter sista dag för svaret till
 * Länsstyrelsen, fredag 29 oktober 2027."); undefined for a date on or before it.
 */
export function pastOutsideDeadline(date: CalendarDate, remiss: Pick<RemissDue, 'externalDeadline' | 'recipient'>): string | undefined {
  if (date <= remiss.externalDeadline) return undefined;
  return `${swedishDate(date)} ligger efter sista dag för svaret till ${remiss.recipient}, ${swedishDate(remiss.externalDeadline)}.`;
}

/**
 * A yttrande whose deadline a registrar set by hand (`due.date`): that date, never after the
 * outside deadline (422 `due_after_external_deadline`, the recipient must give more time first);
 * the deciding body's meeting is kept when the date still comes before it.
 */
function resolveSetYttrande(due: RemissDue & { date: CalendarDate }, ctx: DeadlineContext): ResolvedDue {
  const { externalDeadline, recipient, decidedBy, date } = due;
  const past = pastOutsideDeadline(date, due);
  if (past) {
    throw new DeadlineError('due_after_external_deadline', `Tidsfristen ${past} Har ${recipient} gett längre svarstid, ändra sista dag hos mottagaren i stället.`, 'due.date');
  }
  let counted: ResolvedDue | undefined;
  try {
    counted = resolveYttrande({ externalDeadline, recipient, decidedBy }, ctx);
  } catch (error) {
    // Without a meeting in time the hand-set date stands alone.
    if (!(error instanceof DeadlineError)) throw error;
  }
  const meetingDate = counted?.meetingDate !== undefined && date <= counted.meetingDate ? counted.meetingDate : undefined;
  const meeting = meetingDate ? ` ${decidedBy} beslutar om yttrandet på sitt sammanträde ${swedishDate(meetingDate)}.` : '';
  return {
    dueDate: date,
    ...(meetingDate ? { meetingDate } : {}),
    externalDeadline,
    dueExplanation: `Svaret till ${recipient} ska ha kommit in senast ${swedishDate(externalDeadline)}. Tidsfristen är satt till ${swedishDate(date)}.${meeting}`,
  };
}

function resolveYttrande(due: RemissDue, ctx: DeadlineContext): ResolvedDue {
  const { externalDeadline, recipient, decidedBy } = due;
  const outside = `Svaret till ${recipient} ska ha kommit in senast ${swedishDate(externalDeadline)}.`;
  if (!decidedBy) {
    const lead = ctx.delegationLeadWorkingDays;
    const dueDate = lead === 0 ? ctx.calendar.workingDayOnOrBefore(externalDeadline) : ctx.calendar.subtractWorkingDays(externalDeadline, lead);
    const when = lead === 0 ? `senast ${swedishDate(dueDate)}` : `${workingDays(lead)} före: ${swedishDate(dueDate)}`;
    return {
      dueDate,
      externalDeadline,
      dueExplanation: `${outside} Yttrandet lämnas på delegation och ska vara klart ${when}.`,
    };
  }

  const deadlineYear = yearOf(externalDeadline);
  // Over the Christmas break the last meeting before a January deadline is in December; for a
  // later deadline a meeting of the year before is too early to decide a remiss received since.
  const earliestYear = externalDeadline.slice(5, 7) === '01' ? deadlineYear - 1 : deadlineYear;
  const meeting = lastMeetingInTime(ctx, { body: decidedBy, limit: externalDeadline, earliestYear, path: 'due.externalDeadline' }, (before, after) => {
    const tooEarly = before && yearOf(before.date) < earliestYear ? ' Ett sammanträde året före räknas bara när svarsdagen ligger i januari.' : '';
    return (
      `${decidedBy} har inget sammanträde i tid att besluta yttrandet till ${recipient} senast ${swedishDate(externalDeadline)}. ` +
      `${neighbours({ before: 'Senaste sammanträde före', after: 'första efter' }, before, after)}${tooEarly} ` +
      `Begär längre svarstid hos ${recipient} eller låt yttrandet lämnas på delegation.`
    );
  });
  const { dueDate, meetingDate, sentence } = atMeeting(decidedBy, meeting, ctx.calendar);
  return {
    dueDate,
    meetingDate,
    externalDeadline,
    dueExplanation: `${outside} ${decidedBy} beslutar om yttrandet på sitt sista sammanträde senast den dagen. ${sentence}`,
  };
}

function resolveMotion(raised: CalendarDate, ctx: DeadlineContext): ResolvedDue {
  const statutoryLimit = oneYearLater(raised);
  const leapDay = raised.endsWith('-02-29') ? ' (29 februari finns inte det året)' : '';
  const law = `Enligt kommunallagen 5 kap. 35 § ska den beslutas inom ett år, senast ${swedishDate(statutoryLimit)}${leapDay}`;
  const { council } = ctx;
  const meeting = lastMeetingInTime(
    ctx,
    // A motion is answered at a later meeting than the one it was raised at.
    { body: council, limit: statutoryLimit, earliestYear: yearOf(raised), after: raised, path: 'due.raised' },
    (before, after) =>
      `${council} har inget sammanträde efter att motionen väcktes ${swedishDate(raised)} och senast ${swedishDate(statutoryLimit)}. ` +
      `${neighbours({ before: 'Senaste sammanträde före', after: 'första efter' }, before, after)} ` +
      `${law}; kan den inte det ska det anmälas till ${council}.`,
  );
  const { dueDate, meetingDate, sentence } = atMeeting(council, meeting, ctx.calendar);
  return {
    dueDate,
    meetingDate,
    statutoryLimit,
    dueExplanation: `Motionen väcktes i ${council} ${swedishDate(raised)}. ${law}, på ${council}:s sista sammanträde senast den dagen. ${sentence}`,
  };
}

function resolveDate(date: CalendarDate, calendar: WorkingCalendar): ResolvedDue {
  // Said of the date as given, from a decision, a clerk's form or an imported list alike.
  const stated = `Angiven sista dag: ${swedishDate(date)}.`;
  const reason = calendar.closedReason(date);
  if (reason === undefined) return { dueDate: date, dueExplanation: stated };
  // The date given stands even on a closed day; the weekday already says 'lördag'.
  const holiday = reason === 'lördag' || reason === 'söndag' ? '' : ` (${reason})`;
  return { dueDate: date, dueExplanation: `${stated} Dagen är ingen arbetsdag${holiday}, men den angivna dagen gäller och flyttas inte.` };
}

/**
 * The official's deadline for a `due` form, as the municipality counts it (docs/domain.md,
 * "Time"), with a Swedish explanation a clerk can check. Throws a
 * DeadlineError when the plans cannot give one.
 */
export function resolveDue(input: { kind: Kind; due: Due }, ctx: DeadlineContext): ResolvedDue {
  const { kind, due } = input;
  // Before the plain date: a remiss's form may carry a date set by hand.
  if ('externalDeadline' in due) {
    const { date, ...remiss } = due;
    return date === undefined ? resolveYttrande(remiss, ctx) : resolveSetYttrande({ ...remiss, date }, ctx);
  }
  if ('date' in due) return resolveDate(due.date, ctx.calendar);
  if ('meeting' in due) return 'by' in due.meeting ? resolveMeetingBy(kind, due.meeting, ctx) : resolveMeeting(kind, due.meeting, ctx);
  return resolveMotion(due.raised, ctx);
}
