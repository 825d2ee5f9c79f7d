import { describe, expect, it } from 'vitest';
import {
  issuesToFieldErrors,
  itemFormName,
  itemFormValues,
  newRegisterForm,
  parseClosedDaysForm,
  parseItemForm,
  parseListQuery,
  parsePlanChoice,
  parsePlanForm,
  parsePreviewForm,
  parseRegisterForm,
  parseRoleForm,
  parseSignInForm,
  parseUnitForm,
  registerIntent,
} from '../../shared/views/workspace/forms';
import { eTjanst, klimat, remiss } from './workspace-fixtures';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

/** A filled-in Registrera form: KS 2026-03-11 § 58, an återrapportering to KS in September. */
const filled = {
  kind: 'aterrapportering',
  title: 'Utreda formerna för en gemensam e-tjänstplattform',
  description: '',
  caseNumber: 'KS 2026/141',
  decisionBody: 'ks',
  decisionDate: '2026-03-11',
  decisionParagraph: '§ 58',
  remissReceived: '',
  remissReference: '',
  responsibleName: 'Kim Berg',
  responsibleEmail: 'Kim.Berg@kommun.example.se',
  unit: 'Kommunledningskontoret',
  managerName: '',
  managerEmail: '',
  dueForm: 'meeting',
  dueDate: '',
  meetingBody: 'KS',
  meetingMonth: '2026-09',
  meetingDate: '',
  idempotencyKey: '6b1f0c1e-8d4a-4b7e-9a21-3c5d7e9f1a2b',
};

describe('Registrera: the form as the API\'s create body', () => {
  it('reads every field as the API names it; the body "ks" is read as KS and the address in lower case', () => {
    expect(parseRegisterForm(form(filled))).toEqual({
      ok: true,
      command: {
        idempotencyKey: '6b1f0c1e-8d4a-4b7e-9a21-3c5d7e9f1a2b',
        body: {
          kind: 'aterrapportering',
          title: 'Utreda formerna för en gemensam e-tjänstplattform',
          caseNumber: 'KS 2026/141',
          decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' },
          responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
          unit: 'Kommunledningskontoret',
          due: { meeting: { body: 'KS', month: '2026-09' } },
        },
      },
    });
  });

  it.each([
    ['Tidsfrist (datum)', { dueForm: 'date', dueDate: '2027-06-30' }, { date: '2027-06-30' }],
    ['Till sammanträde, datum', { dueForm: 'meeting', meetingBody: 'KS', meetingMonth: '', meetingDate: '2027-09-13' }, { meeting: { body: 'KS', date: '2027-09-13' } }],
    ['Sista sammanträdet senast', { dueForm: 'meetingBy', meetingByBody: 'sn', meetingByDate: '2027-12-31' }, { meeting: { body: 'SN', by: '2027-12-31' } }],
  ])('reads the deadline form "%s", ignoring the inputs of the other choices', (_, fields, due) => {
    const parsed = parseRegisterForm(form({ ...filled, ...fields }));
    expect(parsed.ok && parsed.command.body.due).toEqual(due);
  });

  it('with no radio chosen, a date typed under "Tidsfrist (datum)" alone is that form of deadline', () => {
    const parsed = parseRegisterForm(form({ ...filled, dueForm: '', meetingBody: '', meetingMonth: '', dueDate: '2027-06-30' }));
    expect(parsed.ok && parsed.command.body.due).toEqual({ date: '2027-06-30' });
  });

  it('near miss: with no radio chosen and two forms filled in, the clerk is asked to choose', () => {
    const parsed = parseRegisterForm(form({ ...filled, dueForm: '', dueDate: '2027-06-30' }));
    expect(!parsed.ok && parsed.errors.dueForm).toBe('Välj hur tidsfristen anges.');
  });

  it('reads a remissvar to be decided by KS, and one answered by delegation (Beslutas av left blank)', () => {
    const yttrande = { ...filled, kind: 'yttrande', dueForm: 'remiss', externalDeadline: '2028-06-30', recipient: 'Region Skåne' };
    const byKs = parseRegisterForm(form({ ...yttrande, decidedBy: 'KS' }));
    const byDelegation = parseRegisterForm(form({ ...yttrande, decidedBy: '' }));
    expect(byKs.ok && byKs.command.body.due).toEqual({ externalDeadline: '2028-06-30', recipient: 'Region Skåne', decidedBy: 'KS' });
    expect(byDelegation.ok && byDelegation.command.body.due).toEqual({ externalDeadline: '2028-06-30', recipient: 'Region Skåne' });
  });

  it('registers a yttrande when the remiss arrives: no decision, the remiss instead', () => {
    const parsed = parseRegisterForm(
      form({
        ...filled,
        kind: 'yttrande',
        caseNumber: '',
        decisionBody: '',
        decisionDate: '',
        decisionParagraph: '',
        remissReceived: '2027-07-19',
        remissReference: 'Dnr 2027-1234',
        dueForm: 'remiss',
        externalDeadline: '2027-09-30',
        recipient: 'Länsstyrelsen',
        decidedBy: '',
      }),
    );
    expect(parsed.ok && parsed.command.body).toEqual({
      kind: 'yttrande',
      title: 'Utreda formerna för en gemensam e-tjänstplattform',
      remiss: { received: '2027-07-19', reference: 'Dnr 2027-1234' },
      responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
      unit: 'Kommunledningskontoret',
      due: { externalDeadline: '2027-09-30', recipient: 'Länsstyrelsen' },
    });
  });

  it('reads a motion raised at KF, a decision without a § yet, a manager, and a confirmed duplicate', () => {
    const parsed = parseRegisterForm(
      form({ ...filled, kind: 'motion', decisionBody: 'KF', decisionDate: '2025-11-24', decisionParagraph: '', managerName: 'Sam Ek', managerEmail: 'sam.ek@kommun.example.se', dueForm: 'motion', raised: '2025-11-24', confirmDuplicate: 'ja' }),
    );
    expect(parsed.ok && parsed.command.body).toMatchObject({
      kind: 'motion',
      decision: { body: 'KF', date: '2025-11-24' },
      manager: { name: 'Sam Ek', email: 'sam.ek@kommun.example.se' },
      due: { raised: '2025-11-24' },
      confirmDuplicate: true,
    });
    expect(parsed.ok && parsed.command.body.decision).not.toHaveProperty('paragraph');
  });

  it('says in Swedish, next to each field, what is missing or wrong, and stores nothing', () => {
    const parsed = parseRegisterForm(
      form({
        kind: '',
        title: '',
        decisionBody: 'KS AU',
        decisionDate: '2026-02-30',
        responsibleName: 'Kim Berg',
        responsibleEmail: 'kim.berg',
        unit: 'Kommunledningskontoret',
        managerName: 'Sam Ek',
        managerEmail: '',
        dueForm: '',
        idempotencyKey: '',
      }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        kind: 'Välj typ: Uppdrag, Återrapportering, Yttrande eller Motion.',
        title: 'Skriv en rubrik.',
        decisionBody: 'Ska vara organets förkortning med versaler, t.ex. KS eller BUN.',
        decisionDate: 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.',
        responsibleEmail: 'Ska vara en e-postadress.',
        managerEmail: 'Skriv chefens e-postadress.',
        dueForm: 'Välj hur tidsfristen anges.',
        idempotencyKey: 'Formuläret är för gammalt. Ladda om sidan och fyll i det igen.',
      },
    });
  });

  it.each([
    ['a meeting with both month and date', { dueForm: 'meeting', meetingBody: 'KS', meetingMonth: '2027-09', meetingDate: '2027-09-13' }, { meetingMonth: 'Ange antingen månad eller datum, inte båda.' }],
    ['a meeting with neither', { dueForm: 'meeting', meetingBody: 'KS', meetingMonth: '' }, { meetingMonth: 'Ange månad (t.ex. 2027-09) eller datum för sammanträdet.' }],
    ['a month that is not one', { dueForm: 'meeting', meetingBody: 'KS', meetingMonth: '2027-13' }, { meetingMonth: 'Ska vara en månad, ÅÅÅÅ-MM.' }],
    ['a remissvar for an uppdrag', { kind: 'uppdrag', dueForm: 'remiss', externalDeadline: '2027-09-30', recipient: 'Länsstyrelsen' }, { dueForm: 'Remissvar gäller bara typen Yttrande.' }],
    ['motion väckt for an återrapportering', { dueForm: 'motion', raised: '2026-11-24' }, { dueForm: 'Motion väckt gäller bara typen Motion.' }],
    ['a remiss on an uppdrag', { kind: 'uppdrag', remissReceived: '2027-07-19' }, { remissReceived: 'Remissen gäller bara typen Yttrande.' }],
    ['a date outside the years the calendar knows', { dueForm: 'date', dueDate: '2107-06-30' }, { dueDate: 'Ska ligga åren 2000–2100.' }],
    ['a title longer than 200 characters', { title: 'x'.repeat(201) }, { title: 'Högst 200 tecken.' }],
    ['no responsible official', { responsibleName: '', responsibleEmail: '' }, { responsibleName: 'Skriv den ansvariges namn.', responsibleEmail: 'Skriv den ansvariges e-postadress.' }],
    ['an uppdrag without a decision', { kind: 'uppdrag', decisionBody: '', decisionDate: '', decisionParagraph: '' }, { decisionBody: 'Skriv organets förkortning, t.ex. KS.', decisionDate: 'Skriv beslutsdatumet.' }],
  ])('refuses %s, naming the field', (_, fields, errors) => {
    expect(parseRegisterForm(form({ ...filled, ...fields }))).toEqual({ ok: false, errors });
  });

  it('is first shown empty with a new idempotency key, which the parser accepts', () => {
    const first = newRegisterForm();
    const second = newRegisterForm();
    expect(first.values.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.values.idempotencyKey).not.toBe(first.values.idempotencyKey);
    const parsed = parseRegisterForm(form({ ...filled, idempotencyKey: first.values.idempotencyKey! }));
    expect(parsed.ok && parsed.command.idempotencyKey).toBe(first.values.idempotencyKey);
  });

  it('"Visa tidsfrist" needs only the kind, the decision and the deadline', () => {
    expect(registerIntent(form({ intent: 'preview' }))).toBe('preview');
    expect(registerIntent(form({ intent: 'register' }))).toBe('register');
    expect(parsePreviewForm(form({ kind: 'aterrapportering', decisionBody: 'KS', decisionDate: '2026-03-11', dueForm: 'meeting', meetingBody: 'KS', meetingMonth: '2026-09' }))).toEqual({
      ok: true,
      command: { kind: 'aterrapportering', decision: { body: 'KS', date: '2026-03-11' }, due: { meeting: { body: 'KS', month: '2026-09' } } },
    });
  });
});

describe('the item page\'s forms as the API\'s change body', () => {
  const shown = (overrides: Record<string, string> = {}) => {
    const values = Object.fromEntries(Object.entries(itemFormValues(eTjanst)).map(([k, v]) => [k, v ?? '']));
    return form({ action: 'change', ...values, ...overrides });
  };

  it('shows the item in the change form as it is stored', () => {
    expect(itemFormValues(eTjanst)).toMatchObject({ kind: 'aterrapportering', decisionBody: 'KS', decisionParagraph: '§ 58', dueForm: 'meeting', meetingBody: 'KS', meetingMonth: '2027-09', version: '3' });
    expect(itemFormValues(remiss)).toMatchObject({ decisionBody: '', remissReceived: '2027-03-02', dueForm: 'remiss', recipient: 'Region Skåne', decidedBy: 'KS' });
  });

  it('sends only what changed, with the version the page showed', () => {
    expect(itemFormName(shown())).toBe('change');
    expect(parseItemForm('change', shown({ title: 'Utreda en gemensam e-tjänstplattform för kommunerna i länet' }), eTjanst)).toEqual({
      ok: true,
      command: { version: 3, patch: { title: 'Utreda en gemensam e-tjänstplattform för kommunerna i länet' } },
    });
  });

  it('needs Skäl when the deadline changes', () => {
    expect(parseItemForm('change', shown({ meetingMonth: '2027-10' }), eTjanst)).toEqual({
      ok: false,
      errors: { reason: 'Skriv varför tidsfristen ändras, t.ex. vilket beslut som gav förlängningen.' },
    });
    expect(parseItemForm('change', shown({ meetingMonth: '2027-10', reason: 'KS 2027-04-26 § 71 medgav förlängning.' }), eTjanst)).toEqual({
      ok: true,
      command: { version: 3, patch: { due: { meeting: { body: 'KS', month: '2027-10' } }, reason: 'KS 2027-04-26 § 71 medgav förlängning.' } },
    });
  });

  it('removes the manager when both manager fields are emptied, and refuses emptying a case number', () => {
    expect(parseItemForm('change', shown({ managerName: '', managerEmail: '' }), eTjanst)).toEqual({ ok: true, command: { version: 3, patch: { manager: null } } });
    expect(parseItemForm('change', shown({ caseNumber: '' }), eTjanst)).toEqual({ ok: false, errors: { caseNumber: 'Diarienumret kan ändras men inte tas bort.' } });
  });

  it('says so above the fields when nothing was changed, not beside one of them', () => {
    expect(parseItemForm('change', shown(), eTjanst)).toEqual({ ok: false, errors: {}, message: 'Du har inte ändrat något: ärendet är redan så här.' });
  });

  it('takes a form sent again after it was saved (the back button: an older version, the item already as it says) as done, changing nothing', () => {
    expect(parseItemForm('change', shown(), { ...eTjanst, version: 4 })).toEqual({ ok: true, command: { version: 4, patch: {} } });
  });

  it.each([
    ['close', { note: 'Återrapporterad KS 2027-09-13 § 120' }, { status: 'done', note: 'Återrapporterad KS 2027-09-13 § 120' }],
    ['cancel', { reason: 'Beslutet upphävdes av KF 2027-04-26 § 40.' }, { status: 'cancelled', reason: 'Beslutet upphävdes av KF 2027-04-26 § 40.' }],
    ['reopen', { reason: '' }, { status: 'open' }],
    ['reassign', { responsibleName: 'Lo Berg', responsibleEmail: 'lo.berg@kommun.example.se' }, { responsible: { name: 'Lo Berg', email: 'lo.berg@kommun.example.se' } }],
    ['grant', { dueDate: '2027-10-18', reason: 'Beviljad av KS ordförande 2027-05-03.' }, { due: { date: '2027-10-18' }, reason: 'Beviljad av KS ordförande 2027-05-03.' }],
    ['refuse', { reason: 'Underlaget behövs till KS i september.' }, { extensionRequest: 'refused', reason: 'Underlaget behövs till KS i september.' }],
  ] as const)('%s', (name, fields, patch) => {
    expect(parseItemForm(name, form({ action: name, version: '3', ...fields }), eTjanst)).toEqual({ ok: true, command: { version: 3, patch } });
  });

  it.each([
    ['close', {}, { note: 'Skriv vad som gjordes, t.ex. "Återrapporterad KS 2027-09-15 § 88".' }],
    ['cancel', {}, { reason: 'Skriv varför ärendet avbryts.' }],
    ['grant', { dueDate: '2027-08-23' }, { dueDate: 'Det är redan tidsfristen.', reason: 'Skriv skälet, t.ex. vem som beviljade förlängningen.' }],
    ['reassign', { responsibleName: 'Kim Berg', responsibleEmail: 'kim.berg@kommun.example.se' }, { responsibleEmail: 'Det är redan den ansvariges adress.' }],
  ] as const)('%s refuses what is missing, in Swedish', (name, fields, errors) => {
    expect(parseItemForm(name, form({ action: name, version: '3', ...fields }), eTjanst)).toEqual({ ok: false, errors });
  });

  it('refuses a form without the version it was based on', () => {
    expect(parseItemForm('close', form({ note: 'Klart' }), klimat)).toEqual({ ok: false, errors: { version: 'Formuläret saknar ärendets version. Ladda om sidan.' } });
  });

  it("puts the API's own issues back on the form's fields", () => {
    expect(
      issuesToFieldErrors(
        [
          { path: 'decision.date', message: 'Beslutsdatumet ligger efter tidsfristen.' },
          { path: 'due.meeting.body', message: 'SN har ingen sammanträdesplan för 2027.' },
          { path: 'reason', message: 'Krävs när tidsfristen ändras.' },
          { path: 'confirmDuplicate', message: 'Ett likadant ärende finns.' },
        ],
        'meetingBy',
      ),
    ).toEqual({
      errors: { decisionDate: 'Beslutsdatumet ligger efter tidsfristen.', meetingByBody: 'SN har ingen sammanträdesplan för 2027.', reason: 'Krävs när tidsfristen ändras.' },
      unplaced: ['Ett likadant ärende finns.'],
    });
  });
});

describe('Ärenden: the filter form as the list query', () => {
  it('reads the filters, the search, the sort and the cursor', () => {
    expect(
      parseListQuery(
        form({ q: 'skolskjuts', state: 'overdue', kind: 'uppdrag', unit: 'Utbildningsförvaltningen', responsible: 'Kim.Berg@kommun.example.se', dueAfter: '2027-01-01', dueBefore: '2027-06-30', attention: 'any', sort: '-title', cursor: 'eyJrIjoxfQ' }),
      ),
    ).toEqual({
      ok: true,
      command: {
        q: 'skolskjuts',
        state: 'overdue',
        kind: 'uppdrag',
        unit: 'Utbildningsförvaltningen',
        responsible: 'kim.berg@kommun.example.se',
        dueAfter: '2027-01-01',
        dueBefore: '2027-06-30',
        attention: 'any',
        sort: { key: 'title', direction: 'descending' },
        cursor: 'eyJrIjoxfQ',
      },
    });
  });

  it('sorts by deadline, earliest first, by default, and asks for a download with format', () => {
    expect(parseListQuery(form({ format: 'xlsx' }))).toEqual({ ok: true, command: { sort: { key: 'due', direction: 'ascending' }, format: 'xlsx' } });
  });

  it('refuses filters that are not valid, in Swedish', () => {
    expect(parseListQuery(form({ state: 'late', responsible: 'kim', dueAfter: '2027-06-30', dueBefore: '2027-01-01' }))).toEqual({
      ok: false,
      errors: { state: 'Välj en status i listan.', responsible: 'Ska vara en e-postadress.', dueBefore: 'Ska vara samma dag som eller efter "Tidsfrist efter".' },
    });
  });
});

describe("the admin's forms", () => {
  it('reads a meeting plan, one date per line, blank lines and spaces ignored, sorted', () => {
    expect(parsePlanForm(form({ leadWorkingDays: '15', dates: '2027-03-01\r\n\r\n 2027-01-25 \n2027-09-13\n' }), 2027)).toEqual({
      ok: true,
      command: { leadWorkingDays: 15, dates: ['2027-01-25', '2027-03-01', '2027-09-13'] },
    });
  });

  it('reads dates pasted on one line too: between commas, semicolons or spaces', () => {
    expect(parsePlanForm(form({ leadWorkingDays: '15', dates: '2027-01-20, 2027-03-17; 2027-05-19 2027-09-15' }), 2027)).toEqual({
      ok: true,
      command: { leadWorkingDays: 15, dates: ['2027-01-20', '2027-03-17', '2027-05-19', '2027-09-15'] },
    });
  });

  it('reads lines pasted from a calendar: a time or a name beside the date, the month written out, a weekday before it', () => {
    expect(parsePlanForm(form({ leadWorkingDays: '15', dates: '26 januari 2027 kl. 13.00\ntis 23 februari 2027\n2027-03-30 13:00\n2027-06-15\tKommunstyrelsen' }), 2027)).toEqual({
      ok: true,
      command: { leadWorkingDays: 15, dates: ['2027-01-26', '2027-02-23', '2027-03-30', '2027-06-15'] },
    });
  });

  it('names the dates of a plan that are wrong, as typed', () => {
    expect(parsePlanForm(form({ leadWorkingDays: '15', dates: '2027-01-25\n2027-02-30\n25/1 2027' }), 2027)).toEqual({
      ok: false,
      errors: { dates: '2027-02-30: Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD. 25/1 2027: Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.' },
    });
    expect(parsePlanForm(form({ leadWorkingDays: '15', dates: '2027-01-25\n2026-12-14\n2027-01-25' }), 2027)).toEqual({
      ok: false,
      errors: { dates: '2026-12-14: Ska ligga i 2027. 2027-01-25: Datumet finns redan.' },
    });
    expect(parsePlanForm(form({ leadWorkingDays: 'femton', dates: '' }), 2027)).toEqual({
      ok: false,
      errors: { leadWorkingDays: 'Skriv antalet arbetsdagar som ett heltal, t.ex. 15.', dates: 'Skriv minst ett sammanträdesdatum, ett per rad.' },
    });
    expect(parsePlanForm(form({ leadWorkingDays: '61', dates: '2027-01-25' }), 2027)).toEqual({ ok: false, errors: { leadWorkingDays: 'Högst 60.' } });
  });

  it('opens a plan by body and year', () => {
    expect(parsePlanChoice(form({ body: 'bun', year: '2028' }))).toEqual({ ok: true, command: { body: 'BUN', year: 2028 } });
    expect(parsePlanChoice(form({ body: '', year: 'nästa' }))).toEqual({ ok: false, errors: { body: 'Skriv organets förkortning, t.ex. KS.', year: 'Skriv ett årtal, t.ex. 2027.' } });
  });

  it('reads the extra closed days of a year; none at all is allowed', () => {
    expect(parseClosedDaysForm(form({ dates: '2027-05-14\n2027-01-05' }), 2027)).toEqual({ ok: true, command: { dates: ['2027-01-05', '2027-05-14'] } });
    expect(parseClosedDaysForm(form({ dates: '' }), 2027)).toEqual({ ok: true, command: { dates: [] } });
    expect(parseClosedDaysForm(form({ dates: '2028-05-26' }), 2027)).toEqual({ ok: false, errors: { dates: '2028-05-26: Ska ligga i 2027.' } });
    // A day closed by law already: listing it is most likely a mistyped day.
    expect(parseClosedDaysForm(form({ dates: '2027-05-14\n2027-06-25' }), 2027)).toEqual({
      ok: false,
      errors: { dates: '2027-06-25: Är redan stängd (midsommarafton): skriv bara de extra stängda dagarna.' },
    });
  });

  it("reads a unit's manager", () => {
    expect(parseUnitForm(form({ unit: 'Miljö- och samhällsbyggnadsförvaltningen', managerName: 'Eva Lind', managerEmail: 'Eva.Lind@kommun.example.se' }))).toEqual({
      ok: true,
      command: { unit: 'Miljö- och samhällsbyggnadsförvaltningen', body: { manager: { name: 'Eva Lind', email: 'eva.lind@kommun.example.se' } } },
    });
    expect(parseUnitForm(form({ unit: '', managerName: '', managerEmail: 'eva' }))).toEqual({
      ok: false,
      errors: { unit: 'Skriv enhetens namn.', managerName: 'Skriv chefens namn.', managerEmail: 'Ska vara en e-postadress.' },
    });
  });

  it('reads who holds a role', () => {
    expect(parseRoleForm(form({ role: 'kommundirektör', name: 'Anna Ek', email: 'anna.ek@kommun.example.se', unit: 'Kommunledningskontoret' }))).toEqual({
      ok: true,
      command: { role: 'kommundirektör', body: { name: 'Anna Ek', email: 'anna.ek@kommun.example.se', unit: 'Kommunledningskontoret' } },
    });
    expect(parseRoleForm(form({ role: 'x', name: '', email: '', unit: '' }))).toEqual({
      ok: false,
      errors: { role: 'Minst 2 tecken.', name: 'Skriv namnet på den som har rollen.', email: 'Skriv e-postadressen.', unit: 'Skriv enheten (förvaltningen).' },
    });
  });
});

describe('Logga in (local development only)', () => {
  it.each([
    ['Registrator', { role: 'registrar' }, { roles: new Set(['registrar']) }],
    ['Administratör', { role: 'admin' }, { roles: new Set(['admin']) }],
    ['Chef with Enhet', { role: 'manager', unit: 'Socialförvaltningen' }, { roles: new Set(['manager']), unit: 'Socialförvaltningen' }],
    ['Handläggare (no role of the API)', { role: 'official', unit: 'Socialförvaltningen' }, { roles: new Set() }],
  ])('signs in as %s', (_, fields, caller) => {
    expect(parseSignInForm(form({ email: 'Kim.Berg@kommun.example.se', ...fields }))).toEqual({ ok: true, command: { who: 'kim.berg@kommun.example.se', ...caller } });
  });

  it('needs an address, a role, and for Chef a unit', () => {
    expect(parseSignInForm(form({ email: '', role: 'manager' }))).toEqual({
      ok: false,
      errors: { email: 'Skriv din e-postadress.', unit: 'En chef loggar in för en enhet: skriv vilken.' },
    });
    expect(parseSignInForm(form({ email: 'kim.berg@kommun.example.se', role: 'superuser' }))).toEqual({ ok: false, errors: { role: 'Välj en roll.' } });
  });
});
