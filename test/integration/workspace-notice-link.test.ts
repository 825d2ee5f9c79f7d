import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { createItem } from '../../shared/application/items/service';
import { itemBody } from '../support/api';
import { isolatedApi, type IsolatedApi } from '../support/isolated-api';
import { mailTo } from '../support/isolated';
import { hiddenField, open, pageText, submit } from '../support/workspace';

/**
 * The registrar's notice email links to the item in the workspace (`${PUBLIC_BASE_URL}/arenden/<id>`):
 * opened in a browser without a session, the link leads through the local sign-in and back to the item.
 */

let api: IsolatedApi;
const stamp = `${process.pid}.${Date.now()}`;
const registrarEmail = `registrator.${stamp}@kommun.example.se`;
const official = { name: 'Kim Berg', email: `kim.berg.${stamp}@kommun.example.se` };

beforeAll(async () => {
  api = await isolatedApi();
});
afterAll(() => api.stop());

describe("the link in a registrar's notice email", () => {
  it('opens the item after signing in, whoever had the page open before', async () => {
    api.deps.at('2027-06-04T09:00:00+02:00');
    const clerk = { who: registrarEmail, roles: new Set(['registrar'] as const) };
    const { item } = await createItem(api.deps, clerk, createItemBody.parse(itemBody({ title: 'Redovisa tillsynen av HVB-hem', responsible: official, decision: { body: 'SN', date: '2027-05-19', paragraph: '§ 61' }, due: { date: '2027-06-30' } })));
    // The official asks for more time from their page; the registrar hears of it the next working morning.
    const token = await api.deps.links.sign({ kind: 'official', email: official.email });
    const csrf = await api.deps.links.csrfToken(token, 'local');
    const asked = await submit(api.url, `/p/${token}/uppdrag/${item.id}/extension`, { csrf, date: '2027-08-31', reason: 'Väntar på IVO:s rapport.' });
    expect(asked.status).toBe(303);
    await api.runReminders('2027-06-07T07:00:00+02:00');
    const email = (await mailTo(registrarEmail)).at(-1)!;
    const link = new RegExp(`${api.url}/arenden/${item.id}`).exec(email.body.text ?? '')?.[0];
    expect(link).toBe(`${api.url}/arenden/${item.id}`);

    const path = new URL(link!).pathname;
    const first = await open(api.url, path);
    expect(first).toMatchObject({ status: 303, location: `/logga-in?returnTo=${encodeURIComponent(path)}` });
    const signIn = await open(api.url, first.location!);
    expect(hiddenField(signIn.text, 'returnTo')).toBe(path);
    const signedIn = await submit(api.url, '/logga-in', { email: registrarEmail, role: 'registrar', unit: '', returnTo: path });
    expect(signedIn).toMatchObject({ status: 303, location: path });

    const page = await open(api.url, path, { cookie: signedIn.setCookies[0]!.split(';')[0]! });
    expect(page.status).toBe(200);
    const text = pageText(page.text);
    expect(text).toContain('Redovisa tillsynen av HVB-hem');
    expect(text).toContain('Handläggaren begär ny tidsfrist tisdag 31 augusti 2027 Väntar på IVO:s rapport.');
  });
});
