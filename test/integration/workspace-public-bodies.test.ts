import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { createItem } from '../../shared/application/items/service';
import { admin, itemBody, registrar } from '../support/api';
import { routeServer } from '../support/route-server';
import { tableCounts } from '../support/table-snapshot';
import { changedFields, formFields, localSessionSettings, open, pageText, sessionFor, submit, type Browserish } from '../support/workspace';

/**
 * Offentliga sidor through the workspace's routes, on a table of its own (Friday 14 May 2027, 09:00
 * in Stockholm): an admin opens and closes a body's public follow-up page (`GET /offentlig/{body}`)
 * as `PUT /public-bodies/{body}` does, and sees which bodies are public. Registrars may not.
 */

const NOW = '2027-05-14T09:00:00+02:00';
const KS_TITLE = 'Ta fram en plan för fler laddplatser vid kommunens förskolor';
const BUN_TITLE = 'Utreda skolskjutsarna på landsbygden';

let server: Awaited<ReturnType<typeof routeServer>>;
let asAdmin: Browserish;
let asRegistrar: Browserish;

const publicPage = async (body: string) => {
  const response = await fetch(`${server.url}/offentlig/${body}`, { headers: { accept: 'text/html' } });
  return { status: response.status, text: await response.text() };
};
const listText = async () => pageText((await open(server.url, '/admin/offentliga', asAdmin)).text);
const fingerprint = async () => (await tableCounts(server.deps.documentClient, server.deps.tableName)).fingerprint;

beforeAll(async () => {
  server = await routeServer();
  server.deps.at(NOW);
  const clerk = { who: registrar.email, roles: new Set(['registrar'] as const) };
  for (const [body, title] of [['KS', KS_TITLE], ['BUN', BUN_TITLE]] as const) {
    await createItem(server.deps, clerk, createItemBody.parse(itemBody({ title, caseNumber: `${body} 2027/12`, decision: { body, date: '2027-03-15', paragraph: '§ 12' }, due: { date: '2027-09-30' } })));
  }
});
beforeEach(async () => {
  server.deps.at(NOW);
  asAdmin = await sessionFor(localSessionSettings(server.url), server.deps.clock, admin);
  asRegistrar = await sessionFor(localSessionSettings(server.url), server.deps.clock, registrar);
});
afterAll(async () => server?.stop());

/** The form on Offentliga sidor as a body's Ändra opens it: filled with its setting, or empty for a body not set. */
const formOf = async (body: string) => formFields((await open(server.url, `/admin/offentliga?organ=${body}`, asAdmin)).text, '/admin/offentliga');

describe('Offentliga sidor', () => {
  it("opens a body's public page as PUT /public-bodies/{body} does, by the admin signed in: a confirmation, then the page answers 200 to anyone", async () => {
    expect((await publicPage('KS')).status).toBe(404);

    const saved = await submit(server.url, '/admin/offentliga', { body: 'ks', public: 'ja', showNames: 'ja' }, asAdmin);

    expect(saved).toMatchObject({ status: 303, location: '/admin/offentliga?m=offentlig-oppnad' });
    const after = await open(server.url, saved.location!, asAdmin);
    expect(pageText(after.text)).toContain('Organets offentliga sida är öppen för alla.');
    expect(after.text).toContain('<a href="/offentlig/KS">/offentlig/KS</a>');
    expect(await server.deps.publicBodies.get('KS')).toEqual({ body: 'KS', public: true, showNames: true, updatedBy: admin.email, updatedAt: '2027-05-14T07:00:00.000Z' });
    const page = await publicPage('KS');
    expect(page.status).toBe(200);
    expect(page.text).toContain(KS_TITLE);
    expect(page.text).toContain('Kim Berg');
    expect(page.text).not.toContain(BUN_TITLE);
  });

  it('closes it again: the public page answers 404 at once, and the list shows the open body and the closed one', async () => {
    // Each set from the form as Ändra fills it (the setting it changes shown), as an admin does.
    await submit(server.url, '/admin/offentliga', changedFields(await formOf('KS'), { public: 'ja', showNames: undefined }), asAdmin);
    await submit(server.url, '/admin/offentliga', changedFields(await formOf('BUN'), { body: 'BUN', public: 'ja' }), asAdmin);
    server.deps.at('2027-05-14T10:30:00+02:00');

    // Closed from its row's Ändra, which shows the setting it changes.
    const ks = formFields((await open(server.url, '/admin/offentliga?organ=KS', asAdmin)).text, '/admin/offentliga');
    const closed = await submit(server.url, '/admin/offentliga', changedFields(ks, { public: undefined }), asAdmin);

    expect(closed).toMatchObject({ status: 303, location: '/admin/offentliga?m=offentlig-stangd' });
    expect(pageText((await open(server.url, closed.location!, asAdmin)).text)).toContain('Organets offentliga sida är stängd.');
    expect((await publicPage('KS')).status).toBe(404);
    const bun = await publicPage('BUN');
    expect(bun.status).toBe(200);
    expect(bun.text).toContain(BUN_TITLE);
    // Opened without "Visa ansvarigas namn": the page names no one.
    expect(bun.text).not.toContain('Kim Berg');
    const text = await listText();
    expect(text).toMatch(
      /Organ Sidan Ansvarigas namn Ändrad Ändra BUN Öppen: \/offentlig\/BUN Visas inte 14 maj 2027[^A-Z]*09:00 admin@kommun\.example\.se Ändra BUN KS Stängd Visas inte 14 maj 2027[^A-Z]*10:30 admin@kommun\.example\.se Ändra KS/,
    );
  });

  it('says exactly what a public page shows: the latest lägesrapport among it, not "utan … anteckningar"', async () => {
    const text = await listText();

    expect(text).toContain('Sidan visar varje ärendes rubrik, beslut, enhet, tidsfrist, status och senaste lägesrapport, med e-postadresser och chefens namn borttagna, och den ansvariges namn bara om du väljer det. Anteckningar, skäl, begäranden och historik visas inte.');
    expect(text).not.toContain('utan e-postadresser och anteckningar');
  });

  it("fills the form with a listed body's setting from its row's Ändra, so a change starts from what it is; another body's form is empty", async () => {
    await submit(server.url, '/admin/offentliga', { body: 'KF', public: 'ja', showNames: 'ja' }, asAdmin);
    const list = await open(server.url, '/admin/offentliga', asAdmin);
    expect(list.text).toContain('<a href="/admin/offentliga?organ=KF#oppna-stang">');

    const kf = await open(server.url, '/admin/offentliga?organ=KF', asAdmin);
    const fields = formFields(kf.text, '/admin/offentliga');
    // Unticking "Visa ansvarigas namn" and saving keeps the page open.
    const saved = await submit(server.url, '/admin/offentliga', changedFields(fields, { showNames: undefined }), asAdmin);
    const unknown = await open(server.url, '/admin/offentliga?organ=SN', asAdmin);

    expect(kf.status).toBe(200);
    expect(fields.filter(([name]) => name !== 'csrf')).toEqual([
      ['was', 'open-names'],
      ['body', 'KF'],
      ['public', 'ja'],
      ['showNames', 'ja'],
    ]);
    expect(saved).toMatchObject({ status: 303, location: '/admin/offentliga?m=offentlig-oppnad' });
    expect(await server.deps.publicBodies.get('KF')).toMatchObject({ public: true, showNames: false });
    expect(formFields(unknown.text, '/admin/offentliga').filter(([name]) => name !== 'csrf')).toEqual([['body', '']]);
  });

  it('a fresh form for a body already set does not replace it unseen: the stored setting comes back to check and save again', async () => {
    await submit(server.url, '/admin/offentliga', { body: 'SBN', public: 'ja' }, asAdmin);

    // Another admin, on an empty form, ticks only "Visa ansvarigas namn": that would close the page.
    const fresh = await submit(server.url, '/admin/offentliga', { body: 'SBN', showNames: 'ja' }, asAdmin);

    expect(fresh.status).toBe(409);
    expect(pageText(fresh.text)).toContain(`SBN:s sida är redan öppen, utan namn, sparad av ${admin.email}. Formuläret visar nu det sparade: ändra och spara igen.`);
    expect(await server.deps.publicBodies.get('SBN')).toMatchObject({ public: true, showNames: false });
    // Sent again from the form as it came back, ticking names: saved, still open.
    const again = await submit(server.url, '/admin/offentliga', changedFields(formFields(fresh.text, '/admin/offentliga'), { showNames: 'ja' }), asAdmin);
    expect(again).toMatchObject({ status: 303, location: '/admin/offentliga?m=offentlig-oppnad' });
    expect(await server.deps.publicBodies.get('SBN')).toMatchObject({ public: true, showNames: true });
  });

  it("refuses a registrar the page and the form with the workspace's Swedish 403 page, and nothing changes", async () => {
    const before = await fingerprint();

    const page = await open(server.url, '/admin/offentliga', asRegistrar);
    const form = await submit(server.url, '/admin/offentliga', { body: 'SN', public: 'ja', showNames: 'ja' }, asRegistrar);

    for (const answer of [page, form]) {
      expect(answer.status).toBe(403);
      expect(pageText(answer.text)).toContain('Du har inte behörighet till sidan');
    }
    expect(await fingerprint()).toBe(before);
    expect(await server.deps.publicBodies.get('SN')).toBeUndefined();
    expect((await publicPage('SN')).status).toBe(404);
  });

  it('shows beside the field, in Swedish, a body name that is not a short name, keeps what was typed, and stores nothing', async () => {
    const before = await fingerprint();

    const wrong = await submit(server.url, '/admin/offentliga', { body: 'Social nämnden', public: 'ja' }, asAdmin);
    const empty = await submit(server.url, '/admin/offentliga', { body: '', public: 'ja' }, asAdmin);

    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('<p class="ds-validation-message" data-field="validation" id="body-fel">Ska vara organets förkortning med versaler, t.ex. KS eller BUN.</p>');
    expect(wrong.text).toMatch(/<input class="ds-input" id="body" name="body" type="text" value="Social nämnden"[^>]*aria-invalid="true"/);
    expect(wrong.text).toMatch(/<input class="ds-input" type="checkbox" id="public" name="public" value="ja" checked/);
    expect(empty.status).toBe(400);
    expect(pageText(empty.text)).toContain('Organ: Skriv organets förkortning, t.ex. KS.');
    expect(await fingerprint()).toBe(before);
  });
});
