import { formatInTimeZone } from 'date-fns-tz';
import { addDays as addDaysFns, differenceInCalendarDays, parseISO } from 'date-fns';
import { sv } from 'date-fns/locale';

/** The municipality counts in Stockholm calendar dates; instants are converted only at the edges. */
export const TIME_ZONE = 'Europe/Stockholm';

/** A calendar date as `YYYY-MM-DD`. Strings compare in date order. */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The Stockholm calendar date of an instant. */
export function stockholmDate(instant: Date): CalendarDate {
  return formatInTimeZone(instant, TIME_ZONE, 'yyyy-MM-dd');
}

/** The Stockholm date of a stored ISO instant (`updatedAt`, `closedAt`, a report's `at`). */
export function stockholmDay(iso: string): CalendarDate {
  return stockholmDate(new Date(iso));
}

/** Date arithmetic on calendar dates, done at noon UTC so no DST rule can shift the day. */
function toNoon(date: CalendarDate): Date {
  return parseISO(`${date}T12:00:00Z`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return addDaysFns(toNoon(date), days).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toNoon(to), toNoon(from));
}

/** "fredag 5 juni 2026"; formatted in UTC, so the machine's own time zone cannot shift the day. */
export function swedishDate(date: CalendarDate): string {
  return formatInTimeZone(toNoon(date), 'UTC', 'EEEE d MMMM yyyy', { locale: sv });
}

/** "fredag 5 juni" (no year), for subject lines. */
export function swedishDayMonth(date: CalendarDate): string {
  return formatInTimeZone(toNoon(date), 'UTC', 'EEEE d MMMM', { locale: sv });
}
