import { stockholmDate } from '../../domain/dates';
import { WORKSPACE_PATHS } from '../../views/paths';
import { WORKSPACE_PAGE_HEADERS } from '../../views/render';
import { errorPage, signedOutPage, type KeptForm } from '../../views/workspace/errors';
import { flashFor } from '../../views/workspace/flash';
import type { PageContext } from '../../views/workspace/models';
import { isRegistrar } from '../../domain/caller';
import type { ApiEvent, ApiResult, RouteContract } from '../contract';
import { csrfToken } from '../csrf';
import { keepForm } from '../kept-form';
import { readMultipart } from '../multipart';
import type { Problem } from '../problems';
import { WORKSPACE_ROUTES } from '../routes/workspace';
import { endSession, readSession, safeReturnPath, SESSION_HOURS, type Session, type SessionSettings } from '../session';
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

/**
 * What a POST refused for want of a session sent, to keep on the "Du har loggats ut" page: its text
 * fields in order (never the old form token), as the form sent them (`multipart` or not), up to the
 * form's own limit in bytes (`tooLarge` beyond it); whether it carried a file, which is never kept.
 * Nothing when the body cannot be read as its form.
 */
async function sentForm(event: ApiEvent, maxBodyBytes: number): Promise<Omit<KeptForm, 'action' | 'ticket'>> {
  const spec = (WORKSPACE_ROUTES as readonly RouteContract[]).find((route) => `${route.method} ${route.path}` === event.routeKey)?.body;
  const bytes = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : undefined;
  const none = { fields: [], multipart: false, files: false, tooLarge: false };
  if (!spec || !bytes) return none;
  const contentType = event.headers['content-type'] ?? '';
  const multipart = spec.multipart !== undefined && contentType.split(';')[0]!.trim().toLowerCase() === 'multipart/form-data';
  if (bytes.length > (multipart ? spec.multipart!.maxBytes : (spec.maxBytes ?? maxBodyBytes))) return { ...none, tooLarge: true };
  const withoutToken = (entries: Iterable<[string, string]>) => [...entries].filter(([name]) => name !== 'csrf');
  if (!multipart) return { ...none, fields: withoutToken(new URLSearchParams(bytes.toString('utf8'))) };
  try {
    const { fields, files } = await readMultipart(bytes, contentType, spec.multipart!.files);
    return { ...none, multipart: true, fields: withoutToken(Object.entries(fields)), files: Object.values(files).some(Boolean) };
  } catch {
    return none;
  }
}

/** The page for a POST without a valid session: nothing done, what was sent kept, and for a form from this site a ticket to send it again after signing in. */
async function signedOut(deps: Pick<WorkspaceDeps, 'clock' | 'config'>, settings: SessionSettings | undefined, event: ApiEvent, cleared: string[], expired: boolean): Promise<ApiResult> {
  const kept = settings ? await keepForm(settings, deps.clock, event.headers, event.rawPath) : undefined;
  const form = { ...(await sentForm(event, deps.config.MAX_BODY_BYTES)), action: event.rawPath, ...(kept ? { ticket: kept.ticket } : {}) };
  const cookies = [...cleared, ...(kept ? [kept.setCookie] : [])];
  return { ...htmlPage(401, signedOutPage({ signIn: signInHref(pageOf(event)), hours: SESSION_HOURS, form, expired })), ...(cookies.length ? { cookies } : {}) };
}

/** An upload form's answer to a body over its limit (uploadTooLarge, ./intake.ts), or undefined for the general page. */
export type UploadTooLarge = (session: Session, routeKey: string) => Promise<ApiResult | undefined>;

/**
 * The workspace's answer to a refusal (the router's `renderPage`): no session sends a GET to
 * sign-in and back (an altered cookie is cleared on the way), and answers a POST, not carried out,
 * with "Du har loggats ut", which keeps what was sent to send again after signing in; a body too large for an upload form is that form again (`tooLarge`); every other refusal
 * is a Swedish page, with the navigation when the person is signed in, and `Retry-After` when it
 * is "not now".
 */
export function workspaceProblemPage(deps: () => Pick<WorkspaceDeps, 'session' | 'clock' | 'config'>, tooLarge: UploadTooLarge) {
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
      return signedOut(deps(), settings, event, cleared, problem.code === 'session_expired');
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
