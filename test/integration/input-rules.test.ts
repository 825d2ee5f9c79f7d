/**
 * Input rules at the HTTP edge (SECURITY.md, "Input"): a body that is not UTF-8, text holding
 * control, line-separator or bidi characters (in a body or in an address), a year or a body of the
 * wrong type, and If-Match in a form the API does not take are each refused with a clear Swedish
 * answer, and nothing is stored. Through the local server, on a table of the test's own; the
 * encoding also through the handler called with the base64 event API Gateway sends for bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../local/server';
import { CONTROL_MESSAGE, MULTILINE_CONTROL_MESSAGE } from '../../shared/domain/items/vocabulary';
import { admin, itemBody as body, registrar as clerk, tokenFor } from '../support/api';
import { loadHandler, routeServer } from '../support/route-server';
import { apiGatewayEvent } from '../support/lambda-event';
import { scanTable } from '../support/table-snapshot';

let server: Awaited<ReturnType<typeof routeServer>>;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await routeServer();
  tokens.clerk = await tokenFor(clerk);
  tokens.admin = await tokenFor(admin);
});
afterAll(() => server?.stop());

async function send(method: string, path: string, as: 'clerk' | 'admin', payload?: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/json', ...headers },
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text || 'null') as any };
}
const stored = () => scanTable(server.deps.documentClient, server.deps.tableName);

describe('a JSON body must be UTF-8', () => {
  const latin1 = new Uint8Array(Buffer.from(JSON.stringify(body({ title: 'Utreda formerna för medborgardialog' })), 'latin1'));

  it('Latin-1 text ("för" as the byte F6), even declared charset=iso-8859-1, is refused with 400 invalid_encoding and nothing is stored', async () => {
    const before = await stored();
    for (const type of ['application/json', 'application/json; charset=iso-8859-1']) {
      const answer = await send('POST', '/uppdrag', 'clerk', latin1, { 'content-type': type });
      expect([type, answer.status, answer.json.code, answer.json.message]).toEqual([type, 400, 'invalid_encoding', 'Texten ska vara kodad som UTF-8.']);
    }
    expect(await stored()).toEqual(before);
  });

  it('the same bytes as API Gateway passes a binary body (base64) are refused alike by the handler', async () => {
    const handler = await loadHandler('items', server.deps);
    const event = apiGatewayEvent({ method: 'POST', path: '/uppdrag', headers: { 'content-type': 'application/json' }, body: Buffer.from(latin1).toString('base64'), claims: { email: clerk.email, roles: clerk.roles } });
    const answer = await handler({ ...event, isBase64Encoded: true }, lambdaContext('items', 'test'));
    expect([answer.statusCode, JSON.parse(answer.body!).code]).toEqual([400, 'invalid_encoding']);
  });

  it('pasted decision text keeps a U+FFFD its PDF copy left (a glyph the PDF could not map): drafted, not refused; an item with one is refused', async () => {
    const text = 'Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan f\uFFFDr lekplatser senast den 30 september 2027.';
    const drafted = await send('POST', '/uppdrag/drafts', 'clerk', JSON.stringify({ text, body: 'KS', meetingDate: '2027-03-15' }));
    expect(drafted.status, drafted.text).toBe(200);
    expect(drafted.json.drafts.map((d: { kind: string }) => d.kind)).toEqual(['uppdrag']);
    const before = await stored();
    const titled = await send('POST', '/uppdrag', 'clerk', JSON.stringify(body({ title: 'Plan f\uFFFDr lekplatser' })));
    expect([titled.status, titled.json.code]).toEqual([400, 'invalid_encoding']);
    expect(await stored()).toEqual(before);
  });

  it('a UTF-8 body starting with a byte order mark (as Windows tools write it) is accepted, the title unchanged', async () => {
    const withBom = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(body({ title: 'Utreda formerna för e-förslag' })), 'utf8')]));
    const answer = await send('POST', '/uppdrag', 'clerk', withBom);
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json.title).toBe('Utreda formerna för e-förslag');
  });
});

describe('text fields refuse control, line-separator and bidi characters, and lone surrogates', () => {
  const characters: [string, string][] = [
    ['the line separator U+2028', '\u2028'],
    ['the paragraph separator U+2029', '\u2029'],
    ['NEL U+0085 (a C1 control)', '\u0085'],
    ['the C1 controls U+0080 and U+009F', '\u0080\u009f'],
    ['a right-to-left override U+202E', '\u202E'],
    ['a left-to-right embedding U+202A', '\u202A'],
    ['a right-to-left isolate U+2067 and its end U+2069', '\u2067abc\u2069'],
    ['a lone high surrogate', '\ud83d'],
    ['a lone low surrogate', '\ude00'],
  ];

  it.each(characters)('a title holding %s: 400 at title, with the rule\'s message, nothing stored', async (_, character) => {
    const before = await stored();
    const answer = await send('POST', '/uppdrag', 'clerk', JSON.stringify(body({ title: `Utreda ${character}gnp.exe` })));
    expect(answer.status).toBe(400);
    expect(answer.json.issues).toEqual([{ path: 'title', message: CONTROL_MESSAGE }]);
    expect(await stored()).toEqual(before);
  });

  it('a description may hold line breaks and tabs, but not a bidi override or U+2028', async () => {
    const lines = await send('POST', '/uppdrag', 'clerk', JSON.stringify(body({ description: 'Första stycket.\r\n\r\n\tAndra stycket 😀.' })));
    expect(lines.status, lines.text).toBe(201);
    for (const character of ['\u202E', '\u2028', '\u0085', '\u0000']) {
      const answer = await send('POST', '/uppdrag', 'clerk', JSON.stringify(body({ description: `Första${character}stycket.` })));
      expect(answer.json.issues).toEqual([{ path: 'description', message: MULTILINE_CONTROL_MESSAGE }]);
    }
  });

  it('a manager name in the unit directory and a role holder\'s unit are held to the same rule', async () => {
    const unit = await send('PUT', '/units/Kommunledningskontoret', 'admin', JSON.stringify({ manager: { name: 'Sam\u202EkE', email: 'sam.ek@kommun.example.se' } }));
    expect(unit.json.issues).toEqual([{ path: 'manager.name', message: CONTROL_MESSAGE }]);
    const role = await send('PUT', '/directory/roles/kommundirektör', 'admin', JSON.stringify({ name: 'Kim Berg', email: 'kim.berg@kommun.example.se', unit: 'Kommun\u2028ledning' }));
    expect(role.json.issues).toEqual([{ path: 'unit', message: CONTROL_MESSAGE }]);
  });
});

describe('path parameters are held to the text rule', () => {
  const manager = JSON.stringify({ manager: { name: 'Sam Ek', email: 'sam.ek@kommun.example.se' } });
  const holder = JSON.stringify({ name: 'Kim Berg', email: 'kim.berg@kommun.example.se', unit: 'Kommunledningskontoret' });

  it.each([
    ['a NUL in a unit', '/units/a%00b', manager, 'unit'],
    ['a right-to-left override in a unit', '/units/%E2%80%AEabc', manager, 'unit'],
    ['NEL in a unit', '/units/a%C2%85b', manager, 'unit'],
    ['a NUL in a role', '/directory/roles/a%00b', holder, 'role'],
    ['a line separator in a role', '/directory/roles/chef%E2%80%A8x', holder, 'role'],
  ])('%s: 400 naming the parameter, nothing stored', async (_, path, payload, field) => {
    const before = await stored();
    const answer = await send('PUT', path, 'admin', payload);
    expect(answer.status).toBe(400);
    expect(answer.json.issues).toEqual([{ path: field, message: CONTROL_MESSAGE }]);
    expect(await stored()).toEqual(before);
  });
});

describe('refusals of a wrong type or number are plain Swedish', () => {
  const plan = JSON.stringify({ leadWorkingDays: 10, dates: ['2027-02-15'] });

  it.each(['0000', 'abc', '2027.5', '2101'])('PUT /meetings/KS/%s: "Året ska vara ett heltal 2000–2100."', async (year) => {
    const answer = await send('PUT', `/meetings/KS/${year}`, 'admin', plan);
    expect(answer.status).toBe(400);
    expect(answer.json.issues).toEqual([{ path: 'year', message: 'Året ska vara ett heltal 2000–2100.' }]);
  });

  // Number() would read each of these as a year (0x7E3 and 2.027e3 are 2027): a year is decimal digits only.
  it.each(['0x7E3', '2.027e3', '%202027', '2027%20', '+2027', '2027.0', '0b11111101011'])(
    'a year is decimal digits only: PUT /meetings/KS/%s is refused 400 on year and nothing is stored',
    async (year) => {
      const before = await stored();
      const answer = await send('PUT', `/meetings/KS/${year}`, 'admin', plan);
      expect([answer.status, answer.json.issues]).toEqual([400, [{ path: 'year', message: 'Året ska vara ett heltal 2000–2100.' }]]);
      expect(await stored()).toEqual(before);
    },
  );

  it.each(['0x10', '1e1', '%205', '%2B5', '5.0'])('a page size is decimal digits only: GET /uppdrag?limit=%s is refused 400 on limit', async (limit) => {
    const answer = await send('GET', `/uppdrag?limit=${limit}`, 'clerk');
    expect([answer.status, answer.json.issues]).toEqual([400, [{ path: 'limit', message: 'Antal per sida ska vara ett heltal, 1–100.' }]]);
  });

  it('a body that is a list, a number or text where an object belongs: "Skicka ett JSON-objekt."', async () => {
    for (const payload of ['[1]', '42', '"uppdrag"']) {
      const answer = await send('POST', '/uppdrag', 'clerk', payload);
      expect([payload, answer.status, answer.json.issues]).toEqual([payload, 400, [{ path: '', message: 'Skicka ett JSON-objekt.' }]]);
    }
  });

  it('a number out of bounds and a value of the wrong type name the rule without type names', async () => {
    const lead = await send('PUT', '/meetings/KS/2027', 'admin', JSON.stringify({ leadWorkingDays: 10, dates: 'idag' }));
    expect(lead.json.issues).toEqual([{ path: 'dates', message: 'Ska vara en lista.' }]);
    expect(lead.text).not.toMatch(/förväntat|fick|object|array|number|NaN/);
  });
});

describe('If-Match takes the ETag as GET sends it', () => {
  async function registered() {
    const answer = await send('POST', '/uppdrag', 'clerk', JSON.stringify(body({ title: `Ta fram en plan för If-Match ${Math.random()}` })));
    expect(answer.status, answer.text).toBe(201);
    return answer.json.id as string;
  }
  const patch = (id: string, ifMatch: string, title = 'Ny rubrik') => send('PATCH', `/uppdrag/${id}`, 'clerk', JSON.stringify({ title }), { 'if-match': ifMatch });

  it('"*" is 428 precondition_required, saying the ETag from GET is needed; nothing changes', async () => {
    const id = await registered();
    const answer = await patch(id, '*');
    expect([answer.status, answer.json.code, answer.json.message]).toEqual([428, 'precondition_required', 'Ange If-Match med ärendets ETag från GET, t.ex. "3".']);
    expect((await send('GET', `/uppdrag/${id}`, 'clerk')).json.version).toBe(1);
  });

  it.each(['W/"1"', '"1", "2"', '"1', 'v1', '""'])('%s is 400 invalid_if_match; nothing changes', async (ifMatch) => {
    const id = await registered();
    const answer = await patch(id, ifMatch);
    expect([answer.status, answer.json.code, answer.json.issues[0]?.path]).toEqual([400, 'invalid_if_match', 'If-Match']);
    expect((await send('GET', `/uppdrag/${id}`, 'clerk')).json.version).toBe(1);
  });

  it('the ETag quoted as GET sends it is accepted, and so is its bare number', async () => {
    const id = await registered();
    expect((await patch(id, '"1"')).status).toBe(200);
    expect((await patch(id, '2', 'En annan rubrik')).status).toBe(200);
    expect((await send('GET', `/uppdrag/${id}`, 'clerk')).json.version).toBe(3);
  });
});
