/**
 * Exports: every route that answers CSV also answers XLSX, read back here with exceljs; and the
 * largest export the README allows leaves Lambda, measured as Lambda returns it.
 */
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createItem } from '../../shared/application/items/service';
import type { StoredItem } from '../../shared/domain/items/item';
import { EXPORT_MAX_ROWS } from '../../functions/items/handler';
import type { ApiEvent, ApiResult } from '../../shared/http/contract';
import { LAMBDA_RESPONSE_MAX_BYTES } from '../../shared/http/deliverable';
import { XLSX_TYPE } from '../../shared/views/spreadsheets/table';
import { lambdaContext } from '../../local/server';
import { signLocalToken } from '../../local/tokens';
import type { Role } from '../../shared/domain/caller';
import type { World as Dependencies } from '../support/route-server';
import { apiGatewayEvent } from '../support/lambda-event';
import { loadHandler } from '../support/route-server';
import { isolatedApi } from '../support/isolated-api';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
const registrar = { email: clerk.who, roles: ['registrar'] as Role[] };
const unit = 'Kommunledningskontoret';

type Api = Awaited<ReturnType<typeof isolatedApi>>;
let api: Api;

async function http(path: string, accept: string, acceptEncoding?: string, who: { email: string; roles: Role[]; unit?: string } = registrar) {
  const token = await signLocalToken({ email: who.email, roles: who.roles, ...(who.unit ? { unit: who.unit } : {}) }, inject('jwtSecret'));
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** The first sheet of a workbook, its header row, and a cell of the data row whose `key` column holds `value`. */
async function workbook(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rowWhere = (header: string, value: unknown) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(headers.indexOf(header) + 1).value === value) return sheet.getRow(r);
    throw new Error(`no row with ${header} = ${String(value)}`);
  };
  const cell = (row: ExcelJS.Row, header: string) => row.getCell(headers.indexOf(header) + 1);
  return { sheet, headers, rowWhere, cell };
}

const csvHeaders = (buffer: Buffer) => (parse(buffer.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][])[0];

beforeAll(async () => {
  api = await isolatedApi();
  await api.deps.plans.saveMeetingPlan({ body: 'KF', year: 2027, leadWorkingDays: 20, dates: ['2027-02-22', '2027-04-19', '2027-06-14', '2027-09-20', '2027-11-22', '2027-12-13'] }, 'admin@kommun.example.se', '2027-01-01T08:00:00.000Z');
  await api.deps.plans.saveMeetingPlan({ body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-21', '2028-04-24', '2028-06-19'] }, 'admin@kommun.example.se', '2027-01-01T08:00:00.000Z');
  api.deps.at('2027-05-03T09:00:00+02:00');
  const responsible = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
  // An imported backlog row: a digit-only case number, overdue since April.
  await createItem(api.deps, clerk, {
    kind: 'uppdrag',
    title: 'Inventera kommunens konstsamling',
    caseNumber: '0123',
    decision: { body: 'KF', date: '2027-02-22', paragraph: '17' },
    responsible,
    unit,
    due: { date: '2027-04-30' },
  });
  await createItem(api.deps, clerk, {
    kind: 'motion',
    title: 'Motion om fler bänkar i centrum',
    caseNumber: '0456',
    decision: { body: 'KF', date: '2027-04-19', paragraph: '§ 44' },
    responsible,
    unit,
    due: { raised: '2027-04-19' },
  });
});
afterAll(() => api.stop());

describe('every route that answers CSV also answers XLSX, with the CSV’s Swedish headers', () => {
  const routes: [string, string, string, string][] = [
    ['GET /uppdrag', `/uppdrag?unit=${encodeURIComponent(unit)}`, 'Diarienummer', 'Tidsfrist'],
    ['GET /overdue', `/overdue?unit=${encodeURIComponent(unit)}`, 'Id', 'Tidsfrist'],
    ['GET /reports/balanslista', '/reports/balanslista?asOf=2027-05-15', 'Diarienummer', 'Väckt'],
    ['GET /reports/verkstallighet', '/reports/verkstallighet?body=KF&asOf=2027-05-15', 'Diarienummer', 'Tidsfrist'],
  ];

  it.each(routes)('%s: identifiers are text cells, dates are date cells', async (_, path, identifier, date) => {
    const xlsx = await http(path, XLSX_TYPE);
    const csv = await http(path, 'text/csv');
    const { headers, sheet, cell } = await workbook(xlsx.body);

    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9-]+\.xlsx"$/);
    expect(headers).toEqual(csvHeaders(csv.body));
    expect(sheet.rowCount).toBeGreaterThan(1);
    const row = sheet.getRow(2);
    expect(typeof cell(row, identifier).value).toBe('string');
    expect(cell(row, identifier).numFmt).toBe('@');
    expect(cell(row, date).value).toBeInstanceOf(Date);
  });

  it('a digit-only case number stays "0123", and a deadline is the date 30 April 2027', async () => {
    const { rowWhere, cell } = await workbook((await http(`/uppdrag?unit=${encodeURIComponent(unit)}`, XLSX_TYPE)).body);
    const row = rowWhere('Diarienummer', '0123');

    expect(cell(row, 'Tidsfrist').value).toEqual(new Date('2027-04-30T00:00:00Z'));
    expect(cell(row, 'Beslutsdatum').value).toEqual(new Date('2027-02-22T00:00:00Z'));
    expect(cell(row, 'Paragraf').value).toBe('17');
  });

  it('a manager’s workbook holds their own unit only: another unit’s list is refused, their own overdue list lacks the other unit’s item', async () => {
    const manager = { email: 'chef.kultur@kommun.example.se', roles: ['manager'] as Role[], unit: 'Kulturförvaltningen' };

    const other = await http(`/uppdrag?unit=${encodeURIComponent(unit)}`, XLSX_TYPE, undefined, manager);
    const own = await workbook((await http('/overdue', XLSX_TYPE, undefined, manager)).body);

    expect(other.status).toBe(403);
    // Kommunledningskontoret's overdue item is not theirs: the sheet has its headers and nothing else.
    expect(own.headers).toContain('Rubrik');
    expect(own.sheet.rowCount).toBe(1);
  });

  it('the balanslista’s case number and raised date, read back', async () => {
    const { rowWhere, cell } = await workbook((await http('/reports/balanslista?asOf=2027-05-15', XLSX_TYPE)).body);
    const row = rowWhere('Diarienummer', '0456');

    expect(cell(row, 'Väckt').value).toEqual(new Date('2027-04-19T00:00:00Z'));
    expect(cell(row, 'Lagstadgad gräns').value).toEqual(new Date('2028-04-19T00:00:00Z'));
  });
});

describe('an answer too large for Lambda is never sent', () => {
  it('a CSV export comes gzip-compressed when the client accepts it, and reads the same', async () => {
    const culture = 'Kulturförvaltningen';
    for (const title of ['Se över bibliotekets öppettider', 'Utreda en ny konsthall', 'Redovisa kulturskolans kö', 'Ta fram en plan för offentlig konst']) {
      await createItem(api.deps, clerk, {
        kind: 'uppdrag',
        title,
        decision: { body: 'KF', date: '2027-02-22', paragraph: '§ 18' },
        responsible: { name: 'Eva Lind', email: 'eva.lind@kommun.example.se' },
        unit: culture,
        due: { date: '2027-10-29' },
      });
    }
    const path = `/uppdrag?unit=${encodeURIComponent(culture)}`;
    // Node's fetch asks for gzip and unpacks it; the raw header shows what was sent.
    const compressed = await http(path, 'text/csv', 'gzip');
    const plain = await http(path, 'text/csv', 'identity');

    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(compressed.body.equals(plain.body)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The largest export allowed, measured as Lambda returns it: the items handler called directly with
// the event API Gateway sends, over a repository that holds more matching items than an export takes.

const WORDS = 'utreda ta fram redovisa riktlinjer för skolskjuts hemtjänstens nattbemanning tillsyn av gatubelysningen regional cykelstrategi detaljplan översiktsplan medborgardialog e-tjänstplattform fritidsgårdarnas öppettider avgifter simskola biblioteket kulturhuset parkering trafiksäkerhet upphandling lokalförsörjning förskola äldreboende'.split(' ');

/** Varied, realistic items (about 400 bytes a CSV row, as the README's estimate), the same on every run. */
function realisticItems(count: number, template: StoredItem): StoredItem[] {
  let seed = 20_000;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const people = Array.from({ length: 400 }, (_, i) => ({ name: `Handläggare ${i} ${pick(WORDS)}`, email: `handlaggare.${i}@kommun.example.se` }));
  const units = Array.from({ length: 12 }, (_, i) => `Förvaltning ${i} för ${pick(WORDS)}`);
  return Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `${i.toString(16).padStart(8, '0')}-${Math.floor(random() * 2 ** 48).toString(16).padStart(12, '0')}-4a1b-9c2d-${Math.floor(random() * 2 ** 48).toString(16).padStart(12, '0')}`,
    kind: pick(['uppdrag', 'aterrapportering', 'yttrande', 'motion'] as const),
    title: words(4 + Math.floor(random() * 6)),
    caseNumber: `KS ${2026 + (i % 3)}/${1 + Math.floor(random() * 900)}`,
    decision: { body: pick(['KS', 'KF', 'SN', 'BUN']), date: '2027-04-12', paragraph: `§ ${1 + Math.floor(random() * 200)}` },
    responsible: pick(people),
    unit: pick(units),
    deadlineChanges: Math.floor(random() * 3),
    ...(random() < 0.3 ? { lastDeadlineReason: words(8) } : {}),
    ...(random() < 0.5 ? { statusReport: { note: words(10), by: 'x@kommun.example.se', at: '2027-05-01T08:00:00.000Z' } } : {}),
  }));
}

describe(`the largest export allowed (${EXPORT_MAX_ROWS.toLocaleString('sv-SE')} rows) as Lambda returns it`, () => {
  let deps: Dependencies;
  beforeAll(async () => {
    const template = (await api.deps.items.list({ statuses: ['open'], limit: 1 })).items[0]!;
    const items = realisticItems(EXPORT_MAX_ROWS + 500, template);
    deps = {
      ...api.deps,
      items: {
        ...api.deps.items,
        list: async (query) => {
          const start = Number(query.cursor ?? 0);
          const next = start + query.limit;
          return { items: items.slice(start, next), ...(next < items.length ? { nextCursor: String(next) } : {}) };
        },
      },
    };
  });

  const claims = { email: clerk.who, roles: ['registrar'], iss: 'bevakning-local', aud: 'bevakning-api' };
  async function lambda(headers: Record<string, string>): Promise<{ result: ApiResult; bytes: number }> {
    const handler = await loadHandler('items', deps);
    const result = await handler(apiGatewayEvent({ method: 'GET', path: '/uppdrag', claims, headers }) as ApiEvent, lambdaContext('items'));
    // What Lambda measures against its limit: the result object, serialized, the base64 body in it.
    return { result, bytes: Buffer.byteLength(JSON.stringify(result), 'utf8') };
  }

  it('as CSV asked for compressed: within 6 MB, and unpacks to every row', async () => {
    const { result, bytes } = await lambda({ accept: 'text/csv', 'accept-encoding': 'gzip, deflate, br' });
    const csv = gunzipSync(Buffer.from(result.body!, 'base64')).toString('utf8');

    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(true);
    expect(result.headers).toMatchObject({ 'content-encoding': 'gzip', 'content-type': 'text/csv; charset=utf-8' });
    expect(Buffer.byteLength(csv)).toBeGreaterThan(LAMBDA_RESPONSE_MAX_BYTES);
    expect(bytes).toBeLessThan(LAMBDA_RESPONSE_MAX_BYTES);
    expect(parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';' })).toHaveLength(EXPORT_MAX_ROWS + 1);
  }, 60_000);

  it('as XLSX: within 6 MB, base64 and all, with every row', async () => {
    const { result, bytes } = await lambda({ accept: XLSX_TYPE });
    const { sheet } = await workbook(Buffer.from(result.body!, 'base64'));

    expect(result.statusCode).toBe(200);
    expect(bytes).toBeLessThan(LAMBDA_RESPONSE_MAX_BYTES);
    expect(sheet.rowCount).toBe(EXPORT_MAX_ROWS + 1);
  }, 60_000);

  it('as CSV not asked for compressed: a Swedish 422 saying what to do, not an answer Lambda cannot return', async () => {
    const { result, bytes } = await lambda({ accept: 'text/csv' });
    const body = JSON.parse(result.body!);

    expect(result.statusCode).toBe(422);
    expect(bytes).toBeLessThan(10_000);
    expect(body.code).toBe('response_too_large');
    expect(body.message).toMatch(/^Svaret blir \d+(,\d)? MB okomprimerat, och högst 6 MB kan skickas\. Be om det komprimerat med Accept-Encoding: gzip/);
  }, 60_000);
});
