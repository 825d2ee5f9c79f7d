import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, patchItem } from '../../shared/application/items/service';
import { createLinkSigner, type LinkKeys } from '../../shared/application/links/signed-link';
import { DEV_LINK_KEY } from '../../shared/platform/config';
import { fixedClock } from '../../shared/platform/clock';
import { signLocalToken } from '../../local/tokens';
import { inject } from 'vitest';
import { isolatedApi } from '../support/isolated-api';
import { mailTo } from '../support/isolated';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
let people = 0;
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}.${process.pid}.${Date.now()}.${++people}@kommun.example.se` });

type Api = Awaited<ReturnType<typeof isolatedApi>>;
let api: Api;
beforeAll(async () => {
  api = await isolatedApi();
});
afterAll(() => api.stop());

async function register(responsible: { name: string; email: string }, dueDate: string, title: string, createdBy = clerk) {
  api.deps.at('2027-06-04T09:00:00+02:00');
  return (
    await createItem(api.deps, createdBy, {
      kind: 'aterrapportering',
      title,
      caseNumber: 'KS 2027/88',
      decision: { body: 'KS', date: '2027-05-10', paragraph: '§ 88' },
      responsible,
      unit: 'Kommunledningskontoret',
      due: { date: dueDate },
    } as never)
  ).item;
}

/** The link to the recipient's page in the newest email they got. */
async function linkFrom(email: string): Promise<string> {
  const inbox = await mailTo(email);
  const text = inbox.at(-1)?.body.text ?? '';
  const link = /(http:\/\/localhost:\d+\/p\/[^\s#]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no page link in the email to ${email}:\n${text}`);
  return link;
}

async function get(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
const signerAt = (instant: string, keys: LinkKeys = { current: 'local', keys: { local: DEV_LINK_KEY } }) =>
  createLinkSigner({ keys: async () => keys, clock: fixedClock(instant), ttlDays: 14 });

describe("an official's page, opened from the reminder", () => {
  it('lists their open items most urgent first, with the deadline, days left and the explanation, under a strict policy', async () => {
    const kim = person('Kim Berg');
    const later = await register(kim, '2027-06-14', 'Redovisa läget för kulturhuset');
    const sooner = await register(kim, '2027-06-08', 'Återrapportera skolskjutsen');

    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const page = await get(link);

    expect(page.status).toBe(200);
    expect(page.text.indexOf('Återrapportera skolskjutsen')).toBeLessThan(page.text.indexOf('Redovisa läget för kulturhuset'));
    expect(page.text).toContain('1 dag kvar: senast tisdag 8 juni 2027');
    expect(page.text).toContain('KS 2027-05-10 § 88, KS 2027/88');
    expect(page.text).toContain(later.dueExplanation);
    expect(page.text).toContain(`id="uppdrag-${sooner.id}"`);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('"Markera som klart" closes the item as PATCH would, on the record via the link, and the next run says nothing more of it', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Redovisa läget för kulturhuset');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const page = await get(link);

    const done = await post(`${link}/uppdrag/${item.id}/done`, { csrf: csrfOf(page.text), note: 'Återrapporterad KS 2027-06-10 § 101' });

    expect(done.status).toBe(303);
    expect(new URL(done.location!, `${link}/uppdrag/${item.id}/done`).href).toBe(`${link}?m=done&arende=${item.id}#meddelande`);
    const stored = await api.deps.items.get(item.id);
    expect(stored?.status).toBe('done');
    const history = await api.deps.items.history(item.id);
    expect(history.at(-1)).toMatchObject({ action: 'done', by: kim.email, note: 'Återrapporterad KS 2027-06-10 § 101', via: 'e-postlänk', changes: { status: { from: 'open', to: 'done' } } });
    const confirmed = await get(new URL(done.location!, `${link}/uppdrag/${item.id}/done`).href);
    expect(confirmed.text).toContain('<p class="message" id="meddelande" tabindex="-1" role="status">Ärendet är markerat som klart. Tack!</p>');
    const next = await api.runReminders('2027-06-14T07:00:00+02:00');
    expect(next.sent.filter((e) => e.to === kim.email)).toEqual([]);

    const again = await post(`${link}/uppdrag/${item.id}/done`, { csrf: csrfOf(page.text), note: 'Dubbelklick' });
    expect(again.location).toContain('?m=closed');
    expect(await api.deps.items.history(item.id)).toHaveLength(history.length);
  });

  it('"Begär förlängning" is queued for the registrar, reaches their next email, and the official hears the outcome', async () => {
    const kim = person('Kim Berg');
    const registrar = { who: person('Reg Istrator').email, roles: new Set(['registrar'] as const) };
    const item = await register(kim, '2027-06-14', 'Utreda fritidsgårdarnas öppettider', registrar);
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);

    const asked = await post(`${link}/uppdrag/${item.id}/extension`, { csrf: csrfOf((await get(link)).text), date: '2027-08-31', reason: 'Väntar på yttrande från SN' });

    expect(asked.location).toContain('?m=extension');
    // The page opens on the confirmation, which leads on to the item still listed.
    expect((await get(new URL(asked.location!, `${link}/uppdrag/${item.id}/extension`).href)).text).toContain(
      `Du får besked i ett e-postmeddelande. <a href="#uppdrag-${item.id}">Till ärendet Utreda fritidsgårdarnas öppettider</a></p>`,
    );
    const token = await signLocalToken({ email: registrar.who, roles: ['registrar'] }, inject('jwtSecret'));
    const queue = await fetch(`${api.url}/uppdrag?extensionRequested=true`, { headers: { authorization: `Bearer ${token}` } });
    const listed = ((await queue.json()) as { items: { id: string; extensionRequest: unknown }[] }).items.find((i) => i.id === item.id);
    expect(listed?.extensionRequest).toMatchObject({ date: '2027-08-31', reason: 'Väntar på yttrande från SN', by: kim.email });
    expect((await api.deps.items.history(item.id)).at(-1)).toMatchObject({ action: 'extension_requested', by: kim.email, via: 'e-postlänk', reason: 'Väntar på yttrande från SN' });

    await api.runReminders('2027-06-08T07:00:00+02:00');
    const toRegistrar = (await mailTo(registrar.who)).at(-1)?.body.text ?? '';
    expect(toRegistrar).toContain('1. Utreda fritidsgårdarnas öppettider\n');
    expect(toRegistrar).toContain(`Kim Berg (${kim.email}) begär förlängning till tisdag 31 augusti 2027; tidsfristen är nu måndag 14 juni 2027.`);

    api.deps.at('2027-06-08T10:00:00+02:00');
    const stored = (await api.deps.items.get(item.id))!;
    const granted = await patchItem(api.deps, registrar, item.id, stored.version, { due: { date: '2027-08-31' }, reason: 'Beviljad förlängning' });
    expect(granted.extensionRequest).toBeUndefined();
    expect((await api.deps.items.history(item.id)).at(-1)).toMatchObject({ action: 'extension_granted', reason: 'Beviljad förlängning' });

    await api.runReminders('2027-06-09T07:00:00+02:00');
    // The answer is Kim's, as the one responsible: greeted by name, with the way to his own page, never as a registrar.
    const answer = (await mailTo(kim.email)).at(-1)?.body.text ?? '';
    expect(answer).toContain('Din begäran om förlängning av "Utreda fritidsgårdarnas öppettider" (KS 2027-05-10 § 88, KS 2027/88) beviljades: ny tidsfrist tisdag 31 augusti 2027.');
    expect(answer).toMatch(/^Hej Kim Berg!/);
    expect(answer).toContain('Mina ärenden: markera som klart, begär förlängning eller lämna en lägesrapport:\nhttp');
    expect(answer).toContain('Du får det här mejlet eftersom du är ansvarig för ärenden i kommunens uppföljning av politiska beslut.');
    expect(answer).not.toContain('registrerat');
  });

  it('the same request for a later deadline sent twice (a double click, a replayed form) is recorded once, and the registrar told once', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Utreda badplatsernas skyltning');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const form = { csrf: csrfOf((await get(link)).text), date: '2027-08-31', reason: 'Väntar på underlag från TN' };

    await post(`${link}/uppdrag/${item.id}/extension`, form);
    const again = await post(`${link}/uppdrag/${item.id}/extension`, form);

    expect(again.location).toContain('?m=extension');
    const requested = (await api.deps.items.history(item.id)).filter((event) => event.action === 'extension_requested');
    expect(requested).toHaveLength(1);
    expect((await api.deps.items.get(item.id))?.version).toBe(2);
  });

  it('a refused request is answered with the reason and leaves the deadline as it was', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Utreda parkeringsnormen');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    await post(`${link}/uppdrag/${item.id}/extension`, { csrf: csrfOf((await get(link)).text), date: '2027-07-30', reason: 'Semester' });

    const stored = (await api.deps.items.get(item.id))!;
    const refused = await patchItem(api.deps, clerk, item.id, stored.version, { extensionRequest: 'refused', reason: 'KS behandlar ärendet 21 juni.' });

    expect(refused.dueDate).toBe('2027-06-14');
    expect(refused.extensionRequest).toBeUndefined();
    await api.runReminders('2027-06-08T07:00:00+02:00');
    expect((await mailTo(kim.email)).at(-1)?.body.text).toContain('avslogs: KS behandlar ärendet 21 juni. Tidsfristen är fortfarande måndag 14 juni 2027.');
  });

  it('"Lämna lägesrapport" keeps the note on the item and in history; "Inte mitt ärende" tells the registrar', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Ta fram en handlingsplan mot buller');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const csrf = csrfOf((await get(link)).text);

    await post(`${link}/uppdrag/${item.id}/status-report`, { csrf, note: 'Utredningen klar i maj, väntar på yttrande från SN' });
    await post(`${link}/uppdrag/${item.id}/not-mine`, { csrf, note: 'Det är miljöenhetens' });

    const stored = await api.deps.items.get(item.id);
    expect(stored?.statusReport).toMatchObject({ note: 'Utredningen klar i maj, väntar på yttrande från SN', by: kim.email });
    expect(stored?.reassignRequest).toMatchObject({ note: 'Det är miljöenhetens', by: kim.email });
    expect((await api.deps.items.history(item.id)).map((e) => e.action)).toEqual(['created', 'status_report', 'not_mine']);
    const notices = await api.deps.notices.pendingNotices();
    expect(notices.some((n) => n.recipient === clerk.who && n.text.includes('inte är deras ärende: Det är miljöenhetens'))).toBe(true);
    expect((await get(link)).text).toContain('Senaste lägesrapport');
  });

  it('a "Markera som klart" racing the reminder run: the item ends done, history complete and ordered', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-08', 'Återrapportera samverkansavtalet');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const csrf = csrfOf((await get(link)).text);

    const [run, done] = await Promise.all([api.runReminders('2027-06-08T07:00:00+02:00'), post(`${link}/uppdrag/${item.id}/done`, { csrf, note: 'Klart' })]);

    expect(done.location).toContain('?m=done');
    expect(run.failed).toEqual([]);
    expect((await api.deps.items.get(item.id))?.status).toBe('done');
    const history = await api.deps.items.history(item.id);
    expect(history.map((e) => e.action)).toEqual(['created', 'done']);
  });
});

describe("a wrong entry on the official's page: the page again, with what was typed and what to correct", () => {
  const reason = 'Väntar på yttrande från socialnämnden, som behandlar remissen först på sitt sammanträde i augusti; utredningen kan därför inte slutföras före semestrarna.';
  it.each([
    ['a date that does not exist', 'extension', { date: '2027-02-30', reason }, 'datum', 'Föreslaget nytt datum', 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.', reason],
    ['a date before the current deadline', 'extension', { date: '2027-06-10', reason }, 'datum', 'Föreslaget nytt datum', 'Föreslå ett datum efter nuvarande tidsfrist, måndag 14 juni 2027.', reason],
    ['an empty reason', 'extension', { date: '2027-08-31', reason: '   ' }, 'skal', 'Skäl', 'Skriv ett skäl.', '2027-08-31'],
    ['"Markera som klart" with an empty note', 'done', { note: '' }, 'klar', 'Vad gjordes?', 'Skriv vad som gjordes.', undefined],
  ] as const)('%s answers 400 with the form open, the message beside the field and in the summary, nothing stored; the right entry then works', async (_, action, form, field, label, message, kept) => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Utreda fritidsgårdarnas öppettider');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const csrf = csrfOf((await get(link)).text);
    const before = await api.deps.items.history(item.id);

    const response = await fetch(`${link}/uppdrag/${item.id}/${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...form }).toString(),
    });
    const text = await response.text();

    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+';/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(text).toContain(`<details open>\n<summary>${action === 'done' ? 'Markera som klart' : 'Begär förlängning'}</summary>`);
    expect(text).toContain(`<p class="field-error" id="${field}-${item.id}-fel">${message}</p>`);
    expect(text).toMatch(new RegExp(`id="${field}-${item.id}" name="[a-z]+" required aria-invalid="true" aria-describedby="[^"]*${field}-${item.id}-fel"`));
    expect(text).toContain(`<li><a href="#${field}-${item.id}">${label}: ${message}</a></li>`);
    expect(text).toContain(`Inget har sparats: rätta det som är markerat under ${action === 'done' ? 'Markera som klart' : 'Begär förlängning'}, Utreda fritidsgårdarnas öppettider. <a href="#fel-${action}-${item.id}-ruta">Till formuläret</a>`);
    if (kept === reason) expect(text).toContain(`>${reason}</textarea>`);
    if (kept === '2027-08-31') expect(text).toContain('value="2027-08-31"');
    if (action === 'extension' && field === 'datum') expect(text).toContain(`value="${form.date}"`);
    expect(text).not.toMatch(/<script|\son[a-z]+=/i);
    expect(await api.deps.items.history(item.id)).toEqual(before);
    expect((await api.deps.items.get(item.id))?.extensionRequest).toBeUndefined();

    const right: Record<string, string> = action === 'done' ? { note: 'Återrapporterad KS 2027-06-10 § 101' } : { date: '2027-08-31', reason };
    const sent = await post(`${link}/uppdrag/${item.id}/${action}`, { csrf: csrfOf(text), ...right });
    expect(sent.status).toBe(303);
    expect(sent.location).toContain(`?m=${action}`);
    expect((await api.deps.items.history(item.id)).at(-1)?.action).toBe(action === 'done' ? 'done' : 'extension_requested');
  });

  it('a later deadline for a yttrande past the outside deadline is refused when asked, as the registrar could never grant it, beside the date and named in Swedish', async () => {
    const kim = person('Kim Berg');
    api.deps.at('2027-06-04T09:00:00+02:00');
    const { item } = await createItem(api.deps, clerk, {
      kind: 'yttrande',
      title: 'Yttrande över länsstyrelsens förslag till vattenskyddsområde',
      caseNumber: 'KS 2027/91',
      remiss: { received: '2027-06-01', reference: '505-1234-2027' },
      responsible: kim,
      unit: 'Kommunledningskontoret',
      due: { externalDeadline: '2027-10-29', recipient: 'Länsstyrelsen' },
    } as never);
    const link = `${api.url}/p/${await api.deps.links.sign({ kind: 'official', email: kim.email })}`;

    const asked = await post(`${link}/uppdrag/${item.id}/extension`, { csrf: csrfOf((await get(link)).text), date: '2027-11-01', reason: 'Väntar på underlag från miljöförvaltningen' });

    expect(asked.status).toBe(400);
    const message = 'Den nya tidsfristen måndag 1 november 2027 ligger efter sista dag för svaret till Länsstyrelsen, fredag 29 oktober 2027. Har Länsstyrelsen gett längre svarstid, be registratorn ändra sista dag för svaret.';
    expect(asked.text).toContain(`<p class="field-error" id="datum-${item.id}-fel">${message}</p>`);
    expect(asked.text).toContain(`<li><a href="#datum-${item.id}">Föreslaget nytt datum: ${message}</a></li>`);
    const told = [/<div class="error-summary".*?<\/div>/s, /<p class="message error" id="meddelande">.*?<\/p>/s].map((part) => asked.text.match(part)?.[0] ?? '');
    expect(told.join('')).toContain('Föreslaget nytt datum');
    expect(told.join('')).not.toMatch(/\bdate\b/);
    expect((await api.deps.items.get(item.id))?.extensionRequest).toBeUndefined();
    // The outside deadline itself can be asked for: the registrar can grant it.
    const onTheDay = await post(`${link}/uppdrag/${item.id}/extension`, { csrf: csrfOf(asked.text), date: '2027-10-29', reason: 'Väntar på underlag från miljöförvaltningen' });
    expect(onTheDay.status).toBe(303);
    expect((await api.deps.items.get(item.id))?.extensionRequest?.date).toBe('2027-10-29');
  });

  it('the fields an official must fill in say so in their labels, the one they need not says so too', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Inventera lekplatserna');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const page = (await get(await linkFrom(kim.email))).text;

    expect(page).toContain(`<label for="klar-${item.id}">Vad gjordes? (måste fyllas i)</label>`);
    expect(page).toContain(`<label for="datum-${item.id}">Föreslaget nytt datum (måste fyllas i)</label><p class="hint" id="datum-${item.id}-hint">Efter nuvarande tidsfrist, måndag 14 juni 2027, och inom två år. Skriv ÅÅÅÅ-MM-DD.</p>`);
    expect(page).toContain(`<label for="skal-${item.id}">Skäl (måste fyllas i)</label>`);
    expect(page).toContain(`<label for="inte-${item.id}">Vem borde ha det? (frivilligt)</label>`);
    expect(page).not.toContain('<details open>');
  });
});

describe('a lägesrapport the public will read: the official is told before writing it', () => {
  it("KS's follow-up page is public: the form says the lägesrapport shows there; closed again, it says nothing of it", async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Utreda belysningen i Folkets park');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const setting = { body: 'KS', showNames: false, updatedBy: 'admin@kommun.example.se', updatedAt: '2027-06-01T08:00:00.000Z' };
    const hint = `<p class="hint" id="lage-${item.id}-hint">Till exempel: Utredningen klar i maj, väntar på yttrande från SN.`;

    await api.deps.publicBodies.put({ ...setting, public: true });
    const published = (await get(link)).text;
    await api.deps.publicBodies.put({ ...setting, public: false });
    const closed = (await get(link)).text;

    expect(published).toContain(`${hint} Lägesrapporten visas på kommunens offentliga sida för KS.</p>`);
    expect(closed).toContain(`${hint}</p>`);
    expect(closed).not.toContain('offentliga sida');
  });
});

describe("the registrar's email: what needs them, in plain Swedish", () => {
  const admin = { email: 'admin@kommun.example.se', roles: ['admin'] as const };
  async function putPlan(body: string, dates: string[]) {
    const token = await signLocalToken({ email: admin.email, roles: [...admin.roles] }, inject('jwtSecret'));
    const response = await fetch(`${api.url}/meetings/${body}/2027`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ leadWorkingDays: 10, dates }),
    });
    expect(response.status).toBe(200);
  }

  it('lists a flagged item, a request for more time and an "Inte mitt ärende", each with a link to the item in the workspace, and no API words', async () => {
    const kim = person('Kim Berg');
    const registrar = { who: person('Reg Istrator').email, roles: new Set(['registrar'] as const) };
    const asked = await register(kim, '2027-06-14', 'Utreda fritidsgårdarnas öppettider', registrar);
    const declined = await register(kim, '2027-06-18', 'Inventera lekplatserna', registrar);
    await putPlan('GVN', ['2027-06-21', '2027-09-13']);
    api.deps.at('2027-06-04T09:00:00+02:00');
    const flagged = (await createItem(api.deps, registrar, {
      kind: 'aterrapportering', title: 'Återrapportera gymnasiesärskolans lokaler', caseNumber: 'GVN 2027/19',
      decision: { body: 'GVN', date: '2027-04-20', paragraph: '§ 141' }, responsible: kim, unit: 'Utbildningsförvaltningen',
      due: { meeting: { body: 'GVN', date: '2027-09-13' } },
    })).item;
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const csrf = csrfOf((await get(link)).text);
    await post(`${link}/uppdrag/${asked.id}/extension`, { csrf, date: '2027-08-31', reason: 'Väntar på yttrande från SN' });
    await post(`${link}/uppdrag/${declined.id}/not-mine`, { csrf, note: 'Det är parkenhetens' });
    api.deps.at('2027-06-07T10:00:00+02:00');
    await putPlan('GVN', ['2027-06-21', '2027-10-18']);

    await api.runReminders('2027-06-08T07:00:00+02:00');
    const [email] = await mailTo(registrar.who);
    const text = email!.body.text!;

    expect(email!.subject).toBe('3 ärenden behöver din åtgärd');
    expect(text).toContain('Behöver din åtgärd (3)\n');
    expect(text).toContain(
      `Utreda fritidsgårdarnas öppettider\n   KS 2027-05-10 § 88, KS 2027/88\n   Kim Berg (${kim.email}) begär förlängning till tisdag 31 augusti 2027; tidsfristen är nu måndag 14 juni 2027. Skäl: Väntar på yttrande från SN. Bevilja begäran genom att ändra tidsfristen, eller avslå den.\n   Öppna ärendet: ${api.url}/arenden/${asked.id}\n`,
    );
    expect(text).toContain(
      `Inventera lekplatserna\n   KS 2027-05-10 § 88, KS 2027/88\n   Kim Berg (${kim.email}) säger att ärendet inte är hens: ”Det är parkenhetens”. Byt ansvarig på ärendet.\n   Öppna ärendet: ${api.url}/arenden/${declined.id}\n`,
    );
    expect(text).toContain(
      `Återrapportera gymnasiesärskolans lokaler\n   GVN 2027-04-20 § 141, GVN 2027/19\n   Inget sammanträde hinner längre besluta i ärendet sedan sammanträdesplanen ändrades. Tidsfristen står kvar som den var: välj ett annat sammanträde eller ändra tidsfristen.\n   Öppna ärendet: ${api.url}/arenden/${flagged.id}\n`,
    );
    expect(text).not.toMatch(/extensionRequest|refused|\(responsible\)|§ §|\/p\/|Mina ärenden/);
    expect(email!.body.html).toContain(`<a href="${api.url}/arenden/${flagged.id}" target="_blank" rel="noopener"`);
  });

  it('a request already refused when the email goes out is not asked about, and its notice is cleared', async () => {
    const kim = person('Kim Berg');
    const registrar = { who: person('Reg Istrator').email, roles: new Set(['registrar'] as const) };
    const item = await register(kim, '2027-06-14', 'Utreda parkeringsnormen', registrar);
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    await post(`${link}/uppdrag/${item.id}/extension`, { csrf: csrfOf((await get(link)).text), date: '2027-07-30', reason: 'Semester' });
    api.deps.at('2027-06-07T12:00:00+02:00');
    const stored = (await api.deps.items.get(item.id))!;
    await patchItem(api.deps, registrar, item.id, stored.version, { extensionRequest: 'refused', reason: 'KS behandlar ärendet 21 juni.' });

    const run = await api.runReminders('2027-06-08T07:00:00+02:00');

    expect(run.sent.filter((e) => e.to === registrar.who)).toEqual([]);
    expect(await mailTo(registrar.who)).toEqual([]);
    expect((await api.deps.notices.pendingNotices()).filter((n) => n.recipient === registrar.who)).toEqual([]);
  });
});

describe('a link that does not hold', () => {
  it.each([
    ['altered', (link: string) => link.replace(/.{6}$/, 'AAAAAA'), 404, 'Länken fungerar inte'],
    ['made with a key that was rotated out', async () => `${api.url}/p/${await signerAt('2027-06-07T07:00:00+02:00', { current: 'old', keys: { old: 'x'.repeat(40) } }).sign({ kind: 'official', email: 'kim@kommun.example.se' })}`, 404, 'Länken fungerar inte'],
    ['expired', async (_: string, email: string) => `${api.url}/p/${await signerAt('2027-05-20T07:00:00+02:00').sign({ kind: 'official', email })}`, 410, 'Länken har gått ut'],
  ] as const)('%s: shows no item data', async (_, make, status, heading) => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Hemlig rubrik som inte får synas');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await make(await linkFrom(kim.email), kim.email);

    const page = await get(link);
    const acted = await post(`${link}/uppdrag/${item.id}/done`, { csrf: 'x', note: 'Klart' });

    expect(page.status).toBe(status);
    expect(page.text).toContain(heading);
    expect(page.text).not.toContain('Hemlig rubrik');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(acted.status).toBe(status);
    expect((await api.deps.items.get(item.id))?.status).toBe('open');
  });

  it("another person's link opens their page only: it cannot see or close this item", async () => {
    const kim = person('Kim Berg');
    const other = person('Alex Lund');
    const item = await register(kim, '2027-06-14', 'Kims eget ärende');
    api.deps.at('2027-06-07T07:00:00+02:00');
    const theirs = `${api.url}/p/${await api.deps.links.sign({ kind: 'official', email: other.email })}`;

    const page = await get(theirs);
    const acted = await post(`${theirs}/uppdrag/${item.id}/done`, { csrf: csrfOf(page.text) || (await api.deps.links.csrfToken(theirs.split('/p/')[1]!, 'local')), note: 'Klart' });

    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Kims eget ärende');
    expect(acted.location).toContain('?m=missing');
    expect((await api.deps.items.get(item.id))?.status).toBe('open');
  });

  it('a form without the token bound to the link, or from another site, changes nothing', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Ärende med formulär');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const csrf = csrfOf((await get(link)).text);

    const missing = await post(`${link}/uppdrag/${item.id}/done`, { note: 'Klart' });
    const forged = await post(`${link}/uppdrag/${item.id}/done`, { csrf: csrf.replace(/^./, csrf[0] === 'A' ? 'B' : 'A'), note: 'Klart' });
    const crossSite = await post(`${link}/uppdrag/${item.id}/done`, { csrf, note: 'Klart' }, { 'sec-fetch-site': 'cross-site' });

    expect([missing.status, forged.status, crossSite.status]).toEqual([403, 403, 403]);
    expect((await api.deps.items.get(item.id))?.status).toBe('open');
  });

  it('a form with the right token but posted from another origin (Origin of another site, no Sec-Fetch-Site) changes nothing', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Ärende från annan webbplats');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const csrf = csrfOf((await get(link)).text);

    const elsewhere = await post(`${link}/uppdrag/${item.id}/done`, { csrf, note: 'Klart' }, { origin: 'https://angripare.example.com' });
    // Under the pages' no-referrer policy a browser sends "Origin: null" from the page itself: that is no evidence.
    const own = await post(`${link}/uppdrag/${item.id}/status-report`, { csrf, note: 'Arbetet pågår' }, { origin: 'null' });

    expect(elsewhere.status).toBe(403);
    expect(own.status).toBe(303);
    expect((await api.deps.items.get(item.id))?.status).toBe('open');
  });

  it('the same lägesrapport sent twice (a reload, a replayed form) is kept once', async () => {
    const kim = person('Kim Berg');
    const item = await register(kim, '2027-06-14', 'Ärende med lägesrapport två gånger');
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const link = await linkFrom(kim.email);
    const csrf = csrfOf((await get(link)).text);
    const report = { csrf, note: 'Utredningen klar i maj, väntar på yttrande från SN' };

    const first = await post(`${link}/uppdrag/${item.id}/status-report`, report);
    const replayed = await post(`${link}/uppdrag/${item.id}/status-report`, report);

    expect([first.status, replayed.status]).toEqual([303, 303]);
    expect((await api.deps.items.history(item.id)).filter((e) => e.action === 'status_report')).toHaveLength(1);
  });

  it('an expired link offers a fresh one, sent to the address on file, at most three a day', async () => {
    const kim = person('Kim Berg');
    await register(kim, '2027-06-14', 'Ärende med gammal länk');
    api.deps.at('2027-06-07T07:00:00+02:00');
    const expired = `${api.url}/p/${await signerAt('2027-05-20T07:00:00+02:00').sign({ kind: 'official', email: kim.email })}`;
    const page = await get(expired);
    const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
    expect(action).toBe(`${expired.split('/p/')[1]}/new-link`);

    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await post(new URL(action!, expired).href, { csrf: csrfOf(page.text) })).status);

    expect(answers).toEqual([200, 200, 200, 429]);
    const inbox = await mailTo(kim.email);
    expect(inbox).toHaveLength(3);
    expect(inbox[0]!.subject).toBe('Ny länk till Mina ärenden');
    const fresh = await linkFrom(kim.email);
    expect((await get(fresh)).text).toContain('Ärende med gammal länk');
    expect(page.text).toContain('Länkarna i e-postmeddelandena gäller i 14 dagar.');
  });

  it('an expired link says how long links work as LINK_TTL_DAYS says, not always two weeks', async () => {
    const thirty = await isolatedApi({ LINK_TTL_DAYS: '30' });
    try {
      thirty.deps.at('2027-06-07T07:00:00+02:00');
      const expired = `${thirty.url}/p/${await signerAt('2027-04-20T07:00:00+02:00').sign({ kind: 'official', email: 'kim.berg@kommun.example.se' })}`;

      const page = await get(expired);

      expect(page.status).toBe(410);
      expect(page.text).toContain('Länkarna i e-postmeddelandena gäller i 30 dagar.');
    } finally {
      await thirty.stop();
    }
  });
});
