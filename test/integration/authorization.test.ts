import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadHandler, routeServer } from '../support/route-server';
import { localSessionSettings, open, pageText, sessionFor, submit, type Browserish } from '../support/workspace';
import { tableCounts } from '../support/table-snapshot';
import { createItem, getItem } from '../../shared/application/items/service';
import { createItemBody } from '../../shared/application/items/commands';
import { sessionKeyFrom, type SessionSettings } from '../../shared/http/session';
import { apiGatewayEvent } from '../support/lambda-event';
import { isolatedDependencies } from '../support/isolated';
import { lambdaContext } from '../../local/server';
import { ROUTES } from '../../shared/http/routes';
import { needsToken, routeKey, type RouteContract } from '../../shared/http/contract';
import { DEV_LINK_KEY } from '../../shared/platform/config';
import { createLinkSigner, type LinkKeys, type LinkScope } from '../../shared/application/links/signed-link';
import { systemClock, type Clock } from '../../shared/platform/clock';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens';
import { admin, apiUrl, call, itemBody, registrar, tokenFor, uniqueUnit, type Who } from '../support/api';
import { STYLESHEET } from '../../shared/views/assets/stylesheet';

/** A concrete path for a route: placeholders filled with values that exist or are harmlessly absent. */
const pathOf = (route: RouteContract) =>
  route.path
    .replace('{id}', 'finns-inte')
    .replace('{body}', 'KS')
    .replace('{year}', '2026')
    .replace('{unit}', 'Socialförvaltningen')
    .replace('{role}', 'kommundirektör')
    .replace('{file}', STYLESHEET.fileName);

const official: Who = { email: 'handlaggare@kommun.example.se' };
const manager: Who = { email: 'chef@kommun.example.se', roles: ['manager'], unit: 'Socialförvaltningen' };

const badTokens: Record<string, () => Promise<string>> = {
  'a bad signature': async () => (await tokenFor(registrar)).replace(/.{4}$/, 'AAAA'),
  'an expired token': () => tokenFor(registrar, { expiresIn: '-1m' }),
  'the wrong audience': () => tokenFor(registrar, { audience: 'another-api' }),
  'the wrong issuer': () => tokenFor(registrar, { issuer: 'https://evil.example.com' }),
  'alg none': async () => new UnsecuredJWT({ email: registrar.email, roles: ['registrar'] }).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setExpirationTime('1h').encode(),
  'another secret': () =>
    new SignJWT({ email: registrar.email, roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(48))),
};

const body = { leadWorkingDays: 10, dates: [] };

/** Dependencies of their own for calling handlers directly with API Gateway's event. */
let directDeps: Awaited<ReturnType<typeof isolatedDependencies>>;
beforeAll(async () => {
  directDeps = await isolatedDependencies();
});
const withBody = (route: RouteContract) => (route.method === 'GET' ? {} : { body });

describe.each(ROUTES.filter(needsToken))('$method $path', (route) => {
  it('answers 401 without a token', async () => {
    const response = await call(route.method, pathOf(route));
    expect(response.status).toBe(401);
    expect(response.json.code).toBe('unauthorized');
  });

  it.each(Object.keys(badTokens))('answers 401 with %s', async (name) => {
    const response = await call(route.method, pathOf(route), { token: await badTokens[name]!(), ...withBody(route) });
    expect(response.status).toBe(401);
  });

  const refused: Who[] = route.access === 'admin' ? [official, manager, registrar] : route.access === 'registrar' ? [official, manager] : [];
  it.each(refused.map((who) => [who.roles?.join(',') || 'official', who] as const))('answers 403 to %s', async (_, who) => {
    const response = await call(route.method, pathOf(route), { as: who, ...withBody(route) });
    expect(response.status).toBe(403);
    expect(response.json.code).toBe('forbidden');
  });

  it('lets an admin past authorization', async () => {
    const response = await call(route.method, pathOf(route), { as: admin, ...withBody(route) });
    expect([401, 403]).not.toContain(response.status);
  });
});

/**
 * Role claims that merely contain a role word, as an adversarial run sent them: each must grant
 * nothing, whether the local server passes the token on or API Gateway does (which flattens an
 * array claim to "[a b]", so `["official registrar"]` and `["official", "registrar"]` look alike).
 */
const oddRoles: Record<string, unknown> = {
  'a role with words around it': ['official registrar'],
  'a role with a trailing space': ['registrar '],
  'a nested array': [['registrar']],
  'roles joined by a comma': ['x,admin'],
  'a plain string instead of an array': 'admin',
  'another case': ['Registrar'],
};
const oddToken = (roles: unknown, issuedAt = Math.floor(Date.now() / 1000)) =>
  new SignJWT({ email: 'udda.roller@kommun.example.se', roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setSubject('udda.roller@kommun.example.se')
    .setIssuedAt(issuedAt)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(inject('jwtSecret')));
const privileged = ROUTES.filter((r) => r.access === 'registrar' || r.access === 'admin');

describe.each(Object.entries(oddRoles))('only an exact role value grants a role: %s', (_, roles) => {
  it.each(privileged.map((route) => [routeKey(route), route] as const))('%s answers 403 through the local server', async (_, route) => {
    const response = await call(route.method, pathOf(route), { token: await oddToken(roles), ...withBody(route) });
    expect(response.status).toBe(403);
  });

  it.each(privileged.map((route) => [routeKey(route), route] as const))('%s answers 403 as API Gateway passes the claims', async (_, route) => {
    const token = await oddToken(roles);
    const payload = decodeJwt(token);
    const handler = await loadHandler(route.function, directDeps);
    const result = await handler(
      apiGatewayEvent({
        method: route.method,
        path: pathOf(route),
        claims: payload,
        headers: { authorization: `Bearer ${token}`, ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        ...(route.method === 'GET' ? {} : { body: JSON.stringify(body) }),
      }),
      lambdaContext(route.function),
    );
    expect(result.statusCode).toBe(403);
  });
});

describe('the directories are not for every signed-in caller', () => {
  const unit = uniqueUnit('Kulturförvaltningen');
  const unitManager: Who = { email: 'kulturchef@kommun.example.se', roles: ['manager'], unit };
  beforeAll(async () => {
    const saved = await call('PUT', `/units/${encodeURIComponent(unit)}`, { as: admin, body: { manager: { name: 'Kultur Chef', email: unitManager.email } } });
    expect(saved.status).toBe(200);
  });

  it("a unit's manager is read by registrars and by that unit's own manager, and by nobody else (404, as for no unit)", async () => {
    const path = `/units/${encodeURIComponent(unit)}`;
    const answers = await Promise.all([registrar, unitManager, official, manager].map(async (who) => (await call('GET', path, { as: who })).status));
    expect(answers).toEqual([200, 200, 404, 404]);
  });

  it('who holds a role is read by registrars and admins only', async () => {
    const answers = await Promise.all([official, manager].map(async (who) => (await call('GET', '/directory/roles/kommundirektör', { as: who })).status));
    expect(answers).toEqual([403, 403]);
  });
});

describe('the token a handler reads its claims from', () => {
  it('must be the one the authorizer verified: another token in Authorization answers 401', async () => {
    const verified = decodeJwt(await oddToken([]));
    const other = await tokenFor(admin);
    const handler = await loadHandler('items', directDeps);
    const result = await handler(
      apiGatewayEvent({ method: 'GET', path: '/uppdrag', claims: verified, headers: { authorization: `Bearer ${other}` } }),
      lambdaContext('items'),
    );
    expect(result.statusCode).toBe(401);
  });

  it('must carry an expiry: a token without exp answers 401', async () => {
    const forever = await new SignJWT({ email: registrar.email, roles: ['registrar'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .sign(new TextEncoder().encode(inject('jwtSecret')));
    const response = await call('GET', '/uppdrag', { token: forever });
    expect(response.status).toBe(401);
    expect(response.json.code).toBe('unauthorized');
  });

  it('must name an address of at most 254 characters: a longer one answers 401 and is stored nowhere', async () => {
    const long = `${'a'.repeat(240)}@kommun.example.se`;
    const token = await new SignJWT({ email: long, roles: ['registrar'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(inject('jwtSecret')));
    const response = await call('GET', '/uppdrag', { token });
    expect(response.status).toBe(401);
    expect(response.json.message).toBe('Token har en e-postadress längre än 254 tecken.');
  });

  describe('must not be issued in the future: an iat more than the allowed clock skew (60 s) ahead answers 401 token_issued_in_future', () => {
    const issuedIn = (seconds: number) =>
      new SignJWT({ email: registrar.email, roles: ['registrar'] })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(Math.floor(Date.now() / 1000) + seconds)
        .setExpirationTime('8h')
        .sign(new TextEncoder().encode(inject('jwtSecret')));
    const refusal = {
      code: 'token_issued_in_future',
      message: 'Token är utfärdad i framtiden (claim iat): kontrollera klockan där den utfärdades och hämta en ny token.',
      issues: [],
    };

    it('through the local server: ten minutes ahead is refused, 30 s ahead (within the skew) is accepted', async () => {
      const ahead = await call('GET', '/uppdrag?limit=1', { token: await issuedIn(600) });
      const withinSkew = await call('GET', '/uppdrag?limit=1', { token: await issuedIn(30) });

      expect([ahead.status, ahead.json, ahead.headers.get('www-authenticate')]).toEqual([401, refusal, 'Bearer']);
      expect(withinSkew.status).toBe(200);
    });

    it('as API Gateway passes the claims, judged by the time the request arrived', async () => {
      const token = await issuedIn(120);
      const handler = await loadHandler('items', directDeps);
      const result = await handler(
        apiGatewayEvent({ method: 'GET', path: '/uppdrag', claims: decodeJwt(token), headers: { authorization: `Bearer ${token}` } }),
        lambdaContext('items'),
      );

      expect([result.statusCode, JSON.parse(result.body!)]).toEqual([401, refusal]);
    });
  });

  it('with exact roles grants them: the same token with ["registrar"] may list every item', async () => {
    const response = await call('GET', '/uppdrag?state=open&limit=1', { token: await oddToken(['registrar']) });
    expect(response.status).toBe(200);
  });
});

/*
 * The routes open to anyone: what each answers with no token, from one table that must name each
 * of them. A body's public page is there only while an admin has it open (a body of this run's
 * own, so no other test's items show).
 */
const publicBody = `PUBLIK-${process.pid}`;
const setPublic = (open: boolean) => async () => {
  expect((await call('PUT', `/public-bodies/${publicBody}`, { as: admin, body: { public: open } })).status).toBe(200);
};
const PUBLIC_MATRIX: Record<string, { name: string; path?: string; before?: () => Promise<void>; status: number }[]> = {
  'GET /health': [{ name: 'anyone', status: 200 }],
  'GET /openapi.json': [{ name: 'anyone', status: 200 }],
  'GET /logga-in': [{ name: 'anyone', status: 200 }],
  // The local sign-in form again, saying what is missing.
  'POST /logga-in': [{ name: 'anyone', status: 400 }],
  // Locally no identity provider is configured.
  'GET /logga-in/callback': [{ name: 'anyone', status: 404 }],
  // Signed out (there was nothing to clear), on to the sign-in page.
  'POST /logga-ut': [{ name: 'anyone', status: 303 }],
  'GET /assets/{file}': [{ name: 'anyone', status: 200 }],
  'GET /offentlig/{body}': [
    { name: 'a body no admin has opened', path: `/offentlig/${publicBody}`, status: 404 },
    { name: 'a body an admin has opened', path: `/offentlig/${publicBody}`, before: setPublic(true), status: 200 },
    { name: 'the body closed again', path: `/offentlig/${publicBody}`, before: setPublic(false), status: 404 },
  ],
};

describe('the routes open to anyone', () => {
  it('every public route has its row in the matrix, and every row a route', () => {
    expect(Object.keys(PUBLIC_MATRIX).sort()).toEqual(ROUTES.filter((r) => r.access === 'public').map(routeKey).sort());
  });

  const cases = ROUTES.filter((r) => r.access === 'public').flatMap((route) => (PUBLIC_MATRIX[routeKey(route)] ?? []).map((c) => [routeKey(route), c.name, c, route] as const));
  it.each(cases)('%s, %s, with no token', async (_, __, { path, before, status }, route) => {
    await before?.();
    const response = await fetch(`${apiUrl()}${path ?? pathOf(route)}`, { method: route.method, redirect: 'manual' });
    expect(response.status).toBe(status);
  });
});

/*
 * The seeded world for the rest of this file: one overdue item of one official in one unit, with a
 * title no other test uses, so "does this caller see it" is a search for the title.
 */
const stamp = `${process.pid}-${Date.now()}`;
const unit = uniqueUnit('Miljöförvaltningen');
const owner: Who = { email: `agare.${stamp}@kommun.example.se` };
const ownManager: Who = { email: `chef.${stamp}@kommun.example.se`, roles: ['manager'], unit };
const otherManager: Who = { email: `annan.chef.${stamp}@kommun.example.se`, roles: ['manager'], unit: uniqueUnit('Kulturförvaltningen') };
const stranger: Who = { email: `annan.${stamp}@kommun.example.se` };
const secretTitle = `Hemligt ärende ${stamp}`;
let itemId = '';

const read = async () => (await call('GET', `/uppdrag/${itemId}`, { as: registrar })).json as { version: number; status: string };

beforeAll(async () => {
  const created = await call('POST', '/uppdrag', {
    as: registrar,
    body: itemBody({
      title: secretTitle,
      responsible: { name: 'Ägare Ärendesson', email: owner.email },
      unit,
      manager: { name: 'Chef Chefsson', email: ownManager.email },
      decision: { body: 'KS', date: '2026-09-01', paragraph: '§ 12' },
      due: { date: '2026-10-30' },
    }),
  });
  expect(created.status).toBe(201);
  itemId = created.json.id;
});

/** A concrete path to the seeded item, its unit and its body, with a query that names them. */
const seededPath = (route: RouteContract) => {
  const path = pathOf(route).replace('finns-inte', itemId).replace('Socialförvaltningen', encodeURIComponent(unit));
  if (route.path === '/uppdrag' || route.path === '/overdue') return `${path}?unit=${encodeURIComponent(unit)}`;
  if (route.path.startsWith('/reports/')) return `${path}?body=KS`;
  return path;
};
const seededBody = (route: RouteContract) =>
  route.method === 'GET' || route.method === 'DELETE' ? {} : route.path === '/calendar-feeds' ? { body: { email: owner.email } } : { body: { status: 'done', note: 'Klart' } };

describe.each([
  ['a manager of another unit', otherManager],
  ['an official who is not responsible', stranger],
] as const)('%s', (_, who) => {
  it.each(ROUTES.filter(needsToken).flatMap((route) => ['application/json', 'text/csv', 'text/html'].map((accept) => [routeKey(route), accept, route] as const)))(
    '%s (%s) neither shows nor changes the item',
    async (_, accept, route) => {
      const before = await read();

      const response = await call(route.method, seededPath(route), { as: who, headers: { accept }, ...seededBody(route) });

      // Refused, or answered without it (their own empty list, the calendar): never shown, never a 5xx.
      expect(response.status).toBeLessThan(500);
      expect(response.text).not.toContain(secretTitle);
      expect(await read()).toEqual(before);
    },
  );
});

describe("the item's own unit and official", () => {
  it.each([
    ['its manager', ownManager, `/overdue`],
    ['its manager', ownManager, `/uppdrag?unit=${encodeURIComponent(unit)}`],
    ['its official', owner, `/uppdrag?responsible=${encodeURIComponent(owner.email)}`],
  ] as const)('%s sees it in %s', async (_, who, path) => {
    const response = await call('GET', path, { as: who });
    expect(response.status).toBe(200);
    expect(response.text).toContain(secretTitle);
  });
});

/*
 * The routes opened by a link rather than a token: every such route times every kind of link, from
 * one table that must name each of them.
 */
const linkKeys = (kid: string, key: string): LinkKeys => ({ current: kid, keys: { [kid]: key } });
const signer = (keys: LinkKeys, clock: Clock = systemClock) => createLinkSigner({ keys: async () => keys, clock, ttlDays: 14 });
const LOCAL_KEYS = linkKeys('local', DEV_LINK_KEY);
const twentyDaysAgo: Clock = () => new Date(Date.now() - 20 * 86_400_000);

interface Link {
  token: string;
  /** The form token a page made with this link would carry (the page's own, where there is one). */
  csrf: string;
}
const link = async (scope: () => LinkScope, keys = LOCAL_KEYS, clock: Clock = systemClock): Promise<Link> => {
  const token = await signer(keys, clock).sign(scope());
  return { token, csrf: await signer(keys).csrfToken(token, keys.current) };
};

const ownLink = () => link(() => ({ kind: 'official', email: owner.email }));
const LINKS = {
  'own link': ownLink,
  "another person's link": () => link(() => ({ kind: 'official', email: stranger.email })),
  "own unit's link": () => link(() => ({ kind: 'unit', email: ownManager.email, unit })),
  "another unit's link": () => link(() => ({ kind: 'unit', email: otherManager.email, unit: otherManager.unit! })),
  altered: async () => {
    const own = await ownLink();
    return { ...own, token: own.token.replace(/.{6}$/, 'AAAAAA') };
  },
  expired: () => link(() => ({ kind: 'official', email: owner.email }), LOCAL_KEYS, twentyDaysAgo),
  'rotated-out key': () => link(() => ({ kind: 'official', email: owner.email }), linkKeys('k0', 'rotated-out-key-'.repeat(3))),
} satisfies Record<string, () => Promise<Link>>;
type LinkKind = keyof typeof LINKS;

/** What each kind of link gets: the status, whether the item is on the answer, whether it changes. */
interface Outcome {
  status: number;
  shows?: boolean;
  changes?: boolean;
  /** Post/Redirect/Get: the message code in `Location`. */
  message?: string;
}
const action = (name: string): Record<LinkKind, Outcome> => ({
  'own link': { status: 303, message: name, changes: true },
  "another person's link": { status: 303, message: 'missing' },
  "own unit's link": { status: 404 },
  "another unit's link": { status: 404 },
  altered: { status: 404 },
  expired: { status: 410 },
  'rotated-out key': { status: 404 },
});
const FORMS: Record<string, Record<string, string>> = {
  done: { note: 'Klart enligt beslut' },
  extension: { date: '2027-03-31', reason: 'Väntar på yttrande från SN' },
  'status-report': { note: 'Utredningen klar i maj' },
  'not-mine': { note: 'Hör till KLK' },
  'new-link': {},
};
const LINK_MATRIX: Record<string, Partial<Record<LinkKind, Outcome>>> = {
  'GET /p/{token}': {
    'own link': { status: 200, shows: true },
    "another person's link": { status: 200 },
    "own unit's link": { status: 200, shows: true },
    "another unit's link": { status: 200 },
    altered: { status: 404 },
    expired: { status: 410 },
    'rotated-out key': { status: 404 },
  },
  'POST /p/{token}/uppdrag/{id}/done': action('done'),
  'POST /p/{token}/uppdrag/{id}/extension': action('extension'),
  'POST /p/{token}/uppdrag/{id}/status-report': action('status-report'),
  'POST /p/{token}/uppdrag/{id}/not-mine': action('not-mine'),
  // A fresh link goes to the address the authentic link names, never to one in the request.
  'POST /p/{token}/new-link': {
    expired: { status: 200 },
    altered: { status: 404 },
    'rotated-out key': { status: 404 },
  },
  // The feed's token is a random secret, not a signed link: calendar-feeds.test.ts holds its cases.
  'GET /calendar/{file}': {},
};

describe('the routes opened by a link', () => {
  it('every link route has its row in the matrix, and every row a route', () => {
    expect(Object.keys(LINK_MATRIX).sort()).toEqual(ROUTES.filter((r) => r.access === 'link').map(routeKey).sort());
  });

  const cases = ROUTES.filter((r) => r.access === 'link').flatMap((route) =>
    (Object.entries(LINK_MATRIX[routeKey(route)] ?? {}) as [string, Outcome][]).map(([kind, outcome]) => [routeKey(route), kind as LinkKind, outcome, route] as const),
  );
  // One item per case: an action that succeeds closes or changes it.
  it.each(cases)('%s with %s', async (_, kind, outcome, route) => {
    const created = await call('POST', '/uppdrag', {
      as: registrar,
      body: itemBody({ title: secretTitle, responsible: { name: 'Ägare Ärendesson', email: owner.email }, unit, due: { date: '2027-02-26' } }),
    });
    const id = created.json.id as string;
    const { token, csrf } = await LINKS[kind]();
    const before = (await call('GET', `/uppdrag/${id}`, { as: registrar })).json;
    const path = route.path.replace('{token}', encodeURIComponent(token)).replace('{id}', id);
    const name = route.path.split('/').at(-1)!;

    const response = await fetch(`${apiUrl()}${path}`, {
      method: route.method,
      redirect: 'manual',
      ...(route.method === 'POST'
        ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf, ...FORMS[name] }).toString() }
        : {}),
    });
    const text = await response.text();
    const after = (await call('GET', `/uppdrag/${id}`, { as: registrar })).json;

    expect(response.status).toBe(outcome.status);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(text.includes(secretTitle)).toBe(outcome.shows ?? false);
    if (outcome.message) expect(response.headers.get('location')).toContain(`?m=${outcome.message}`);
    if (outcome.changes) expect(after.version).toBeGreaterThan(before.version);
    else expect(after).toEqual(before);
  });
});

/*
 * The workspace's pages and forms: the sealed session cookie is the credential. Every session route
 * times every kind of caller (by role and by relation to one item) and every kind of bad cookie,
 * and every form times every way a post can come from somewhere else; on a server and a table of
 * its own, so "changes nothing" is the whole table. A new session route fails the test until it
 * has its row.
 */
describe('the workspace (session routes)', () => {
  type Caller = 'registrar' | 'admin' | 'its official' | 'its manager' | 'another unit\'s manager' | 'another official';
  interface Answer {
    status: number;
    shows?: boolean;
    changes?: boolean;
  }
  const wsUnit = uniqueUnit('Miljö- och samhällsbyggnadsförvaltningen');
  const people: Record<Caller, Who> = {
    registrar,
    admin,
    'its official': { email: `ws.agare.${stamp}@kommun.example.se` },
    'its manager': { email: `ws.chef.${stamp}@kommun.example.se`, roles: ['manager'], unit: wsUnit },
    "another unit's manager": { email: `ws.annan.chef.${stamp}@kommun.example.se`, roles: ['manager'], unit: uniqueUnit('Kulturförvaltningen') },
    'another official': { email: `ws.annan.${stamp}@kommun.example.se` },
  };
  const wsTitle = `Hemligt arbetsyteärende ${stamp}`;
  const all = (answer: Answer): Record<Caller, Answer> => Object.fromEntries(Object.keys(people).map((who) => [who, answer])) as Record<Caller, Answer>;
  /** A page for registrars and admins; everyone else 403. */
  const forRegistrars = (status: number): Record<Caller, Answer> => ({ ...all({ status: 403 }), registrar: { status }, admin: { status } });
  /** A page for admins; everyone else, registrars too, 403. */
  const forAdmins = (status: number): Record<Caller, Answer> => ({ ...all({ status: 403 }), admin: { status } });

  const MATRIX: Record<string, { fields?: Record<string, string>; query?: string; answers: Record<Caller, Answer> }> = {
    'GET /': { answers: { ...all({ status: 303 }), registrar: { status: 200 }, admin: { status: 200 } } },
    'GET /arenden': {
      answers: {
        registrar: { status: 200, shows: true },
        admin: { status: 200, shows: true },
        'its official': { status: 200, shows: true },
        'its manager': { status: 200, shows: true },
        "another unit's manager": { status: 200 },
        'another official': { status: 200 },
      },
    },
    'GET /arenden/{id}': {
      answers: {
        registrar: { status: 200, shows: true },
        admin: { status: 200, shows: true },
        'its official': { status: 200, shows: true },
        'its manager': { status: 200, shows: true },
        "another unit's manager": { status: 404 },
        'another official': { status: 404 },
      },
    },
    'POST /arenden/{id}': {
      fields: { action: 'close', version: '1', note: 'Klart enligt beslut' },
      answers: {
        registrar: { status: 303, changes: true },
        admin: { status: 303, changes: true },
        'its official': { status: 303, changes: true },
        'its manager': { status: 403 },
        "another unit's manager": { status: 404 },
        'another official': { status: 404 },
      },
    },
    'GET /registrera': { answers: forRegistrars(200) },
    'POST /registrera': { fields: { intent: 'preview', kind: 'uppdrag', decisionBody: 'KS', decisionDate: '2027-01-11', dueForm: 'date', dueDate: '2027-06-30' }, answers: forRegistrars(200) },
    'GET /granska': { answers: forRegistrars(200) },
    'POST /granska': {
      fields: { intent: 'preview', batch: '7f1d0c3e-5b2a-4c8e-9d6f-1a2b3c4d5e6f', text: 'Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att ta fram en lekplatsplan senast den 30 september 2027.' },
      answers: forRegistrars(200),
    },
    'GET /importera': { answers: forRegistrars(200) },
    'POST /importera': { fields: { intent: 'import', table: JSON.stringify({ rows: [{ row: 1, cells: ['Typ', 'Rubrik', 'Ansvarig', 'E-post', 'Enhet', 'Tidsfrist'] }] }) }, answers: forRegistrars(200) },
    'GET /rapporter': { answers: forRegistrars(200) },
    'GET /rapporter/balanslista': { answers: forRegistrars(200) },
    // The item is BUN's: its follow-up shows it, to registrars and admins only.
    'GET /rapporter/verkstallighet': { query: '?body=BUN', answers: { ...all({ status: 403 }), registrar: { status: 200, shows: true }, admin: { status: 200, shows: true } } },
    'GET /rapporter/statistik': { query: '?from=2025-01-01&to=2025-12-31', answers: forRegistrars(200) },
    'GET /admin/sammantradesplaner': { answers: forAdmins(200) },
    'POST /admin/sammantradesplaner': { fields: { body: 'KS', year: '2027' }, answers: forAdmins(303) },
    'GET /admin/sammantradesplaner/{body}/{year}': { answers: forAdmins(200) },
    'POST /admin/sammantradesplaner/{body}/{year}': { fields: { action: 'save', leadWorkingDays: '10', dates: '2027-02-01\n2027-03-01' }, answers: forAdmins(303) },
    'GET /admin/stangda-dagar/{year}': { answers: forAdmins(200) },
    'POST /admin/stangda-dagar/{year}': { fields: { dates: '2027-05-07' }, answers: forAdmins(303) },
    'GET /admin/enheter': { answers: forAdmins(200) },
    'POST /admin/enheter': { fields: { unit: 'Kulturförvaltningen', managerName: 'Kultur Chef', managerEmail: 'kultur.chef@kommun.example.se' }, answers: forAdmins(303) },
    'GET /admin/roller': { answers: forAdmins(200) },
    'POST /admin/roller': { fields: { role: 'kommundirektör', name: 'Kim Berg', email: 'kim.berg@kommun.example.se', unit: 'Kommunledningskontoret' }, answers: forAdmins(303) },
    'GET /admin/offentliga': { answers: forAdmins(200) },
    'POST /admin/offentliga': { fields: { body: 'KS', public: 'ja', showNames: 'ja' }, answers: forAdmins(303) },
  };

  const SESSION_ROUTES = ROUTES.filter((r) => r.access === 'session');
  let ws: Awaited<ReturnType<typeof routeServer>>;
  let settings: SessionSettings;
  const clerk = { who: registrar.email, roles: new Set(['registrar'] as const) };
  /** A fresh item of the official in the unit, with a title no one else uses. */
  const seed = async () =>
    (
      await createItem(ws.deps, clerk, createItemBody.parse(itemBody({ title: wsTitle, unit: wsUnit, responsible: { name: 'Ägare Ärendesson', email: people['its official'].email }, manager: { name: 'Chef Chefsson', email: people['its manager'].email }, due: { date: '2027-06-30' } })))
    ).item.id;
  const pathFor = (route: RouteContract, id: string) => route.path.replace('{id}', id).replace('{body}', 'KS').replace('{year}', '2027') + (MATRIX[routeKey(route)]?.query ?? '');
  const send = (route: RouteContract, id: string, as?: Partial<Browserish>, headers: Record<string, string> = {}) =>
    route.method === 'GET' ? open(ws.url, pathFor(route, id), as as Browserish | undefined, headers) : submit(ws.url, pathFor(route, id), MATRIX[routeKey(route)]?.fields ?? {}, as, headers);
  const snapshot = async () => (await tableCounts(ws.deps.documentClient, ws.deps.tableName)).fingerprint;

  beforeAll(async () => {
    ws = await routeServer();
    settings = localSessionSettings(ws.url);
  });
  afterAll(async () => ws?.stop());

  it('every session route has its row in the matrix, and every row a route', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(SESSION_ROUTES.map(routeKey).sort());
  });

  it.each(SESSION_ROUTES.flatMap((route) => (Object.keys(people) as Caller[]).map((who) => [routeKey(route), who, route] as const)))('%s as %s', async (key, who, route) => {
    const expected = MATRIX[key]!.answers[who];
    const id = await seed();
    const before = await snapshot();
    const as = await sessionFor(settings, ws.deps.clock, people[who]);

    const answer = await send(route, id, as);

    expect(answer.status).toBe(expected.status);
    expect(answer.text.includes(wsTitle)).toBe(expected.shows ?? false);
    const item = await getItem(ws.deps, clerk, id);
    expect(item.version > 1).toBe(expected.changes ?? false);
    if (answer.status >= 400) expect(await snapshot()).toBe(before);
  });

  const badCookies: Record<string, () => Promise<Partial<Browserish>>> = {
    'no cookie': async () => ({}),
    'an altered cookie': async () => {
      const good = await sessionFor(settings, ws.deps.clock, registrar);
      const [name, value] = good.cookie.split('=') as [string, string];
      return { ...good, cookie: `${name}=${value.slice(0, -6)}${value.slice(-6, -5) === 'A' ? 'B' : 'A'}${value.slice(-5)}` };
    },
    'an expired cookie (signed in 9 hours ago)': async () => sessionFor(settings, () => new Date(Date.now() - 9 * 3600_000), registrar),
    'a cookie sealed with another key': async () => sessionFor({ ...settings, key: sessionKeyFrom('x'.repeat(64)) }, ws.deps.clock, registrar),
  };
  it.each(SESSION_ROUTES.flatMap((route) => Object.keys(badCookies).map((bad) => [routeKey(route), bad, route] as const)))('%s with %s: to sign-in, nothing shown or changed', async (_, bad, route) => {
    const id = await seed();
    const before = await snapshot();

    const answer = await send(route, id, await badCookies[bad]!());

    if (route.method === 'GET') {
      expect(answer.status).toBe(303);
      expect(answer.location).toMatch(/^\/logga-in(\?|$)/);
      if (bad.startsWith('an expired')) expect(answer.location).toContain('orsak=utgangen');
      // An altered or foreign cookie is cleared on the way.
      if (bad.startsWith('an altered') || bad.startsWith('a cookie sealed')) expect(answer.setCookies).toEqual([expect.stringMatching(/^bevakning-session=; Max-Age=0;/)]);
    } else {
      expect(answer.status).toBe(401);
      // Only a session that ran out is said to have run out; none at all (logged out, or a cookie not ours) is "not signed in".
      expect(pageText(answer.text)).toContain(bad.startsWith('an expired') ? 'Din inloggning har gått ut Av säkerhetsskäl gäller en inloggning i 8 timmar.' : 'Du är inte inloggad Det du skickade har inte sparats');
    }
    expect(answer.text).not.toContain(wsTitle);
    expect(await snapshot()).toBe(before);
  });

  const badPosts: Record<string, (own: Browserish) => Promise<{ as: Partial<Browserish>; headers?: Record<string, string> }>> = {
    'no form token': async (own) => ({ as: { cookie: own.cookie } }),
    "another session's form token": async (own) => ({ as: { cookie: own.cookie, csrf: (await sessionFor(settings, ws.deps.clock, admin)).csrf } }),
    'a cross-site post (Sec-Fetch-Site)': async (own) => ({ as: own, headers: { 'sec-fetch-site': 'cross-site' } }),
    'a post from another origin': async (own) => ({ as: own, headers: { origin: 'https://evil.example.com', 'sec-fetch-site': 'same-site' } }),
  };
  it.each(SESSION_ROUTES.filter((r) => r.method === 'POST').flatMap((route) => Object.keys(badPosts).map((bad) => [routeKey(route), bad, route] as const)))('%s with %s: refused, nothing changed', async (_, bad, route) => {
    const id = await seed();
    const before = await snapshot();
    const { as, headers } = await badPosts[bad]!(await sessionFor(settings, ws.deps.clock, admin));

    const answer = await send(route, id, as, headers);

    expect(answer.status).toBe(403);
    expect(pageText(answer.text)).toContain('Formuläret kunde inte tas emot');
    expect(await snapshot()).toBe(before);
  });
});
