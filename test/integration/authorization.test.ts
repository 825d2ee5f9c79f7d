import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { needsToken, ROUTES, type RouteDefinition } from '../../shared/routes';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens';
import { admin, call, registrar, tokenFor, type Who } from '../support/api';

/** A concrete path for a route: placeholders filled with values that exist or are harmlessly absent. */
const pathOf = (route: RouteDefinition) =>
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
const withBody = (route: RouteDefinition) => (route.method === 'GET' ? {} : { body });

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

describe.each(ROUTES.filter((r) => r.access === 'public'))('$method $path', (route) => {
  it('needs no token', async () => {
    expect((await call(route.method, pathOf(route))).status).toBe(200);
  });
});
