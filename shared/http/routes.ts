/**
 * The one route table: API Gateway's routes (infra/), the local server (local/) and the
 * authorization tests are all built from it, so a new route cannot be missed by any of them.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The Lambda entry points that serve HTTP; each is `functions/<name>/handler.ts`. */
export const HTTP_FUNCTIONS = ['health', 'items', 'plans', 'drafts', 'pages', 'units', 'reports', 'feeds'] as const;
export type HttpFunctionName = (typeof HTTP_FUNCTIONS)[number];

/**
 * Who may call a route at all; finer rules (a manager's own unit, an official's own items)
 * are the domain's. `public`: no credential. `link`: the signed link in the path is the
 * credential (pages opened from an email), so no token. `signedIn`: any valid token.
 */
export type Access = 'public' | 'link' | 'signedIn' | 'registrar' | 'admin';

/** Routes API Gateway's JWT authorizer guards: all but the public ones and the signed pages. */
export const needsToken = (route: Pick<RouteDefinition, 'access'>) => route.access !== 'public' && route.access !== 'link';

export interface RouteDefinition {
  method: HttpMethod;
  /** API Gateway path syntax: `{id}` is one path segment. */
  path: string;
  function: HttpFunctionName;
  access: Access;
  summary: string;
}

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/health', function: 'health', access: 'public', summary: 'API and table answer' },
  { method: 'GET', path: '/openapi.json', function: 'health', access: 'public', summary: 'This API as OpenAPI 3.1' },
  { method: 'POST', path: '/uppdrag', function: 'items', access: 'registrar', summary: 'Register an item' },
  { method: 'GET', path: '/uppdrag', function: 'items', access: 'signedIn', summary: 'List items' },
  { method: 'POST', path: '/uppdrag/drafts', function: 'drafts', access: 'registrar', summary: 'Draft items from the text of a decision; nothing is stored' },
  { method: 'GET', path: '/uppdrag/{id}', function: 'items', access: 'signedIn', summary: 'One item' },
  { method: 'PATCH', path: '/uppdrag/{id}', function: 'items', access: 'signedIn', summary: 'Change, close or reopen an item' },
  { method: 'GET', path: '/uppdrag/{id}/history', function: 'items', access: 'signedIn', summary: 'History of an item' },
  { method: 'POST', path: '/deadlines/preview', function: 'items', access: 'registrar', summary: 'The dates and explanation a deadline would get; nothing is stored' },
  { method: 'GET', path: '/meetings/{body}/{year}', function: 'plans', access: 'signedIn', summary: "A body's meeting plan for a year" },
  { method: 'PUT', path: '/meetings/{body}/{year}', function: 'plans', access: 'admin', summary: "Set a body's meeting plan; dependent items are recomputed" },
  { method: 'GET', path: '/calendar/closed-days/{year}', function: 'plans', access: 'signedIn', summary: 'Extra closed days of a year' },
  { method: 'PUT', path: '/calendar/closed-days/{year}', function: 'plans', access: 'admin', summary: 'Set the extra closed days of a year (e.g. a klämdag)' },
  { method: 'GET', path: '/p/{token}', function: 'pages', access: 'link', summary: "Mina ärenden: an official's open items, opened from a reminder" },
  { method: 'POST', path: '/p/{token}/uppdrag/{id}/done', function: 'pages', access: 'link', summary: 'Markera som klar: close an own item with a note' },
  { method: 'POST', path: '/p/{token}/uppdrag/{id}/extension', function: 'pages', access: 'link', summary: 'Begär förlängning: ask the registrar for a later deadline' },
  { method: 'POST', path: '/p/{token}/uppdrag/{id}/status-report', function: 'pages', access: 'link', summary: 'Lämna lägesrapport: a short status note on the record' },
  { method: 'POST', path: '/p/{token}/uppdrag/{id}/not-mine', function: 'pages', access: 'link', summary: 'Inte mitt ärende: ask the registrar to reassign' },
  { method: 'POST', path: '/p/{token}/new-link', function: 'pages', access: 'link', summary: 'Email a fresh link to the address an expired link was made for' },
  { method: 'GET', path: '/overdue', function: 'units', access: 'signedIn', summary: "A unit's overdue list (JSON, CSV or HTML by Accept)" },
  { method: 'GET', path: '/units/{unit}', function: 'units', access: 'signedIn', summary: "A unit's manager in the unit directory" },
  { method: 'PUT', path: '/units/{unit}', function: 'units', access: 'admin', summary: "Set a unit's manager in the unit directory" },
  { method: 'GET', path: '/reports/balanslista', function: 'reports', access: 'registrar', summary: 'Redovisning av obesvarade motioner (the balanslista) as of a date' },
  { method: 'GET', path: '/reports/verkstallighet', function: 'reports', access: 'registrar', summary: "Follow-up of a body's decisions: every open item it decided" },
  { method: 'POST', path: '/calendar-feeds', function: 'feeds', access: 'signedIn', summary: 'Create a personal, secret iCalendar feed URL' },
  { method: 'DELETE', path: '/calendar-feeds/{id}', function: 'feeds', access: 'signedIn', summary: 'Revoke a calendar feed' },
  { method: 'GET', path: '/calendar/{file}', function: 'feeds', access: 'link', summary: "An official's deadlines as iCalendar (`<token>.ics`); the secret token is the credential" },
  { method: 'GET', path: '/directory/roles/{role}', function: 'drafts', access: 'signedIn', summary: 'Who holds a role the decisions name' },
  { method: 'PUT', path: '/directory/roles/{role}', function: 'drafts', access: 'admin', summary: 'Set who holds a role (kommundirektör, socialchef …)' },
];

/** `GET /uppdrag/{id}` as API Gateway's routeKey. */
export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** HEAD answers wherever GET does (RFC 9110 9.3.2): the methods a route is served for. */
export function methodsOf(route: Pick<RouteDefinition, 'method'>): ('GET' | 'HEAD' | HttpMethod)[] {
  return route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
}

/** Every routeKey API Gateway and the local server serve: each route's, and HEAD beside each GET. */
export function routeKeysOf(route: Pick<RouteDefinition, 'method' | 'path'>): string[] {
  return methodsOf(route).map((method) => `${method} ${route.path}`);
}

/** Match a concrete path against the table; path parameters are URL-decoded. */
export function matchRoute(
  method: string,
  path: string,
): { route: RouteDefinition; pathParameters: Record<string, string> } | { allowed: string[] } | undefined {
  const segments = path.split('/').slice(1);
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const pattern = route.path.split('/').slice(1);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i]!;
      const s = segments[i]!;
      if (p.startsWith('{') && p.endsWith('}')) {
        if (s === '') ok = false;
        else {
          try {
            params[p.slice(1, -1)] = decodeURIComponent(s);
          } catch {
            ok = false;
          }
        }
      } else if (p !== s) ok = false;
    }
    if (!ok) continue;
    if ((methodsOf(route) as string[]).includes(method)) return { route, pathParameters: params };
    allowed.push(...methodsOf(route));
  }
  return allowed.length > 0 ? { allowed } : undefined;
}
