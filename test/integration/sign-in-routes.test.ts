import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItemBody } from '../../shared/application/items/commands';
import { createItem } from '../../shared/application/items/service';
import { freePort } from '../support/ports';
import { startTestProvider, throughProvider, type TestProvider } from '../support/oidc-provider';
import { routeServer } from '../support/route-server';
import { itemBody } from '../support/api';
import { hiddenField, open, pageText, submit } from '../support/workspace';

/**
 * The deployed sign-in through the workspace's own routes: a page opened without a session sends the
 * browser to `/logga-in`, which sends it to a real OpenID provider (oidc-provider, RS256 ID tokens,
 * PKCE required) on a loopback port, which sends it back to `/logga-in/callback`, which starts the
 * session and sends it back to the page. No part of the client library is mocked.
 */

let provider: TestProvider;
let server: Awaited<ReturnType<typeof routeServer>>;
let callbackUrl: string;
let itemId: string;

beforeAll(async () => {
  // The workspace must know the provider's address, and the provider the workspace's callback.
  const port = await freePort();
  const clientSecret = randomBytes(24).toString('base64url');
  server = await routeServer({ OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_CLIENT_ID: 'bevakning-arbetsyta', OIDC_CLIENT_SECRET: clientSecret });
  callbackUrl = `${server.url}/logga-in/callback`;
  provider = await startTestProvider(callbackUrl, { port, clientSecret });
  const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
  itemId = (await createItem(server.deps, clerk, createItemBody.parse(itemBody({ title: 'Redovisa arbetet med e-tjänstplattformen', due: { date: '2027-09-30' } })))).item.id;
});

afterAll(async () => {
  await server?.stop();
  await provider?.stop();
});

/** The browser's cookies for the workspace, as it keeps them from each answer. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(setCookies: string[]): void {
    for (const cookie of setCookies) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const value = pair!.slice(eq + 1);
      if (/Max-Age=0/.test(cookie)) this.cookies.delete(pair!.slice(0, eq));
      else this.cookies.set(pair!.slice(0, eq), value);
    }
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** From a page without a session, through sign-in at the provider, back to the page: every hop the browser makes. */
async function signInFrom(path: string, jar: Jar) {
  const start = await open(server.url, path, { cookie: jar.header });
  expect(start.status).toBe(303);
  const signIn = await open(server.url, start.location!, { cookie: jar.header });
  jar.take(signIn.setCookies);
  expect(signIn.status).toBe(303);
  const callback = await throughProvider(signIn.location!, callbackUrl);
  const finished = await open(server.url, `/logga-in/callback?${callback}`, { cookie: jar.header });
  jar.take(finished.setCookies);
  return { start, signIn, finished };
}

describe('signing in with OpenID Connect through the workspace', () => {
  it('opens the page an email linked to: /arenden/<id> → /logga-in → the provider → /logga-in/callback → a session → the item', async () => {
    provider.signInAs({ email: 'Registrator@Kommun.Example.se', name: 'Rita Registrator', roles: ['registrar'] });
    const jar = new Jar();

    const { start, signIn, finished } = await signInFrom(`/arenden/${itemId}`, jar);

    expect(start.location).toBe(`/logga-in?returnTo=${encodeURIComponent(`/arenden/${itemId}`)}`);
    const authorization = new URL(signIn.location!);
    expect(authorization.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({ client_id: 'bevakning-arbetsyta', redirect_uri: callbackUrl, response_type: 'code', code_challenge_method: 'S256' });
    expect(signIn.setCookies).toEqual([expect.stringMatching(/^bevakning-inloggning=[^;]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/)]);
    // Back to the item, the transaction cleared, the session set.
    expect(finished.status).toBe(303);
    expect(finished.location).toBe(`/arenden/${itemId}`);
    expect(finished.setCookies).toEqual([expect.stringMatching(/^bevakning-inloggning=; Max-Age=0;/), expect.stringMatching(/^bevakning-session=[^;]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/)]);
    expect(jar.has('bevakning-inloggning')).toBe(false);

    const item = await open(server.url, finished.location!, { cookie: jar.header });
    expect(item.status).toBe(200);
    const text = pageText(item.text);
    expect(text).toContain('Redovisa arbetet med e-tjänstplattformen');
    // The person as the ID token names them, their role as the API reads it.
    expect(text).toContain('Rita Registrator Registrator Logga ut');
  });

  it('gives a manager what the API gives a manager: the unit from the token, not another unit\'s item', async () => {
    provider.signInAs({ preferred_username: 'eva.lind@kommun.example.se', roles: ['manager', 'registrar '], unit: 'Socialförvaltningen' });
    const jar = new Jar();
    await signInFrom('/arenden', jar);

    const list = await open(server.url, '/arenden', { cookie: jar.header });
    expect(pageText(list.text)).toContain('eva.lind@kommun.example.se Chef, Socialförvaltningen');
    // "registrar " is no role: the item of Utbildningsförvaltningen is not this manager's to see.
    expect((await open(server.url, `/arenden/${itemId}`, { cookie: jar.header })).status).toBe(404);
    expect((await open(server.url, '/registrera', { cookie: jar.header })).status).toBe(403);
  });

  it('reads a manager\'s unit as the unit directory spells it: "utbildningsförvaltningen " from the token is Utbildningsförvaltningen', async () => {
    await server.deps.units.put({ unit: 'Utbildningsförvaltningen', manager: { name: 'Ola Berg', email: 'ola.berg@kommun.example.se' }, updatedBy: 'admin@kommun.example.se', updatedAt: '2027-01-04T09:00:00.000Z' });
    provider.signInAs({ preferred_username: 'ola.berg@kommun.example.se', roles: ['manager'], unit: 'utbildningsförvaltningen ' });
    const jar = new Jar();
    await signInFrom('/arenden', jar);

    const list = await open(server.url, '/arenden', { cookie: jar.header });
    expect(pageText(list.text)).toContain('ola.berg@kommun.example.se Chef, Utbildningsförvaltningen');
    expect(pageText(list.text)).toContain('Redovisa arbetet med e-tjänstplattformen');
    expect((await open(server.url, `/arenden/${itemId}`, { cookie: jar.header })).status).toBe(200);
  });

  it('refuses a callback that is not the browser\'s own sign-in, and says so in Swedish', async () => {
    provider.signInAs({ email: 'registrator@kommun.example.se', roles: ['registrar'] });
    const victim = new Jar();
    const attacker = new Jar();
    const attackerStart = await open(server.url, '/logga-in', { cookie: attacker.header });
    const attackersCode = await throughProvider(attackerStart.location!, callbackUrl);
    victim.take((await open(server.url, '/logga-in', { cookie: victim.header })).setCookies);

    const planted = await open(server.url, `/logga-in/callback?${attackersCode}`, { cookie: victim.header });

    expect(planted.status).toBe(400);
    expect(pageText(planted.text)).toContain('Inloggningen misslyckades');
    expect(planted.setCookies).toEqual([]);
  });

  it('signs out: the cookie is cleared and the next page asks for sign-in again', async () => {
    provider.signInAs({ email: 'registrator@kommun.example.se', roles: ['registrar'] });
    const jar = new Jar();
    await signInFrom('/', jar);
    const overview = await open(server.url, '/', { cookie: jar.header });
    expect(overview.status).toBe(200);

    const out = await submit(server.url, '/logga-ut', {}, { cookie: jar.header, csrf: hiddenField(overview.text, 'csrf')! });
    jar.take(out.setCookies);

    expect(out.status).toBe(303);
    expect(out.location).toBe('/logga-in?orsak=utloggad');
    expect(jar.has('bevakning-session')).toBe(false);
    expect((await open(server.url, '/', { cookie: jar.header })).status).toBe(303);
  });

  it('has no local sign-in form where an identity provider is configured', async () => {
    const local = await submit(server.url, '/logga-in', { email: 'vem@kommun.example.se', role: 'admin' });
    expect(local.status).toBe(404);
    expect(local.setCookies).toEqual([]);
  });
});
