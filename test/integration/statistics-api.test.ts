import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '../../local/tokens';
import { itemIndexKeys, itemKey } from '../../shared/adapters/dynamo/keys';
import { TABLE } from '../../shared/platform/table';
import { reindexItems } from '../../shared/application/items/reindex';
import type { Role } from '../../shared/domain/caller';
import type { StoredItem } from '../../shared/domain/items/item';
import { isolatedApi, type IsolatedApi } from '../support/isolated-api';
import { expectedFigures, expectedGroups, expectedOldestOpen, groupsByKey, inPeriod, type ExpectedFilters } from '../support/statistics-expected';
import { statisticsHistory, storeHistory, type HistoryItem } from '../support/statistics-history';

/**
 * GET /reports/statistik end to end: three years of generated history stored through the item
 * repository (each item with its index keys, as a registration stores it) in DynamoDB Local,
 * read back through the route, and held against the independent computation of
 * test/support/statistics-expected.ts. This proves the byDecision index and the wiring; the
 * rules themselves are proved in test/unit/statistics.test.ts.
 */

const today = '2027-11-16';
const history = statisticsHistory({ seed: 77, count: 2400, today });

let api: IsolatedApi;
/** Items read by every Query and Scan on the process's document client, by command. */
const reads = { Query: 0, Scan: 0 };

beforeAll(async () => {
  api = await isolatedApi();
  api.deps.at(`${today}T10:00:00+01:00`);
  // The composition root's one client: its reads are the route's reads.
  api.deps.documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const scanned = (result.output as { ScannedCount?: number }).ScannedCount ?? 0;
      if (context.commandName === 'QueryCommand') reads.Query += scanned;
      if (context.commandName === 'ScanCommand') reads.Scan += 1;
      return result;
    },
    { step: 'initialize', name: 'statisticsReadMeter', override: true },
  );
  await storeHistory(api.deps.items, history);
}, 240_000);
afterAll(() => api?.stop());

const registrar = { email: 'registrator@kommun.example.se', roles: ['registrar'] as Role[] };

async function get(path: string, accept = 'application/json', who: { email: string; roles: Role[] } = registrar) {
  const token = await signLocalToken({ email: who.email, roles: who.roles }, inject('jwtSecret'));
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

describe('GET /reports/statistik over three years of stored history', () => {
  const cases: { name: string; from: string; to: string; filters?: ExpectedFilters }[] = [
    { name: 'all three years', from: '2025-01-01', to: '2027-12-31' },
    { name: 'one year', from: '2026-01-01', to: '2026-12-31' },
    { name: 'a quarter across a year end', from: '2025-11-15', to: '2026-02-14' },
    { name: "KS's uppdrag", from: '2025-01-01', to: '2027-12-31', filters: { body: 'KS', kind: 'uppdrag' } },
    { name: "one unit's yttranden, decided or registered from a remiss", from: '2025-01-01', to: '2027-12-31', filters: { unit: 'Socialförvaltningen', kind: 'yttrande' } },
  ];

  it.each(cases)('answers the figures an independent computation gives, for $name', async ({ from, to, filters }) => {
    const query = new URLSearchParams({ from, to, ...filters });
    const response = await get(`/reports/statistik?${query}`);

    expect(response.status, response.text).toBe(200);
    const stats = JSON.parse(response.text);
    const chosen = inPeriod(history, from, to, filters);
    expect(chosen.length).toBeGreaterThan(30);
    expect(stats).toMatchObject({ from, to, asOf: today, filters: filters ?? {} });
    expect(stats.totals).toEqual(expectedFigures(chosen, today));
    expect(groupsByKey(stats.groups)).toEqual(expectedGroups(chosen, today));
    expect(stats.oldestOpen.map((row: { id: string; decidedOn: string; overdue: boolean; daysOpen: number }) => [row.id, row.decidedOn, row.overdue, row.daysOpen])).toEqual(
      expectedOldestOpen(chosen, today),
    );
  });

  it('reads only the items of the period, through the index: no Scan', async () => {
    const before = { ...reads };
    const response = await get('/reports/statistik?from=2026-01-01&to=2026-12-31');

    expect(response.status).toBe(200);
    expect(reads.Scan - before.Scan).toBe(0);
    expect(reads.Query - before.Query).toBe(inPeriod(history, '2026-01-01', '2026-12-31').length);
    expect(reads.Query - before.Query).toBeLessThan(history.length / 2);
  });

  it('answers the figures as CSV for Swedish Excel and as an XLSX workbook, one row for the period and one a group', async () => {
    const csv = await get('/reports/statistik?from=2026-01-01&to=2026-12-31', 'text/csv');
    const json = JSON.parse((await get('/reports/statistik?from=2026-01-01&to=2026-12-31')).text);

    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="statistik-2026-01-01-2026-12-31.csv"');
    const rows = parse(csv.text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows[0]).toEqual({
      Gruppering: 'Alla beslut',
      Grupp: '2026-01-01–2026-12-31',
      Beslutade: String(json.totals.decided),
      'Klara i tid': String(json.totals.doneOnTime),
      'Klara försenat': String(json.totals.doneLate),
      Avbrutna: String(json.totals.cancelled),
      'Pågående i tid': String(json.totals.openOnTime),
      Försenade: String(json.totals.openOverdue),
      Förlängda: String(json.totals.extended),
      'Median dagar till klart': String(json.totals.medianDaysToDone),
      '90:e percentil dagar till klart': String(json.totals.p90DaysToDone),
    });
    const groups = Object.values(json.groups as Record<string, unknown[]>).flat().length;
    expect(rows).toHaveLength(1 + groups);
    expect(rows.filter((r) => r.Gruppering === 'Organ').map((r) => r.Grupp)).toEqual(json.groups.body.map((g: { label: string }) => g.label));

    const xlsx = await get('/reports/statistik?from=2026-01-01&to=2026-12-31', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('answers the printable page with its three charts, their text alternatives and data tables, under a strict CSP', async () => {
    const page = await get('/reports/statistik?from=2025-01-01&to=2027-12-31', 'text/html');

    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'/);
    expect(page.text.match(/<figure class="stats-chart"/g)).toHaveLength(3);
    expect(page.text.match(/<svg role="img" aria-label="[^"]+"/g)).toHaveLength(3);
    expect(page.text).not.toMatch(/<script|href="http|xlink:href/);
    expect(page.text).toContain('<figcaption><strong>Utfall per organ.</strong> Liggande staplar per organ');
    expect(page.text).toContain('<caption class="visually-hidden">Ärenden per organ</caption>');
  });

  it('refuses a period that ends before it starts, naming the field, and a caller who is not a registrar', async () => {
    const reversed = await get('/reports/statistik?from=2026-12-31&to=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(JSON.parse(reversed.text).issues).toEqual([{ path: 'to', message: 'Ska vara samma dag som from eller senare.' }]);

    const official = await get('/reports/statistik?from=2026-01-01&to=2026-12-31', 'application/json', { email: 'handlaggare@kommun.example.se', roles: [] });
    expect(official.status).toBe(403);
  });
});

describe('an item stored before the statistics index existed', () => {
  /** Decided at KF on 2 March 2026, still open: as it was stored before byDecision, without its keys. */
  const old: HistoryItem = { ...history.find((item) => item.decision && item.status === 'open')!, id: 'fore-indexet', decision: { body: 'KF', date: '2026-03-02', paragraph: '§ 7' } };
  const count = async () => JSON.parse((await get('/reports/statistik?from=2026-03-02&to=2026-03-02')).text).totals.decided as number;

  it('is left out until `npm run reindex` gives it its index keys, then counted', async () => {
    const before = await count();
    const { byDecision, byDecisionBody } = TABLE.indexes;
    const statisticsKeys: string[] = [byDecision.partitionKey, byDecision.sortKey, byDecisionBody.partitionKey, byDecisionBody.sortKey];
    const olderKeys = Object.fromEntries(Object.entries(itemIndexKeys(old as StoredItem)).filter(([name]) => !statisticsKeys.includes(name)));
    await api.deps.documentClient.send(new PutCommand({ TableName: api.deps.tableName, Item: { ...itemKey(old.id), ...olderKeys, ...old } }));
    expect(await count()).toBe(before);

    const report = await reindexItems(api.deps.items);

    expect(report).toEqual({ reindexed: history.length + 1, changedMeanwhile: 0 });
    expect(await count()).toBe(before + 1);
  });
});

describe('an item on the statistics index without its counted facts', () => {
  /** Decided at KS on 3 March 2026, extended once to 30 April, closed late on 4 May: stored with byDecision's keys, before the facts were kept beside them. */
  const old: HistoryItem = {
    ...history.find((item) => item.decision && item.status === 'open')!,
    id: 'utan-fakta',
    decision: { body: 'KS', date: '2026-03-03', paragraph: '§ 12' },
    dueDate: '2026-04-30',
    due: { date: '2026-04-30' },
    deadlineChanges: 1,
    status: 'done',
    closedAt: '2026-05-04T07:00:00.000Z',
    updatedAt: '2026-05-04T07:00:00.000Z',
  };
  const figures = async () => JSON.parse((await get('/reports/statistik?from=2026-03-03&to=2026-03-03&body=KS')).text).totals as Record<string, number>;

  it('is counted from the item itself, as it would be from its facts', async () => {
    expect((await figures()).decided).toBe(0);
    const { [TABLE.indexes.byDecision.factsAttribute]: _facts, ...withoutFacts } = itemIndexKeys(old as StoredItem);
    await api.deps.documentClient.send(new PutCommand({ TableName: api.deps.tableName, Item: { ...itemKey(old.id), ...withoutFacts, ...old } }));

    // 62 days from the decision on 3 March to the closing on 4 May.
    expect(await figures()).toEqual({ decided: 1, doneOnTime: 0, doneLate: 1, cancelled: 0, openOnTime: 0, openOverdue: 0, extended: 1, medianDaysToDone: 62, p90DaysToDone: 62 });
  });
});

