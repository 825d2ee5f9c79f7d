/**
 * Getting the work in through the API (issue 20): the justerat protokoll as a PDF gives drafts per
 * § with deadlines from the meeting plans; a scan and an oversized file are refused in Swedish; a
 * backlog spreadsheet is dry-run, imported, and imports nothing the second time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signLocalToken } from '../../local/tokens';
import { PDF_MAX_BYTES } from '../../shared/http/media';
import { protokoll, pdfOf } from '../support/protokoll';
import { routeServer } from '../support/route-server';

let server: Awaited<ReturnType<typeof routeServer>>;
let registrar: string;
let admin: string;
beforeAll(async () => {
  server = await routeServer();
  registrar = await signLocalToken({ email: 'registrator@kommun.example.se', roles: ['registrar'] }, inject('jwtSecret'));
  admin = await signLocalToken({ email: 'admin@kommun.example.se', roles: ['admin'] }, inject('jwtSecret'));
});
afterAll(() => server.stop());

const send = async (path: string, body: Buffer | string, type: string, token = registrar) => {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: response.status, json: (await response.json()) as any };
};

describe('POST /uppdrag/drafts with the protokoll as a PDF', () => {
  it('gives the drafts per §, each with its §, case number and the deadline the meeting plans give', async () => {
    const plan = await fetch(`${server.url}/meetings/KS/2027`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ leadWorkingDays: 10, dates: ['2027-04-19', '2027-05-24', '2027-11-22', '2027-12-13'] }),
    });
    expect(plan.status).toBe(200);

    const answer = await send('/uppdrag/drafts?body=KS&meetingDate=2027-03-15', await protokoll(), 'application/pdf');

    expect(answer.status).toBe(200);
    const drafts = answer.json.drafts as any[];
    expect(drafts.map((d) => [d.kind, d.decision.paragraph, d.caseNumber])).toEqual([
      ['uppdrag', '§ 31', 'KS 2027/45'],
      ['aterrapportering', '§ 32', 'KS 2027/52'],
      ['motion', '§ 18', 'KS 2027/61'],
      ['yttrande', '§ 34', 'KS 2027/70'],
    ]);
    // "återrapportera till kommunstyrelsen i november 2027": KS meets 22 November, documents 10 working days before.
    expect(drafts[1].deadline).toMatchObject({ dueDate: '2027-11-08', meetingDate: '2027-11-22' });
    // The remiss answer KS decides: its last meeting on or before 28 April is 19 April.
    expect(drafts[3].deadline).toMatchObject({ dueDate: '2027-04-05', meetingDate: '2027-04-19', externalDeadline: '2027-04-28' });
    // § 35's work in words the rules do not read: no draft, but listed for the clerk.
    expect(answer.json.unproposed).toEqual([
      { source: { sentence: 'En analys av sjukfrånvaron väntas åter till kommunstyrelsen senast i juni 2027.', start: expect.any(Number), end: expect.any(Number) }, paragraph: '§ 35', mentions: ['tidsfrist'] },
    ]);
  });

  it('a scanned PDF is refused with pdf_without_text and a Swedish message; nothing else is read', async () => {
    const blank = await pdfOf((doc) => doc.fontSize(9).text('1'));

    const answer = await send('/uppdrag/drafts', blank, 'application/pdf');

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'pdf_without_text', message: expect.stringContaining('inskannad') });
  });

  it('a PDF larger than what reaches Lambda is refused with 413 before it is read', async () => {
    const answer = await send('/uppdrag/drafts', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(PDF_MAX_BYTES)]), 'application/pdf');

    expect(answer.status).toBe(413);
    expect(answer.json.code).toBe('payload_too_large');
  });
});

describe('POST /imports with the backlog as a CSV from Swedish Excel', () => {
  const csv = [
    'Id;Typ;Rubrik;Diarienummer;Organ;Beslutsdatum;Paragraf;Ansvarig;E-post;Enhet;Tidsfrist',
    ';Uppdrag;Ta fram en plan för lekplatser;KS 2026/45;KS;2026-03-11;§ 31;Kim Berg;kim.berg@kommun.example.se;Kommunledningskontoret;2026-09-30',
    ';Återrapportering;Utreda nattbemanningen;KS 2026/52;KS;2026-03-11;§ 32;Eva Holm;eva.holm@kommun.example.se;Socialförvaltningen;30 juni',
  ].join('\r\n');

  it('the dry run names the bad row and column and stores nothing; the import stores the good row; the same file again stores nothing', async () => {
    const dry = await send('/imports?dryRun=true', `\ufeff${csv}`, 'text/csv; charset=utf-8');
    const imported = await send('/imports', `\ufeff${csv}`, 'text/csv; charset=utf-8');
    const again = await send('/imports', `\ufeff${csv}`, 'text/csv; charset=utf-8');

    expect(dry.status).toBe(200);
    expect(dry.json.rows).toEqual([
      { row: 2, status: 'would_create' },
      { row: 3, status: 'error', issues: [{ path: 'Tidsfrist', message: expect.stringMatching(/^Kolumnen Tidsfrist: /) }] },
    ]);
    expect(imported.json.counts).toMatchObject({ created: 1, error: 1 });
    expect(again.json.counts).toMatchObject({ created: 0, exists: 1, error: 1 });
  });

  it('another kind of file is refused with 415, naming the kinds it takes', async () => {
    const answer = await send('/imports', '{}', 'application/json');

    expect(answer.status).toBe(415);
    expect(answer.json.message).toContain('text/csv');
  });
});
