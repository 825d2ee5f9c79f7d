import ical, { type VEvent } from 'node-ical';
import { afterEach, describe, expect, it } from 'vitest';
import { feedCalendar, type FeedItem } from '../../shared/views/calendar/feed';
import { FEED_FILE, FEED_TOKEN } from '../../shared/application/feeds/model';
import { feedUrl, newFeedToken, tokenHash } from '../../shared/application/feeds/service';

const PAGE = 'https://bevakning.kommun.example.se/p/eyJhbGciOi.x.y';
const NOW = new Date('2027-06-04T07:00:00Z');

function item(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: '11111111-2222-4333-8444-555555555555',
    kind: 'uppdrag',
    title: 'Utreda gemensam e-tjänstplattform',
    caseNumber: 'KS 2027/141',
    decision: { body: 'KS', date: '2027-03-11', paragraph: '§ 58' },
    due: { date: '2027-06-14' },
    dueDate: '2027-06-14',
    dueExplanation: 'Tidsfristen är satt till måndag 14 juni 2027.',
    updatedAt: '2027-05-01T08:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

const eventsOf = (text: string) =>
  Object.values(ical.sync.parseICS(text))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .sort((a, b) => String(a.uid).localeCompare(String(b.uid)));
const textOf = (value: unknown) => (typeof value === 'object' && value && 'val' in value ? String((value as { val: unknown }).val) : String(value));
/** A DATE as node-ical gives it: local midnight of that day, whatever the machine's zone. */
const dayOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('the iCalendar of a feed', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['Europe/Stockholm', -120],
    ['America/Los_Angeles', 420],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
  ])('writes all-day DATE events on the right day with the machine in %s', (zone, offset) => {
    process.env.TZ = zone;
    // The zone really is in force in this process (Node applies TZ when it is set).
    expect(new Date('2027-06-14T00:00:00Z').getTimezoneOffset()).toBe(offset);
    const text = feedCalendar({ items: [item(), item({ id: 'nyar', dueDate: '2027-12-31', due: { date: '2027-12-31' } })], pageLink: PAGE, now: NOW, council: 'KF' });

    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20270614\r\nDTEND;VALUE=DATE:20270615\r\n');
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\n');
    expect(text).not.toMatch(/DTSTART(?!;VALUE=DATE:)/);
    expect(text).not.toMatch(/TZID|VTIMEZONE/);
    const events = eventsOf(text);
    expect(events.map((e) => [e.datetype, (e.start as { dateOnly?: boolean }).dateOnly, dayOf(e.start)])).toEqual([
      ['date', true, '2027-06-14'],
      ['date', true, '2027-12-31'],
    ]);
  });

  it('names the calendar, asks for an hourly refresh and publishes', () => {
    const text = feedCalendar({ items: [], pageLink: PAGE, now: NOW, council: 'KF' });

    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:-\/\/bevakning\/\/Mina tidsfrister\/\/SV\r\n/);
    for (const line of ['METHOD:PUBLISH', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:Mina tidsfrister', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H']) {
      expect(text.split('\r\n')).toContain(line);
    }
    expect(text.endsWith('END:VCALENDAR')).toBe(true);
    expect(eventsOf(text)).toEqual([]);
  });

  it('escapes , ; \\ and folds long lines at 75 octets, without splitting a character; a parser reads back the very title', () => {
    const title = `Översyn av taxor, avgifter; och "regler" för C:\\kultur – ${'långt åäö '.repeat(14)}slut`.slice(0, 200);
    const text = feedCalendar({ items: [item({ title })], pageLink: PAGE, now: NOW, council: 'KF' });

    expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:Tidsfrist: Översyn av taxor\\, avgifter\\; och "regler" för C:\\\\kultur');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n [^\r\n]/);
    expect(text).not.toContain('\uFFFD');
    expect(textOf(eventsOf(text)[0]!.summary)).toBe(`Tidsfrist: ${title}`);
  });

  it('adds an event on the meeting date, named by the body the item goes to (a motion: the council, here a region’s)', () => {
    const text = feedCalendar({
      items: [
        item({ id: 'a', kind: 'aterrapportering', due: { meeting: { body: 'SN', month: '2027-09' } }, dueDate: '2027-08-24', meetingDate: '2027-09-14' }),
        item({ id: 'b', kind: 'yttrande', due: { externalDeadline: '2027-10-01', recipient: 'Länsstyrelsen', decidedBy: 'KS' }, dueDate: '2027-09-01', meetingDate: '2027-09-20', externalDeadline: '2027-10-01' }),
        item({ id: 'c', kind: 'motion', due: { raised: '2027-01-25' }, dueDate: '2027-11-01', meetingDate: '2027-11-22', statutoryLimit: '2028-01-25' }),
        item({ id: 'd' }),
      ],
      pageLink: PAGE,
      now: NOW,
      council: 'RF',
    });

    const events = eventsOf(text);
    expect(events.map((e) => [e.uid, textOf(e.summary), dayOf(e.start)])).toEqual([
      ['a-due@bevakning', 'Tidsfrist: Utreda gemensam e-tjänstplattform', '2027-08-24'],
      ['a-meeting@bevakning', 'Sammanträde SN: Utreda gemensam e-tjänstplattform', '2027-09-14'],
      ['b-due@bevakning', 'Tidsfrist: Utreda gemensam e-tjänstplattform', '2027-09-01'],
      ['b-meeting@bevakning', 'Sammanträde KS: Utreda gemensam e-tjänstplattform', '2027-09-20'],
      ['c-due@bevakning', 'Tidsfrist: Utreda gemensam e-tjänstplattform', '2027-11-01'],
      ['c-meeting@bevakning', 'Sammanträde RF: Utreda gemensam e-tjänstplattform', '2027-11-22'],
      ['d-due@bevakning', 'Tidsfrist: Utreda gemensam e-tjänstplattform', '2027-06-14'],
    ]);
    const yttrande = textOf(events[2]!.description);
    expect(yttrande).toContain('Svar till Länsstyrelsen senast fredag 1 oktober 2027');
    expect(textOf(events[4]!.description)).toContain('Lagstadgad gräns: tisdag 25 januari 2028');
  });

  it('describes each event with the kind, the decision, the explanation and the link to the item on the page', () => {
    const [event] = eventsOf(feedCalendar({ items: [item({ kind: 'aterrapportering', decision: { body: 'KS', date: '2027-03-11', paragraph: '58' } })], pageLink: PAGE, now: NOW, council: 'KF' }));

    expect(textOf(event!.description).split('\n')).toEqual([
      'Utreda gemensam e-tjänstplattform',
      'Typ: Återrapportering',
      'Beslut: KS 2027-03-11 § 58, KS 2027/141',
      'Tidsfrist: måndag 14 juni 2027',
      'Om datumet: Tidsfristen är satt till måndag 14 juni 2027.',
      `Mina ärenden: ${PAGE}#uppdrag-11111111-2222-4333-8444-555555555555`,
    ]);
    expect(textOf(event!.url)).toBe(`${PAGE}#uppdrag-11111111-2222-4333-8444-555555555555`);
    expect(event!.transparency).toBe('TRANSPARENT');
    expect(Number(event!.sequence)).toBe(2);
    expect(event!.lastmodified?.toISOString()).toBe('2027-05-01T08:00:00.000Z');
    expect(event!.dtstamp?.toISOString()).toBe(NOW.toISOString());
  });

  it('lets no user text add a line or a property: line breaks, controls, bidi and zero-width characters are dropped', () => {
    // A title past validation (imported, or from before a rule): every way to break a line.
    const hostile = 'Ond\r\nEND:VEVENT\r\nBEGIN:VEVENT\nDTSTART:19700101\rX-EVIL:1\u0085ATTACH:x\u2028URL:y\u2029\u000bz <script>alert(1)</script> \u202Egnp.exe\u200b\u2066';
    const text = feedCalendar({
      items: [item({ title: hostile, caseNumber: 'KS\n2027/1;X-EVIL:2', decision: { body: 'KS', date: '2027-03-11', paragraph: '§ 1\r\nX-EVIL:3' }, dueExplanation: 'rad\r\nX-EVIL:4' })],
      pageLink: PAGE,
      now: NOW,
      council: 'KF',
    });

    const unfolded = text.replace(/\r\n[ \t]/g, '');
    const names = unfolded.split('\r\n').map((line) => /^[A-Z-]+/.exec(line)?.[0]);
    expect(names.filter((n) => n === 'BEGIN')).toEqual(['BEGIN', 'BEGIN']);
    expect(unfolded).not.toMatch(/^(X-EVIL|ATTACH|DTSTART:)/m);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b]/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [event, ...rest] = eventsOf(text);
    expect(rest).toEqual([]);
    expect(textOf(event!.summary)).toBe('Tidsfrist: Ond END:VEVENT BEGIN:VEVENT DTSTART:19700101 X-EVIL:1 ATTACH:x URL:y z <script>alert(1)</script> gnp.exe');
    expect(event!.start.toISOString()).toBe(new Date(2027, 5, 14).toISOString());
  });
});

describe('feed tokens', () => {
  it('are 43 base64url characters of fresh randomness, and only their SHA-256 is kept', () => {
    const tokens = new Set(Array.from({ length: 100 }, newFeedToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(FEED_TOKEN);
    const [token] = tokens;
    expect(tokenHash(token!)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedUrl('http://localhost:3000/', token!)).toBe(`http://localhost:3000/calendar/${token}.ics`);
    expect(FEED_FILE.exec(`${token}.ics`)?.[1]).toBe(token);
  });
});
