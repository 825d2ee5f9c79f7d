import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveMeetingPlan } from '../../shared/application/plans/plans';
import type { Who } from '../support/api';
import { routeServer } from '../support/route-server';
import { tableCounts } from '../support/table-snapshot';
import { formFields, hiddenField, localSessionSettings, open, pageText, sessionFor, submit, type Browserish } from '../support/workspace';

/**
 * A clerk's typing survives a session that ran out (SECURITY.md, "A form sent after the session ran
 * out"), through the workspace's real routes on a table of their own, on Monday 22 March 2027: the
 * clerk signs in at 08:00, fills in a form, goes to a meeting, and presses the button at 16:30, half
 * an hour after the 8-hour session ended.
 */

let server: Awaited<ReturnType<typeof routeServer>>;
const clerkWho: Who = { email: 'registrator@kommun.example.se', roles: ['registrar'] };
/** The session signed in at 08:00, out of date by the time the form is sent. */
let morning: Browserish;

const fingerprint = async () => (await tableCounts(server.deps.documentClient, server.deps.tableName)).fingerprint;
const items = async () => (await tableCounts(server.deps.documentClient, server.deps.tableName)).items;
const signIn = () => sessionFor(localSessionSettings(server.url), server.deps.clock, clerkWho);
/** The `name=value` of a `Set-Cookie` named `name`. */
const cookieOf = (setCookies: string[], name: string) => setCookies.find((c) => c.startsWith(`${name}=`))?.split(';')[0];

beforeAll(async () => {
  server = await routeServer();
  server.deps.at('2027-03-22T08:00:00+01:00');
  await saveMeetingPlan(server.deps, { who: 'admin@kommun.example.se', roles: new Set(['admin'] as const) }, { body: 'KS', year: 2027, leadWorkingDays: 15, dates: ['2027-03-29', '2027-04-26', '2027-09-27'] });
});
beforeEach(async () => {
  server.deps.at('2027-03-22T08:00:00+01:00');
  morning = await signIn();
  server.deps.at('2027-03-22T16:30:00+01:00');
});
afterAll(async () => server?.stop());

/** A decision's text as a clerk pastes it into Beskrivning: several paragraphs, line breaks kept. */
const DECISION = [
  'Kommunstyrelsen beslutar',
  'att ge kommundirektören i uppdrag att ta fram en plan för tillgängliga lekplatser, och',
  'att planen ska redovisas för kommunstyrelsen senast den 30 september 2027.',
  '',
  'Reservation: Liberalerna reserverar sig till förmån för eget yrkande. ' + 'Ärendet har beretts av kommunledningskontoret i samråd med samhällsbyggnadsförvaltningen. '.repeat(30),
].join('\n');

const registrera = {
  idempotencyKey: '5c1f7a4e-2d3b-4c8e-9a6f-1b2c3d4e5f60',
  intent: 'register',
  kind: 'uppdrag',
  title: 'Ta fram en plan för tillgängliga lekplatser',
  description: DECISION,
  caseNumber: 'KS 2027/45',
  decisionBody: 'KS',
  decisionDate: '2027-03-15',
  decisionParagraph: '§ 31',
  responsibleName: 'Kim Berg',
  responsibleEmail: 'kim.berg@kommun.example.se',
  unit: 'Kommunledningskontoret',
  managerName: 'Sam Ek',
  managerEmail: 'sam.ek@kommun.example.se',
  dueForm: 'date',
  dueDate: '2027-09-30',
};

/** Registrera sent with the morning's session at 16:30: the "Du har loggats ut" page, the kept form's fields and this browser's cookie. */
async function sentAfterTheMeeting() {
  const page = await submit(server.url, '/registrera', registrera, morning);
  return { page, kept: Object.fromEntries(formFields(page.text, '/registrera')), browser: cookieOf(page.setCookies, 'bevakning-webblasare')! };
}

describe('a form sent after the session ran out', () => {
  it('is not carried out: "Du har loggats ut" shows and keeps every field as sent, the decision text in full, and nothing is stored', async () => {
    const before = await fingerprint();

    const { page, kept, browser } = await sentAfterTheMeeting();

    expect(page.status).toBe(401);
    expect(page.text).toContain('<h1 class="ds-heading" data-size="lg">Du har loggats ut</h1>');
    const text = pageText(page.text);
    expect(text).toContain('Din inloggning har gått ut Av säkerhetsskäl gäller en inloggning i 8 timmar. Det du skickade har inte sparats, och inget har ändrats.');
    expect(text).toContain('Logga in igen i en ny flik . Kom tillbaka till den här fliken och tryck på Skicka igen.');
    // Every field goes back as it was sent; the old session's form token does not.
    const { csrf, ...fields } = kept;
    expect(fields).toEqual(registrera);
    expect(csrf).not.toBe(morning.csrf);
    // What the clerk typed is on the page to read and copy, the pasted decision whole in a read-only box.
    expect(text).toContain('Rubrik Ta fram en plan för tillgängliga lekplatser');
    expect(page.text).toContain(`readonly>${DECISION}</textarea>`);
    expect(page.text).toContain('<a href="/logga-in?returnTo=%2Fregistrera" target="_blank" rel="noopener">');
    expect(browser).toMatch(/^bevakning-webblasare=[\w-]{24}$/);
    expect(await fingerprint()).toBe(before);
  });

  it('a form sent with no session at all is kept the same way', async () => {
    const page = await submit(server.url, '/registrera', registrera, { csrf: morning.csrf });

    expect(page.status).toBe(401);
    expect(pageText(page.text)).toContain('Du har loggats ut');
    const { csrf: _, ...fields } = Object.fromEntries(formFields(page.text, '/registrera'));
    expect(fields).toEqual(registrera);
  });

  it('sent again after signing in (in another tab), it is carried out once, as the signed-in person: Registrera registers the item', async () => {
    const { kept, browser } = await sentAfterTheMeeting();
    const before = await items();
    server.deps.at('2027-03-22T16:35:00+01:00');
    const afternoon = await signIn();

    const again = await submit(server.url, '/registrera', kept, { cookie: `${afternoon.cookie}; ${browser}` });

    expect(again.status).toBe(303);
    expect(again.location).toMatch(/^\/arenden\/[\w-]+\?m=registrerat$/);
    expect(await items()).toBe(before + 1);
    const item = await open(server.url, again.location!, afternoon);
    expect(pageText(item.text)).toContain('Ta fram en plan för tillgängliga lekplatser');
    expect(item.text).toContain('Reservation: Liberalerna reserverar sig');
  });

  it('sent again while still signed out, it is kept again and nothing is stored', async () => {
    const { kept, browser } = await sentAfterTheMeeting();
    const before = await fingerprint();

    const again = await submit(server.url, '/registrera', kept, { cookie: `${morning.cookie}; ${browser}` });

    expect(again.status).toBe(401);
    const { csrf: _, ...fields } = Object.fromEntries(formFields(again.text, '/registrera'));
    expect(fields).toEqual(registrera);
    expect(await fingerprint()).toBe(before);
  });

  const misuses: Record<string, (kept: Record<string, string>, browser: string, afternoon: Browserish) => Promise<Awaited<ReturnType<typeof submit>>>> = {
    // Another browser (or another site's form) has the ticket but not this browser's cookie.
    'from another browser': (kept, _browser, afternoon) => submit(server.url, '/registrera', kept, { cookie: afternoon.cookie }),
    'to another address': async (kept, browser, afternoon) => {
      server.deps.at('2027-03-22T16:35:00+01:00');
      return submit(server.url, '/admin/enheter', { csrf: kept.csrf!, unit: 'Kommunledningskontoret', managerName: 'Eve', managerEmail: 'eve@example.com' }, { cookie: `${afternoon.cookie}; ${browser}` });
    },
    'cross-site': (kept, browser, afternoon) => submit(server.url, '/registrera', kept, { cookie: `${afternoon.cookie}; ${browser}` }, { 'sec-fetch-site': 'cross-site' }),
    'a working day later (the ticket ran out)': async (kept, browser) => {
      server.deps.at('2027-03-23T08:00:00+01:00');
      const tomorrow = await signIn();
      return submit(server.url, '/registrera', kept, { cookie: `${tomorrow.cookie}; ${browser}` });
    },
  };
  it.each(Object.keys(misuses))('its ticket stands for the form token only from this browser, to this address, from this site, within the day: refused %s, nothing stored', async (misuse) => {
    const { kept, browser } = await sentAfterTheMeeting();
    const afternoon = await signIn();
    const before = await fingerprint();

    const answer = await misuses[misuse]!(kept, browser, afternoon);

    expect(answer.status).toBe(403);
    expect(pageText(answer.text)).toContain('Formuläret kunde inte tas emot');
    expect(await fingerprint()).toBe(before);
  });

  it("another site's post is shown but never offered to send again", async () => {
    const page = await submit(server.url, '/registrera', registrera, morning, { 'sec-fetch-site': 'cross-site' });

    expect(page.status).toBe(401);
    expect(page.text).not.toContain('Skicka igen');
    expect(cookieOf(page.setCookies, 'bevakning-webblasare')).toBeUndefined();
    expect(pageText(page.text)).toContain('Kopiera det du behöver innan du loggar in igen.');
  });
});

describe('Granska beslut sent after the session ran out', () => {
  const PROTOKOLL = [
    '§ 31 Dnr KS 2027/45',
    'Plan för tillgängliga lekplatser',
    'Beslut',
    'Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för tillgängliga lekplatser senast den 30 september 2027.',
    '',
    ...Array.from({ length: 400 }, (_, i) => `§ ${40 + i} Information om verksamheten. Kommunstyrelsen lägger informationen till handlingarna.`),
  ].join('\n');

  /** Granska's upload form, the protokoll pasted, as the browser sends it (multipart, with an empty file field). */
  async function pasted(as: Partial<Browserish>, cookie: string) {
    const form = new FormData();
    if (as.csrf) form.set('csrf', as.csrf);
    form.set('text', PROTOKOLL);
    form.set('pdf', new Blob([new Uint8Array(0)], { type: 'application/octet-stream' }), '');
    const response = await fetch(`${server.url}/granska`, { method: 'POST', redirect: 'manual', headers: { cookie, 'sec-fetch-site': 'same-origin' }, body: form });
    return { status: response.status, setCookies: response.headers.getSetCookie(), text: await response.text() };
  }

  it('keeps the pasted protokoll in full, says files are never kept, and sent again after signing in reads it into proposals', async () => {
    const before = await fingerprint();

    const page = await pasted(morning, morning.cookie);

    expect(page.status).toBe(401);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(hiddenField(page.text, 'text')).toBe(PROTOKOLL);
    expect(page.text).toContain(`readonly>${PROTOKOLL}</textarea>`);
    expect(pageText(page.text)).toContain('Filer som du bifogade sparas aldrig här. Välj filen igen när du har loggat in.');
    expect(await fingerprint()).toBe(before);

    const afternoon = await signIn();
    const browser = cookieOf(page.setCookies, 'bevakning-webblasare')!;
    const form = new FormData();
    form.set('csrf', hiddenField(page.text, 'csrf')!);
    form.set('text', hiddenField(page.text, 'text')!);
    const response = await fetch(`${server.url}/granska`, { method: 'POST', redirect: 'manual', headers: { cookie: `${afternoon.cookie}; ${browser}`, 'sec-fetch-site': 'same-origin' }, body: form });
    expect(response.status).toBe(200);
    expect(pageText(await response.text())).toContain('Protokollet gav ett förslag.');
  });

  it('a form larger than it takes is not kept, and the page says so', async () => {
    const page = await submit(server.url, '/registrera', { ...registrera, description: 'x'.repeat(2 * 1024 * 1024) }, morning);

    expect(page.status).toBe(401);
    expect(page.text).not.toContain('Skicka igen');
    expect(pageText(page.text)).toContain('Det du skickade var större än formuläret tar emot, så det kunde inte sparas här.');
  });
});
