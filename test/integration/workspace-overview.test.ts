import { beforeAll, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { declineItem, requestExtension } from '../../shared/application/items/link-actions';
import { registrarOverview } from '../../shared/application/items/registrar-lists';
import { createItem, patchItem } from '../../shared/application/items/service';
import { saveMeetingPlan } from '../../shared/application/plans/plans';
import { setUnitManager } from '../../shared/application/units/directory';
import { DomainError } from '../../shared/domain/errors';
import { isolatedDependencies } from '../support/isolated';

/**
 * Översikt's lists (`registrarOverview`): what needs a registrar on Monday 22 March 2027, read from
 * the open items' partition of a table of its own. Each seeded item belongs in exactly the lists
 * its title names.
 */

let deps: Awaited<ReturnType<typeof isolatedDependencies>>;
const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
const admin = { who: 'admin@kommun.example.se', roles: new Set(['admin'] as const) };
const kim = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
const ids: Record<string, string> = {};

const register = async (title: string, extra: Record<string, unknown>) => {
  const body = createItemBody.parse({
    kind: 'uppdrag',
    title,
    decision: { body: 'KS', date: '2027-01-11', paragraph: '§ 4' },
    responsible: kim,
    unit: 'Kommunledningskontoret',
    manager: { name: 'Sam Ek', email: 'sam.ek@kommun.example.se' },
    due: { date: '2027-09-30' },
    ...extra,
  });
  ids[title] = (await createItem(deps, clerk, body)).item.id;
  return ids[title]!;
};

beforeAll(async () => {
  deps = await isolatedDependencies();
  deps.at('2027-03-22T09:00:00+01:00');
  await saveMeetingPlan(deps, admin, { body: 'KF', year: 2027, leadWorkingDays: 20, dates: ['2027-02-15', '2027-04-12', '2027-06-14', '2027-09-20', '2027-11-22'] });
  await saveMeetingPlan(deps, admin, { body: 'KS', year: 2027, leadWorkingDays: 15, dates: ['2027-01-25', '2027-02-22', '2027-03-29', '2027-09-27'] });
  await setUnitManager(deps, admin, 'Socialförvaltningen', { manager: { name: 'Eva Lind', email: 'eva.lind@kommun.example.se' } });

  await register('nothing needed', {});
  await requestExtension(deps, kim.email, await register('extension, due later', { due: { date: '2027-10-29' } }), { date: '2027-12-15', reason: 'Väntar på SN' });
  await requestExtension(deps, kim.email, await register('extension, due first', { due: { date: '2027-06-30' } }), { date: '2027-08-31', reason: 'Semestrar' });
  await declineItem(deps, kim.email, await register('not mine', {}), 'Hör till KLK');
  // Its meeting (KS 22 February) was held before it was registered.
  await register('attention', { kind: 'aterrapportering', due: { meeting: { body: 'KS', month: '2027-02' } } });
  await register('overdue 21 days', { due: { date: '2027-03-01' } });
  await register('overdue 3 days', { due: { date: '2027-03-19' } });
  await register('no manager anywhere', { manager: undefined, unit: 'Kulturförvaltningen' });
  await register('the unit has a manager', { manager: undefined, unit: 'Socialförvaltningen' });
  await register("the manager's address bounced", { manager: { name: 'Studs Adress', email: 'studs@kommun.example.se' } });
  await deps.suppressions.suppress('studs@kommun.example.se', 'bounce', '2027-03-20T10:00:00Z');
  // Raised 20 April 2026: its statutory limit, 20 April 2027, is 29 days away.
  await register('motion near its limit', { kind: 'motion', decision: { body: 'KF', date: '2026-04-20', paragraph: '§ 51' }, due: { raised: '2026-04-20' } });
  await register('motion far from its limit', { kind: 'motion', decision: { body: 'KF', date: '2026-12-01', paragraph: '§ 140' }, due: { raised: '2026-12-01' } });
  await patchItem(deps, clerk, await register('closed, overdue, no manager', { manager: undefined, unit: 'Kulturförvaltningen', due: { date: '2027-03-01' } }), 1, { status: 'done', note: 'Klart' });
});

const titles = (list: { id: string }[]) => list.map((item) => Object.entries(ids).find(([, id]) => id === item.id)![0]);

describe("the registrar's overview", () => {
  it('lists the requests for a later deadline, earliest deadline first', async () => {
    expect(titles((await registrarOverview(deps, clerk)).extensionRequests)).toEqual(['extension, due first', 'extension, due later']);
  });

  it('lists "inte mitt ärende"', async () => {
    expect(titles((await registrarOverview(deps, clerk)).reassignRequests)).toEqual(['not mine']);
  });

  it('lists the items flagged for a clerk', async () => {
    expect(titles((await registrarOverview(deps, clerk)).attention)).toEqual(['attention']);
  });

  it('lists the overdue items, most overdue first, open ones only', async () => {
    const { overdue } = await registrarOverview(deps, clerk);
    // The motion is due at the document date of KF 12 April: 20 working days before, Good Friday and Easter Monday not counted.
    expect(overdue.map((item) => [titles([item])[0], item.dueDate])).toEqual([
      ['attention', '2027-02-01'],
      ['overdue 21 days', '2027-03-01'],
      ['motion near its limit', '2027-03-11'],
      ['overdue 3 days', '2027-03-19'],
    ]);
  });

  it('lists the items an escalation reaches no manager for: none on the item nor for its unit, or the address bounced', async () => {
    expect(titles((await registrarOverview(deps, clerk)).noManager).sort()).toEqual(["the manager's address bounced", 'no manager anywhere'].sort());
  });

  it('lists the motions within 60 days of their statutory limit', async () => {
    const { motionsNearLimit } = await registrarOverview(deps, clerk);
    expect(titles(motionsNearLimit)).toEqual(['motion near its limit']);
    expect(motionsNearLimit[0]!.statutoryLimit).toBe('2027-04-20');
  });

  it('is for registrars and admins', async () => {
    await expect(registrarOverview(deps, admin)).resolves.toBeDefined();
    const refusal = await registrarOverview(deps, { who: kim.email, roles: new Set() }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).kind).toBe('forbidden');
  });
});
