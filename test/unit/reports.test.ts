import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/platform/clock';
import type { StoredItem } from '../../shared/domain/items/item';
import type { ItemQuery, ItemRepository } from '../../shared/application/items/ports';
import { balanslista, markOf, motionRow, verkstallighet } from '../../shared/application/reports/reports';
import { balanslistaPage } from '../../shared/views/reports/pages';

const base: StoredItem = {
  id: 'a',
  kind: 'motion',
  title: 'Motion om simskolor',
  caseNumber: 'KS 2026/1',
  decision: { body: 'KF', date: '2026-06-15', paragraph: '§ 88' },
  responsible: { name: 'Kim Berg', email: 'kim@kommun.example.se' },
  unit: 'BUF',
  due: { raised: '2026-06-15' },
  dueDate: '2027-05-17',
  meetingDate: '2027-06-14',
  statutoryLimit: '2027-06-15',
  dueExplanation: '',
  reminders: { beforeDays: [7], overdueEveryDays: 7, escalateAfterDays: 7 },
  status: 'open',
  createdBy: 'reg@kommun.example.se',
  createdAt: '2027-05-01T08:00:00.000Z',
  updatedAt: '2027-05-01T08:00:00.000Z',
  version: 1,
};

/** A repository answering `list` two items a page, recording the queries it was asked. */
function fakeItems(items: StoredItem[]) {
  const queries: ItemQuery[] = [];
  const repo = {
    async list(query: ItemQuery) {
      queries.push(query);
      const matching = items.filter((i) => (!query.kind || i.kind === query.kind) && (!query.decisionBody || i.decision?.body === query.decisionBody) && query.statuses.includes(i.status));
      const start = Number(query.cursor ?? 0);
      const next = start + 2;
      return { items: matching.slice(start, next), ...(next < matching.length ? { nextCursor: String(next) } : {}) };
    },
  } as unknown as ItemRepository;
  return { repo, queries };
}

/** No body has a meeting plan. */
const NO_PLANS = { meetingPlanList: async () => [] };

describe('the balanslista marks', () => {
  it('marks past the limit "over", the limit day and up to 60 days "soon", later nothing', () => {
    expect([-1, 0, 60, 61].map(markOf)).toEqual(['over', 'soon', 'soon', null]);
  });

  it('counts a motion registered without a raised date to its deadline', () => {
    const { statutoryLimit: _, ...noLimit } = base;
    const row = motionRow({ ...noLimit, due: { date: '2027-06-01' }, dueDate: '2027-06-01' }, '2027-05-15');
    expect(row).toMatchObject({ daysLeft: 17, mark: 'soon' });
    expect(row.raised).toBeUndefined();
    expect(row.statutoryLimit).toBeUndefined();
  });
});

describe('reading the reports', () => {
  const items: StoredItem[] = [
    { ...base, id: 'm1', statutoryLimit: '2027-09-21', title: 'Solceller' },
    { ...base, id: 'm2', statutoryLimit: '2027-04-20', title: 'Simskolor' },
    // Registered on 16 May in Stockholm (22:30 UTC on the 15th): not on a list as of the 15th.
    { ...base, id: 'm3', createdAt: '2027-05-15T22:30:00.000Z' },
    { ...base, id: 'm4', statutoryLimit: '2027-06-15', title: 'Laddstolpar' },
    { ...base, id: 'u1', kind: 'uppdrag', due: { date: '2027-06-30' }, dueDate: '2027-06-30', deadlineChanges: 2, lastDeadlineReason: 'Väntar' },
    { ...base, id: 'k1', kind: 'uppdrag', decision: { body: 'KS', date: '2027-01-01', paragraph: '1' } },
  ];

  it('walks every page of open motions and sorts them by statutory limit', async () => {
    const { repo, queries } = fakeItems(items);
    const report = await balanslista({ items: repo, clock: fixedClock('2027-05-20T10:00:00Z') }, '2027-05-15');

    expect(report.rows.map((r) => r.id)).toEqual(['m2', 'm4', 'm1']);
    expect(report.summary).toEqual({ total: 3, over: 1, soon: 1 });
    expect(queries.map((q) => [q.kind, q.statuses, q.limit, q.cursor])).toEqual([
      ['motion', ['open'], 100, undefined],
      ['motion', ['open'], 100, '2'],
    ]);
  });

  it('defaults asOf to the Stockholm date of the clock', async () => {
    const { repo } = fakeItems(items);
    const report = await balanslista({ items: repo, clock: fixedClock('2027-05-15T22:30:00Z') });
    expect(report.asOf).toBe('2027-05-16');
    expect(report.rows.map((r) => r.id)).toContain('m3');
  });

  it("asks for one body's decisions and sorts them by deadline", async () => {
    const { repo, queries } = fakeItems(items);
    const report = await verkstallighet({ items: repo, plans: NO_PLANS, clock: fixedClock('2027-05-20T10:00:00Z') }, 'KF', '2027-05-15');

    expect(queries[0]).toMatchObject({ decisionBody: 'KF', statuses: ['open'] });
    expect(report.rows.map((r) => r.id)).toEqual(['m4', 'm2', 'm1', 'u1']);
    expect(report.rows.at(-1)).toMatchObject({ deadlineChanges: 2, lastDeadlineReason: 'Väntar', daysLeft: 46 });
  });

  it('a body the municipality does not have (no meeting plan, no item ever) is refused: 422 unknown_body at body, not an empty report', async () => {
    const { repo } = fakeItems(items);
    const deps = { items: { ...repo, ofDecisionBody: async () => [] }, plans: NO_PLANS, clock: fixedClock('2027-05-20T10:00:00Z') };

    await expect(verkstallighet(deps, 'XYZ', '2027-05-15')).rejects.toMatchObject({
      kind: 'refused',
      code: 'unknown_body',
      message: 'Kommunen har inget organ som heter XYZ: det har ingen sammanträdesplan och inget ärende. Kontrollera förkortningen, t.ex. KS.',
      issues: [{ path: 'body' }],
    });
  });

  it('a body with a meeting plan and no open item gets its (empty) report', async () => {
    const { repo } = fakeItems(items);
    const deps = { items: { ...repo, ofDecisionBody: async () => [] }, plans: { meetingPlanList: async () => [{ body: 'SBN', year: 2027 }] }, clock: fixedClock('2027-05-20T10:00:00Z') };

    expect((await verkstallighet(deps, 'SBN', '2027-05-15')).rows).toEqual([]);
  });

  it('escapes every user text on the page', async () => {
    const { repo } = fakeItems([{ ...base, title: '<img src=x onerror=alert(1)>', unit: '"><script>x</script>', statusReport: { note: '<b>klart</b>', by: 'k', at: '2027-05-02T10:00:00Z' } }]);
    const page = balanslistaPage(await balanslista({ items: repo, clock: fixedClock('2027-05-20T10:00:00Z') }, '2027-05-15'));
    expect(page).not.toMatch(/<img|<script|<b>klart/);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
