import { describe, expect, it } from 'vitest';
import { STYLESHEET } from '../../shared/views/assets/stylesheet';
import { WORKSPACE_PAGE_HEADERS } from '../../shared/views/render';
import { closedDaysPage, planPage, plansPage, publicBodiesPage, rolesPage, unitsPage } from '../../shared/views/workspace/admin';
import { errorPage, signedOutPage } from '../../shared/views/workspace/errors';
import { itemPage } from '../../shared/views/workspace/item';
import { flashFor } from '../../shared/views/workspace/flash';
import { itemListPage } from '../../shared/views/workspace/items';
import { sortItems } from '../../shared/application/items/service';
import type { ItemListModel, OverviewModel, RegisterModel } from '../../shared/views/workspace/models';
import { overviewPage } from '../../shared/views/workspace/overview';
import { registerPage } from '../../shared/views/workspace/register';
import { signInPage } from '../../shared/views/workspace/sign-in';
import { sourceInParagraph } from '../../shared/views/workspace/intake';
import { changeLines } from '../../shared/views/workspace/format';
import { admin, changedMeanwhile, context, CSRF, eTjanst, eTjanstHistory, ITEMS, klimat, LONG_TITLE, manager, motion, NOTHING_KEPT, official, registrar, remiss, skolskjuts, sn } from './workspace-fixtures';

/** Text between tags, whitespace collapsed: what a reader sees of a piece of markup. */
/** The page's text as read: a tag parts words, a line-break opportunity (`<wbr>`) does not. */
const text = (html: string) => html.replace(/<wbr\s*\/?>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
const labels = (html: string) => [...html.matchAll(/<label[^>]*>([^<]*)<\/label>/g)].map((m) => m[1]!.trim());
const navigation = (html: string) => [...html.matchAll(/<nav class="site-nav"[\s\S]*?<\/nav>/g)].map((m) => [...m[0].matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((a) => a[1]));

const overviewModel = (extra: Partial<OverviewModel> = {}): OverviewModel => ({
  ...context(),
  extensionRequests: [eTjanst],
  reassignRequests: [klimat],
  attention: [remiss],
  overdue: [klimat],
  noManager: [klimat],
  motionsNearLimit: [motion],
  ...extra,
});

const listModel = (extra: Partial<ItemListModel> = {}): ItemListModel => ({
  ...context(),
  filters: { values: { state: 'open', unit: 'Miljö- och samhällsbyggnadsförvaltningen', q: '' } },
  sort: { key: 'due', direction: 'ascending' },
  items: ITEMS,
  nextCursor: 'eyJwYXJ0aXRpb24iOiJvcGVuIn0',
  paged: false,
  units: ['Kommunledningskontoret', 'Miljö- och samhällsbyggnadsförvaltningen'],
  ...extra,
});

const registerModel = (extra: Partial<RegisterModel> = {}): RegisterModel => ({
  ...context(),
  form: { values: { idempotencyKey: '6b1f0c1e-8d4a-4b7e-9a21-3c5d7e9f1a2b' } },
  bodies: ['KF', 'KS', 'SN'],
  units: ['Kommunledningskontoret'],
  ...extra,
});

const EVERY_PAGE: [string, string][] = [
  ['Översikt', overviewPage(overviewModel())],
  ['Ärenden', itemListPage(listModel())],
  ['Ärende', itemPage({ ...context(), item: eTjanst, history: eTjanstHistory })],
  ['Registrera', registerPage(registerModel())],
  ['Sammanträdesplaner', plansPage({ ...context(admin), plans: [{ body: 'KS', years: [2027, 2028] }], closedDayYears: [2027] })],
  ['Sammanträdesplan', planPage({ ...context(admin), body: 'KS', year: 2027, form: { values: {} } })],
  ['Stängda dagar', closedDaysPage({ ...context(admin), year: 2027, stored: ['2027-05-14'], form: { values: {} } })],
  ['Enheter', unitsPage({ ...context(admin), units: [], form: { values: {} } })],
  ['Roller', rolesPage({ ...context(admin), roles: [], form: { values: {} } })],
  ['Logga in', signInPage({ form: { values: {} } })],
  ['404', errorPage({ status: 404, context: context() })],
  ['Inloggningen har gått ut', signedOutPage({ signIn: '/logga-in', hours: 8, form: NOTHING_KEPT })],
];

describe('the page shell', () => {
  it.each(EVERY_PAGE)('%s: Swedish, a skip link to main, the one stylesheet, no script and no inline style', (_, html) => {
    expect(html.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
    expect(html).toContain('<a class="ds-skip-link" href="#innehall">Hoppa till innehållet</a>');
    expect(html).toMatch(/<main id="innehall" class="frame" tabindex="-1">/);
    expect(html).toContain(`<link rel="stylesheet" href="/assets/${STYLESHEET.fileName}"/>`);
    // The CSP forbids both: style-src 'self' and no script-src at all.
    expect(html).not.toMatch(/<script|\sstyle=|<style|\son[a-z]+=/i);
    expect(html).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it('names the product, the person and their role, and signs out with a POST carrying the form token', () => {
    const html = overviewPage(overviewModel());
    expect(html).toContain('<title>Översikt – Bevakning</title>');
    expect(text(html)).toContain('Bevakning Lena Holm Registrator Logga ut');
    expect(html).toMatch(new RegExp(`<form method="post" action="/logga-ut"><input type="hidden" name="csrf" value="${CSRF}"/><button type="submit"[^>]*>Logga ut</button></form>`));
  });

  it('shows each role its navigation, the current page marked', () => {
    expect(navigation(overviewPage(overviewModel()))).toEqual([['Översikt', 'Ärenden', 'Registrera', 'Granska beslut', 'Importera', 'Rapporter']]);
    expect(navigation(plansPage({ ...context(admin), plans: [], closedDayYears: [] }))).toEqual([
      ['Översikt', 'Ärenden', 'Registrera', 'Granska beslut', 'Importera', 'Rapporter', 'Sammanträdesplaner', 'Enheter', 'Roller', 'Offentliga sidor'],
    ]);
    expect(publicBodiesPage({ ...context(admin), bodies: [], form: { values: {} } })).toContain('<a href="/admin/offentliga" aria-current="page">Offentliga sidor</a>');
    expect(navigation(itemListPage(listModel({ ...context(manager) })))).toEqual([['Ärenden']]);
    expect(navigation(itemListPage(listModel({ ...context(official) })))).toEqual([['Ärenden']]);
    expect(overviewPage(overviewModel())).toContain('<a href="/" aria-current="page">Översikt</a>');
    expect(itemListPage(listModel())).toContain('<a href="/arenden" aria-current="page">Ärenden</a>');
    expect(text(itemListPage(listModel({ ...context(manager) })))).toContain('Eva Lind Chef, Miljö- och samhällsbyggnadsförvaltningen');
  });

  it('shows the confirmation of the last POST at the top, as a status message', () => {
    const html = overviewPage(overviewModel(context(registrar, { flash: { kind: 'success', text: 'Förlängningen är beviljad.' } })));
    expect(html).toContain('<div role="status" class="flash"><div class="ds-alert" data-color="success"><p>Förlängningen är beviljad.</p></div></div>');
    expect(html.indexOf('role="status"')).toBeLessThan(html.indexOf('<h1'));
  });

  it('says after a POST only what its code stands for, never text from the request', () => {
    expect(flashFor('beviljat')).toEqual({ kind: 'success', text: 'Förlängningen är beviljad. Handläggaren får besked i nästa mejl.' });
    expect(flashFor('<script>alert(1)</script>')).toBeUndefined();
    expect(flashFor('toString')).toBeUndefined();
    expect(flashFor(null)).toBeUndefined();
  });

  it('lists every warning of a registration whose redirect carries several, and nothing for a list with a stranger in it', () => {
    expect(flashFor('registrerat-forsenat,registrerat-utan-chef')).toEqual({
      kind: 'warning',
      text: 'Ärendet är registrerat, men:',
      points: ['Tidsfristen har redan passerat: det är försenat från start.', 'Varken ärendet eller enheten har någon chef, så ingen får besked om det blir försenat. Ange en chef på ärendet eller för enheten.'],
    });
    expect(flashFor('registrerat-forsenat,beviljat')).toBeUndefined();
    expect(flashFor('registrerat-forsenat,toString')).toBeUndefined();
    const html = overviewPage(overviewModel(context(registrar, { flash: { kind: 'warning', text: 'Ärendet är registrerat, men:', points: ['A.', 'B.'] } })));
    expect(html).toContain('<div class="ds-alert" data-color="warning"><p>Ärendet är registrerat, men:</p><ul><li>A.</li><li>B.</li></ul></div>');
  });

  it('is sent with a strict Content-Security-Policy', () => {
    expect(WORKSPACE_PAGE_HEADERS['content-security-policy']).toBe("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  });

  it('leaves no bidi override or zero-width character from user text in the page', () => {
    const sneaky = { ...eTjanst, title: 'Utreda\u202Egnirdnä\u202C e-tjänst\u200Bplattform' };
    expect(itemPage({ ...context(), item: sneaky, history: [] })).toContain('<title>Utredagnirdnä e-tjänstplattform – Bevakning</title>');
  });
});

describe('Översikt', () => {
  it('counts each section in its heading and puts each action one click away', () => {
    const html = overviewPage(overviewModel());
    const headings = [...html.matchAll(/<h2 id="[^"]+" class="ds-heading" data-size="sm">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Begäran om förlängning (1)',
      'Inte mitt ärende (1)',
      'Behöver åtgärd (1)',
      'Försenade (1)',
      'Utan chef att eskalera till (1)',
      'Motioner inom 60 dagar från tidsgränsen (1)',
    ]);
    // Grant with the requested date filled in, refuse with a reason; both post to the item and come back here.
    expect(html).toContain(`<form method="post" action="/arenden/${eTjanst.id}" novalidate><input type="hidden" name="csrf" value="${CSRF}"/><input type="hidden" name="action" value="grant"/><input type="hidden" name="version" value="3"/><input type="hidden" name="returnTo" value="/"/>`);
    expect(html).toMatch(/<input class="ds-input" id="bevilja-[^"]+-dueDate" name="dueDate" type="date" value="2027-10-18"/);
    expect(html).toContain('<input type="hidden" name="action" value="refuse"/>');
    expect(html).toContain('<input type="hidden" name="action" value="reassign"/>');
    expect(text(html)).toContain('ali.nur@kommun.example.se säger att ärendet inte är deras (29 april 2027 kl. 08:45): Klimatanpassningen ligger hos Tekniska förvaltningen sedan omorganisationen.');
  });

  it('explains in words why an item needs a clerk', () => {
    expect(text(overviewPage(overviewModel()))).toContain(
      'Sammanträdesplanen har ändrats och inget sammanträde med KS hinns före fristen. Ärendet har kvar sina datum: välj ett annat sammanträde, ändra tidsfristen eller besvara på delegation.',
    );
    const held = { ...remiss, attention: 'meeting_already_held' as const };
    expect(text(overviewPage(overviewModel({ attention: [held] })))).toContain('Sammanträdet som fristen räknades från (14 juni 2027) har redan hållits. Kontrollera tidsfristen med handläggaren.');
  });

  it('says briefly when a section is empty', () => {
    const html = text(overviewPage(overviewModel({ extensionRequests: [], reassignRequests: [], attention: [], overdue: [], noManager: [], motionsNearLimit: [] })));
    expect(html).toContain('Begäran om förlängning (0) Ingen har begärt förlängning.');
    expect(html).toContain('Försenade (0) Inga ärenden är försenade.');
    expect(html).toContain('Motioner inom 60 dagar från tidsgränsen (0) Ingen motion är inom 60 dagar från sin tidsgräns.');
  });
});

describe('Ärenden', () => {
  it('filters with a GET form whose fields are labelled as a clerk says them', () => {
    const html = itemListPage(listModel());
    expect(html).toContain('<form method="get" action="/arenden" novalidate');
    expect(labels(html)).toEqual(['Sök i rubrik och diarienummer', 'Status', 'Typ', 'Enhet', 'Ansvarig e-post', 'Tidsfrist efter', 'Tidsfrist före', 'Behöver åtgärd']);
    expect(html).toContain('<option value="overdue">Försenade</option>');
    expect(html).toContain('<option value="open" selected>Pågående</option>');
  });

  it('offers only the filters the viewer may use: a manager no unit but their officials, an official neither', () => {
    expect(labels(itemListPage(listModel(context(manager))))).toEqual(['Sök i rubrik och diarienummer', 'Status', 'Typ', 'Ansvarig e-post', 'Tidsfrist efter', 'Tidsfrist före', 'Behöver åtgärd']);
    const own = itemListPage(listModel(context(official)));
    expect(labels(own)).toEqual(['Sök i rubrik och diarienummer', 'Status', 'Typ', 'Tidsfrist efter', 'Tidsfrist före', 'Behöver åtgärd']);
    expect(own).not.toContain('<datalist');
  });

  it('sorts by its column links, marking the sorted column with aria-sort (the default sort, by deadline, needs no parameter)', () => {
    const html = itemListPage(listModel({ sort: { key: 'title', direction: 'ascending' } }));
    expect(html).toContain('<th scope="col" class="col-title" aria-sort="ascending"><a class="sort-link" href="/arenden?state=open&amp;unit=Milj%C3%B6-+och+samh%C3%A4llsbyggnadsf%C3%B6rvaltningen&amp;sort=-title">Rubrik</a></th>');
    expect(html).toContain('<th scope="col" class="col-due" aria-sort="none"><a class="sort-link" href="/arenden?state=open&amp;unit=Milj%C3%B6-+och+samh%C3%A4llsbyggnadsf%C3%B6rvaltningen">Tidsfrist</a></th>');
  });

  it('pages on with the cursor and downloads the same list as CSV or Excel', () => {
    const html = itemListPage(listModel());
    const same = '/arenden?state=open&amp;unit=Milj%C3%B6-+och+samh%C3%A4llsbyggnadsf%C3%B6rvaltningen';
    expect(html).toContain(`href="${same}&amp;cursor=eyJwYXJ0aXRpb24iOiJvcGVuIn0">Nästa sida</a>`);
    expect(html).toContain(`<a href="${same}&amp;format=csv">Ladda ner som CSV</a>`);
    expect(html).toContain(`<a href="${same}&amp;format=xlsx">Ladda ner som Excel (XLSX)</a>`);
    expect(html).not.toContain('Till första sidan');
    expect(itemListPage(listModel({ paged: true, nextCursor: undefined }))).toContain(`<a href="${same}">Till första sidan</a>`);
  });

  it('shows each item with its decision as known, its deadline and state in words', () => {
    const html = text(itemListPage(listModel()));
    expect(html).toContain('KS 2026-03-11 § 58, KS 2026/141');
    expect(html).toContain('Remiss från Region Skåne, inkom 2027-03-02, Dnr 2027-1234');
    expect(html).toContain('KF 2026-06-14 Motion');
    expect(html).toContain('BUN 2026-05-20 § 44, BUN 2026/44');
    expect(html).toContain('20 april 2027 13 dagar försenat Försenat');
    expect(html).toContain('30 april 2027 Klart 29 april 2027 Klart');
    expect(html).not.toContain('§ §');
  });

  it('sorts a column in Swedish alphabetical order, å, ä and ö last, ties by deadline', () => {
    const unit = (name: string, dueDate: string) => ({ ...eTjanst, id: name + dueDate, unit: name, dueDate });
    const items = [unit('Överförmyndarförvaltningen', '2027-06-01'), unit('Arbetsmarknadsförvaltningen', '2027-06-01'), unit('Ängelholmsgruppen', '2027-06-01'), unit('Åldreomsorgen', '2027-06-01'), unit('arbetsmarknadsförvaltningen', '2027-05-01')];
    expect(sortItems(items, { key: 'unit', direction: 'ascending' }).map((i) => `${i.unit} ${i.dueDate}`)).toEqual([
      'arbetsmarknadsförvaltningen 2027-05-01',
      'Arbetsmarknadsförvaltningen 2027-06-01',
      'Åldreomsorgen 2027-06-01',
      'Ängelholmsgruppen 2027-06-01',
      'Överförmyndarförvaltningen 2027-06-01',
    ]);
    expect(sortItems(ITEMS, { key: 'due', direction: 'descending' }).map((i) => i.dueDate)).toEqual(['2027-11-29', '2027-08-23', '2027-05-31', '2027-05-24', '2027-04-30', '2027-04-20']);
    // By the Swedish names: Motion, Uppdrag, Yttrande, Återrapportering.
    expect(sortItems(ITEMS, { key: 'kind', direction: 'ascending' }).map((i) => i.kind)).toEqual(['motion', 'uppdrag', 'uppdrag', 'yttrande', 'aterrapportering', 'aterrapportering']);
  });

  it('says so when nothing matches', () => {
    expect(text(itemListPage(listModel({ items: [], nextCursor: undefined })))).toContain('Inga ärenden Inga ärenden matchar filtret.');
  });
});

describe('Ärende', () => {
  const page = (extra = {}) => itemPage({ ...context(), item: eTjanst, history: eTjanstHistory, ...extra });

  it('shows the deadline and why, the state in words, and everything stored', () => {
    const html = text(page());
    expect(html).toContain('Tidsfrist måndag 23 augusti 2027 112 dagar kvar Sammanträde: måndag 13 september 2027 Så räknas fristen: Dokumentdatum för KS sammanträde 13 september 2027: 15 arbetsdagar före sammanträdet.');
    expect(html).toContain('Beslut KS 2026-03-11 § 58 Diarienummer KS 2026/141');
    expect(html).toContain('Chef Sam Ek (sam.ek@kommun.example.se)');
    expect(html).toContain('Fristen anges som Till KS:s sammanträde i september 2027');
    expect(html).toContain('Tidsfristen ändrad en gång, senast: KS sammanträde i augusti ställdes in.');
    expect(html).toContain('Lägesrapport Förstudien klar, upphandlingsunderlaget skrivs.');
  });

  it('shows the history as a timeline: who, when, what changed in words, why, via', () => {
    const html = text(page());
    expect(html).toContain('Registrerat 12 mars 2026 kl. 10:05, lena.holm@kommun.example.se');
    expect(html).toContain(
      'Ändrat 2 november 2026 kl. 15:20, lena.holm@kommun.example.se Fristen Till KS:s sammanträde i augusti 2027 → Till KS:s sammanträde i september 2027 Tidsfrist 2027-07-26 → 2027-08-23 Sammanträde 2027-08-16 → 2027-09-13 Skäl: KS sammanträde i augusti ställdes in.',
    );
    // The reason once, as the event's; the date in words.
    expect(html).toContain('Förlängning begärd 28 april 2027 kl. 09:12, kim.berg@kommun.example.se, via e-postlänk Begäran om förlängning: till måndag 18 oktober 2027 Skäl: Väntar på underlag från IT-avdelningen om nuvarande avtal.');
  });

  it('a granted or refused request is gone by the event\'s name, not told as removed; closing the item says what went', () => {
    const request = { from: { date: '2027-10-18', reason: 'Väntar på underlag.', by: 'kim.berg@kommun.example.se', at: '2027-04-28T07:12:00.000Z' }, to: null };
    expect(changeLines({ action: 'extension_granted', changes: { extensionRequest: request, dueDate: { from: '2027-08-23', to: '2027-10-18' } } })).toEqual(['Tidsfrist 2027-08-23 → 2027-10-18']);
    expect(changeLines({ action: 'extension_refused', changes: { extensionRequest: request } })).toEqual([]);
    expect(changeLines({ action: 'done', changes: { extensionRequest: request } })).toEqual(['Begäran om förlängning togs bort (till måndag 18 oktober 2027)']);
  });

  it('shows a decision as far as it is known, never "undefined" or "§ §"', () => {
    const yttrande = text(itemPage({ ...context(), item: remiss, history: [] }));
    expect(yttrande).toContain('Beslut Inget organ har beslutat ännu Diarienummer Inget diarienummer angivet Remiss Remiss från Region Skåne, inkom 2027-03-02, Dnr 2027-1234');
    const noParagraph = text(itemPage({ ...context(), item: motion, history: [] }));
    expect(noParagraph).toContain('Motion, KF 2026-06-14');
    expect(noParagraph).toContain('Lagstadgad gräns: måndag 14 juni 2027');
    const bare = text(itemPage({ ...context(), item: skolskjuts, history: [] }));
    expect(bare).toContain('Beslut BUN 2026-05-20 § 44');
    for (const html of [yttrande, noParagraph, bare]) expect(html).not.toMatch(/undefined|§ §/);
  });

  it('gives a registrar the forms for an open item, each posting the version shown', () => {
    const html = page();
    const summaries = [...html.matchAll(/<summary>([^<]*)<\/summary>/g)].map((m) => m[1]);
    expect(summaries).toEqual(['Bevilja förlängningen', 'Avslå förlängningen', 'Ändra', 'Byt ansvarig', 'Markera som klart', 'Avbryt ärendet']);
    expect([...html.matchAll(/name="version" value="(\d+)"/g)].map((m) => m[1])).toEqual(['3', '3', '3', '3', '3', '3']);
    // The change form shows the item's own values, the deadline as the radio chosen.
    expect(html).toContain('<input class="ds-input" type="radio" id="andra-dueForm-meeting" name="dueForm" value="meeting" checked');
    expect(html).toContain('id="andra-meetingMonth" name="meetingMonth" type="month" value="2027-09"');
    expect(labels(html)).toContain('Skäl');
  });

  it('gives the responsible official the four actions of their email link page, a manager no form, and a closed item only "Öppna ärendet igen"', () => {
    const summaries = (html: string) => [...html.matchAll(/<summary>([^<]*)<\/summary>/g)].map((m) => m[1]);
    expect(summaries(itemPage({ ...context(official), item: eTjanst, history: [] }))).toEqual(['Markera som klart', 'Begär förlängning', 'Lämna lägesrapport', 'Inte mitt ärende']);
    expect(summaries(itemPage({ ...context(manager), item: klimat, history: [] }))).toEqual([]);
    expect(summaries(itemPage({ ...context(official), item: klimat, history: [] }))).toEqual([]);
    expect(summaries(itemPage({ ...context(), item: skolskjuts, history: [] }))).toEqual(['Öppna ärendet igen']);
  });

  it('when the item changed meanwhile, says what changed and by whom, and keeps what the person typed', () => {
    const item = { ...eTjanst, version: 4, due: { date: '2027-06-14' }, dueDate: '2027-06-14' };
    const html = itemPage({
      ...context(),
      item,
      history: [],
      changedMeanwhile,
      form: { name: 'change', state: { values: { title: 'Min nya rubrik', dueForm: 'date', dueDate: '2027-05-03', reason: 'Jag skrev detta', version: '3' } } },
    });
    expect(text(html)).toContain(
      'Ärendet har ändrats medan du skrev Ärendet har ändrats av sam.ek@kommun.example.se 3 maj 2027 kl. 14:32: Tidsfrist 2027-05-03 → 2027-06-14 Det du skrev finns kvar i formuläret.',
    );
    expect(html).toContain('<details class="ds-details" id="andra" open>');
    expect(html).toContain('id="andra-title" name="title" type="text" value="Min nya rubrik"');
    expect(html).toContain('Jag skrev detta</textarea>');
    // Saving again applies to the version now shown.
    expect(html).toMatch(/name="action" value="change"\/><input type="hidden" name="version" value="4"\/>/);
    expect(html).not.toMatch(/precondition|412/);
    expect(text(html)).toContain('Fält du inte har ändrat visar det som nu är sparat');
  });

  it('a grant sent after the item changed says what changed, without Ändra\'s words about unchanged fields', () => {
    const html = itemPage({ ...context(), item: eTjanst, history: [], changedMeanwhile, form: { name: 'grant', state: { values: { version: '3' } } } });
    expect(text(html)).toContain('Ärendet har ändrats medan du skrev');
    expect(text(html)).not.toContain('Fält du inte har ändrat');
  });

  it('shows the errors of the form that was sent, next to its fields and in a summary linked to them', () => {
    const html = itemPage({ ...context(), item: eTjanst, history: [], form: { name: 'cancel', state: { values: { reason: '' }, errors: { reason: 'Skriv varför ärendet avbryts.' } } } });
    expect(html).toContain('<details class="ds-details" id="avbryt" open>');
    expect(html).toContain('<a href="#avbryt-reason">Skäl: Skriv varför ärendet avbryts.</a>');
    expect(html).toContain('aria-invalid="true" aria-describedby="avbryt-reason-hjalp avbryt-reason-fel"');
    expect(html).toContain('<p class="ds-validation-message" data-field="validation" id="avbryt-reason-fel">Skriv varför ärendet avbryts.</p>');
  });

  it('keeps a 200-character title whole', () => {
    expect(LONG_TITLE).toHaveLength(200);
    expect(itemPage({ ...context(), item: klimat, history: [] })).toContain(`<h1 class="ds-heading" data-size="lg">${LONG_TITLE}</h1>`);
  });
});

describe('Registrera', () => {
  it('labels the fields as a clerk says them, with the deadline as radio choices with their inputs', () => {
    const html = registerPage(registerModel());
    expect(labels(html)).toEqual([
      'Typ', 'Rubrik', 'Beskrivning', 'Diarienummer',
      'Organ', 'Beslutsdatum', 'Paragraf', 'Remissen inkom', 'Remissens referens',
      'Ansvarig (namn)', 'Ansvarig (e-post)', 'Enhet', 'Chef (namn)', 'Chef (e-post)',
      'Tidsfrist (datum)', 'Tidsfrist',
      'Till sammanträde', 'Sammanträdets organ', 'Månad', 'Datum för sammanträdet',
      'Sista sammanträdet senast', 'Organ för sista sammanträdet', 'Senast',
      'Remissvar', 'Sista dag hos mottagaren', 'Mottagare', 'Beslutas av',
      'Motion väckt', 'Väckt',
    ]);
    expect(html).toContain('<option value="aterrapportering">Återrapportering</option>');
  });

  it('carries the idempotency key made when the form was first shown, and offers "Visa tidsfrist" before "Registrera"', () => {
    const html = registerPage(registerModel());
    expect(html).toContain('<input type="hidden" name="idempotencyKey" value="6b1f0c1e-8d4a-4b7e-9a21-3c5d7e9f1a2b"/>');
    // The first submit button is the one Enter presses: it computes, it does not save.
    expect(html.indexOf('value="preview"')).toBeLessThan(html.indexOf('value="register"'));
    expect(text(html)).toContain('Visa tidsfrist Registrera');
  });

  it('shows the deadline the filled form gives, and keeps what was typed', () => {
    const html = registerPage(
      registerModel({
        form: { values: { idempotencyKey: 'k'.repeat(20), kind: 'motion', dueForm: 'motion', raised: '2026-06-14', title: 'Motion om avgiftsfri simskola' } },
        preview: { ok: true, dueDate: motion.dueDate, meetingDate: motion.meetingDate!, statutoryLimit: motion.statutoryLimit!, dueExplanation: motion.dueExplanation },
      }),
    );
    expect(text(html)).toContain('Tidsfrist: måndag 24 maj 2027 Sammanträde: måndag 7 juni 2027 Lagstadgad gräns: måndag 14 juni 2027 Så räknas fristen: Motionen väcktes 14 juni 2026');
    expect(html).toContain('<option value="motion" selected>Motion</option>');
    expect(html).toContain('id="dueForm-motion" name="dueForm" value="motion" checked');
    expect(html).toContain('value="Motion om avgiftsfri simskola"');
  });

  it('lists what is wrong at the top, each linked to its field, and says it next to the field', () => {
    const html = registerPage(registerModel({ form: { values: { idempotencyKey: 'k'.repeat(20) }, errors: { title: 'Skriv en rubrik.', meetingMonth: 'Ska vara en månad, ÅÅÅÅ-MM.' } } }));
    expect(text(html)).toContain('Rätta de här 2 sakerna innan du fortsätter Rubrik: Skriv en rubrik. Månad: Ska vara en månad, ÅÅÅÅ-MM.');
    expect(html).toContain('<a href="#title">Rubrik: Skriv en rubrik.</a>');
    expect(html).toContain('<a href="#meetingMonth">Månad: Ska vara en månad, ÅÅÅÅ-MM.</a>');
    expect(html).toMatch(/id="title" name="title" type="text" value autocomplete="off" aria-required="true" aria-invalid="true" aria-describedby="title-hjalp title-fel"/);
  });

  it('asks for a confirmation when an item like it exists', () => {
    const html = registerPage(registerModel({ duplicateOf: { id: eTjanst.id, title: eTjanst.title } }));
    expect(text(html)).toContain('Ett likadant ärende finns redan Det öppna ärendet Utreda formerna för en gemensam e-tjänstplattform har samma typ, beslut, ansvarig och rubrik. Registrera ändå (det är ett annat ärende)');
    expect(html).toContain('<input class="ds-input" type="checkbox" id="confirmDuplicate" name="confirmDuplicate" value="ja"/>');
  });
});

describe("the admin's pages", () => {
  it('shows the dates found in an uploaded calendar and fills them into the plan, unsaved', () => {
    const html = planPage({
      ...context(admin),
      body: 'KS',
      year: 2027,
      stored: { leadWorkingDays: 15, dates: ['2027-01-25'] },
      form: { values: {} },
      imported: { fileName: 'ks-2027.ics', meetings: [{ date: '2027-01-25', summary: 'Kommunstyrelsen (KS) sammanträde' }, { date: '2027-03-01', summary: 'KS sammanträde' }] },
    });
    expect(text(html)).toContain('2 sammanträden 2027 hittades i filen ks-2027.ics måndag 25 januari 2027: Kommunstyrelsen (KS) sammanträde måndag 1 mars 2027: KS sammanträde Datumen står nu i formuläret nedan. Kontrollera dem och spara planen; inget är sparat ännu.');
    expect(html).toContain('2027-01-25\n2027-03-01</textarea>');
    expect(html).toContain('value="15"');
    expect(html).toContain('<form method="post" action="/admin/sammantradesplaner/KS/2027" enctype="multipart/form-data"');
  });

  it('says which stored meetings fall on a day that is no working day, without refusing them', () => {
    const html = planPage({ ...context(admin), body: 'BUN', year: 2027, stored: { leadWorkingDays: 0, dates: ['2027-01-20', '2027-01-23', '2027-12-24'] }, form: { values: {} } });
    expect(text(html)).toContain('2 sammanträden ligger på en dag som inte är en arbetsdag: lördag 23 januari 2027, fredag 24 december 2027 (julafton). Kontrollera att datumen är rätt skrivna.');
    expect(text(planPage({ ...context(admin), body: 'BUN', year: 2027, stored: { leadWorkingDays: 10, dates: ['2027-01-20'] }, form: { values: {} } }))).not.toContain('inte är en arbetsdag');
  });

  it('links the plans by body and year, and the closed days of this year and the next', () => {
    const html = plansPage({ ...context(admin), plans: [{ body: 'KS', years: [2027, 2028] }], closedDayYears: [2026] });
    expect(html).toContain('<a href="/admin/sammantradesplaner/KS/2028" aria-label="KS 2028">2028</a>');
    expect([...html.matchAll(/<a href="\/admin\/stangda-dagar\/(\d+)">/g)].map((m) => m[1])).toEqual(['2026', '2027', '2028']);
  });

  it("shows the unit directory and the role directory", () => {
    const units = text(unitsPage({ ...context(admin), units: [{ unit: 'Miljö- och samhällsbyggnadsförvaltningen', manager: { name: 'Eva Lind', email: 'eva.lind@kommun.example.se' }, updatedBy: 'admin@kommun.example.se', updatedAt: '2027-04-01T08:00:00.000Z' }], form: { values: {} } }));
    expect(units).toContain('Miljö- och samhällsbyggnadsförvaltningen Eva Lind eva.lind@kommun.example.se 1 april 2027 kl. 10:00 admin@kommun.example.se');
    const roles = text(rolesPage({ ...context(admin), roles: [{ role: 'kommundirektör', name: 'Anna Ek', email: 'anna.ek@kommun.example.se', unit: 'Kommunledningskontoret' }], form: { values: {} } }));
    expect(roles).toContain('kommundirektör Anna Ek anna.ek@kommun.example.se Kommunledningskontoret');
  });
});

describe('Logga in and the error pages', () => {
  it('is clearly for local development only, with E-post, Roll (Registrator, Administratör, Chef, Handläggare), Enhet and "Logga in"', () => {
    const html = signInPage({ form: { values: {} }, returnTo: '/arenden/1' });
    expect(text(html)).toContain('Endast för lokal utveckling');
    expect(labels(html)).toEqual(['E-post', 'Roll', 'Enhet']);
    expect([...html.matchAll(/<option value="(\w+)"[^>]*>([^<]*)<\/option>/g)].map((m) => m[2])).toEqual(['Registrator', 'Administratör', 'Chef', 'Handläggare']);
    expect(html).toContain('<button type="submit" class="ds-button">Logga in</button>');
    expect(html).toContain('<input type="hidden" name="returnTo" value="/arenden/1"/>');
    expect(navigation(html)).toEqual([]);
  });

  it.each([
    [403, 'Du har inte behörighet till sidan'],
    [404, 'Sidan finns inte'],
    [503, 'Tjänsten svarar inte just nu'],
  ] as const)('%s says so in Swedish', (status, title) => {
    const html = errorPage({ status, context: context() });
    expect(html).toContain(`<h1 class="ds-heading" data-size="lg">${title}</h1>`);
    expect(text(html)).toContain(status === 503 ? 'försök igen om en stund' : 'Till startsidan');
  });

  it('a session that ran out asks to sign in again, and comes back to the page', () => {
    const html = signedOutPage({ signIn: '/logga-in?returnTo=%2Farenden%2F7d3b%3Fx%3D1', hours: 8, form: NOTHING_KEPT });
    expect(text(html)).toContain('Din inloggning har gått ut Av säkerhetsskäl gäller en inloggning i 8 timmar.');
    expect(html).toContain('<a class="ds-button" href="/logga-in?returnTo=%2Farenden%2F7d3b%3Fx%3D1">Logga in igen</a>');
  });

  it('what was typed is shown as the form words it: "Typ: Återrapportering", "Tidsfrist: Till sammanträde", never the codes', () => {
    const form = { action: '/registrera', fields: [['kind', 'aterrapportering'], ['title', 'Utreda nattbemanningen'], ['dueForm', 'meeting'], ['p1-kind', 'motion']] as [string, string][], multipart: false, files: false, tooLarge: false, ticket: 'biljett' };
    const shown = text(signedOutPage({ signIn: '/logga-in', hours: 8, form }));
    expect(shown).toContain('Typ Återrapportering Rubrik Utreda nattbemanningen Tidsfrist Till sammanträde Förslag 2: Typ Motion');
    expect(shown).not.toMatch(/aterrapportering|Tidsfrist meeting/);
  });

  it('every listed item can be shown on the overview and its page', () => {
    for (const item of ITEMS) {
      expect(itemPage({ ...context(), item, history: [] })).toContain(`<h1 class="ds-heading" data-size="lg">${item.title}</h1>`);
      expect(overviewPage(overviewModel({ overdue: [item] }))).toContain(`href="/arenden/${item.id}"`);
    }
    expect(sn.due).toEqual({ meeting: { body: 'SN', by: '2027-12-31' } });
    expect(text(itemPage({ ...context(), item: sn, history: [] }))).toContain('Fristen anges som Till SN:s sista sammanträde senast 31 december 2027');
  });
});

describe('Granska beslut', () => {
  it('marks only the words of a proposal\'s sentence: line breaks at its ends stay outside the mark', () => {
    const text = '§ 12 Skolskjuts\nBeslut\n\nNämnden uppdrar åt förvaltningschefen att ta fram riktlinjer.\n\n§ 13 Övrigt';
    const start = text.indexOf('\n\nNämnden');
    const end = text.indexOf('§ 13');
    expect(sourceInParagraph(text, start, end)).toEqual({
      before: '§ 12 Skolskjuts\nBeslut\n\n',
      sentence: 'Nämnden uppdrar åt förvaltningschefen att ta fram riktlinjer.',
      after: '\n',
    });
  });
});
