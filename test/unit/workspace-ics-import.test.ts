import { describe, expect, it } from 'vitest';
import { IcsUnreadable, meetingsFromIcs } from '../../shared/adapters/ics/meeting-plan';

/** iCalendar lines end in CRLF; the fixtures are written one line per array entry. */
const ics = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

/** As Outlook exports a shared calendar: Windows zone names, defined in a VTIMEZONE. */
const OUTLOOK_KS_2027 = ics(
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:Kommunstyrelsen sammanträden 2027',
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16011028T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010325T020000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E00800000000KS2027A',
  'SUMMARY:Kommunstyrelsen (KS) sammanträde',
  'DTSTART;TZID=W. Europe Standard Time:20270125T090000',
  'DTEND;TZID=W. Europe Standard Time:20270125T160000',
  'LOCATION:KS-salen\\, stadshuset',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E00800000000KS2027B',
  'SUMMARY:KS sammanträde',
  'DTSTART;TZID=W. Europe Standard Time:20270301T090000',
  'DTEND;TZID=W. Europe Standard Time:20270301T160000',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E00800000000KS2027C',
  'SUMMARY:INSTÄLLT: KS sammanträde',
  'STATUS:CANCELLED',
  'DTSTART;TZID=W. Europe Standard Time:20270412T090000',
  'DTEND;TZID=W. Europe Standard Time:20270412T160000',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E00800000000KSAU2027',
  'SUMMARY:KSAU arbetsutskott',
  'DTSTART;TZID=W. Europe Standard Time:20270308T130000',
  'END:VEVENT',
  'END:VCALENDAR',
);

describe('meeting dates from a published calendar (.ics)', () => {
  it('reads the dates of an Outlook calendar in Stockholm time, leaving out cancelled meetings', () => {
    expect(meetingsFromIcs(OUTLOOK_KS_2027, { year: 2027 })).toEqual([
      { date: '2027-01-25', summary: 'Kommunstyrelsen (KS) sammanträde' },
      { date: '2027-03-01', summary: 'KS sammanträde' },
      { date: '2027-03-08', summary: 'KSAU arbetsutskott' },
    ]);
  });

  it('keeps only events whose summary mentions the body as a word: "KS" is not "KSAU"', () => {
    expect(meetingsFromIcs(OUTLOOK_KS_2027, { year: 2027, mentions: 'ks' }).map((m) => m.date)).toEqual(['2027-01-25', '2027-03-01']);
    expect(meetingsFromIcs(OUTLOOK_KS_2027, { year: 2027, mentions: 'KSAU' }).map((m) => m.date)).toEqual(['2027-03-08']);
    // What the word passed over is told, so that a meeting written otherwise ("Kommunstyrelsen") is not lost unseen.
    const passedOver: { date: string; summary: string }[] = [];
    meetingsFromIcs(OUTLOOK_KS_2027, { year: 2027, mentions: 'KSAU', passedOver });
    expect(passedOver.map((m) => m.date).sort()).toEqual(['2027-01-25', '2027-03-01']);
  });

  it('keeps only the year asked for', () => {
    expect(meetingsFromIcs(OUTLOOK_KS_2027, { year: 2026 })).toEqual([]);
  });

  it('converts a UTC time to its Stockholm date: 22:30Z on 14 June is 00:30 on 15 June in summer time', () => {
    const text = ics(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Kommun//Sammanträdesplan//SV',
      'BEGIN:VEVENT',
      'UID:kf-2027-06@kommun.example.se',
      'DTSTAMP:20261201T120000Z',
      'DTSTART:20270614T223000Z',
      'SUMMARY:KF extra sammanträde',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:kf-2027-11@kommun.example.se',
      'DTSTAMP:20261201T120000Z',
      'DTSTART:20271121T233000Z',
      'SUMMARY:KF sammanträde',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    // Winter: 23:30Z on 21 November is 00:30 on 22 November (UTC+1).
    expect(meetingsFromIcs(text, { year: 2027 }).map((m) => m.date)).toEqual(['2027-06-15', '2027-11-22']);
  });

  it('reads all-day events (DATE) as their date, and a TZID the file does not define by that zone\'s rules', () => {
    const text = ics(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
      'X-WR-TIMEZONE:Europe/Stockholm',
      'BEGIN:VEVENT',
      'UID:bun-1@google.com',
      'DTSTART;VALUE=DATE:20270217',
      'DTEND;VALUE=DATE:20270218',
      'SUMMARY:BUN – barn- och utbildningsnämnden',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:bun-2@google.com',
      // 00:30 in Helsinki (UTC+2) is 23:30 the evening before in Stockholm.
      'DTSTART;TZID=Europe/Helsinki:20270301T003000',
      'SUMMARY:BUN gemensamt med Helsingfors',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:bun-3@google.com',
      'DTSTART;TZID=Europe/Stockholm:20270322T180000',
      'SUMMARY:BUN',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:bun-4@google.com',
      'DTSTART:20270419T180000',
      'SUMMARY:BUN (flytande tid)',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    expect(meetingsFromIcs(text, { year: 2027, mentions: 'BUN' })).toEqual([
      { date: '2027-02-17', summary: 'BUN – barn- och utbildningsnämnden' },
      { date: '2027-02-28', summary: 'BUN gemensamt med Helsingfors' },
      { date: '2027-03-22', summary: 'BUN' },
      { date: '2027-04-19', summary: 'BUN (flytande tid)' },
    ]);
  });

  it('expands a recurring meeting within the year: the last Monday of the month, without July, one meeting moved and one cancelled', () => {
    const text = ics(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Kommun//Sammanträdesplan//SV',
      'BEGIN:VEVENT',
      'UID:sn-2027@kommun.example.se',
      'DTSTART;TZID=Europe/Stockholm:20261130T130000',
      'RRULE:FREQ=MONTHLY;BYDAY=-1MO;UNTIL=20271231T230000Z',
      'EXDATE;TZID=Europe/Stockholm:20270726T130000',
      'SUMMARY:SN socialnämnden',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:sn-2027@kommun.example.se',
      'RECURRENCE-ID;TZID=Europe/Stockholm:20270329T130000',
      'DTSTART;TZID=Europe/Stockholm:20270331T130000',
      'SUMMARY:SN socialnämnden (flyttat för påsken)',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:sn-2027@kommun.example.se',
      'RECURRENCE-ID;TZID=Europe/Stockholm:20271227T130000',
      'DTSTART;TZID=Europe/Stockholm:20271227T130000',
      'STATUS:CANCELLED',
      'SUMMARY:SN socialnämnden',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    expect(meetingsFromIcs(text, { year: 2027 }).map((m) => m.date)).toEqual([
      '2027-01-25',
      '2027-02-22',
      '2027-03-31',
      '2027-04-26',
      '2027-05-31',
      '2027-06-28',
      '2027-08-30',
      '2027-09-27',
      '2027-10-25',
      '2027-11-29',
    ]);
    expect(meetingsFromIcs(text, { year: 2027 })[2]).toEqual({ date: '2027-03-31', summary: 'SN socialnämnden (flyttat för påsken)' });
  });

  it('expands a series with COUNT that starts the year before only into this year', () => {
    const text = ics(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Kommun//Sammanträdesplan//SV',
      'BEGIN:VEVENT',
      'UID:mbn@kommun.example.se',
      'DTSTART;VALUE=DATE:20261109',
      'RRULE:FREQ=WEEKLY;INTERVAL=6;COUNT=4',
      'SUMMARY:MBN',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    // 9 Nov and 21 Dec 2026, then 1 Feb and 15 Mar 2027.
    expect(meetingsFromIcs(text, { year: 2027 }).map((m) => m.date)).toEqual(['2027-02-01', '2027-03-15']);
  });

  it('refuses a recurrence too dense to walk instead of looping over it', () => {
    const text = ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x', 'DTSTART:19900101T000000Z', 'RRULE:FREQ=MINUTELY', 'SUMMARY:Brus', 'END:VEVENT', 'END:VCALENDAR');
    expect(() => meetingsFromIcs(text, { year: 2027 })).toThrow(new IcsUnreadable('Händelsen "Brus" upprepas för ofta för att läsas in.'));
  });

  it.each([
    ['text that is not iCalendar', 'Sammanträden 2027: 25 januari, 1 mars', 'Filen går inte att läsa som en kalender (iCalendar, .ics).'],
    ['an empty file', '', 'Filen är ingen kalender: den börjar inte med BEGIN:VCALENDAR.'],
    ['a vCard', ics('BEGIN:VCARD', 'VERSION:3.0', 'FN:Kim Berg', 'END:VCARD'), 'Filen är ingen kalender: den börjar inte med BEGIN:VCALENDAR.'],
  ])('refuses %s with a Swedish message', (_, text, message) => {
    expect(() => meetingsFromIcs(text, { year: 2027 })).toThrow(new IcsUnreadable(message));
  });
});
