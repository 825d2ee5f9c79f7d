import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createItem, patchItem } from '../../shared/application/items/service';
import { runDigest } from '../../shared/application/digest/job';
import { createDigestDependencies } from '../../functions/digest/dependencies';
import { signLocalToken } from '../../local/tokens';
import type { Role } from '../../shared/domain/caller';
import { isolatedApi } from '../support/isolated-api';
import { mailTo, type StoredEmail } from '../support/isolated';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
let seq = 0;
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}.${process.pid}.${Date.now()}.${++seq}@kommun.example.se` });
const unitName = (name: string) => `${name} ${process.pid}-${++seq}`;

type Api = Awaited<ReturnType<typeof isolatedApi>>;
let api: Api;
beforeAll(async () => {
  api = await isolatedApi();
});
afterAll(() => api.stop());

async function register(fields: { title: string; unit: string; responsible: { name: string; email: string }; dueDate: string; manager?: { name: string; email: string }; kind?: string }) {
  api.deps.at('2027-05-03T09:00:00+02:00');
  return (
    await createItem(api.deps, clerk, {
      kind: fields.kind ?? 'uppdrag',
      title: fields.title,
      caseNumber: 'KS 2027/12',
      decision: { body: 'KS', date: '2027-04-12', paragraph: '§ 40' },
      responsible: fields.responsible,
      unit: fields.unit,
      ...(fields.manager ? { manager: fields.manager } : {}),
      due: { date: fields.dueDate },
    } as never)
  ).item;
}

async function http(method: string, path: string, who: { email: string; roles?: Role[]; unit?: string }, options: { body?: unknown; accept?: string } = {}) {
  const token = await signLocalToken({ email: who.email, roles: who.roles ?? [], ...(who.unit ? { unit: who.unit } : {}) }, inject('jwtSecret'));
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(options.body ? { 'content-type': 'application/json' } : {}), ...(options.accept ? { accept: options.accept } : {}) },
    ...(options.body ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  return { status: response.status, headers: response.headers, text, json: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

const adminUser = { email: 'admin@kommun.example.se', roles: ['admin'] as Role[] };
const registrarUser = { email: clerk.who, roles: ['registrar'] as Role[] };

describe('the unit directory', () => {
  it('an admin sets a unit\'s manager; an item registered without a manager takes the unit\'s', async () => {
    const unit = unitName('Miljöförvaltningen');
    const chef = person('Eva Chef');

    const put = await http('PUT', `/units/${encodeURIComponent(unit)}`, adminUser, { body: { manager: chef } });
    const item = await register({ title: 'Inventera förorenad mark', unit, responsible: person('Kim Berg'), dueDate: '2027-09-01' });

    expect(put.status).toBe(200);
    expect((await http('GET', `/units/${encodeURIComponent(unit)}`, registrarUser)).json.manager).toEqual(chef);
    expect(item.manager).toEqual(chef);
    expect((await http('PUT', `/units/${encodeURIComponent(unit)}`, registrarUser, { body: { manager: chef } })).status).toBe(403);
    expect((await http('GET', `/units/${encodeURIComponent(unitName('Okänd'))}`, registrarUser)).status).toBe(404);
  });

  it('refuses a second unit whose name differs only in case or spaces, naming the one there is', async () => {
    const unit = unitName('Samhällsbyggnad');
    const lena = person('Lena Holm');
    await http('PUT', `/units/${encodeURIComponent(unit)}`, adminUser, { body: { manager: lena } });

    const other = await http('PUT', `/units/${encodeURIComponent(unit.toLocaleLowerCase('sv'))}`, adminUser, { body: { manager: person('Per Ek') } });

    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ code: 'unit_spelled_otherwise', issues: [{ path: 'unit', message: `Skriv ${unit}, som enheten redan heter.` }] });
    expect((await http('GET', `/units/${encodeURIComponent(unit)}`, registrarUser)).json.manager).toEqual(lena);
  });
});

describe('GET /overdue', () => {
  it("gives a manager their own unit's overdue items, most days overdue first, with deadline changes and the last reason", async () => {
    const unit = unitName('Socialförvaltningen');
    const manager = { ...person('Sam Ek'), roles: ['manager'] as Role[], unit };
    const kim = person('Kim Berg');
    const late = await register({ title: 'Utreda hemtjänstens nattbemanning', unit, responsible: kim, dueDate: '2027-05-20' });
    const later = await register({ title: 'Redovisa tillsynen', unit, responsible: kim, dueDate: '2027-05-31' });
    await register({ title: 'Inte försenat än', unit, responsible: kim, dueDate: '2027-06-30' });
    api.deps.at('2027-05-10T10:00:00+02:00');
    const reason = 'Väntar på SN; "remissvar"\nkommer i maj';
    await patchItem(api.deps, clerk, late.id, late.version, { due: { date: '2027-05-24' }, reason });

    api.deps.at('2027-06-07T08:00:00+02:00');
    const response = await http('GET', '/overdue', manager);

    expect(response.status).toBe(200);
    expect(response.json.unit).toBe(unit);
    expect(response.json.asOf).toBe('2027-06-07');
    expect(response.json.items.map((i: { id: string; daysLeft: number }) => [i.id, i.daysLeft])).toEqual([
      [late.id, -14],
      [later.id, -7],
    ]);
    expect(response.json.items[0]).toMatchObject({ deadlineChanges: 1, lastDeadlineReason: reason, responsible: kim });

    const csv = await http('GET', '/overdue', manager, { accept: 'text/csv' });
    expect(csv.text.startsWith('\ufeff')).toBe(true);
    const rows = parse(csv.text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Ansvarig', 'E-post', 'Typ', 'Rubrik', 'Beslut', 'Tidsfrist', 'Dagar kvar (negativt = försenat)', 'Ändringar av tidsfristen', 'Senaste skäl', 'Senaste lägesrapport', 'Id']);
    expect(rows[1]).toEqual(['Kim Berg', kim.email, 'Uppdrag', 'Utreda hemtjänstens nattbemanning', 'KS 2027-04-12 § 40, KS 2027/12', '2027-05-24', '-14', '1', reason, '', late.id]);

    const page = await http('GET', '/overdue', manager, { accept: 'text/html' });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Försenade ärenden: ');
    expect(page.text).toContain('14 dagar försenat');
  });

  it("refuses a manager another unit's list, asks a registrar which unit, and refuses officials", async () => {
    const unit = unitName('Kulturförvaltningen');
    await register({ title: 'Hemligt', unit, responsible: person('Kim Berg'), dueDate: '2027-05-20' });
    api.deps.at('2027-06-07T08:00:00+02:00');
    const otherManager = { ...person('Ola Annan'), roles: ['manager'] as Role[], unit: unitName('Tekniska') };

    const other = await http('GET', `/overdue?unit=${encodeURIComponent(unit)}`, otherManager);
    const ownDefault = await http('GET', '/overdue', otherManager);
    const registrarNoUnit = await http('GET', '/overdue', registrarUser);
    const registrarUnit = await http('GET', `/overdue?unit=${encodeURIComponent(unit)}`, registrarUser);
    const official = await http('GET', '/overdue', person('Kim Berg'));

    expect(other.status).toBe(403);
    expect(ownDefault.json.items).toEqual([]);
    expect(registrarNoUnit.status).toBe(400);
    expect(registrarNoUnit.json.issues).toEqual([{ path: 'unit', message: 'Krävs för registratorer och administratörer.' }]);
    expect(registrarUnit.json.items.map((i: { title: string }) => i.title)).toEqual(['Hemligt']);
    expect(official.status).toBe(403);
  });

  it('refuses a manager whose token names no unit with 403 manager_without_unit, saying the token lacks the unit, not that it is another unit', async () => {
    const unit = unitName('Kulturförvaltningen');
    await register({ title: 'Bibliotekets öppettider', unit, responsible: person('Kim Berg'), dueDate: '2027-05-20' });
    api.deps.at('2027-06-07T08:00:00+02:00');
    const unitless = { ...person('Ola Utan'), roles: ['manager'] as Role[] };
    const refusal = {
      code: 'manager_without_unit',
      message: 'Token saknar enhet (claim unit): en chef ser sin enhets ärenden, så token måste ange enheten. Be den som sköter inloggningen lägga till den.',
      issues: [],
    };

    const answers = await Promise.all(
      ['/overdue', `/overdue?unit=${encodeURIComponent(unit)}`, `/uppdrag?unit=${encodeURIComponent(unit)}`, `/units/${encodeURIComponent(unit)}`].map(async (path) => {
        const answer = await http('GET', path, unitless);
        return [path, answer.status, answer.json];
      }),
    );
    const ownItems = await http('GET', '/uppdrag', unitless);

    expect(answers).toEqual(answers.map(([path]) => [path, 403, refusal]));
    expect([ownItems.status, ownItems.json.items]).toEqual([200, []]);
  });
});

type Mail = StoredEmail & { attachments?: { filename: string; contentType: string; content: string }[] };

describe('the weekly overview', () => {
  async function twoUnits() {
    const social = unitName('Socialförvaltningen');
    const teknik = unitName('Tekniska förvaltningen');
    const directoryChef = person('Eva Chef');
    const itemChef = person('Olle Chef');
    await api.deps.units.put({ unit: social, manager: directoryChef, updatedBy: 'admin', updatedAt: '2027-05-01T00:00:00Z' });
    const kim = person('Kim Berg');
    const ali = person('Ali Nur');
    const overdue = await register({ title: 'Utreda nattbemanningen', unit: social, responsible: kim, dueDate: '2027-06-01' });
    const soon = await register({ title: 'Redovisa tillsynen', unit: social, responsible: ali, dueDate: '2027-06-18', kind: 'aterrapportering' });
    const far = await register({ title: 'Långt fram', unit: social, responsible: kim, dueDate: '2027-09-30' });
    const closed = await register({ title: 'Klart förra veckan', unit: social, responsible: kim, dueDate: '2027-06-10' });
    api.deps.at('2027-06-09T14:00:00+02:00');
    await patchItem(api.deps, clerk, closed.id, closed.version, { status: 'done', note: 'Återrapporterad' });
    const road = await register({ title: 'Åtgärda gatubelysningen', unit: teknik, responsible: person('Lo Berg'), dueDate: '2027-06-02', manager: itemChef });
    return { social, teknik, directoryChef, itemChef, overdue, soon, far, closed, road, kim };
  }

  it("sends each unit's manager one email on Monday: overdue, due within 14 days, avslutade last week (dated in long Swedish form), the numbers, the CSV and the link", async () => {
    const s = await twoUnits();
    api.deps.at('2027-06-14T07:00:00+02:00');

    const report = await runDigest({ ...createDigestDependencies(api.deps.env, api.deps.clock), backoffMs: 5 });

    expect(report.catchUp).toBe(false);
    const mine = report.sent.filter((e) => [s.social, s.teknik].includes(e.unit));
    expect(mine.map((e) => [e.to, e.unit]).sort()).toEqual([[s.directoryChef.email, s.social], [s.itemChef.email, s.teknik]].sort());
    const email = (await mailTo(s.directoryChef.email)).at(-1) as Mail;
    expect(email.subject).toBe(`Veckoöversikt ${s.social}: 1 försenat, 1 på väg`);
    const text = email.body.text!;
    expect(text).toContain('Veckoöversikt för ' + s.social + ', vecka 24 (måndag 14 juni 2027).');
    expect(text).toContain('  Öppna ärenden: 3\n  Försenade: 1\n  Avslutade i år: 1, varav i tid: 1 (100 %)\n  Avslutade förra veckan: 1');
    expect(text).toContain('Försenade (1)\n1. Utreda nattbemanningen');
    expect(text).toContain('På väg: tidsfrist inom 14 dagar (1)\n1. Redovisa tillsynen');
    expect(text).toContain('Avslutade förra veckan (1)\n1. Klart förra veckan\n   Ansvarig: ' + s.kim.name + '\n   Avslutat onsdag 9 juni 2027 (klart), tidsfrist torsdag 10 juni 2027');
    expect(text).not.toContain('Långt fram');
    const csv = email.attachments?.find((a) => a.filename === 'veckooversikt-2027-06-14.csv');
    const rows = parse(Buffer.from(csv!.content, 'base64').toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['Försenat', 'Utreda nattbemanningen'],
      ['På väg', 'Redovisa tillsynen'],
      ['Avslutat förra veckan', 'Klart förra veckan'],
    ]);
    expect(text).toMatch(/http:\/\/localhost:\d+\/p\/\S+/);
  });

  it('is sent exactly once a week: the same Monday again and the days after send nothing more', async () => {
    const s = await twoUnits();
    const run = (instant: string) => {
      api.deps.at(instant);
      return runDigest({ ...createDigestDependencies(api.deps.env, api.deps.clock), backoffMs: 5 });
    };

    await run('2027-06-14T07:00:00+02:00');
    const again = await run('2027-06-14T07:00:00+02:00');
    const tuesday = await run('2027-06-15T07:00:00+02:00');

    expect(again.sent.filter((e) => e.unit === s.social)).toEqual([]);
    expect(tuesday.catchUp).toBe(true);
    expect(tuesday.sent.filter((e) => e.unit === s.social)).toEqual([]);
    expect(await mailTo(s.directoryChef.email)).toHaveLength(1);
  });

  it('a week whose Monday is a holiday gets it on Tuesday (annandag påsk 2028)', async () => {
    const unit = unitName('Kultur');
    const chef = person('Pia Chef');
    api.deps.at('2028-04-03T09:00:00+02:00');
    await createItem(api.deps, clerk, {
      kind: 'uppdrag', title: 'Påskärende', caseNumber: 'KS 2028/1', decision: { body: 'KS', date: '2028-03-20', paragraph: '§ 1' },
      responsible: person('Kim Berg'), unit, manager: chef, due: { date: '2028-04-10' },
    } as never);
    const run = (instant: string) => {
      api.deps.at(instant);
      return runDigest({ ...createDigestDependencies(api.deps.env, api.deps.clock), backoffMs: 5 });
    };

    const monday = await run('2028-04-17T07:00:00+02:00');
    const tuesday = await run('2028-04-18T07:00:00+02:00');

    expect(monday.skipped).toBe('non_working_day');
    expect(tuesday.catchUp).toBe(false);
    expect(tuesday.sent.filter((e) => e.unit === unit).map((e) => e.to)).toEqual([chef.email]);
  });
});

describe("the unit page from the overview's link", () => {
  it('shows the unit\'s overdue and upcoming items, filters by kind and official, and nothing of other units', async () => {
    const s = await twoUnits2();
    const link = /(http:\/\/localhost:\d+\/p\/[^\s#]+)/.exec((await mailTo(s.chef.email)).at(-1)!.body.text!)![1]!;

    const page = await (await fetch(link)).text();
    const byKind = await (await fetch(`${link}?typ=aterrapportering`)).text();
    const byOfficial = await (await fetch(`${link}?ansvarig=${encodeURIComponent(s.kim.email)}`)).text();

    expect(page).toContain('Försenat och på väg');
    expect(page).toContain('Utreda nattbemanningen');
    expect(page).toContain('Redovisa tillsynen');
    expect(page).not.toContain('Annan enhets ärende');
    expect(page).not.toContain('<form method="post"');
    expect(byKind).not.toContain('Utreda nattbemanningen');
    expect(byKind).toContain('Redovisa tillsynen');
    expect(byOfficial).toContain('Utreda nattbemanningen');
    expect(byOfficial).not.toContain('Redovisa tillsynen');

    const altered = await fetch(link.replace(/.{4}$/, 'AAAA'));
    expect(altered.status).toBe(404);
    expect(await altered.text()).not.toContain('Utreda nattbemanningen');
  });

  async function twoUnits2() {
    const unit = unitName('Omsorg');
    const chef = person('Eva Chef');
    const kim = person('Kim Berg');
    await api.deps.units.put({ unit, manager: chef, updatedBy: 'admin', updatedAt: '2027-05-01T00:00:00Z' });
    await register({ title: 'Utreda nattbemanningen', unit, responsible: kim, dueDate: '2027-06-01' });
    await register({ title: 'Redovisa tillsynen', unit, responsible: person('Ali Nur'), dueDate: '2027-06-18', kind: 'aterrapportering' });
    await register({ title: 'Annan enhets ärende', unit: unitName('Annan'), responsible: kim, dueDate: '2027-06-01', manager: person('Ola Chef') });
    api.deps.at('2027-06-14T07:00:00+02:00');
    await runDigest({ ...createDigestDependencies(api.deps.env, api.deps.clock), backoffMs: 5 });
    return { unit, chef, kim };
  }
});
