import type { RouteContract } from '../contract';
import { DRAFTS_ROUTES } from './drafts';
import { FEEDS_ROUTES } from './feeds';
import { HEALTH_ROUTES } from './health';
import { ITEMS_ROUTES } from './items';
import { PAGES_ROUTES } from './pages';
import { PLANS_ROUTES } from './plans';
import { REPORTS_ROUTES } from './reports';
import { UNITS_ROUTES } from './units';
import { WORKSPACE_ROUTES } from './workspace';

/**
 * Every route of the API, each defined once in the contract file of the function that serves it:
 * API Gateway's routes (infra/), the local server (local/), the OpenAPI document and the
 * authorization tests all come from this list; each function's router takes its own file's.
 */
export const ROUTES: readonly RouteContract[] = [
  ...HEALTH_ROUTES,
  ...ITEMS_ROUTES,
  ...DRAFTS_ROUTES,
  ...PLANS_ROUTES,
  ...PAGES_ROUTES,
  ...UNITS_ROUTES,
  ...REPORTS_ROUTES,
  ...FEEDS_ROUTES,
  ...WORKSPACE_ROUTES,
];

/**
 * Match a method and a concrete path against the table (HEAD as GET); path parameters are URL-decoded.
 * Undefined when no route matches both: API Gateway then sends it to its `$default` route (UNMATCHED_ROUTE).
 */
export function matchRoute(method: string, path: string): { route: RouteContract; pathParameters: Record<string, string> } | undefined {
  const segments = path.split('/').slice(1);
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
    const methods: string[] = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
    if (methods.includes(method)) return { route, pathParameters: params };
  }
  return undefined;
}

