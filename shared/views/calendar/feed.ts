import ical, { ICalCalendarMethod, ICalEventBusyStatus, ICalEventTransparency } from 'ical-generator';
import { addDays, swedishDate, type CalendarDate } from '../../domain/dates';
import { decisionOf } from '../email/reminder';
import { cleanText, oneLine } from '../../domain/text';
import { KIND_LABELS, LIMITS } from '../../domain/items/vocabulary';
import { type ItemView } from '../../domain/items/item';
import type { Council } from '../../domain/council';

/** What the calendar carries of an item: its read-time view (the feed lists open items only). */
export type FeedItem = Pick<
  ItemView,
  'id' | 'kind' | 'title' | 'caseNumber' | 'decision' | 'due' | 'dueDate' | 'meetingDate' | 'externalDeadline' | 'statutoryLimit' | 'dueExplanation' | 'updatedAt' | 'version'
>;

export interface FeedCalendarInput {
  items: FeedItem[];
  /** The official's page ("Mina ärenden"), a signed link made for this answer. */
  pageLink: string;
  /** When the calendar is made: every event's DTSTAMP. */
  now: Date;
  /** The council a motion is answered at (the deployment's `COUNCIL`). */
  council: Council;
}

export const FEED_NAME = 'Mina tidsfrister';
/** How often a client should fetch the feed again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 60 * 60;
/** The domain part of every UID: the same item keeps the same event across fetches. */
const UID_DOMAIN = 'bevakning';
/** Longest explanation in a description; the page has the full text. */
const MAX_EXPLANATION = 1000;

/** The body whose meeting the item goes to: the one named in `due`, else the council for a motion, else the deciding body. */
function meetingBodyOf(item: FeedItem, council: Council): string {
  const { due } = item;
  if ('meeting' in due) return due.meeting.body;
  if ('externalDeadline' in due && due.decidedBy) return due.decidedBy;
  if ('raised' in due) return council;
  return item.decision?.body ?? '';
}

/** The item's place on the page: the page marks each item with `id="uppdrag-<id>"`. */
const itemLink = (pageLink: string, item: FeedItem) => `${pageLink}#uppdrag-${encodeURIComponent(item.id)}`;

/** The facts of an item, one per line, as the reminder email and the page state them; `body` is the meeting's (meetingBodyOf). */
function descriptionOf(item: FeedItem, link: string, lead: string, body: string): string {
  const lines = [lead, `Typ: ${KIND_LABELS[item.kind]}`, `Beslut: ${decisionOf(item)}`, `Tidsfrist: ${swedishDate(item.dueDate)}`];
  if (item.meetingDate) lines.push(`Sammanträde: ${body} ${swedishDate(item.meetingDate)}`);
  if (item.externalDeadline) {
    const to = 'recipient' in item.due ? ` till ${oneLine(item.due.recipient, LIMITS.recipient)}` : '';
    lines.push(`Svar${to} senast ${swedishDate(item.externalDeadline)}`);
  }
  if (item.statutoryLimit) lines.push(`Lagstadgad gräns: ${swedishDate(item.statutoryLimit)}`);
  const why = oneLine(item.dueExplanation, MAX_EXPLANATION);
  if (why) lines.push(`Om datumet: ${why}`);
  lines.push(`Mina ärenden: ${link}`);
  // Every part is one line already; cleanText is the last guard against a control character.
  return lines.map((line) => cleanText(line)).join('\n');
}

/**
 * An official's deadlines as iCalendar, made with ical-generator: one all-day event on the due date
 * of each open item and one on its meeting date where there is one. All-day events are `DATE`
 * values, which have no time zone: the calendar gets none (with one, ical-generator would read the
 * date in the machine's zone), so 14 June is 14 June on every machine and in every client.
 * User text is stripped of control and bidi characters before the library escapes and folds it.
 */
export function feedCalendar(input: FeedCalendarInput): string {
  const calendar = ical({
    name: FEED_NAME,
    description: 'Tidsfristerna för dina öppna ärenden från politiska beslut. Ett ärende som är klart eller avslutat försvinner härifrån.',
    prodId: { company: 'bevakning', product: FEED_NAME, language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'gregorian',
    ttl: FEED_REFRESH_SECONDS,
  });
  const allDay = (date: CalendarDate) => ({ start: date, end: addDays(date, 1), allDay: true });
  const common = (item: FeedItem) => ({
    stamp: input.now,
    // Every change of the item is a new revision of its events, for clients that compare them.
    sequence: item.version - 1,
    lastModified: new Date(item.updatedAt),
    categories: [{ name: KIND_LABELS[item.kind] }],
    // A deadline is a reminder, not an appointment: it does not make the official busy.
    transparency: ICalEventTransparency.TRANSPARENT,
    busystatus: ICalEventBusyStatus.FREE,
  });

  for (const item of input.items) {
    const title = oneLine(item.title, LIMITS.title);
    const link = itemLink(input.pageLink, item);
    const body = oneLine(meetingBodyOf(item, input.council), LIMITS.body);
    calendar.createEvent({
      id: `${item.id}-due@${UID_DOMAIN}`,
      ...allDay(item.dueDate),
      ...common(item),
      summary: `Tidsfrist: ${title}`,
      description: descriptionOf(item, link, title, body),
      url: link,
    });
    if (item.meetingDate) {
      calendar.createEvent({
        id: `${item.id}-meeting@${UID_DOMAIN}`,
        ...allDay(item.meetingDate),
        ...common(item),
        summary: `Sammanträde ${body}: ${title}`,
        description: descriptionOf(item, link, `${body} sammanträder ${swedishDate(item.meetingDate)}: ${title}`, body),
        url: link,
      });
    }
  }
  return calendar.toString();
}
