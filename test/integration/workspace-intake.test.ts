import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setRoleHolder } from '../../shared/application/directory/roles';
import { NO_RECIPIENT_FLAG } from '../../shared/drafting/extract';
import { saveMeetingPlan } from '../../shared/application/plans/plans';
import { admin, registrar } from '../support/api';
import { DIRECTORY, protokoll } from '../support/protokoll';
import { routeServer } from '../support/route-server';
import { scanTable, tableCounts } from '../support/table-snapshot';
import { changedFields, formFields, localSessionSettings, pageText, sessionFor, submit, upload, type Browserish } from '../support/workspace';

/**
 * Issue 20's pages through the workspace's routes, on a table of their own (Saturday 20 March 2027):
 * Granska beslut reads a justerat protokoll (a PDF of five §§) into proposals and registers the
 * chosen ones once each; Importera dry-runs a backlog file, naming every bad row and column, and
 * imports it once.
 */

let server: Awaited<ReturnType<typeof routeServer>>;
let clerk: Browserish;
const adminCaller = { who: admin.email, roles: new Set(['admin'] as const) };

beforeAll(async () => {
  server = await routeServer();
  server.deps.at('2027-03-20T10:00:00+01:00');
  for (const [role, holder] of Object.entries(DIRECTORY)) await setRoleHolder(server.deps, adminCaller, role, holder);
  await saveMeetingPlan(server.deps, adminCaller, { body: 'KS', year: 2027, leadWorkingDays: 15, dates: ['2027-03-29', '2027-04-26', '2027-11-29'] });
  await saveMeetingPlan(server.deps, adminCaller, { body: 'KF', year: 2027, leadWorkingDays: 20, dates: ['2027-02-22', '2027-06-14', '2027-11-22'] });
  await saveMeetingPlan(server.deps, adminCaller, { body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-21', '2028-06-12'] });
});
beforeEach(async () => {
  server.deps.at('2027-03-20T10:00:00+01:00');
  clerk = await sessionFor(localSessionSettings(server.url), server.deps.clock, registrar);
});
afterAll(async () => server?.stop());

const items = async () => (await scanTable(server.deps.documentClient, server.deps.tableName)).filter((r) => String(r.PK).startsWith('ITEM#') && r.SK === 'ITEM');
const readProtokoll = async () => upload(server.url, '/granska', { text: '' }, { pdf: { name: 'KS 2027-03-15 protokoll.pdf', type: 'application/pdf', bytes: await protokoll() } }, clerk);

describe('Granska beslut', () => {
  it('reads the protokoll into one proposal per § that gives work, each beside its sentence, highlighted within its §', async () => {
    const before = (await tableCounts(server.deps.documentClient, server.deps.tableName)).fingerprint;

    const review = await readProtokoll();

    expect(review.status).toBe(200);
    const text = pageText(review.text);
    expect(text).toContain('Protokollet gav 4 förslag.');
    expect([...review.text.matchAll(/<h2 id="forslag-\d" [^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Förslag 1: Ta fram en plan för tillgängliga lekplatser',
      'Förslag 2: Utreda hemtjänstens nattbemanning',
      'Förslag 3: Besvara motion från Centerpartiet om laddplatser vid kommunens förskolor',
      'Förslag 4: Ta fram ett förslag till yttrande',
    ]);
    // The sentence as the PDF's lines run.
    expect(review.text).toMatch(/<mark>Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för tillgängliga\s+lekplatser senast den 30 september 2027\.<\/mark>/);
    // The § around the sentence, not the rest of the protokoll.
    expect(review.text).toMatch(/§ 31 Dnr KS 2027\/45\nPlan för tillgängliga lekplatser\nBeslut\n<mark>/);
    expect(text).not.toContain('Information om sjukfrånvaron');
    // On paper, which proposals are chosen (the checkboxes are not printed).
    expect([...review.text.matchAll(/<p class="print-only">([^<]*)<\/p>/g)].map((m) => m[1])).toEqual(Array(4).fill('Vald att registreras.'));
    // Filled in from the role directory and the meeting plans, and shown with its deadline.
    expect(review.text).toContain('name="p0-responsibleEmail" type="email" value="kim.berg@kommun.example.se"');
    expect(text).toContain('Tidsfrist: torsdag 30 september 2027');
    // What the rules did not read is put before the clerk, not passed over.
    expect(text).toContain('En mening att läsa själv Granskningen hittar inte alla ärenden i ett protokoll.');
    expect(text).toContain('§ 35: nämner tidsfrist En analys av sjukfrånvaron väntas åter till kommunstyrelsen senast i juni 2027.');
    expect(await tableCounts(server.deps.documentClient, server.deps.tableName).then((c) => c.fingerprint)).toBe(before);
  });

  it('registers the chosen proposals with their §, once each: sending the same review again registers nothing more', async () => {
    const review = await readProtokoll();
    const fields = changedFields(formFields(review.text, '/granska'), { 'p2-choose': undefined, intent: 'register' });
    const before = (await items()).length;

    const registered = await submit(server.url, '/granska', fields, clerk);
    const again = await submit(server.url, '/granska', fields, clerk);

    expect(registered.status).toBe(200);
    expect(pageText(registered.text)).toContain('3 förslag är registrerade.');
    // On paper, the one left: not chosen (the three registered say so instead).
    expect([...registered.text.matchAll(/<p class="print-only">([^<]*)<\/p>/g)].map((m) => m[1])).toEqual(['Inte vald att registreras.']);
    expect(pageText(again.text)).toContain('Redan registrerat: Ta fram en plan för tillgängliga lekplatser');
    // Nothing new: the summary says so, never "3 förslag är registrerade" again.
    expect(pageText(again.text)).toContain('3 förslag var redan registrerade sedan tidigare.');
    const stored = (await items()).slice(before);
    expect((await items()).length).toBe(before + 3);
    expect(stored.map((item) => (item.decision as { paragraph: string }).paragraph).sort()).toEqual(['§ 31', '§ 32', '§ 34']);
  });

  it('names which chosen proposals were stored and which were not, and why', async () => {
    const review = await readProtokoll();
    // The motion (§ 33) is new; the uppdrag of § 32 lost its address; § 31, registered from another review above, is
    // that open item already: the same decision read again, so it says where it is.
    const fields = changedFields(formFields(review.text, '/granska'), { 'p2-choose': 'ja', 'p3-choose': undefined, 'p1-responsibleEmail': '', intent: 'register' });
    const before = (await items()).length;

    const answer = await submit(server.url, '/granska', fields, clerk);

    expect(answer.status).toBe(422);
    const text = pageText(answer.text);
    expect(text).toContain('1 förslag är registrerat, 1 var redan registrerat sedan tidigare, 1 är inte registrerat: se varför vid förslaget nedan.');
    expect(text).toContain('Förslag 1: Ta fram en plan för tillgängliga lekplatser Redan registrerat: Ta fram en plan för tillgängliga lekplatser');
    expect(text).toContain('Förslag 2: Utreda hemtjänstens nattbemanning Inte registrerat: uppgifterna är inte fullständiga; rätta det som står vid fälten.');
    expect(text).toContain('Ansvarig (e-post): Skriv den ansvariges e-postadress.');
    expect(text).toContain('Förslag 3: Besvara motion från Centerpartiet om laddplatser vid kommunens förskolor Registrerat: Besvara motion');
    expect((await items()).length).toBe(before + 1);
  });

  it('a yttrande whose recipient the protokoll does not name is flagged until the clerk gives one, and registers with the recipient given', async () => {
    const text = 'Kommunstyrelsen 2027-03-15\n§ 36 Remiss om regional cykelplan\nBeslut\nKommunstyrelsen ger tekniska förvaltningen i uppdrag att ta fram ett yttrande över remissen. Yttrandet ska ha kommit in senast den 28 april 2027.';
    const flag = `Kontrollera: ${NO_RECIPIENT_FLAG}`;
    const review = await upload(server.url, '/granska', { text }, {}, clerk);
    expect(pageText(review.text)).toContain(flag);
    const filled = changedFields(formFields(review.text, '/granska'), {
      'p0-choose': 'ja',
      'p0-recipient': 'Region Skåne',
      'p0-responsibleName': 'Eva Holmberg',
      'p0-responsibleEmail': 'eva.holmberg@kommun.example.se',
      'p0-unit': 'Tekniska förvaltningen',
    });
    const blank = { ...filled, 'p0-recipient': '', intent: 'preview' };

    const previewed = await submit(server.url, '/granska', { ...filled, intent: 'preview' }, clerk);
    const stillBlank = await submit(server.url, '/granska', blank, clerk);
    const registered = await submit(server.url, '/granska', { ...filled, intent: 'register' }, clerk);

    expect(pageText(previewed.text)).not.toContain('Mottagaren av yttrandet framgår inte');
    expect(pageText(stillBlank.text)).toContain(flag);
    expect(pageText(registered.text)).toContain('1 förslag är registrerat.');
    expect((await items()).find((item) => item.title === 'Ta fram ett yttrande över remissen – regional cykelplan')?.due).toMatchObject({ externalDeadline: '2027-04-28', recipient: 'Region Skåne' });
  });

  it('a text that gives no proposal but mentions work says so, and shows the sentence to read', async () => {
    const answer = await upload(server.url, '/granska', { text: 'Kommunstyrelsen 2027-03-15\n§ 40 Sjukfrånvaron\nBeslut\nEn analys av sjukfrånvaron väntas åter till kommunstyrelsen senast i juni 2027.' }, {}, clerk);

    expect(answer.status).toBe(200);
    const text = pageText(answer.text);
    expect(text).toContain('Protokollet gav inga förslag.');
    expect(text).toContain('Ingen mening i texten blev ett förslag, men en talar om arbete eller tidsfrister: läs den nedan.');
    expect(text).toContain('§ 40: nämner tidsfrist En analys av sjukfrånvaron väntas åter till kommunstyrelsen senast i juni 2027.');
  });

  it('refuses a file that is no PDF, or a text too thin to read, in Swedish beside the field', async () => {
    const answer = await upload(server.url, '/granska', { text: '' }, { pdf: { name: 'protokoll.docx', type: 'application/octet-stream', bytes: new TextEncoder().encode('PK\u0003\u0004 inte en pdf') } }, clerk);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<p class="ds-validation-message" data-field="validation" id="pdf-fel">Filen är inte en PDF. Ladda upp protokollet som PDF, eller klistra in texten.</p>');
    const nothing = await upload(server.url, '/granska', { text: '' }, {}, clerk);
    expect(pageText(nothing.text)).toContain('Protokollet som PDF: Välj protokollet som PDF, eller klistra in texten.');
  });

  it('a PDF over the limit is Granska beslut again, the limit in Swedish beside the file, never the API\'s JSON 413', async () => {
    const answer = await upload(server.url, '/granska', { text: '' }, { pdf: { name: 'protokoll.pdf', type: 'application/pdf', bytes: new Uint8Array(5 * 1024 * 1024) } }, clerk);

    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<p class="ds-validation-message" data-field="validation" id="pdf-fel">PDF:en är för stor: högst 4,5 MB.</p>');
    expect(answer.text).toContain('action="/granska"');
    expect(answer.text).not.toContain('byte');
  });
});

describe('Importera', () => {
  const csv = (...rows: string[]) => new TextEncoder().encode(`\uFEFF${['Typ;Rubrik;Diarienummer;Organ;Beslutsdatum;Paragraf;Ansvarig;E-post;Enhet;Tidsfrist', ...rows].join('\r\n')}\r\n`);
  const file = csv(
    'Uppdrag;Inventera kommunens lekplatser;KS 2026/310;KS;2026-11-16;§ 201;Kim Berg;kim.berg@kommun.example.se;Kommunledningskontoret;2027-06-30',
    'Uppdrag;Ta fram en cykelplan;KS 2026/311;KS;2026-11-16;§ 202;Ali Nur;ali.nur@kommun.example.se;Samhällsbyggnadsförvaltningen;2027-02-30',
    'Återrapportering;Redovisa simskoleplatserna;;BUN;2026-10-12;;Eva Lind;eva.lind@kommun.example.se;;2027-05-31',
  );

  it('dry-runs the file, naming every bad row and column, stores nothing; then imports the good rows, and once only', async () => {
    const before = (await items()).length;

    const dryRun = await upload(server.url, '/importera', {}, { file: { name: 'bevakningslista.csv', type: 'text/csv', bytes: file } }, clerk);

    expect(dryRun.status).toBe(200);
    const text = pageText(dryRun.text);
    expect(text).toContain('Provkörning av bevakningslista.csv 1 rad kan importeras, 0 finns redan och 2 har fel. Inget är sparat ännu.');
    expect(text).toMatch(/3 Fel Kolumnen Tidsfrist: [^.]+\./);
    expect(text).toContain('4 Fel Kolumnen Enhet: saknar värde.');
    expect((await items()).length).toBe(before);

    const confirm = changedFields(formFields(dryRun.text, '/importera'), { intent: 'import' });
    const imported = await submit(server.url, '/importera', confirm, clerk);
    expect(pageText(imported.text)).toContain('Importen är klar 1 ärende importerades, 0 fanns redan och 2 rader hade fel.');
    const again = await submit(server.url, '/importera', confirm, clerk);
    expect(pageText(again.text)).toContain('0 ärenden importerades, 1 fanns redan');
    expect((await items()).length).toBe(before + 1);
  });

  it('an old list with a title row, motions and a total row: the motion read from Väckt, the total skipped, the overdue email announced; each imported row links to its item', async () => {
    const old = new TextEncoder().encode(
      [
        'Bevakningslista kommunfullmäktige;;;;;;;;;',
        'Typ;Rubrik;Diarienummer;Organ;Beslutsdatum;Ansvarig;E-post;Enhet;Tidsfrist;Väckt',
        'Uppdrag;Inventera kommunens konstverk;KS 2026/401;KF;2026-11-23;Kim Berg;kim.berg@kommun.example.se;Kommunledningskontoret;2027-03-01;',
        'Motion;Motion om laddstolpar vid kommunhuset;KS 2027/12;KF;2027-02-22;Kim Berg;kim.berg@kommun.example.se;Kommunledningskontoret;;2027-02-22',
        'Motion;Motion om gratis simskola;KS 2027/13;KF;2027-02-22;Kim Berg;kim.berg@kommun.example.se;Kommunledningskontoret;;',
        'Summa: 3 ärenden;;;;;;;;;',
      ].join('\r\n'),
    );
    const dryRun = await upload(server.url, '/importera', {}, { file: { name: 'kf-lista.csv', type: 'text/csv', bytes: old } }, clerk);
    const text = pageText(dryRun.text);
    expect(text).toContain('2 rader kan importeras, 0 finns redan och 1 har fel.');
    expect(text).toContain('1 rad hoppades över, utan ärende: rad 6 (summarad).');
    expect(text).toContain('5 Fel Motion: fyll i Väckt (datum då motionen väcktes).');
    expect(text).not.toContain('Ange due');
    // Saturday 20 March 2027: the next run is Monday 22 March at 07:00; row 3 is then 21 days overdue, and its unit has no manager.
    expect(text).toContain(
      '1 ärende i filen är redan försenat. Vid påminnelseutskicket på morgonen måndag 22 mars 2027 får de ansvariga mejl om försenat ärende. ' +
        '1 ärende (7 dagar eller mer efter tidsfristen) har ingen chef att skicka till, varken på ärendet eller för enheten: ange chefen under Enheter.',
    );
    expect(text).toContain('En av de första 10 raderna namnger kolumnerna');

    const confirm = changedFields(formFields(dryRun.text, '/importera'), { intent: 'import' });
    const imported = await submit(server.url, '/importera', confirm, clerk);
    const ids = [...imported.text.matchAll(/<a href="\/arenden\/([^"]+)">Importerat<\/a>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    const stored = await items();
    expect(ids.every((id) => stored.some((item) => item.id === id))).toBe(true);
    const again = await submit(server.url, '/importera', confirm, clerk);
    expect([...again.text.matchAll(/<a href="\/arenden\/([^"]+)">Finns redan<\/a>/g)].map((m) => m[1])).toEqual(ids);
  });

  it('an Excel workbook of two sheets: the dry run reads the first and names the other, and its confirm imports the rows (the sheets ride along in the form)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Blad1');
    sheet.addRow(['Typ', 'Rubrik', 'Diarienummer', 'Organ', 'Beslutsdatum', 'Ansvarig', 'E-post', 'Enhet', 'Tidsfrist']);
    sheet.addRow(['Uppdrag', 'Se över kommunens parkeringsnorm', 'KS 2027/55', 'KS', new Date(Date.UTC(2027, 1, 22)), 'Kim Berg', 'kim.berg@kommun.example.se', 'Kommunledningskontoret', new Date(Date.UTC(2027, 8, 30))]);
    book.addWorksheet('Anteckningar').addRow(['Inte för import']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const before = (await items()).length;

    const dryRun = await upload(server.url, '/importera', {}, { file: { name: 'balanslista.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes } }, clerk);
    expect(pageText(dryRun.text)).toContain('1 rad kan importeras, 0 finns redan och 0 har fel.');
    expect(pageText(dryRun.text)).toContain('Anteckningar');

    const imported = await submit(server.url, '/importera', changedFields(formFields(dryRun.text, '/importera'), { intent: 'import' }), clerk);
    expect(imported.status).toBe(200);
    expect(pageText(imported.text)).toContain('Importen är klar 1 ärende importerades, 0 fanns redan och 0 rader hade fel.');
    expect((await items()).length).toBe(before + 1);
  });

  it('refuses a file that is no spreadsheet, in Swedish', async () => {
    const answer = await upload(server.url, '/importera', {}, { file: { name: 'lista.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: new TextEncoder().encode('inte en arbetsbok') } }, clerk);
    expect(answer.status).toBe(400);
    expect(pageText(answer.text)).toContain('Filen går inte att läsa som en Excel-arbetsbok (.xlsx).');
  });

  it('a file over the limit is Importera again, the limit in Swedish beside the file, never the API\'s JSON 413', async () => {
    const answer = await upload(server.url, '/importera', {}, { file: { name: 'lista.csv', type: 'text/csv', bytes: new Uint8Array(2 * 1024 * 1024) } }, clerk);
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(pageText(answer.text)).toContain('Filen är för stor: högst 1 MB och 250 rader.');
    expect(answer.text).toContain('action="/importera"');
  });
});
