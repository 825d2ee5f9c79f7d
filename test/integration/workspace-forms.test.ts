import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { createItem, getItem, itemHistory, patchItem } from '../../shared/application/items/service';
import { saveMeetingPlan } from '../../shared/application/plans/plans';
import { requestExtension } from '../../shared/application/items/link-actions';
import { itemBody, uniqueUnit, type Who } from '../support/api';
import { routeServer } from '../support/route-server';
import { tableCounts } from '../support/table-snapshot';
import { hiddenField, localSessionSettings, open, pageText, sessionFor, submit, type Browserish } from '../support/workspace';

/**
 * The workspace's forms through its real routes (the local server, the workspace function, DynamoDB
 * Local), on a table of their own, on Monday 22 March 2027: each does what the API's call does, by
 * the person signed in, and says in Swedish beside the field what is wrong.
 */

let server: Awaited<ReturnType<typeof routeServer>>;
const clerkWho: Who = { email: 'registrator@kommun.example.se', roles: ['registrar'] };
const clerk = { who: clerkWho.email, roles: new Set(['registrar'] as const) };
const kim = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
let registrar: Browserish;

const KS_2027 = ['2027-01-25', '2027-02-22', '2027-03-29', '2027-04-26', '2027-05-31', '2027-06-14', '2027-08-30', '2027-09-27', '2027-10-25', '2027-11-29', '2027-12-13'];
const items = async () => (await tableCounts(server.deps.documentClient, server.deps.tableName)).items;
const fingerprint = async () => (await tableCounts(server.deps.documentClient, server.deps.tableName)).fingerprint;

beforeAll(async () => {
  server = await routeServer();
  server.deps.at('2027-03-22T09:00:00+01:00');
  await saveMeetingPlan(server.deps, { who: 'admin@kommun.example.se', roles: new Set(['admin'] as const) }, { body: 'KS', year: 2027, leadWorkingDays: 15, dates: KS_2027 });
});
beforeEach(async () => {
  server.deps.at('2027-03-22T09:00:00+01:00');
  registrar = await sessionFor(localSessionSettings(server.url), server.deps.clock, clerkWho);
});
afterAll(async () => server?.stop());

/** The register form as first shown: its idempotency key. */
async function freshForm(): Promise<string> {
  const page = await open(server.url, '/registrera', registrar);
  expect(page.status).toBe(200);
  return hiddenField(page.text, 'idempotencyKey')!;
}

const uppdrag = (key: string, extra: Record<string, string> = {}) => ({
  idempotencyKey: key,
  intent: 'register',
  kind: 'uppdrag',
  title: 'Ta fram en plan för tillgängliga lekplatser',
  caseNumber: 'KS 2027/45',
  decisionBody: 'KS',
  decisionDate: '2027-03-15',
  decisionParagraph: '§ 31',
  responsibleName: kim.name,
  responsibleEmail: kim.email,
  unit: 'Kommunledningskontoret',
  managerName: 'Sam Ek',
  managerEmail: 'sam.ek@kommun.example.se',
  dueForm: 'date',
  dueDate: '2027-09-30',
  ...extra,
});

/** Registrera's fields for a yttrande registered when the remiss arrives: no decision yet, due on the recipient's last day. */
const yttrande = (key: string, extra: Record<string, string>) =>
  uppdrag(key, { kind: 'yttrande', caseNumber: '', decisionBody: '', decisionDate: '', decisionParagraph: '', dueForm: 'remiss', decidedBy: '', ...extra });

const seed = async (overrides: Record<string, unknown> = {}) =>
  (await createItem(server.deps, clerk, createItemBody.parse(itemBody({ responsible: kim, decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 31' }, due: { date: '2027-09-30' }, ...overrides })))).item;

describe('Registrera', () => {
  it('"Visa tidsfrist" shows the deadline a meeting gives, with why, and stores nothing', async () => {
    const before = await fingerprint();
    const key = await freshForm();

    const page = await submit(server.url, '/registrera', { ...uppdrag(key), kind: 'aterrapportering', intent: 'preview', dueForm: 'meeting', meetingBody: 'KS', meetingMonth: '2027-09', dueDate: '' }, registrar);

    expect(page.status).toBe(200);
    const text = pageText(page.text);
    // KS meets 27 September; 15 working days before it, the report is due.
    expect(text).toContain('Tidsfrist: måndag 6 september 2027 Sammanträde: måndag 27 september 2027');
    expect(text).toContain('Så räknas fristen:');
    // The form comes back as filled in, with the same key.
    expect(hiddenField(page.text, 'idempotencyKey')).toBe(key);
    expect(page.text).toContain('value="Ta fram en plan för tillgängliga lekplatser"');
    expect(await fingerprint()).toBe(before);
  });

  it('registers the item as POST /uppdrag would, once: a double click and a reload of the form give one item', async () => {
    const key = await freshForm();
    const before = await items();

    const [first, second] = await Promise.all([submit(server.url, '/registrera', uppdrag(key), registrar), submit(server.url, '/registrera', uppdrag(key), registrar)]);
    const reload = await submit(server.url, '/registrera', uppdrag(key), registrar);

    expect([first.status, second.status, reload.status]).toEqual([303, 303, 303]);
    expect(new Set([first.location, second.location, reload.location]).size).toBe(1);
    expect(first.location).toMatch(/^\/arenden\/[\w-]+\?m=registrerat$/);
    expect(await items()).toBe(before + 1);
    const id = first.location!.split('/')[2]!.split('?')[0]!;
    expect(await getItem(server.deps, clerk, id)).toMatchObject({
      kind: 'uppdrag',
      decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 31' },
      responsible: kim,
      dueDate: '2027-09-30',
      createdBy: clerkWho.email,
    });
    const page = await open(server.url, first.location!, registrar);
    expect(pageText(page.text)).toContain('Ärendet är registrerat.');
  });

  it('registers a yttrande when the remiss arrives, before any body has decided, and shows the remiss, never "undefined"', async () => {
    const key = await freshForm();
    const answer = await submit(
      server.url,
      '/registrera',
      yttrande(key, { title: 'Yttrande över regional vattenförsörjningsplan', remissReceived: '2027-03-02', remissReference: 'Dnr 2027-1234', externalDeadline: '2027-04-28', recipient: 'Länsstyrelsen i Skåne län' }),
      registrar,
    );
    expect(answer.status).toBe(303);
    const text = pageText((await open(server.url, answer.location!, registrar)).text);
    expect(text).toContain('Yttrande, Remiss från Länsstyrelsen i Skåne län, inkom 2027-03-02, Dnr 2027-1234');
    // Answered by delegation: 3 working days before the recipient's last day.
    expect(text).toContain('Tidsfrist fredag 23 april 2027');
    expect(text).not.toMatch(/undefined|§ §/);
  });

  it('warns when a yttrande’s outside deadline has already passed, as it warns for any deadline already past', async () => {
    const key = await freshForm();
    // Monday 22 March 2027: the recipient's last day was Friday 19 March.
    const answer = await submit(
      server.url,
      '/registrera',
      yttrande(key, { title: 'Yttrande över länsplan för transportinfrastruktur', remissReceived: '2027-02-15', remissReference: 'Dnr 2027-0871', externalDeadline: '2027-03-19', recipient: 'Region Skåne' }),
      registrar,
    );
    expect(answer.status).toBe(303);
    expect(answer.location).toMatch(/^\/arenden\/[\w-]+\?m=registrerat-svarsdag-passerad$/);
    const text = pageText((await open(server.url, answer.location!, registrar)).text);
    expect(text).toContain('Ärendet är registrerat, men sista dagen för svaret hos mottagaren har redan passerat: yttrandet är försenat från start.');
  });

  it('shows every warning of a registration, not only the first: late from the start and no manager to tell', async () => {
    const key = await freshForm();
    // Monday 22 March 2027, a unit no one manages, the recipient's last day Friday 19 March.
    const answer = await submit(
      server.url,
      '/registrera',
      yttrande(key, { title: 'Yttrande över regional cykelstrategi', remissReceived: '2027-02-15', remissReference: 'Dnr 2027-0872', externalDeadline: '2027-03-19', recipient: 'Region Skåne', unit: 'Fritidsgården Norrby', managerName: '', managerEmail: '' }),
      registrar,
    );
    expect(answer.status).toBe(303);
    expect(answer.location).toMatch(/^\/arenden\/[\w-]+\?m=registrerat-utan-chef,registrerat-svarsdag-passerad$/);
    const text = pageText((await open(server.url, answer.location!, registrar)).text);
    expect(text).toContain('Ärendet är registrerat, men: Varken ärendet eller enheten har någon chef, så ingen får besked om det blir försenat.');
    expect(text).toContain('Sista dagen för svaret hos mottagaren har redan passerat: yttrandet är försenat från start.');
  });

  it('Visa tidsfrist shows the warnings registering would give, in the words the confirmation uses, before anything is stored', async () => {
    const before = await fingerprint();
    const key = await freshForm();
    // Monday 22 March 2027, a unit no one manages, the recipient's last day Friday 19 March.
    const fields = yttrande(key, { title: 'Yttrande över regional kollektivtrafikplan', remissReceived: '2027-02-15', externalDeadline: '2027-03-19', recipient: 'Region Skåne', unit: 'Fritidsgården Söderby', managerName: '', managerEmail: '' });

    const preview = await submit(server.url, '/registrera', { ...fields, intent: 'preview' }, registrar);

    expect(preview.status).toBe(200);
    const text = pageText(preview.text);
    expect(text).toContain('Om ärendet registreras nu: Varken ärendet eller enheten har någon chef, så ingen får besked om det blir försenat. Ange en chef på ärendet eller för enheten.');
    expect(text).toContain('Sista dagen för svaret hos mottagaren har redan passerat: yttrandet är försenat från start. Be mottagaren om längre svarstid och ändra sista dag hos mottagaren.');
    expect(await fingerprint()).toBe(before);
    const managed = pageText((await submit(server.url, '/registrera', { ...fields, managerName: 'Eva Lind', managerEmail: 'eva.lind@kommun.example.se', intent: 'preview' }, registrar)).text);
    expect(managed).toContain('Sista dagen för svaret hos mottagaren har redan passerat');
    expect(managed).not.toContain('Varken ärendet eller enheten har någon chef');
  });

  it('Visa tidsfrist says when the deadline has already passed, and says nothing more when all is well', async () => {
    const key = await freshForm();
    const late = pageText((await submit(server.url, '/registrera', { ...uppdrag(key, { dueDate: '2027-03-19' }), intent: 'preview' }, registrar)).text);
    const inTime = pageText((await submit(server.url, '/registrera', { ...uppdrag(key), intent: 'preview' }, registrar)).text);

    expect(late).toContain('Om ärendet registreras nu: Tidsfristen har redan passerat: det är försenat från start.');
    expect(inTime).toContain('Tidsfrist: torsdag 30 september 2027');
    expect(inTime).not.toContain('Om ärendet registreras nu');
  });

  it('Visa tidsfrist names what registering would refuse in what is typed (a description over 4 000 characters), beside its field, but not a field still empty', async () => {
    const before = await fingerprint();
    const key = await freshForm();

    const page = await submit(server.url, '/registrera', { ...uppdrag(key), description: 'Bakgrund. '.repeat(500), responsibleEmail: '', intent: 'preview' }, registrar);

    expect(page.status).toBe(200);
    const text = pageText(page.text);
    expect(text).toContain('Tidsfrist: torsdag 30 september 2027');
    expect(text).toMatch(/Beskrivning Frivilligt, högst 4\s000 tecken\. (Bakgrund\. )+Högst 4000 tecken\./);
    // The responsible's address, still empty, is not named: the summary holds the description alone.
    expect(text).toContain('Rätta det här innan du fortsätter Beskrivning: Högst 4000 tecken. Ärendet Typ');
    expect(await fingerprint()).toBe(before);
  });

  it('says beside each field what is wrong, in an error summary linked to them, and stores nothing', async () => {
    const before = await fingerprint();
    const key = await freshForm();

    const page = await submit(server.url, '/registrera', uppdrag(key, { title: '', responsibleEmail: 'kim.berg(at)kommun', dueDate: '2027-02-30' }), registrar);

    expect(page.status).toBe(400);
    const text = pageText(page.text);
    expect(text).toContain('Rätta de här 3 sakerna innan du fortsätter');
    expect(page.text).toContain('<a href="#title">Rubrik: Skriv en rubrik.</a>');
    expect(page.text).toMatch(/<a href="#responsibleEmail">Ansvarig \(e-post\): [^<]+<\/a>/);
    expect(page.text).toMatch(/<a href="#dueDate">Tidsfrist: [^<]+<\/a>/);
    expect(page.text).toContain('aria-invalid="true"');
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a deadline before the decision beside the deadline, as the API does (due_before_decision)', async () => {
    const before = await fingerprint();
    const key = await freshForm();
    const page = await submit(server.url, '/registrera', uppdrag(key, { dueDate: '2026-09-30' }), registrar);
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/<a href="#dueDate">Tidsfrist: Ger tidsfristen onsdag 30 september 2026, före beslutet KS måndag 15 mars 2027\.<\/a>/);
    expect(await fingerprint()).toBe(before);
  });

  it('names the page Sammanträdesplaner, never the API route, when a meeting has no plan: in the preview and beside the field', async () => {
    const key = await freshForm();
    const fields = { ...uppdrag(key), kind: 'aterrapportering', dueForm: 'meeting', meetingBody: 'KF', meetingMonth: '2027-09', dueDate: '' };

    const preview = await submit(server.url, '/registrera', { ...fields, intent: 'preview' }, registrar);
    const refused = await submit(server.url, '/registrera', fields, registrar);

    for (const page of [preview, refused]) {
      expect(pageText(page.text)).toContain('Det finns ingen sammanträdesplan för KF 2027. En administratör lägger in den under Sammanträdesplaner.');
      expect(page.text).not.toContain('/meetings');
    }
    expect(refused.status).toBe(422);
  });

  it('asks before registering an item that looks like an open one, and registers it when the clerk confirms', async () => {
    const first = await submit(server.url, '/registrera', uppdrag(await freshForm(), { title: 'Utreda nattbemanningen' }), registrar);
    expect(first.status).toBe(303);
    const key = await freshForm();

    const asked = await submit(server.url, '/registrera', uppdrag(key, { title: 'utreda  NATTBEMANNINGEN' }), registrar);
    expect(asked.status).toBe(409);
    expect(pageText(asked.text)).toContain('Ett likadant ärende finns redan Det öppna ärendet Utreda nattbemanningen har samma typ, beslut, ansvarig och rubrik.');
    const confirmed = await submit(server.url, '/registrera', uppdrag(key, { title: 'utreda  NATTBEMANNINGEN', confirmDuplicate: 'ja' }), registrar);
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).not.toBe(first.location);
  });
});

describe('Ärende', () => {
  it('changes the deadline only with a reason, and the history says who, when and why', async () => {
    const item = await seed();
    const page = await open(server.url, `/arenden/${item.id}`, registrar);
    const fields = { action: 'change', version: '1', kind: 'uppdrag', title: item.title, caseNumber: item.caseNumber!, decisionBody: 'KS', decisionDate: '2027-03-15', decisionParagraph: '§ 31', responsibleName: kim.name, responsibleEmail: kim.email, unit: item.unit, managerName: item.manager!.name, managerEmail: item.manager!.email, dueForm: 'date', dueDate: '2027-12-15' };

    const withoutReason = await submit(server.url, `/arenden/${item.id}`, fields, { cookie: registrar.cookie, csrf: hiddenField(page.text, 'csrf')! });
    expect(withoutReason.status).toBe(400);
    expect(pageText(withoutReason.text)).toContain('Skäl: Skriv varför tidsfristen ändras');
    const changed = await submit(server.url, `/arenden/${item.id}`, { ...fields, reason: 'Förlängt enligt KS 2027-03-20 § 40' }, registrar);

    expect(changed.status).toBe(303);
    expect(changed.location).toBe(`/arenden/${item.id}?m=andrat`);
    const history = await itemHistory(server.deps, clerk, item.id);
    expect(history.at(-1)).toMatchObject({ by: clerkWho.email, action: 'updated', reason: 'Förlängt enligt KS 2027-03-20 § 40', changes: { dueDate: { from: '2027-09-30', to: '2027-12-15' } } });
    const text = pageText((await open(server.url, changed.location!, registrar)).text);
    expect(text).toContain('Ändringarna är sparade.');
    expect(text).toContain('Tidsfrist 2027-09-30 → 2027-12-15 Skäl: Förlängt enligt KS 2027-03-20 § 40');

    // The back button and "Spara" again: the same form, still at version 1, once more.
    const again = await submit(server.url, `/arenden/${item.id}`, { ...fields, reason: 'Förlängt enligt KS 2027-03-20 § 40' }, registrar);
    expect(again.status).toBe(303);
    expect(again.location).toBe(`/arenden/${item.id}?m=andrat`);
    expect(await itemHistory(server.deps, clerk, item.id)).toHaveLength(history.length);
  });

  it('shows what changed meanwhile, and by whom, keeping what the clerk typed, instead of overwriting it', async () => {
    const item = await seed();
    // Someone else moves the deadline after this clerk opened the item at version 1.
    await patchItem(server.deps, { who: 'annan.registrator@kommun.example.se', roles: new Set(['registrar'] as const) }, item.id, 1, { due: { date: '2027-10-29' }, reason: 'Nytt beslut i KS' });

    const answer = await submit(server.url, `/arenden/${item.id}`, { action: 'close', version: '1', note: 'Återrapporterad KS 2027-09-27 § 88' }, registrar);

    expect(answer.status).toBe(409);
    const text = pageText(answer.text);
    expect(text).toContain('Ärendet har ändrats medan du skrev');
    expect(text).toContain('Ärendet har ändrats av annan.registrator@kommun.example.se 22 mars 2027 kl. 09:00: Tidsfrist 2027-09-30 → 2027-10-29');
    expect(answer.text).toContain('Återrapporterad KS 2027-09-27 § 88</textarea>');
    expect((await getItem(server.deps, clerk, item.id)).status).toBe('open');
  });

  it.each([
    ['close', { note: 'Återrapporterad KS 2027-09-27 § 88' }, 'klart', 'done'],
    ['cancel', { reason: 'Beslutet upphävt av KF 2027-03-20 § 12' }, 'avbrutet', 'cancelled'],
  ] as const)('%s: as the API closes it, with the note or reason in the history', async (action, fields, flash, status) => {
    const item = await seed();
    const answer = await submit(server.url, `/arenden/${item.id}`, { action, version: '1', ...fields }, registrar);
    expect(answer.location).toBe(`/arenden/${item.id}?m=${flash}`);
    expect((await getItem(server.deps, clerk, item.id)).status).toBe(status);
    const reopened = await submit(server.url, `/arenden/${item.id}`, { action: 'reopen', version: '2' }, registrar);
    expect(reopened.location).toBe(`/arenden/${item.id}?m=oppnat`);
    expect((await getItem(server.deps, clerk, item.id)).status).toBe('open');
  });

  it("lets the item's own official mark it done, as their own change, and nothing else", async () => {
    const item = await seed();
    const official = await sessionFor(localSessionSettings(server.url), server.deps.clock, { email: kim.email });
    const page = pageText((await open(server.url, `/arenden/${item.id}`, official)).text);
    expect(page).toContain('Markera som klart');
    expect(page).not.toContain('Avbryt ärendet');

    expect((await submit(server.url, `/arenden/${item.id}`, { action: 'cancel', version: '1', reason: 'Inte mitt' }, official)).status).toBe(403);
    const done = await submit(server.url, `/arenden/${item.id}`, { action: 'close', version: '1', note: 'Planen antagen' }, official);
    expect(done.status).toBe(303);
    expect((await itemHistory(server.deps, clerk, item.id)).at(-1)).toMatchObject({ by: kim.email, action: 'done', note: 'Planen antagen' });
  });
});

describe('Översikt', () => {
  it('grants an official\'s request for a later deadline from the overview: the same change the API makes, and back to the overview', async () => {
    const item = await seed({ title: 'Redovisa tillsynen av HVB-hem', unit: uniqueUnit('Socialförvaltningen') });
    await requestExtension({ ...server.deps }, kim.email, item.id, { date: '2027-11-30', reason: 'Väntar på yttrande från SN' });
    const overview = await open(server.url, '/', registrar);
    expect(pageText(overview.text)).toContain('Begärd ny tidsfrist 30 november 2027 (kim.berg@kommun.example.se, 22 mars 2027 kl. 09:00): Väntar på yttrande från SN');

    const granted = await submit(server.url, `/arenden/${item.id}`, { action: 'grant', version: '2', returnTo: '/', dueDate: '2027-11-30', reason: 'Beviljat av kommundirektören' }, { cookie: registrar.cookie, csrf: hiddenField(overview.text, 'csrf')! });

    expect(granted.location).toBe('/?m=beviljat');
    const after = await getItem(server.deps, clerk, item.id);
    expect(after).toMatchObject({ dueDate: '2027-11-30', lastDeadlineReason: 'Beviljat av kommundirektören' });
    expect(after.extensionRequest).toBeUndefined();
    expect((await itemHistory(server.deps, clerk, item.id)).at(-1)).toMatchObject({ action: 'extension_granted', by: clerkWho.email });
    expect(pageText((await open(server.url, granted.location!, registrar)).text)).toContain('Förlängningen är beviljad. Handläggaren får besked i nästa mejl.');
  });

  it('a remiss answer decided by KS: granting more time says beside the new date that the meeting the deadline was counted to is then missed, on Översikt and on the item', async () => {
    // The recipient's last day Friday 30 April 2027: KS 26 April is the last meeting before it; its papers are due 15 working days before.
    const item = await seed({
      kind: 'yttrande',
      title: 'Yttrande över regional transportplan',
      unit: uniqueUnit('Samhällsbyggnadsförvaltningen'),
      due: { externalDeadline: '2027-04-30', recipient: 'Västra Götalandsregionen', decidedBy: 'KS' },
    });
    expect(item.meetingDate).toBe('2027-04-26');
    await requestExtension({ ...server.deps }, kim.email, item.id, { date: '2027-04-28', reason: 'Underlaget från regionen är försenat' });
    const warning = 'Fristen är räknad till KS:s sammanträde 26 april 2027, det sista före mottagarens sista dag 30 april 2027. Med en senare frist hinner KS inte besluta svaret före den dagen. Har Västra Götalandsregionen gett längre svarstid, ändra hellre sista dag hos mottagaren.';

    const overview = await open(server.url, '/', registrar);
    const page = pageText((await open(server.url, `/arenden/${item.id}`, registrar)).text);

    expect(pageText(overview.text)).toContain(`Ny tidsfrist ${warning}`);
    expect(page).toContain(`Ny tidsfrist ${warning}`);
    // Refused, so that Översikt holds no request of this test's for the next.
    const refused = await submit(server.url, `/arenden/${item.id}`, { action: 'refuse', version: '2', returnTo: '/', reason: 'Mottagarens sista dag står fast' }, { cookie: registrar.cookie, csrf: hiddenField(overview.text, 'csrf')! });
    expect(refused.status).toBe(303);
  });

  it('"Bevilja förlängning" starts with the date the official asked for, on Översikt and on the item', async () => {
    const item = await seed({ title: 'Redovisa tillsynen av familjehem', unit: uniqueUnit('Socialförvaltningen') });
    await requestExtension({ ...server.deps }, kim.email, item.id, { date: '2027-11-30', reason: 'Väntar på yttrande från SN' });

    for (const path of ['/', `/arenden/${item.id}`]) {
      const page = await open(server.url, path, registrar);
      const grant = page.text.match(new RegExp(`<form[^>]*>(?:(?!</form>)[\\s\\S])*?value="grant"[\\s\\S]*?</form>`))?.[0] ?? '';
      expect(grant).toMatch(/name="dueDate" type="date" value="2027-11-30"/);
      // A deadline given as a date hangs on no meeting: nothing to warn of.
      expect(grant).not.toContain('Fristen är räknad till');
    }
  });

  it('lists what needs a registrar, with counts in the headings, and sends an official on to their items', async () => {
    const unit = uniqueUnit('Tekniska förvaltningen');
    await seed({ title: 'Åtgärda gatubelysningen', unit, decision: { body: 'KS', date: '2027-01-11', paragraph: '§ 4' }, due: { date: '2027-03-01' } });
    await seed({ title: 'Inventera lekplatserna', unit, manager: undefined });
    const text = pageText((await open(server.url, '/', registrar)).text);
    expect(text).toMatch(/Försenade \(\d+\) Försenade ärenden, mest försenade först .*Åtgärda gatubelysningen/);
    expect(text).toMatch(/Utan chef att eskalera till \(\d+\) .*Inventera lekplatserna/);

    const official = await sessionFor(localSessionSettings(server.url), server.deps.clock, { email: kim.email });
    expect(await open(server.url, '/', official)).toMatchObject({ status: 303, location: '/arenden' });
  });
});
