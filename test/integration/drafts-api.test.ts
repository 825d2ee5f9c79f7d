import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admin, call, registrar, uniqueUnit } from '../support/api';

/** The directory's unit for the role, unique to this file so counts are not disturbed by other tests. */
const unit = uniqueUnit('Utbildningsförvaltningen');
const unitQuery = `/uppdrag?unit=${encodeURIComponent(unit)}&limit=100`;

const decision = [
  'BARN- OCH UTBILDNINGSNÄMNDEN                    PROTOKOLL',
  '                                                2026-05-20',
  '',
  '§ 44                                            BUN 2026/212',
  '',
  'Riktlinjer för skolskjuts',
  '',
  'Beslut',
  'Nämnden uppdrar åt förvaltningschefen att senast 30 juni 2026 ta fram riktlinjer för',
  'skolskjuts.',
].join('\n');

describe('drafting items from a decision text', () => {
  it('proposes the commission with the person from the role directory, and the draft registers as it is', async () => {
    const put = await call('PUT', '/directory/roles/Förvaltningschefen', {
      as: admin,
      body: { name: 'Ulla Rask', email: 'ulla.rask@kommun.example.se', unit },
    });
    const read = await call('GET', '/directory/roles/f%C3%B6rvaltningschef', { as: registrar });

    const response = await call('POST', '/uppdrag/drafts', { as: registrar, body: { text: decision } });
    const [draft] = response.json.drafts;
    const created = await call('POST', '/uppdrag', { as: registrar, body: draft.body });

    expect(put.status).toBe(200);
    expect(read.json).toMatchObject({ name: 'Ulla Rask', unit });
    expect(response.status).toBe(200);
    expect(response.json.drafts).toHaveLength(1);
    expect(draft).toMatchObject({
      kind: 'uppdrag',
      responsibleRole: expect.stringMatching(/förvaltningschef/i),
      responsible: { name: 'Ulla Rask', email: 'ulla.rask@kommun.example.se' },
      due: { date: '2026-06-30' },
      decision: { body: 'BUN', date: '2026-05-20', paragraph: '§ 44' },
      missing: [],
      deadline: { dueDate: '2026-06-30' },
    });
    expect(decision.slice(draft.source.start, draft.source.end)).toContain('uppdrar åt förvaltningschefen');
    expect(created.status, created.text).toBe(201);
  });

  it('stores nothing, and refuses an official', async () => {
    const before = await call('GET', unitQuery, { as: registrar });

    const official = await call('POST', '/uppdrag/drafts', { as: { email: 'x@kommun.example.se' }, body: { text: decision } });
    await call('POST', '/uppdrag/drafts', { as: registrar, body: { text: decision } });
    const after = await call('GET', unitQuery, { as: registrar });

    expect(official.status).toBe(403);
    expect(before.json.items).toHaveLength(1);
    expect(after.json.items).toHaveLength(1);
  });

  it('an empty text or an unknown field is a 400', async () => {
    const empty = await call('POST', '/uppdrag/drafts', { as: registrar, body: { text: '' } });
    const unknown = await call('POST', '/uppdrag/drafts', { as: registrar, body: { text: decision, extra: 1 } });

    expect(empty.json.issues[0].path).toBe('text');
    expect(unknown.json.issues[0].path).toBe('extra');
  });

  it('a text giving more than 500 drafts (600 commissions, each on its own line) is a 422 too_many_drafts in Swedish, on the field text', async () => {
    const commissions = Array.from({ length: 600 }, (_, i) => `att förvaltningschefen får i uppdrag att utreda skolskjuts på linje ${i + 1}.`);
    const text = ['Barn- och utbildningsnämnden', '§ 45', 'Beslut', ...commissions].join('\n');

    const response = await call('POST', '/uppdrag/drafts', { as: registrar, body: { text } });

    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'too_many_drafts', issues: [{ path: 'text' }] });
    expect(response.json.detail ?? response.json.message).toMatch(/^Texten ger \d[\d\s]* förslag; högst 500 kan granskas på en gång/);
  });
});

describe('the example decision that ships with the repository', () => {
  it("docs/examples/beslut.txt, sent as the README's drafts walkthrough sends it, gives its two commissions, ready to register", async () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'examples', 'beslut.txt'), 'utf8');
    await call('PUT', '/directory/roles/kommundirekt%C3%B6r', { as: admin, body: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se', unit } });

    const response = await call('POST', '/uppdrag/drafts', { as: registrar, body: { text } });

    expect(response.status, response.text).toBe(200);
    const decision = { body: 'KS', date: '2026-11-16', paragraph: '§ 141' };
    const responsible = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
    expect(response.json.drafts).toMatchObject([
      { kind: 'uppdrag', title: 'Ta fram en handlingsplan för digital tillgänglighet', responsibleRole: 'kommundirektören', responsible, due: { date: '2027-04-30' }, decision, caseNumber: 'KS 2026/318', missing: [] },
      { kind: 'aterrapportering', title: 'Återrapportera arbetet med handlingsplanen', responsibleRole: 'kommundirektören', responsible, due: { meeting: { body: 'KS', month: '2027-09' } }, decision, missing: [] },
    ]);
  });
});
