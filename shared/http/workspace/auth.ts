import { withDirectoryUnit } from '../../application/units/directory';
import { notFound } from '../../domain/errors';
import { STYLESHEET_FILE_NAME } from '../../views/assets/stylesheet-name';
import { formValues, parseSignInForm } from '../../views/workspace/forms';
import { signInFailedPage, signInPage } from '../../views/workspace/sign-in';
import type { ApiResult } from '../contract';
import { checkCsrf, checkSameOrigin, CsrfRefused } from '../csrf';
import { endSession, readSession, safeReturnPath, startSession } from '../session';
import { SignInFailed } from '../sign-in';
import type { WorkspaceDeps } from './deps';
import { formRefused } from './session-gate';
import { homeOf, htmlPage, seeOther, signInHref } from './respond';

/**
 * Signing in and out of the workspace. Deployed, `/logga-in` sends the browser to Entra ID
 * (OpenID Connect code flow with PKCE, shared/http/sign-in.ts) and `/logga-in/callback` starts the
 * session; locally (no identity provider configured) a form signs anyone in as anyone, and says so.
 */

type Headers = Readonly<Record<string, string | undefined>>;

/** Refused as a page when another site sent the request. */
function sameSite(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof CsrfRefused) throw formRefused();
    throw error;
  }
}

/** `GET /logga-in`: deployed, on to the identity provider; locally, the sign-in form. */
export async function showSignIn(deps: WorkspaceDeps, { query }: { query: Readonly<Record<string, string>> }): Promise<ApiResult> {
  const returnTo = safeReturnPath(query.returnTo);
  if (deps.oidc) {
    const { redirectTo, setCookie } = await (await deps.oidc()).start(returnTo);
    return seeOther(redirectTo.href, [setCookie]);
  }
  const reason = query.orsak === 'utgangen' ? 'expired' : query.orsak === 'utloggad' ? 'signed_out' : undefined;
  return htmlPage(200, signInPage({ form: { values: {} }, ...(returnTo ? { returnTo } : {}), ...(reason ? { reason } : {}) }));
}

/** `POST /logga-in`: the local sign-in (development only; deployed there is none). */
export async function signInLocally(deps: WorkspaceDeps, { body, headers }: { body: Readonly<Record<string, string>>; headers: Headers }): Promise<ApiResult> {
  if (deps.oidc) throw notFound('Logga in med kommunens konto.');
  const settings = await deps.session();
  sameSite(() => checkSameOrigin(settings, headers));
  const form = new URLSearchParams(body);
  const returnTo = safeReturnPath(form.get('returnTo'));
  const parsed = parseSignInForm(form);
  if (!parsed.ok) {
    return htmlPage(400, signInPage({ form: { values: formValues(form, ['email', 'role', 'unit']), errors: parsed.errors }, ...(returnTo ? { returnTo } : {}) }));
  }
  const { session, setCookie } = await startSession(settings, deps.clock, await withDirectoryUnit(deps, parsed.command));
  return seeOther(returnTo ?? homeOf(session), [setCookie]);
}

/** `GET /logga-in/callback`: the identity provider's answer becomes a session; back to where the person was. */
export async function finishSignIn(deps: WorkspaceDeps, { query, headers }: { query: Readonly<Record<string, string>>; headers: Headers }): Promise<ApiResult> {
  if (!deps.oidc) throw notFound('Ingen inloggningstjänst är inställd.');
  try {
    const { caller, name, returnTo, clearCookie } = await (await deps.oidc()).finish(new URLSearchParams(query), headers.cookie);
    const { session, setCookie } = await startSession(await deps.session(), deps.clock, await withDirectoryUnit(deps, caller), name);
    return seeOther(returnTo ?? homeOf(session), [clearCookie, setCookie]);
  } catch (error) {
    if (!(error instanceof SignInFailed)) throw error;
    return htmlPage(400, signInFailedPage({ reason: error.reason, retry: signInHref(undefined) }));
  }
}

/**
 * `POST /logga-ut`: clears the session cookie. From the workspace's own pages only; with a session
 * still valid, its form token too (so another site cannot sign a person out).
 */
export async function signOut(deps: WorkspaceDeps, { body, headers }: { body: Readonly<Record<string, string>>; headers: Headers }): Promise<ApiResult> {
  const settings = await deps.session();
  const session = await readSession(settings, deps.clock, headers.cookie).catch(() => undefined);
  sameSite(() => (session ? checkCsrf(settings, session.id, headers, body.csrf) : checkSameOrigin(settings, headers)));
  return seeOther(signInHref(undefined, 'utloggad'), [endSession(settings)]);
}

/** `GET /assets/{file}`: the stylesheet under its content-hashed name, cached for a year. */
export async function asset(file: string): Promise<ApiResult> {
  if (file !== STYLESHEET_FILE_NAME) throw notFound('Filen finns inte.');
  // The CSS is a chunk of its own, read by this route only (a browser fetches it once a year at most).
  const { ASSET_HEADERS, STYLESHEET } = await import('../../views/assets/stylesheet');
  return { statusCode: 200, headers: { ...ASSET_HEADERS, 'content-type': STYLESHEET.contentType }, body: STYLESHEET.body };
}
