import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { createItem, getItem } from '../../shared/application/items/service';
import { readClosedDays, readMeetingPlan } from '../../shared/application/plans/plans';
import { admin, itemBody, registrar } from '../support/api';
import { routeServer } from '../support/route-server';
import { tableCounts } from '../support/table-snapshot';
import { hiddenField, localSessionSettings, open, pageText, sessionFor, submit, upload, type Browserish } from '../support/workspace';

/**
 * The admin's pages through the workspace's routes, on a table of their own (Monday 22 March 2027):
 * a meeting plan read from the body's published calendar, shown before it is saved; closed days;
 * the unit and role directories. Each saves as the API's call does.
 */

let server: Awaited<ReturnType<typeof routeServer>>;
let asAdmin: Browserish;

/** iCalendar lines end in CRLF. */
const ics = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
/** KF's 2028 meetings as a municipality's web calendar publishes them: a time in Stockholm, one in UTC, a whole day, and a council meeting of another body. */
const KF_2028 = ics(
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Kommunen//Sammanträdeskalender//SV',
  'BEGIN:VEVENT',
  'UID:kf-2028-1@kommun.example.se',
  'SUMMARY:Kommunfullmäktige (KF)',
  'DTSTART;TZID=Europe/Stockholm:20280214T180000',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:kf-2028-2@kommun.example.se',
  'SUMMARY:KF sammanträde',
  'DTSTART:20280410T170000Z',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:kf-2028-3@kommun.example.se',
  'SUMMARY:KF budgetsammanträde',
  'DTSTART;VALUE=DATE:20280612',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:bun-2028-1@kommun.example.se',
  'SUMMARY:Barn- och utbildningsnämnden',
  'DTSTART;TZID=Europe/Stockholm:20280215T130000',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:kf-2027-12@kommun.example.se',
  'SUMMARY:KF sammanträde',
  'DTSTART;TZID=Europe/Stockholm:20271213T180000',
  'END:VEVENT',
  'END:VCALENDAR',
);
const calendarFile = (text: string) => ({ ics: { name: 'kf-2028.ics', type: 'text/calendar', bytes: new TextEncoder().encode(text) } });

beforeAll(async () => {
  server = await routeServer();
});
beforeEach(async () => {
  server.deps.at('2027-03-22T09:00:00+01:00');
  asAdmin = await sessionFor(localSessionSettings(server.url), server.deps.clock, admin);
});
afterAll(async () => server?.stop());

describe('Sammanträdesplaner', () => {
  it("reads a year's meetings from the body's published calendar and shows them before anything is saved, then saves them", async () => {
    const before = (await tableCounts(server.deps.documentClient, server.deps.tableName)).fingerprint;

    const read = await upload(server.url, '/admin/sammantradesplaner/KF/2028', { action: 'import', mentions: 'KF' }, calendarFile(KF_2028), asAdmin);

    expect(read.status).toBe(200);
    const text = pageText(read.text);
    expect(text).toContain('3 sammanträden 2028 hittades i filen kf-2028.ics');
    expect(text).toContain('måndag 14 februari 2028: Kommunfullmäktige (KF)');
    expect(text).toContain('måndag 10 april 2028: KF sammanträde');
    expect(text).toContain('måndag 12 juni 2028: KF budgetsammanträde');
    expect(text).toContain('Datumen står nu i formuläret nedan. Kontrollera dem och spara planen; inget är sparat ännu.');
    // The event of 2028 the word passed over is named, not dropped unseen.
    expect(text).toContain('1 händelse 2028 nämner inte ”KF” och lästes inte in.');
    expect(text).toContain('tisdag 15 februari 2028: Barn- och utbildningsnämnden');
    expect(read.text).toContain('2028-02-14\n2028-04-10\n2028-06-12</textarea>');
    expect((await tableCounts(server.deps.documentClient, server.deps.tableName)).fingerprint).toBe(before);

    const saved = await submit(server.url, '/admin/sammantradesplaner/KF/2028', { action: 'save', leadWorkingDays: '20', dates: '2028-02-14\r\n2028-04-10\r\n2028-06-12' }, asAdmin);
    expect(saved).toMatchObject({ status: 303, location: '/admin/sammantradesplaner/KF/2028?m=plan-sparad' });
    expect(await readMeetingPlan(server.deps, { body: 'KF', year: 2028 })).toEqual({ body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-14', '2028-04-10', '2028-06-12'] });
    expect(pageText((await open(server.url, '/admin/sammantradesplaner', asAdmin)).text)).toMatch(/Organ År KF 2028/);
  });

  it('recomputes at once the items that hang on a plan when it is saved', async () => {
    await submit(server.url, '/admin/sammantradesplaner/KS/2027', { action: 'save', leadWorkingDays: '15', dates: '2027-09-27\n2027-10-25' }, asAdmin);
    const clerk = { who: registrar.email, roles: new Set(['registrar'] as const) };
    const { item } = await createItem(server.deps, clerk, createItemBody.parse(itemBody({ kind: 'aterrapportering', decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 32' }, due: { meeting: { body: 'KS', month: '2027-10' } } })));
    expect(item.meetingDate).toBe('2027-10-25');

    await submit(server.url, '/admin/sammantradesplaner/KS/2027', { action: 'save', leadWorkingDays: '15', dates: '2027-09-27\n2027-10-18' }, asAdmin);

    expect(await getItem(server.deps, clerk, item.id)).toMatchObject({ meetingDate: '2027-10-18', dueDate: '2027-09-27' });
  });

  it('says in Swedish, beside the file field, what is wrong with a file that is no calendar, and saves nothing', async () => {
    const answer = await upload(server.url, '/admin/sammantradesplaner/KF/2029', { action: 'import', mentions: '' }, calendarFile('Datum;Organ\n2029-02-12;KF\n'), asAdmin);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/<p class="ds-validation-message" id="ics-fel">[^<]+<\/p>/);
    await expect(readMeetingPlan(server.deps, { body: 'KF', year: 2029 })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it("says which line of the dates is wrong, and keeps what was typed", async () => {
    const answer = await submit(server.url, '/admin/sammantradesplaner/KF/2029', { action: 'save', leadWorkingDays: '20', dates: '2029-02-12\n2029-02-30' }, asAdmin);
    expect(answer.status).toBe(400);
    expect(pageText(answer.text)).toContain('Sammanträdesdatum: 2029-02-30: Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.');
    expect(answer.text).toContain('2029-02-12\n2029-02-30</textarea>');
    const otherYear = await submit(server.url, '/admin/sammantradesplaner/KF/2029', { action: 'save', leadWorkingDays: '20', dates: '2029-02-12\n2028-12-10' }, asAdmin);
    expect(pageText(otherYear.text)).toContain('2028-12-10: Ska ligga i 2029.');
  });
});

describe('Stängda dagar, Enheter, Roller', () => {
  it('saves the extra closed days of a year', async () => {
    const saved = await submit(server.url, '/admin/stangda-dagar/2027', { dates: '2027-05-07\n2027-12-27' }, asAdmin);
    expect(saved.location).toBe('/admin/stangda-dagar/2027?m=stangda-dagar-sparade');
    expect(await readClosedDays(server.deps, 2027)).toEqual({ year: 2027, dates: ['2027-05-07', '2027-12-27'] });
    expect(pageText((await open(server.url, saved.location!, asAdmin)).text)).toMatch(/Nu stängt: 7 maj 2027 ?, 27 december 2027 ?\./);
  });

  it("sets a unit's manager, which a new item of the unit then takes", async () => {
    const saved = await submit(server.url, '/admin/enheter', { unit: 'Miljö- och samhällsbyggnadsförvaltningen', managerName: 'Ali Nur', managerEmail: 'ali.nur@kommun.example.se' }, asAdmin);
    expect(saved.location).toBe('/admin/enheter?m=enhet-sparad');
    expect(pageText((await open(server.url, saved.location!, asAdmin)).text)).toContain('Miljö- och samhällsbyggnadsförvaltningen Ali Nur ali.nur@kommun.example.se');
    const clerk = { who: registrar.email, roles: new Set(['registrar'] as const) };
    const { item } = await createItem(server.deps, clerk, createItemBody.parse(itemBody({ unit: 'Miljö- och samhällsbyggnadsförvaltningen', manager: undefined, due: { date: '2027-09-30' } })));
    expect(item.manager).toEqual({ name: 'Ali Nur', email: 'ali.nur@kommun.example.se' });
  });

  it('refuses the same unit written in other case, beside the name, keeping what was typed', async () => {
    const again = await submit(server.url, '/admin/enheter', { unit: 'miljö- och samhällsbyggnadsförvaltningen', managerName: 'Per Ek', managerEmail: 'per.ek@kommun.example.se' }, asAdmin);
    expect(again.status).toBe(422);
    expect(pageText(again.text)).toContain('Skriv Miljö- och samhällsbyggnadsförvaltningen, som enheten redan heter.');
    expect(again.text).toContain('value="per.ek@kommun.example.se"');
  });

  it('sets who holds a role, under the name decisions use', async () => {
    const saved = await submit(server.url, '/admin/roller', { role: 'Kommundirektören', name: 'Kim Berg', email: 'kim.berg@kommun.example.se', unit: 'Kommunledningskontoret' }, asAdmin);
    expect(saved.location).toBe('/admin/roller?m=roll-sparad');
    expect(pageText((await open(server.url, saved.location!, asAdmin)).text)).toContain('kommundirektör Kim Berg kim.berg@kommun.example.se Kommunledningskontoret');
  });

  it('refuses a registrar the admin pages, and shows an admin what is wrong with a form', async () => {
    const clerkSession = await sessionFor(localSessionSettings(server.url), server.deps.clock, registrar);
    expect((await open(server.url, '/admin/enheter', clerkSession)).status).toBe(403);
    const page = await open(server.url, '/admin/enheter', asAdmin);
    const refused = await submit(server.url, '/admin/enheter', { unit: '', managerName: 'Ali Nur', managerEmail: 'ali.nur' }, { cookie: asAdmin.cookie, csrf: hiddenField(page.text, 'csrf')! });
    expect(refused.status).toBe(400);
    expect(pageText(refused.text)).toContain('Rätta de här 2 sakerna innan du fortsätter Enhet: Skriv enhetens namn.');
  });
});
