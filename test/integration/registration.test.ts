/**
 * Registering the items real cases bring (issue 16, part A), through the HTTP API on a table of
 * its own with a clock the test sets: a remiss on arrival, deadlines before the decision, items
 * whose meeting was already held, look-alikes, items no manager can be reached for, Swedish kinds,
 * the attention list, the deadline preview and the last meeting by a date.
 */
import { parse } from 'csv-parse/sync';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '../../local/tokens';
import type { Role } from '../../shared/domain/caller';
import { isolatedApi } from '../support/isolated-api';
import { countsOf, scanTable } from '../support/table-snapshot';

type Api = Awaited<ReturnType<typeof isolatedApi>>;
let api: Api;

interface Who {
  email: string;
  roles?: Role[];
  unit?: string;
}
const registrar: Who = { email: 'registrator@kommun.example.se', roles: ['registrar'] };
const admin: Who = { email: 'admin@kommun.example.se', roles: ['admin'] };
const kim = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
const sam = { name: 'Sam Ek', email: 'sam.ek@kommun.example.se' };

let seq = 0;
const unitName = (name: string) => `${name} ${++seq}`;

async function http(method: string, path: string, who: Who, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const token = await signLocalToken({ email: who.email, roles: who.roles ?? [], ...(who.unit ? { unit: who.unit } : {}) }, inject('jwtSecret'));
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  return { status: response.status, headers: response.headers, text, json: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

const putPlan = async (body: string, year: number, leadWorkingDays: number, dates: string[]) => {
  const response = await http('PUT', `/meetings/${body}/${year}`, admin, { body: { leadWorkingDays, dates } });
  expect(response.status, response.text).toBe(200);
  return response.json;
};

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[];

/** The issue's own case: a remiss from Region Skåne that KS decided to answer on 3 April 2028, before the minutes. */
const remissBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'yttrande',
  title: 'Yttrande över regional cykelstrategi',
  decision: { body: 'KS', date: '2028-04-03' },
  responsible: kim,
  unit: 'Stadsbyggnadskontoret',
  manager: sam,
  due: { externalDeadline: '2028-06-30', recipient: 'Region Skåne', decidedBy: 'KS' },
  ...overrides,
});

/** Records every command the API sends to DynamoDB while `run` runs. */
async function commandsDuring(run: () => Promise<unknown>): Promise<{ name: string; indexName?: string }[]> {
  const client = api.deps.documentClient as DynamoDBDocumentClient;
  const send = client.send.bind(client);
  const seen: { name: string; indexName?: string }[] = [];
  client.send = ((command: { constructor: { name: string }; input: { IndexName?: string } }, ...rest: unknown[]) => {
    seen.push({ name: command.constructor.name, ...(command.input.IndexName ? { indexName: command.input.IndexName } : {}) });
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof client.send;
  try {
    await run();
  } finally {
    client.send = send;
  }
  return seen;
}

beforeAll(async () => {
  api = await isolatedApi();
  api.deps.at('2028-01-10T09:00:00+01:00');
  await putPlan('KS', 2028, 10, ['2028-05-29', '2028-06-14', '2028-09-25']);
});
afterAll(() => api.stop());

describe('a remiss registered on arrival', () => {
  it('without a case number and without a §, is registered: due Tuesday 30 May 2028, for KS’s meeting on 14 June', async () => {
    api.deps.at('2028-04-05T09:00:00+02:00');

    const response = await http('POST', '/uppdrag', registrar, { body: remissBody() });

    expect(response.status, response.text).toBe(201);
    expect(response.json).toMatchObject({
      kind: 'yttrande',
      decision: { body: 'KS', date: '2028-04-03' },
      dueDate: '2028-05-30',
      meetingDate: '2028-06-14',
      externalDeadline: '2028-06-30',
      state: 'open',
    });
    expect(response.json).not.toHaveProperty('caseNumber');
    expect(response.json).not.toHaveProperty('warnings');
  });

  it('before any body has decided, with the remiss saying where it came from; what is shown of it is what is known', async () => {
    const unit = unitName('Miljöförvaltningen');
    api.deps.at('2027-07-20T09:00:00+02:00');
    const body = {
      kind: 'yttrande',
      title: 'Yttrande över regional kollektivtrafikplan',
      remiss: { received: '2027-07-19', reference: 'Dnr 2027-1234' },
      responsible: kim,
      unit,
      manager: sam,
      due: { externalDeadline: '2027-10-15', recipient: 'Region Skåne' },
    };

    const created = await http('POST', '/uppdrag', registrar, { body });
    const history = await http('GET', `/uppdrag/${created.json.id}/history`, registrar);
    const csv = await http('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, registrar, { headers: { accept: 'text/csv' } });
    api.deps.at('2027-10-20T09:00:00+02:00');
    const overdue = await http('GET', `/overdue?unit=${encodeURIComponent(unit)}`, registrar, { headers: { accept: 'text/csv' } });

    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ remiss: { received: '2027-07-19', reference: 'Dnr 2027-1234' }, dueDate: '2027-10-12' });
    expect(created.json).not.toHaveProperty('decision');
    expect(history.json.events).toEqual([expect.objectContaining({ action: 'created' })]);
    expect(csvRows(csv.text)[0]).toMatchObject({ Organ: '', Beslutsdatum: '', Paragraf: '', Diarienummer: '', 'Remiss inkom': '2027-07-19', 'Remissens referens': 'Dnr 2027-1234' });
    expect(csvRows(overdue.text)[0]).toMatchObject({ Beslut: 'Remiss från Region Skåne, inkom 2027-07-19, Dnr 2027-1234' });
    for (const text of [created.text, history.text, csv.text, overdue.text]) expect(text).not.toMatch(/undefined|§ §/);
  });

  it('the § added once the minutes are approved is recorded in the history, from what was known', async () => {
    api.deps.at('2028-04-05T09:00:00+02:00');
    const { json: item } = await http('POST', '/uppdrag', registrar, { body: remissBody({ title: 'Yttrande över regional bredbandsstrategi' }) });

    const patched = await http('PATCH', `/uppdrag/${item.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { decision: { body: 'KS', date: '2028-04-03', paragraph: '§ 58' }, caseNumber: 'KS 2028/141' } });
    const history = await http('GET', `/uppdrag/${item.id}/history`, registrar);

    expect(patched.status, patched.text).toBe(200);
    expect(history.json.events[1].changes).toEqual({
      caseNumber: { from: null, to: 'KS 2028/141' },
      decision: { from: { body: 'KS', date: '2028-04-03' }, to: { body: 'KS', date: '2028-04-03', paragraph: '§ 58' } },
    });
  });

  it('a later deadline set by hand (a granted extension) keeps the remiss: its recipient, its outside deadline and KS’s meeting', async () => {
    api.deps.at('2028-04-05T09:00:00+02:00');
    const { json: item } = await http('POST', '/uppdrag', registrar, { body: remissBody({ title: 'Yttrande över regional gångstrategi' }) });

    const patched = await http('PATCH', `/uppdrag/${item.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { due: { date: '2028-06-05' }, reason: 'Beviljad förlängning' } });
    const history = await http('GET', `/uppdrag/${item.id}/history`, registrar);

    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toMatchObject({
      due: { externalDeadline: '2028-06-30', recipient: 'Region Skåne', decidedBy: 'KS', date: '2028-06-05' },
      dueDate: '2028-06-05',
      meetingDate: '2028-06-14',
      externalDeadline: '2028-06-30',
    });
    expect(patched.json.dueExplanation).toBe(
      'Svaret till Region Skåne ska ha kommit in senast fredag 30 juni 2028. Tidsfristen är satt till måndag 5 juni 2028. KS beslutar om yttrandet på sitt sammanträde onsdag 14 juni 2028.',
    );
    expect(history.json.events[1].changes).not.toHaveProperty('externalDeadline');
    expect(history.json.events[1].changes).not.toHaveProperty('meetingDate');
  });

  it('a deadline after the outside deadline is refused: 422 due_after_external_deadline naming both dates, and nothing changes', async () => {
    api.deps.at('2028-04-05T09:00:00+02:00');
    const { json: item } = await http('POST', '/uppdrag', registrar, { body: remissBody({ title: 'Yttrande över regional ridstrategi' }) });

    const refused = await http('PATCH', `/uppdrag/${item.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { due: { date: '2028-07-14' }, reason: 'Beviljad förlängning' } });
    const after = await http('GET', `/uppdrag/${item.id}`, registrar);

    expect(refused.status, refused.text).toBe(422);
    expect(refused.json).toMatchObject({ code: 'due_after_external_deadline', issues: [{ path: 'due.date' }] });
    expect(refused.json.message).toContain('fredag 14 juli 2028');
    expect(refused.json.message).toContain('fredag 30 juni 2028');
    expect(after.json).toMatchObject({ version: 1, dueDate: '2028-05-30', due: { externalDeadline: '2028-06-30', recipient: 'Region Skåne', decidedBy: 'KS' } });
  });

  it('only a yttrande may wait for a decision: an uppdrag without one is refused, naming decision', async () => {
    const response = await http('POST', '/uppdrag', registrar, { body: { ...remissBody({ kind: 'uppdrag', due: { date: '2028-06-30' } }), decision: undefined } });

    expect(response.status).toBe(400);
    expect(response.json.issues).toEqual([{ path: 'decision', message: 'Ange decision med body och date. Bara ett yttrande kan registreras innan något organ har beslutat.' }]);
  });
});

describe('no item is born overdue without a word', () => {
  it('a deadline before the decision’s date (2027 for 2028) is refused: 422 due_before_decision naming both dates, and nothing is stored', async () => {
    const unit = unitName('Kommunledningskontoret');
    api.deps.at('2028-04-05T09:00:00+02:00');

    const response = await http('POST', '/uppdrag', registrar, {
      body: remissBody({ kind: 'uppdrag', title: 'Utreda pendelparkeringar', unit, due: { date: '2027-06-30' }, decision: { body: 'KS', date: '2028-04-03', paragraph: '§ 41' } }),
    });
    const list = await http('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, registrar);

    expect(response.status).toBe(422);
    expect(response.json).toEqual({
      code: 'due_before_decision',
      message: 'Tidsfristen onsdag 30 juni 2027 ligger före beslutet, KS måndag 3 april 2028. Kontrollera årtalen i tidsfristen och beslutsdatumet.',
      issues: [
        { path: 'due.date', message: 'Ger tidsfristen onsdag 30 juni 2027, före beslutet KS måndag 3 april 2028.' },
        { path: 'decision.date', message: 'Beslutet KS måndag 3 april 2028 ligger efter tidsfristen onsdag 30 juni 2027.' },
      ],
    });
    expect(list.json.items).toEqual([]);
  });

  it('a change that puts the deadline before the decision, or the decision after the deadline, is refused too', async () => {
    api.deps.at('2028-04-05T09:00:00+02:00');
    const { json: item } = await http('POST', '/uppdrag', registrar, {
      body: remissBody({ kind: 'uppdrag', title: 'Utreda laddplatser', due: { date: '2028-09-29' }, decision: { body: 'KS', date: '2028-04-03', paragraph: '§ 42' } }),
    });

    const earlier = await http('PATCH', `/uppdrag/${item.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { due: { date: '2027-09-29' }, reason: 'Rättat datum' } });
    const later = await http('PATCH', `/uppdrag/${item.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { decision: { body: 'KS', date: '2028-10-02', paragraph: '§ 42' } } });
    const after = await http('GET', `/uppdrag/${item.id}`, registrar);

    expect([earlier.status, earlier.json.code]).toEqual([422, 'due_before_decision']);
    expect([later.status, later.json.code]).toEqual([422, 'due_before_decision']);
    expect(later.json.message).toBe('Tidsfristen fredag 29 september 2028 ligger före beslutet, KS måndag 2 oktober 2028. Kontrollera årtalen i tidsfristen och beslutsdatumet.');
    expect(after.json).toMatchObject({ version: 1, dueDate: '2028-09-29', decision: { date: '2028-04-03' } });
  });

  it('a yttrande whose last meeting in time was already held is registered with a warning and flagged for a clerk', async () => {
    api.deps.at('2028-07-10T09:00:00+02:00');

    const response = await http('POST', '/uppdrag', registrar, { body: remissBody({ title: 'Yttrande över regional avfallsplan' }) });

    expect(response.status, response.text).toBe(201);
    expect(response.json).toMatchObject({ attention: 'meeting_already_held', meetingDate: '2028-06-14', dueDate: '2028-05-30' });
    expect(response.json.warnings).toEqual([
      {
        code: 'meeting_already_held',
        message:
          'KS sammanträde onsdag 14 juni 2028, det sista i tid, har redan hållits; tidsfristen tisdag 30 maj 2028 har passerat. ' +
          'Ärendet är markerat för en registrator (attention: meeting_already_held): välj ett senare sammanträde, begär längre tid eller låt det avgöras på delegation.',
      },
    ]);
  });
});

describe('the same item posted twice', () => {
  const body = (unit: string, overrides: Record<string, unknown> = {}) => ({
    kind: 'uppdrag',
    title: 'Ta fram riktlinjer för skolskjuts',
    caseNumber: 'BUN 2028/44',
    decision: { body: 'BUN', date: '2028-03-22', paragraph: '§ 44' },
    responsible: { name: 'Eva Lind', email: `eva.lind.${seq}@kommun.example.se` },
    unit,
    manager: sam,
    due: { date: '2028-09-30' },
    ...overrides,
  });

  it('without an Idempotency-Key is refused the second time: 409 possible_duplicate with the open item’s id, and one item stored', async () => {
    const unit = unitName('Utbildningsförvaltningen');
    api.deps.at('2028-04-05T09:00:00+02:00');

    const first = await http('POST', '/uppdrag', registrar, { body: body(unit) });
    const second = await http('POST', '/uppdrag', registrar, { body: body(unit) });
    const list = await http('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, registrar);

    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.json).toEqual({
      code: 'possible_duplicate',
      message:
        'Det finns redan ett öppet ärende som ser likadant ut: "Ta fram riktlinjer för skolskjuts" (BUN 2028-03-22 § 44, BUN 2028/44), tidsfrist lördag 30 september 2028. ' +
        'Är det ändå ett nytt ärende, skicka samma uppgifter med "confirmDuplicate": true.',
      issues: [],
      existingId: first.json.id,
    });
    expect(list.json.items).toHaveLength(1);
  });

  it('ignores case and spacing in the title and the §; "confirmDuplicate": true registers it anyway', async () => {
    const unit = unitName('Utbildningsförvaltningen');
    api.deps.at('2028-04-05T09:00:00+02:00');
    const first = await http('POST', '/uppdrag', registrar, { body: body(unit) });

    const shouted = await http('POST', '/uppdrag', registrar, { body: body(unit, { title: '  TA FRAM riktlinjer  för Skolskjuts ', decision: { body: 'BUN', date: '2028-03-22', paragraph: '44' } }) });
    const confirmed = await http('POST', '/uppdrag', registrar, { body: body(unit, { confirmDuplicate: true }) });
    const list = await http('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, registrar);

    expect([shouted.status, shouted.json.existingId]).toEqual([409, first.json.id]);
    expect(confirmed.status).toBe(201);
    expect(confirmed.json).not.toHaveProperty('confirmDuplicate');
    expect(list.json.items).toHaveLength(2);
  });

  it('another §, official or kind is another item, and a closed item is no duplicate', async () => {
    const unit = unitName('Utbildningsförvaltningen');
    api.deps.at('2028-04-05T09:00:00+02:00');
    const first = await http('POST', '/uppdrag', registrar, { body: body(unit) });

    const otherSection = await http('POST', '/uppdrag', registrar, { body: body(unit, { decision: { body: 'BUN', date: '2028-03-22', paragraph: '§ 45' } }) });
    const otherOfficial = await http('POST', '/uppdrag', registrar, { body: body(unit, { responsible: { name: 'Ali Nur', email: `ali.nur.${seq}@kommun.example.se` } }) });
    const otherKind = await http('POST', '/uppdrag', registrar, { body: body(unit, { kind: 'återrapportering' }) });
    await http('PATCH', `/uppdrag/${first.json.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { status: 'done', note: 'Riktlinjerna antagna' } });
    const afterClosing = await http('POST', '/uppdrag', registrar, { body: body(unit) });

    expect([otherSection.status, otherOfficial.status, otherKind.status, afterClosing.status]).toEqual([201, 201, 201, 201]);
  });

  it('a retry with the Idempotency-Key that stored it answers the stored item, not a 409', async () => {
    const unit = unitName('Utbildningsförvaltningen');
    api.deps.at('2028-04-05T09:00:00+02:00');
    const headers = { 'idempotency-key': `bun-2028-44-${seq}` };

    const first = await http('POST', '/uppdrag', registrar, { body: body(unit), headers });
    const retry = await http('POST', '/uppdrag', registrar, { body: body(unit), headers });

    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.json.id).toBe(first.json.id);
  });

  it('20 parallel posts with one Idempotency-Key store one item and all answer it, none a 409', async () => {
    const unit = unitName('Utbildningsförvaltningen');
    api.deps.at('2028-04-05T09:00:00+02:00');
    const headers = { 'idempotency-key': `parallel-${seq}` };

    const responses = await Promise.all(Array.from({ length: 20 }, () => http('POST', '/uppdrag', registrar, { body: body(unit), headers })));
    const list = await http('GET', `/uppdrag?unit=${encodeURIComponent(unit)}`, registrar);

    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => r.json.id)).size).toBe(1);
    expect(list.json.items).toHaveLength(1);
  });

  it('the look-alike is found with a Query on the official’s open items (byResponsible), never a Scan', async () => {
    const unit = unitName('Utbildningsförvaltningen');
    api.deps.at('2028-04-05T09:00:00+02:00');
    await http('POST', '/uppdrag', registrar, { body: body(unit) });

    const commands = await commandsDuring(() => http('POST', '/uppdrag', registrar, { body: body(unit) }));

    expect(commands).toContainEqual({ name: 'QueryCommand', indexName: 'byResponsible' });
    expect(commands.map((c) => c.name)).not.toContain('ScanCommand');
  });
});

describe('an item no manager can be reached for', () => {
  it('answers 201 with the warning no_manager; with a manager in the unit directory there is none', async () => {
    const unit = unitName('Fritidsförvaltningen');
    api.deps.at('2028-04-05T09:00:00+02:00');
    const body = { ...remissBody({ unit, title: 'Yttrande över regional friluftsplan' }), manager: undefined };

    const alone = await http('POST', '/uppdrag', registrar, { body });
    await http('PUT', `/units/${encodeURIComponent(unit)}`, admin, { body: { manager: sam } });
    const withDirectory = await http('POST', '/uppdrag', registrar, { body: { ...body, title: 'Yttrande över regional vattenplan' } });

    expect(alone.status).toBe(201);
    expect(alone.json).not.toHaveProperty('manager');
    expect(alone.json.warnings).toEqual([
      {
        code: 'no_manager',
        message: `Ingen chef kan nås för ärendet: ärendet har ingen chef angiven och ${unit} har ingen chef i enhetskatalogen, så ett försenat ärende kan inte eskaleras. Be en administratör lägga in enhetens chef under Enheter, eller ange en chef på ärendet.`,
      },
    ]);
    expect(withDirectory.json.manager).toEqual(sam);
    expect(withDirectory.json).not.toHaveProperty('warnings');
  });
});

describe('kind in Swedish', () => {
  it('"återrapportering" is understood, stored and answered as aterrapportering, and filters the list', async () => {
    const unit = unitName('Socialförvaltningen');
    api.deps.at('2028-04-05T09:00:00+02:00');

    const created = await http('POST', '/uppdrag', registrar, { body: remissBody({ kind: 'återrapportering', title: 'Återrapportera hemtjänstens bemanning', unit, due: { date: '2028-10-31' } }) });
    const listed = await http('GET', `/uppdrag?unit=${encodeURIComponent(unit)}&kind=${encodeURIComponent('återrapportering')}`, registrar);

    expect(created.status, created.text).toBe(201);
    expect(created.json.kind).toBe('aterrapportering');
    expect(listed.json.items.map((i: { id: string; kind: string }) => [i.id, i.kind])).toEqual([[created.json.id, 'aterrapportering']]);
  });
});

describe('items a clerk must look at', () => {
  it('GET /uppdrag?attention=… lists them, for one reason or any, read through the attention index; a new deadline clears the flag', async () => {
    const unit = unitName('Tekniska förvaltningen');
    api.deps.at('2028-01-10T09:00:00+01:00');
    await putPlan('FN', 2028, 10, ['2028-02-14', '2028-03-13']);
    const plain = await http('POST', '/uppdrag', registrar, { body: remissBody({ kind: 'uppdrag', title: 'Byta gatubelysning', unit, due: { date: '2028-11-30' }, decision: { body: 'KS', date: '2027-12-13', paragraph: '§ 200' } }) });
    const moved = await http('POST', '/uppdrag', registrar, {
      body: remissBody({ kind: 'aterrapportering', title: 'Redovisa vinterväghållningen', unit, due: { meeting: { body: 'FN', month: '2028-03' } }, decision: { body: 'KS', date: '2027-12-13', paragraph: '§ 201' } }),
    });
    // FN cancels its March meeting: the återrapportering has no meeting left in March.
    await putPlan('FN', 2028, 10, ['2028-02-14', '2028-04-10']);
    api.deps.at('2028-07-10T09:00:00+02:00');
    const held = await http('POST', '/uppdrag', registrar, { body: remissBody({ title: 'Yttrande över regional trafikplan', unit }) });
    const list = async (query: string, who: Who = registrar) => {
      const response = await http('GET', `/uppdrag?unit=${encodeURIComponent(unit)}&${query}`, who);
      expect(response.status, response.text).toBe(200);
      return response.json.items.map((i: { id: string }) => i.id);
    };

    let byReason: Record<string, string[]> = {};
    const commands = await commandsDuring(async () => {
      byReason = {
        noMeeting: await list('attention=no_meeting_in_time'),
        held: await list('attention=meeting_already_held'),
        any: await list('attention=any'),
        anyDone: await list('attention=any&state=done'),
        manager: await list('attention=any', { email: 'chef@kommun.example.se', roles: ['manager'], unit }),
      };
    });
    await http('PATCH', `/uppdrag/${held.json.id}`, registrar, { headers: { 'if-match': '"1"' }, body: { due: { externalDeadline: '2028-08-15', recipient: 'Region Skåne' }, reason: 'Region Skåne har gett anstånd till 15 augusti; yttrandet lämnas på delegation.' } });

    expect(byReason).toEqual({
      noMeeting: [moved.json.id],
      held: [held.json.id],
      any: [moved.json.id, held.json.id],
      anyDone: [],
      manager: [moved.json.id, held.json.id],
    });
    expect(await list('')).toHaveLength(3);
    expect(await list('attention=any')).toEqual([moved.json.id]);
    expect((await http('GET', `/uppdrag/${plain.json.id}`, registrar)).json).not.toHaveProperty('attention');
    expect(commands.filter((c) => c.name === 'QueryCommand').every((c) => c.indexName === 'byAttention')).toBe(true);
    expect(commands.map((c) => c.name)).not.toContain('ScanCommand');
  });
});

describe('POST /deadlines/preview', () => {
  it('answers the dates and explanation an item would get, and stores nothing', async () => {
    api.deps.at('2028-04-05T09:00:00+02:00');
    const before = countsOf(await scanTable(api.deps.documentClient, api.deps.tableName));

    const response = await http('POST', '/deadlines/preview', registrar, {
      body: { kind: 'yttrande', decision: { body: 'KS', date: '2028-04-03' }, due: { externalDeadline: '2028-06-30', recipient: 'Region Skåne', decidedBy: 'KS' } },
    });
    const after = countsOf(await scanTable(api.deps.documentClient, api.deps.tableName));

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      dueDate: '2028-05-30',
      meetingDate: '2028-06-14',
      externalDeadline: '2028-06-30',
      dueExplanation:
        'Svaret till Region Skåne ska ha kommit in senast fredag 30 juni 2028. KS beslutar om yttrandet på sitt sista sammanträde senast den dagen. ' +
        'Handlingarna till KS:s sammanträde onsdag 14 juni 2028 ska vara inne 10 arbetsdagar före: tisdag 30 maj 2028.',
    });
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('answers the 422 the item would get, and the warnings', async () => {
    api.deps.at('2028-07-10T09:00:00+02:00');

    const noPlan = await http('POST', '/deadlines/preview', registrar, { body: { kind: 'återrapportering', due: { meeting: { body: 'SN', month: '2028-09' } } } });
    const beforeDecision = await http('POST', '/deadlines/preview', registrar, { body: { kind: 'uppdrag', decision: { body: 'KS', date: '2028-04-03' }, due: { date: '2027-06-30' } } });
    const held = await http('POST', '/deadlines/preview', registrar, { body: { kind: 'yttrande', due: { externalDeadline: '2028-06-30', recipient: 'Region Skåne', decidedBy: 'KS' } } });

    expect([noPlan.status, noPlan.json.code, noPlan.json.issues[0].path]).toEqual([422, 'no_meeting_plan', 'due.meeting.month']);
    expect([beforeDecision.status, beforeDecision.json.code]).toEqual([422, 'due_before_decision']);
    expect(held.json).toMatchObject({ attention: 'meeting_already_held', warnings: [{ code: 'meeting_already_held' }] });
  });

  it('gives the warnings the registration would, for the unit and manager given: outside_deadline_passed and no_manager', async () => {
    const unit = unitName('Fritidsförvaltningen');
    api.deps.at('2028-07-10T09:00:00+02:00');
    // Monday 10 July 2028: the recipient's last day was Friday 30 June.
    const body = { kind: 'yttrande', due: { externalDeadline: '2028-06-30', recipient: 'Region Skåne' } };

    const alone = await http('POST', '/deadlines/preview', registrar, { body: { ...body, unit } });
    const managed = await http('POST', '/deadlines/preview', registrar, { body: { ...body, unit, manager: sam } });
    const registered = await http('POST', '/uppdrag', registrar, { body: { ...remissBody({ unit, title: 'Yttrande över regional badplatsplan', due: body.due }), manager: undefined } });

    expect(alone.status, alone.text).toBe(200);
    expect(alone.json.warnings.map((w: { code: string }) => w.code)).toEqual(['no_manager', 'outside_deadline_passed']);
    expect(alone.json.warnings).toEqual(registered.json.warnings);
    expect(managed.json.warnings).toEqual([alone.json.warnings[1]]);
  });

  it('is for registrars: an official is refused before the input is looked at', async () => {
    const response = await http('POST', '/deadlines/preview', { email: kim.email }, { body: {} });

    expect([response.status, response.json.code]).toEqual([403, 'forbidden']);
  });
});

describe('report back at the body’s last meeting on or before a date', () => {
  const SN_2027 = ['2027-01-20', '2027-02-17', '2027-03-17', '2027-04-14', '2027-05-19', '2027-06-16', '2027-08-18', '2027-09-15', '2027-10-20', '2027-11-17', '2027-12-15'];

  it('"senast 2027" to SN is due on the document date of SN’s December meeting, and moves when SN’s plan does', async () => {
    api.deps.at('2027-03-01T09:00:00+01:00');
    await putPlan('SN', 2027, 10, SN_2027);

    const created = await http('POST', '/uppdrag', registrar, {
      body: remissBody({ kind: 'aterrapportering', title: 'Redovisa arbetet mot hemlöshet', decision: { body: 'SN', date: '2027-02-17', paragraph: '§ 12' }, due: { meeting: { body: 'SN', by: '2027-12-31' } } }),
    });
    await putPlan('SN', 2027, 10, SN_2027.filter((d) => d !== '2027-12-15'));
    const after = await http('GET', `/uppdrag/${created.json.id}`, registrar);
    const history = await http('GET', `/uppdrag/${created.json.id}/history`, registrar);

    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ meetingDate: '2027-12-15', dueDate: '2027-12-01' });
    expect(created.json.dueExplanation).toBe(
      'Återrapporteras till SN. Det gäller SN:s sista sammanträde senast fredag 31 december 2027. Handlingarna till SN:s sammanträde onsdag 15 december 2027 ska vara inne 10 arbetsdagar före: onsdag 1 december 2027.',
    );
    expect(after.json).toMatchObject({ meetingDate: '2027-11-17', dueDate: '2027-11-03', version: 2 });
    expect(history.json.events[1]).toMatchObject({ action: 'recomputed', reason: 'Sammanträdesplanen för SN 2027 ändrades.' });
  });

  it('with no meeting of the body by then, a 422 naming the nearest meetings', async () => {
    api.deps.at('2027-01-05T09:00:00+01:00');
    await putPlan('GN', 2027, 10, ['2027-03-15', '2027-06-14']);

    const response = await http('POST', '/uppdrag', registrar, {
      body: remissBody({ kind: 'aterrapportering', title: 'Redovisa gymnasieantagningen', decision: { body: 'GN', date: '2027-01-04', paragraph: '§ 1' }, due: { meeting: { body: 'GN', by: '2027-02-26' } } }),
    });

    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'no_meeting_in_time', issues: [{ path: 'due.meeting.by' }] });
    expect(response.json.message).toBe(
      'GN har inget sammanträde senast fredag 26 februari 2027 enligt sammanträdesplanen. Välj ett senare datum eller ett sammanträde i planen, närmast före: inget i de inlagda sammanträdesplanerna; närmast efter: måndag 15 mars 2027.',
    );
  });
});

describe('refusals in plain Swedish', () => {
  it('a refused registration names the fields to correct; a refused query the parameters', async () => {
    const body = await http('POST', '/uppdrag', registrar, { body: { ...remissBody({ kind: 'beslut' }), title: undefined } });
    const query = await http('GET', '/uppdrag?state=st%C3%A4ngd', registrar);

    expect(body.json).toEqual({
      code: 'validation_failed',
      message: 'Uppgifterna behöver rättas: typ, rubrik.',
      issues: [
        { path: 'kind', message: 'Typ ska vara uppdrag, återrapportering, yttrande eller motion.' },
        { path: 'title', message: 'Ange rubrik.' },
      ],
    });
    expect(query.json).toEqual({
      code: 'validation_failed',
      message: 'Sökvillkoren behöver rättas: status.',
      issues: [{ path: 'state', message: 'Status ska vara pågår, försenat, klart eller avbrutet (open, overdue, done eller cancelled).' }],
    });
  });
});
