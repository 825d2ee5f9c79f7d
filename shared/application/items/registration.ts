import { daysBetween, stockholmDate, swedishDate, type CalendarDate } from '../../domain/dates';
import { deadlineProblem } from '../../domain/errors';
import type { Attention, Decision, Due, Kind, Person, Remiss } from '../../domain/items/vocabulary';
import type { ResolvedDue, StoredItem, Warning } from '../../domain/items/item';
import type { DeadlineRules } from '../../domain/items/rules';

/** The field of a `due` form that sets the deadline: where a refusal about the date points. */
export function duePath(due: Due): string {
  if ('date' in due) return 'due.date';
  if ('meeting' in due) return `due.meeting.${'month' in due.meeting ? 'month' : 'date' in due.meeting ? 'date' : 'by'}`;
  return 'externalDeadline' in due ? 'due.externalDeadline' : 'due.raised';
}

/**
 * An item is never due before it came into being: a deadline before its decision's date (or, for
 * a yttrande registered on arrival, before the remiss came in) is a typo, not an item born
 * overdue. Throws 422 `due_before_decision` / `due_before_received` naming both dates.
 */
export function checkDueAfterOrigin(item: { due: Due; dueDate: CalendarDate; decision?: Decision | undefined; remiss?: Remiss | undefined }): void {
  const path = duePath(item.due);
  const due = swedishDate(item.dueDate);
  if (item.decision && item.dueDate < item.decision.date) {
    const decided = `${item.decision.body} ${swedishDate(item.decision.date)}`;
    throw deadlineProblem('due_before_decision', `Tidsfristen ${due} ligger före beslutet, ${decided}. Kontrollera årtalen i tidsfristen och beslutsdatumet.`, [
      { path, message: `Ger tidsfristen ${due}, före beslutet ${decided}.` },
      { path: 'decision.date', message: `Beslutet ${decided} ligger efter tidsfristen ${due}.` },
    ]);
  }
  const received = item.decision ? undefined : item.remiss?.received;
  if (received && item.dueDate < received) {
    throw deadlineProblem('due_before_received', `Tidsfristen ${due} ligger före dagen remissen kom in, ${swedishDate(received)}. Kontrollera årtalen i tidsfristen och dagen remissen kom in.`, [
      { path, message: `Ger tidsfristen ${due}, före dagen remissen kom in (${swedishDate(received)}).` },
      { path: 'remiss.received', message: `Remissen kom in ${swedishDate(received)}, efter tidsfristen ${due}.` },
    ]);
  }
}

/**
 * The deadline an item with these fields gets (the rules' dates and explanation), checked against
 * where it comes from, and whether a clerk must look at it at once: `meeting_already_held` when
 * the meeting its deadline hangs on is before `today`. Throws the rules' 422s and
 * `checkDueAfterOrigin`'s.
 */
export async function deadlineFor(
  rules: Pick<DeadlineRules, 'resolve'>,
  item: { kind: Kind; due: Due; decision?: Decision | undefined; remiss?: Remiss | undefined },
  today: CalendarDate,
): Promise<ResolvedDue & { attention?: Attention }> {
  const resolved = await rules.resolve(item.kind, item.due);
  checkDueAfterOrigin({ ...item, ...resolved });
  return resolved.meetingDate && resolved.meetingDate < today ? { ...resolved, attention: 'meeting_already_held' } : resolved;
}

/** Whether a yttrande's outside deadline (the recipient's last day for the answer) is before `day`. */
function outsideDeadlinePassed(item: { externalDeadline?: CalendarDate | undefined }, day: CalendarDate): item is { externalDeadline: CalendarDate } {
  return item.externalDeadline !== undefined && item.externalDeadline < day;
}

/**
 * What a clerk should know about a deadline on `day`: its meeting already held
 * (`meeting_already_held`), or (else) for a yttrande its outside deadline already past
 * (`outside_deadline_passed`: the answer is late to the recipient, not only to the office), or
 * (else) its date already past (`overdue_at_registration`). `meetingBody` names the body whose
 * meeting it is.
 */
export function deadlineWarnings(
  item: Pick<StoredItem, 'dueDate' | 'meetingDate' | 'externalDeadline' | 'attention'>,
  day: CalendarDate,
  meetingBody: string | undefined,
): Warning[] {
  if (item.attention === 'meeting_already_held' && item.meetingDate) {
    const meeting = meetingBody ? `${meetingBody} sammanträde ${swedishDate(item.meetingDate)}` : `Sammanträdet ${swedishDate(item.meetingDate)}`;
    return [
      {
        code: 'meeting_already_held',
        message:
          `${meeting}, det sista i tid, har redan hållits; tidsfristen ${swedishDate(item.dueDate)} har passerat. ` +
          'Ärendet är markerat för en registrator (attention: meeting_already_held): välj ett senare sammanträde, begär längre tid eller låt det avgöras på delegation.',
      },
    ];
  }
  if (outsideDeadlinePassed(item, day)) {
    const late = daysBetween(item.externalDeadline, day);
    return [
      {
        code: 'outside_deadline_passed',
        message:
          `Sista dagen för svaret hos mottagaren, ${swedishDate(item.externalDeadline)}, har redan passerat: yttrandet är försenat från start (${late} ${late === 1 ? 'dag' : 'dagar'}). ` +
          'Be mottagaren om längre svarstid och ändra sista dag hos mottagaren.',
      },
    ];
  }
  if (item.dueDate < day) {
    const late = daysBetween(item.dueDate, day);
    return [
      {
        code: 'overdue_at_registration',
        message: `Tidsfristen ${swedishDate(item.dueDate)} har redan passerat: ärendet är försenat från start (${late} ${late === 1 ? 'dag' : 'dagar'}).`,
      },
    ];
  }
  return [];
}

/**
 * `no_manager` when an item of `unit` has no manager to escalate to: neither the item (`manager`)
 * nor the unit directory (already resolved into `manager` by the caller) names one.
 */
export function managerWarnings(item: { unit: string; manager?: Person | undefined }): Warning[] {
  if (item.manager) return [];
  return [
    {
      code: 'no_manager',
      message: `Ingen chef kan nås för ärendet: ärendet har ingen chef angiven och ${item.unit} har ingen chef i enhetskatalogen, så ett försenat ärende kan inte eskaleras. Be en administratör lägga in enhetens chef under Enheter, eller ange en chef på ärendet.`,
    },
  ];
}

/**
 * The warnings a registration answers with, from the item as stored, so a replay of the same
 * request (Idempotency-Key) says the same: `managerWarnings`, then `deadlineWarnings` as of the
 * day it was registered.
 */
export function registrationWarnings(item: StoredItem, rules: Pick<DeadlineRules, 'planDependency'>): Warning[] {
  return [...managerWarnings(item), ...deadlineWarnings(item, stockholmDate(new Date(item.createdAt)), rules.planDependency(item)?.body)];
}
