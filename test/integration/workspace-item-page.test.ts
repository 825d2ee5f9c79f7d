import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { reportStatus } from '../../shared/application/items/link-actions';
import { createItem, getItem, itemHistory } from '../../shared/application/items/service';
import { itemBody, uniqueUnit, type Who } from '../support/api';
import { routeServer } from '../support/route-server';
import { changedFields, formFields, localSessionSettings, open, pageText, sessionFor, submit, type Browserish } from '../support/workspace';

/**
 * The item page (`/arenden/{id}`) through its real routes on Monday 22 March 2027: two clerks
 * editing one item do not undo each other, the history says each event once, and the item's
 * official signed in has the actions of their email link page.
 */

let server: Awaited<ReturnType<typeof routeServer>>;
const clerkA: Who = { email: 'registrator@kommun.example.se', roles: ['registrar'] };
const clerkB: Who = { email: 'annan.registrator@kommun.example.se', roles: ['registrar'] };
const reader = { who: clerkA.email, roles: new Set(['registrar'] as const) };
const kim = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
let a: Browserish;
let b: Browserish;

beforeAll(async () => {
  server = await routeServer();
});
beforeEach(async () => {
  server.deps.at('2027-03-22T09:00:00+01:00');
  a = await sessionFor(localSessionSettings(server.url), server.deps.clock, clerkA);
  b = await sessionFor(localSessionSettings(server.url), server.deps.clock, clerkB);
});
afterAll(async () => server?.stop());

const seed = async () =>
  (
    await createItem(
      server.deps,
      reader,
      createItemBody.parse(itemBody({ title: 'Ta fram en plan för tillgängliga lekplatser', responsible: kim, unit: uniqueUnit('Kommunledningskontoret'), decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 31' }, due: { date: '2027-09-30' } })),
    )
  ).item;

/** The "Ändra" form as the page shows it to this clerk (the first form posting to the item). */
const changeForm = async (id: string, as: Browserish) => {
  const page = await open(server.url, `/arenden/${id}`, as);
  expect(page.status).toBe(200);
  return formFields(page.text, `/arenden/${id}`);
};

describe('Two clerks editing one item', () => {
  it('a save after an edit conflict writes only what the clerk changed: the other clerk\'s new Ansvarig stays', async () => {
    const item = await seed();
    const formOfB = await changeForm(item.id, b);
    expect(Object.fromEntries(formOfB)).toMatchObject({ action: 'change', version: '1', responsibleName: 'Kim Berg' });

    // A gives the item to Lo Berg ("Byt ansvarig") while B has "Ändra" open.
    const reassigned = await submit(server.url, `/arenden/${item.id}`, { action: 'reassign', version: '1', responsibleName: 'Lo Berg', responsibleEmail: 'lo.berg@kommun.example.se' }, a);
    expect(reassigned.status).toBe(303);

    const conflict = await submit(server.url, `/arenden/${item.id}`, changedFields(formOfB, { title: 'Ta fram en plan för tillgängliga lekplatser och parker' }), b);
    expect(conflict.status).toBe(409);
    expect(pageText(conflict.text)).toContain('Det du skrev finns kvar i formuläret. Kontrollera det mot ändringen och spara igen.');
    // The form B gets back: B's own Rubrik, the Ansvarig A saved, the version after A's change.
    const again = formFields(conflict.text, `/arenden/${item.id}`);
    expect(Object.fromEntries(again)).toMatchObject({
      version: '2',
      title: 'Ta fram en plan för tillgängliga lekplatser och parker',
      responsibleName: 'Lo Berg',
      responsibleEmail: 'lo.berg@kommun.example.se',
    });

    const saved = await submit(server.url, `/arenden/${item.id}`, Object.fromEntries(again), b);
    expect(saved.status).toBe(303);
    const now = await getItem(server.deps, reader, item.id);
    expect(now).toMatchObject({ title: 'Ta fram en plan för tillgängliga lekplatser och parker', responsible: { name: 'Lo Berg', email: 'lo.berg@kommun.example.se' } });
    const last = (await itemHistory(server.deps, reader, item.id)).at(-1)!;
    expect(last).toMatchObject({ by: clerkB.email, action: 'updated' });
    expect(Object.keys(last.changes)).toEqual(['title']);
  });

  it('a save never writes a field the clerk did not change, even from a form opened before another change', async () => {
    const item = await seed();
    const formOfB = await changeForm(item.id, b);
    await submit(server.url, `/arenden/${item.id}`, { action: 'reassign', version: '1', responsibleName: 'Lo Berg', responsibleEmail: 'lo.berg@kommun.example.se' }, a);

    // B saves the form as it was opened, with the version after A's change (a form sent by hand, or a stale tab reloaded wrongly).
    const sent = await submit(server.url, `/arenden/${item.id}`, changedFields(formOfB, { version: '2', unit: 'Kultur- och fritidsförvaltningen' }), b);
    expect(sent.status).toBe(303);
    expect(await getItem(server.deps, reader, item.id)).toMatchObject({ unit: 'Kultur- och fritidsförvaltningen', responsible: { email: 'lo.berg@kommun.example.se' } });
  });

  it('says per field where the clerk\'s change and the one saved meanwhile differ', async () => {
    const item = await seed();
    const formOfA = await changeForm(item.id, a);
    const formOfB = await changeForm(item.id, b);
    expect((await submit(server.url, `/arenden/${item.id}`, changedFields(formOfA, { title: 'Plan för lekplatser' }), a)).status).toBe(303);

    const conflict = await submit(server.url, `/arenden/${item.id}`, changedFields(formOfB, { title: 'Lekplatsplan 2027' }), b);
    expect(conflict.status).toBe(409);
    const text = pageText(conflict.text);
    expect(text).toContain('Rubrik: du skrev Lekplatsplan 2027, nu sparat Plan för lekplatser');
    expect(Object.fromEntries(formFields(conflict.text, `/arenden/${item.id}`))).toMatchObject({ version: '2', title: 'Lekplatsplan 2027' });
    expect((await getItem(server.deps, reader, item.id)).title).toBe('Plan för lekplatser');
  });
});

describe('Two clerks editing one item, the first save refused', () => {
  it('a refused "Ändra" keeps the version and values it was opened with, so the next save shows the change made meanwhile instead of overwriting it', async () => {
    const item = await seed();
    const formOfA = await changeForm(item.id, a);
    const formOfB = await changeForm(item.id, b);
    expect((await submit(server.url, `/arenden/${item.id}`, changedFields(formOfA, { title: 'Plan för lekplatser' }), a)).status).toBe(303);

    // B changes the same Rubrik and mistypes the Ansvarig's address: refused, with B's input kept.
    const refused = await submit(server.url, `/arenden/${item.id}`, changedFields(formOfB, { title: 'Lekplatsplan 2027', responsibleEmail: 'kim.berg' }), b);
    expect(refused.status).toBe(400);
    const kept = Object.fromEntries(formFields(refused.text, `/arenden/${item.id}`));
    expect(kept).toMatchObject({ version: '1', title: 'Lekplatsplan 2027', 'was-title': 'Ta fram en plan för tillgängliga lekplatser', responsibleEmail: 'kim.berg' });

    const conflict = await submit(server.url, `/arenden/${item.id}`, { ...kept, responsibleEmail: kim.email }, b);
    expect(conflict.status).toBe(409);
    expect(pageText(conflict.text)).toContain('Rubrik: du skrev Lekplatsplan 2027, nu sparat Plan för lekplatser');
    expect((await getItem(server.deps, reader, item.id)).title).toBe('Plan för lekplatser');
  });

  it('near miss: refused when nothing changed meanwhile, the form shows the item as it is and the next save goes through', async () => {
    const item = await seed();
    const refused = await submit(server.url, `/arenden/${item.id}`, changedFields(await changeForm(item.id, b), { title: 'Lekplatsplan 2027', responsibleEmail: 'kim.berg' }), b);
    expect(refused.status).toBe(400);
    const kept = Object.fromEntries(formFields(refused.text, `/arenden/${item.id}`));
    expect(kept).toMatchObject({ version: '1', title: 'Lekplatsplan 2027' });
    expect((await submit(server.url, `/arenden/${item.id}`, { ...kept, responsibleEmail: kim.email }, b)).status).toBe(303);
    expect((await getItem(server.deps, reader, item.id)).title).toBe('Lekplatsplan 2027');
  });
});

describe('Historik', () => {
  it('shows a lägesrapport once, in the official\'s words', async () => {
    const item = await seed();
    await reportStatus(server.deps, kim.email, item.id, 'Utredningen klar i maj, väntar på yttrande från SN.');
    const text = pageText((await open(server.url, `/arenden/${item.id}`, a)).text);
    const history = text.slice(text.indexOf('Historik'));
    expect(history).toContain('Lägesrapport: Utredningen klar i maj, väntar på yttrande från SN.');
    expect(history.split('Utredningen klar i maj').length - 1).toBe(1);
  });
});

describe("The item's official, signed in", () => {
  const officialSession = () => sessionFor(localSessionSettings(server.url), server.deps.clock, { email: kim.email, roles: [] });

  it('gets the four actions of the email link page, in its words', async () => {
    const item = await seed();
    const text = pageText((await open(server.url, `/arenden/${item.id}`, await officialSession())).text);
    for (const action of ['Markera som klart', 'Begär förlängning', 'Lämna lägesrapport', 'Inte mitt ärende']) expect(text).toContain(action);
    expect(text).not.toContain('Byt ansvarig');
  });

  it('asks for a later deadline, reports status and says it is not theirs through the link page\'s use cases, as themselves', async () => {
    const item = await seed();
    const kimIn = await officialSession();
    const asked = await submit(server.url, `/arenden/${item.id}`, { action: 'extension', dueDate: '2027-11-30', reason: 'Väntar på yttrande från SN' }, kimIn);
    expect(asked.location).toBe(`/arenden/${item.id}?m=forlangning-begard`);
    expect(pageText((await open(server.url, asked.location!, kimIn)).text)).toContain('Din begäran om förlängning är skickad till registratorn.');
    const reported = await submit(server.url, `/arenden/${item.id}`, { action: 'statusReport', note: 'Förstudien klar.' }, kimIn);
    expect(reported.location).toBe(`/arenden/${item.id}?m=lagesrapport`);
    const declined = await submit(server.url, `/arenden/${item.id}`, { action: 'notMine', note: 'Lo Berg på tekniska' }, kimIn);
    expect(declined.location).toBe(`/arenden/${item.id}?m=inte-mitt`);

    expect(await getItem(server.deps, reader, item.id)).toMatchObject({
      extensionRequest: { date: '2027-11-30', reason: 'Väntar på yttrande från SN', by: kim.email },
      statusReport: { note: 'Förstudien klar.', by: kim.email },
      reassignRequest: { note: 'Lo Berg på tekniska', by: kim.email },
    });
    const history = await itemHistory(server.deps, reader, item.id);
    expect(history.slice(-3).map((event) => [event.action, event.by, event.via])).toEqual([
      ['extension_requested', kim.email, undefined],
      ['status_report', kim.email, undefined],
      ['not_mine', kim.email, undefined],
    ]);
  });

  it('is refused a date before the deadline beside the field, by the link page\'s rule, and nothing is stored', async () => {
    const item = await seed();
    const answer = await submit(server.url, `/arenden/${item.id}`, { action: 'extension', dueDate: '2027-09-01', reason: 'Väntar på SN' }, await officialSession());
    expect(answer.status).toBe(422);
    expect(pageText(answer.text)).toContain('Måste vara senare än nuvarande tidsfrist.');
    expect((await getItem(server.deps, reader, item.id)).extensionRequest).toBeUndefined();
  });

  it('a registrar cannot use the official\'s forms on an item that is not theirs', async () => {
    const item = await seed();
    const answer = await submit(server.url, `/arenden/${item.id}`, { action: 'statusReport', note: 'Förstudien klar.' }, a);
    expect(answer.status).toBe(404);
    expect((await getItem(server.deps, reader, item.id)).statusReport).toBeUndefined();
  });
});
