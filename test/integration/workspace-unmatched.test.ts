import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrar } from '../support/api';
import { routeServer } from '../support/route-server';
import { localSessionSettings, open, pageText, sessionFor, submit } from '../support/workspace';

/**
 * An address no route has (API Gateway's `$default` route, UNMATCHED_ROUTE): a clerk who mistypes
 * one, or opens a form's address, gets the workspace's Swedish "Sidan finns inte", with the
 * navigation when signed in; a program gets the contract's JSON 404. Never API Gateway's English
 * `{"message":"Not Found"}`, nor JSON in a browser.
 */

let server: Awaited<ReturnType<typeof routeServer>>;
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

beforeAll(async () => {
  server = await routeServer();
  server.deps.at('2027-03-22T09:00:00+01:00');
});
afterAll(async () => server?.stop());

describe('an address no route has', () => {
  it.each(['/arenden/', '/Arenden', '/admin', '/rapport', '/p/'])('%s in a signed-in browser: 404 "Sidan finns inte" with the navigation', async (path) => {
    const clerk = await sessionFor(localSessionSettings(server.url), server.deps.clock, registrar);

    const page = await open(server.url, path, clerk, BROWSER);

    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="sv"');
    expect(pageText(page.text)).toContain('Sidan finns inte Adressen kan vara fel');
    expect(pageText(page.text)).toContain('Översikt Ärenden Registrera');
  });

  it('a form\'s address opened in a browser (GET /logga-ut, which only takes POST): the same page, signed in or not', async () => {
    const page = await open(server.url, '/logga-ut', undefined, BROWSER);

    expect(page.status).toBe(404);
    expect(pageText(page.text)).toContain('Sidan finns inte');
    expect(pageText(page.text)).not.toContain('Översikt Ärenden');
  });

  it('a program that does not ask for HTML gets the contract\'s JSON 404, in Swedish', async () => {
    const answer = await open(server.url, '/uppdragg', undefined, { accept: 'application/json' });
    const bare = await submit(server.url, '/logga-in/slut', {});

    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toEqual({ code: 'not_found', message: 'Det finns ingen sådan adress i tjänsten.', issues: [] });
    expect(bare.status).toBe(404);
    expect(bare.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
