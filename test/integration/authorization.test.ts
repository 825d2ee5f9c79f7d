import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadHandler } from '../support/route-server';
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

/** A concrete path for a route: placeholders filled with values that exist or are harmlessly absent. */
const pathOf = (route: RouteContract) =>
  route.path
    .replace('{id}', 'finns-inte')
    .replace('{body}', 'KS')
    .replace('{year}', '2026')
    .replace('{unit}', 'Socialförvaltningen')
    .replace('{role}', 'kommundirektör');

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
    expect((await call(route.method, path ?? pathOf(route))).status).toBe(status);
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
