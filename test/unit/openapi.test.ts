import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/http/openapi';
import { ROUTES } from '../../shared/http/routes';
import { needsToken } from '../../shared/http/contract';

const committed = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));

describe('the OpenAPI document', () => {
  it('describes exactly the routes of the route table', () => {
    const documented = Object.entries(committed.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );

    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('marks exactly the public routes as needing no token, and the workspace pages as needing its session cookie', () => {
    for (const route of ROUTES) {
      const operation = committed.paths[route.path][route.method.toLowerCase()];
      expect(operation.security, `${route.method} ${route.path}`).toEqual(needsToken(route) ? undefined : route.access === 'session' ? [{ session: [] }] : []);
    }
  });

  it('names, by each error’s code, the route that mends it (the Swedish messages name only the page)', () => {
    const register = committed.paths['/uppdrag'].post;

    expect(register.responses['422'].description).toContain('`no_meeting_plan` (an admin adds the plan: `PUT /meetings/{body}/{year}`)');
    expect(register.description).toContain('`no_manager`: no manager on the item nor in the unit directory to escalate to; an admin sets one with `PUT /units/{unit}`');
  });

  it('is the document the code generates (run `npm run openapi` after changing routes or schemas)', () => {
    expect(committed).toEqual(buildOpenApiDocument());
  });
});
