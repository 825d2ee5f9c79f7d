import { fromZonedTime } from 'date-fns-tz';
import ICAL from 'ical.js';
import { stockholmDate, type CalendarDate } from '../../domain/dates';

/**
 * A body's meeting dates from its published calendar (iCalendar, RFC 5545), for the admin's
 * "Läs in från kalendern": the Stockholm date of each VEVENT in one year, recurring ones expanded,
 * cancelled ones left out. Nothing is stored; the admin sees the dates before saving the plan.
 */

export interface MeetingFound {
  date: CalendarDate;
  /** The event's SUMMARY, on one line. */
  summary: string;
}

/** The file is not a calendar, or cannot be read as one; the message is Swedish, for the page. */
export class IcsUnreadable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IcsUnreadable';
  }
}

/** At most this many occurrences of one recurring event are walked: a rule every minute from 1990 is refused, not looped over. */
const MAX_OCCURRENCES = 5000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const wallDate = (time: ICAL.Time): CalendarDate => `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;

function knownZone(tzid: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tzid });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Stockholm date of an event's start: an all-day DATE is that date; a UTC time, or a time in a
 * zone the file defines (VTIMEZONE, e.g. Outlook's "W. Europe Standard Time"), is converted; a TZID
 * the file does not define but the world knows (Europe/Helsinki) is converted by its rules; a
 * floating time is the municipality's own, Stockholm's.
 */
function stockholmDateOf(time: ICAL.Time, tzid: string | undefined): CalendarDate {
  if (time.isDate) return wallDate(time);
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone) return stockholmDate(new Date(time.toUnixTime() * 1000));
  if (tzid && knownZone(tzid)) {
    return stockholmDate(fromZonedTime(`${wallDate(time)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`, tzid));
  }
  return wallDate(time);
}

const tzidOf = (component: ICAL.Component, property: 'dtstart'): string | undefined => {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof value === 'string' ? value : undefined;
};

const cancelled = (component: ICAL.Component) => String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';

const oneLine = (text: unknown) => (typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, 200) : '');

/** A whole word of the summary, any case: "KS" finds "KS sammanträde", not "KSAU". */
function mentioning(word: string | undefined): (summary: string) => boolean {
  const wanted = word?.trim();
  if (!wanted) return () => true;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
  return (summary) => pattern.test(summary);
}

function parse(text: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    throw new IcsUnreadable('Filen går inte att läsa som en kalender (iCalendar, .ics).', { cause: error });
  }
  // Several VCALENDARs in one file come back as a list of them; take the first.
  const first = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
  if (!Array.isArray(first) || first[0] !== 'vcalendar') throw new IcsUnreadable('Filen är ingen kalender: den börjar inte med BEGIN:VCALENDAR.');
  return new ICAL.Component(first as unknown[]);
}

/**
 * The meetings of `year` in an .ics text, sorted, one per date (the first event's summary when
 * two fall on a day). With `mentions`, only events whose summary has that word; the events of the
 * year passed over for it are added to `passedOver`, when given, for the page to say so. Throws
 * IcsUnreadable for a file that is not a calendar or a recurrence that cannot be walked.
 */
export function meetingsFromIcs(text: string, options: { year: number; mentions?: string; passedOver?: MeetingFound[] }): MeetingFound[] {
  const calendar = parse(text);
  const wanted = mentioning(options.mentions);
  const first = `${options.year}-01-01`;
  const last = `${options.year}-12-31`;
  const found = new Map<CalendarDate, string>();
  const add = (component: ICAL.Component, start: ICAL.Time, summary: string) => {
    const date = stockholmDateOf(start, tzidOf(component, 'dtstart'));
    if (date < first || date > last) return;
    if (!wanted(summary)) options.passedOver?.push({ date, summary });
    else if (!found.has(date)) found.set(date, summary);
  };

  const components = calendar.getAllSubcomponents('vevent');
  const masters = components.filter((c) => !c.hasProperty('recurrence-id'));
  const exceptions = components.filter((c) => c.hasProperty('recurrence-id'));
  const uids = new Set(masters.map((c) => c.getFirstPropertyValue('uid')));

  for (const component of masters) {
    if (cancelled(component) || !component.hasProperty('dtstart')) continue;
    const event = new ICAL.Event(component);
    for (const exception of exceptions) if (exception.getFirstPropertyValue('uid') === event.uid) event.relateException(exception);
    if (!event.isRecurring()) {
      add(component, event.startDate, oneLine(event.summary));
      continue;
    }
    const occurrences = event.iterator();
    // An occurrence moved (RECURRENCE-ID) from early next year into this one is still found.
    const stopAfter = `${options.year + 1}-02-01`;
    for (let walked = 0; ; walked++) {
      if (walked === MAX_OCCURRENCES) throw new IcsUnreadable(`Händelsen "${oneLine(event.summary)}" upprepas för ofta för att läsas in.`);
      const next = occurrences.next();
      if (!next || wallDate(next) > stopAfter) break;
      const details = event.getOccurrenceDetails(next);
      if (cancelled(details.item.component)) continue;
      add(details.item.component, details.startDate, oneLine(details.item.summary));
    }
  }
  // A moved occurrence whose series is not in the file is a meeting of its own.
  for (const component of exceptions) {
    if (uids.has(component.getFirstPropertyValue('uid')) || cancelled(component) || !component.hasProperty('dtstart')) continue;
    const event = new ICAL.Event(component);
    add(component, event.startDate, oneLine(event.summary));
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, summary]) => ({ date, summary }));
}
