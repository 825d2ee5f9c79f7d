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

/**
 * Calendar dates in Stockholm, from Intl (made once, when first needed) and plain UTC
 * arithmetic: no date library at all, which takes about 9 ms off every function's cold start
 * (date-fns-tz's formatting alone; README, "Performance").
 */
let stockholmClock: Intl.DateTimeFormat | undefined;

const MS_PER_HOUR = 3_600_000;
/**
 * Stockholm's offset from UTC in each UTC hour asked about. It changes only on the hour (at
 * 01:00 UTC, since 1980; on whole hours before), so one Intl call serves every instant of that
 * hour: a report of 50,000 items asks a few thousand times instead of 100,000.
 */
const offsets = new Map<number, number>();

function stockholmOffset(hour: number): number {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    stockholmClock ??= new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    const part = Object.fromEntries(stockholmClock.formatToParts(new Date(hour * MS_PER_HOUR)).map((p) => [p.type, Number(p.value)]));
    offset = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!) - hour * MS_PER_HOUR;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** An instant's Stockholm wall-clock date and time, as numbers. */
function stockholmParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const time = instant.getTime();
  const wall = new Date(time + stockholmOffset(Math.floor(time / MS_PER_HOUR)));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The Stockholm calendar date of an instant. */
export function stockholmDate(instant: Date): CalendarDate {
  const { year, month, day } = stockholmParts(instant);
  return `${year}-${two(month)}-${two(day)}`;
}

/** The instant a Stockholm calendar date begins (its midnight, in winter or summer time). */
export function stockholmMidnight(date: CalendarDate): Date {
  const midnight = utc(date).getTime();
  // Stockholm is ahead of UTC by its offset at that instant: one or two hours, never changing at midnight.
  const { year, month, day, hour, minute } = stockholmParts(new Date(midnight));
  const offset = Date.UTC(year, month - 1, day, hour, minute) - midnight;
  return new Date(midnight - offset);
}

/** The Stockholm date of a stored ISO instant (`updatedAt`, `closedAt`, a report's `at`). */
export function stockholmDay(iso: string): CalendarDate {
  return stockholmDate(new Date(iso));
}

const MS_PER_DAY = 86_400_000;

/** Date arithmetic on calendar dates, in UTC, so no DST rule can shift the day. */
function utc(date: CalendarDate): Date {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Inte ett datum ÅÅÅÅ-MM-DD: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(utc(date).getTime() + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / MS_PER_DAY);
}

const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
/** The months' Swedish names, January first. */
export const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "5 juni 2026": a date without its weekday (a heading). */
export function swedishDayMonthYear(date: CalendarDate): string {
  const day = utc(date);
  return `${day.getUTCDate()} ${MONTH_NAMES[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

/** "5 juni 2026 kl. 09:05": an instant, Stockholm time. */
export function swedishDateTime(instant: Date): string {
  const { year, month, day, hour, minute } = stockholmParts(instant);
  return `${day} ${MONTH_NAMES[month - 1]} ${year} kl. ${two(hour)}:${two(minute)}`;
}

/** The ISO week number of a date (week 1 holds the year's first Thursday), as Swedish calendars number weeks. */
export function isoWeek(date: CalendarDate): number {
  const day = utc(date);
  const thursday = new Date(day.getTime() + (4 - (day.getUTCDay() || 7)) * MS_PER_DAY);
  return Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / MS_PER_DAY + 1) / 7);
}

/** "fredag 5 juni" (no year), for subject lines. */
export function swedishDayMonth(date: CalendarDate): string {
  const day = utc(date);
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTH_NAMES[day.getUTCMonth()]}`;
}

/** "fredag 5 juni 2026"; the machine's own time zone cannot shift the day. */
export function swedishDate(date: CalendarDate): string {
  return `${swedishDayMonth(date)} ${utc(date).getUTCFullYear()}`;
}
