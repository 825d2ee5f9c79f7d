import { stockholmDate } from '../../domain/dates';
import { WORKSPACE_PATHS } from '../../views/paths';
import { WORKSPACE_PAGE_HEADERS } from '../../views/render';
import { errorPage, sessionExpiredPage } from '../../views/workspace/errors';
import { flashFor } from '../../views/workspace/flash';
import type { PageContext } from '../../views/workspace/models';
import { isRegistrar } from '../../domain/caller';
import type { ApiEvent, ApiResult } from '../contract';
import { csrfToken } from '../csrf';
import type { Problem } from '../problems';
import { endSession, readSession, safeReturnPath, SESSION_HOURS, type Session } from '../session';
import type { WorkspaceDeps } from './deps';

/** A workspace page as the answer: its HTML with the pages' headers (CSP, no-referrer, no-store …). */
export const htmlPage = (status: number, body: string, headers: Record<string, string> = {}): ApiResult => ({
  statusCode: status,
  headers: { ...WORKSPACE_PAGE_HEADERS, ...headers },
  body,
});

/** 303 See Other (Post/Redirect/Get, or on to another page), setting or clearing cookies on the way. */
export const seeOther = (location: string, cookies: string[] = []): ApiResult => ({
  statusCode: 303,
  headers: { ...WORKSPACE_PAGE_HEADERS, location },
  ...(cookies.length ? { cookies } : {}),
  body: '',
});

/** Where a signed-in person starts: Översikt for registrars and admins, Ärenden for everyone else. */
export const homeOf = (session: Pick<Session, 'caller'>) => (isRegistrar(session.caller) ? WORKSPACE_PATHS.overview : WORKSPACE_PATHS.items);

/** What every signed-in page shows besides its own content: the person, the form token, today, the message of `?m=`. */
export async function pageContext(deps: Pick<WorkspaceDeps, 'session' | 'clock'>, session: Session, flashCode?: string): Promise<PageContext> {
  const flash = flashFor(flashCode);
  return {
    viewer: { ...session.caller, ...(session.name ? { name: session.name } : {}) },
    csrf: csrfToken(await deps.session(), session.id),
    today: stockholmDate(deps.clock()),
    ...(flash ? { flash } : {}),
  };
}

/** The sign-in page's address, coming back to `returnTo` after it. */
export function signInHref(returnTo: string | undefined, reason?: 'utgangen' | 'utloggad'): string {
  const query = new URLSearchParams({ ...(returnTo && returnTo !== '/' ? { returnTo } : {}), ...(reason ? { orsak: reason } : {}) }).toString();
  return query ? `${WORKSPACE_PATHS.signIn}?${query}` : WORKSPACE_PATHS.signIn;
}

/** The page a request was on, to come back to after signing in: a GET's own address, a POST's page. */
function pageOf(event: ApiEvent): string {
  const method = event.requestContext.http.method;
  const query = method === 'GET' || method === 'HEAD' ? event.rawQueryString : '';
  return safeReturnPath(query ? `${event.rawPath}?${query}` : event.rawPath) ?? WORKSPACE_PATHS.overview;
}

/** An upload form's answer to a body over its limit (uploadTooLarge, ./intake.ts), or undefined for the general page. */
export type UploadTooLarge = (session: Session, routeKey: string) => Promise<ApiResult | undefined>;

/**
 * The workspace's answer to a refusal (the router's `renderPage`): no session sends a GET to
 * sign-in and back (an altered cookie is cleared on the way), and shows a POST the "sign in again"
 * page; a body too large for an upload form is that form again (`tooLarge`); every other refusal
 * is a Swedish page, with the navigation when the person is signed in, and `Retry-After` when it
 * is "not now".
 */
export function workspaceProblemPage(deps: () => Pick<WorkspaceDeps, 'session' | 'clock'>, tooLarge: UploadTooLarge) {
  return async (problem: Problem, event: ApiEvent): Promise<ApiResult> => {
    // Without the session key (its secret not readable) the page still answers, only without the person.
    const settings = await deps()
      .session()
      .catch(() => undefined);
    if (problem.status === 401 && problem.code.startsWith('session_')) {
      const back = pageOf(event);
      const cleared = problem.code === 'session_invalid' && settings ? [endSession(settings)] : [];
      const method = event.requestContext.http.method;
      if (method === 'GET' || method === 'HEAD') return seeOther(signInHref(back, problem.code === 'session_expired' ? 'utgangen' : undefined), cleared);
      return { ...htmlPage(401, sessionExpiredPage({ returnTo: back, hours: SESSION_HOURS })), ...(cleared.length ? { cookies: cleared } : {}) };
    }
    const session = settings ? await readSession(settings, deps().clock, event.headers.cookie).catch(() => undefined) : undefined;
    const upload = problem.status === 413 && session ? await tooLarge(session, event.routeKey) : undefined;
    if (upload) return upload;
    const context = session ? await pageContext(deps(), session) : undefined;
    const on = context ? { context } : {};
    if (problem.status === 403) return htmlPage(403, errorPage({ status: 403, ...on, ...(problem.code === 'form_refused' ? { formRefused: true } : {}) }));
    if (problem.status === 404) return htmlPage(404, errorPage({ status: 404, ...on }));
    if (problem.status === 503) return htmlPage(503, errorPage({ status: 503, ...on }), problem.headers);
    if (problem.status >= 500) return htmlPage(500, errorPage({ status: 500, ...on }));
    return htmlPage(problem.status, errorPage({ status: 400, ...on, message: problem.message }), problem.headers);
  };
}
