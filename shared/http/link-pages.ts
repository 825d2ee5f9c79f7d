import { stockholmDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import type { ItemDeps } from '../application/items/service';
import { openItemsOf } from '../application/items/link-actions';
import { sendFreshLink, type FreshLinkDeps } from '../application/links/fresh-link';
import type { LinkCheck, LinkSigner } from '../application/links/signed-link';
import { unitOverview } from '../application/units/lists';
import { PAGE_FORMS, type PageAction } from '../views/pages/forms';
import { PAGE_HEADERS } from '../views/pages/layout';
import { errorPage, expiredLinkPage, freshLinkSentPage, invalidLinkPage } from '../views/pages/notice-pages';
import { officialPage } from '../views/pages/official';
import { unitFilters, unitPage } from '../views/pages/unit';
import type { ApiResult } from './contract';
import type { Problem } from './problems';

/**
 * The pages under /p/ that a link in an email opens: the signed link is the credential, every form
 * carries a token bound to it, and every answer is a Swedish page (or a redirect back to one).
 */
export interface LinkPageDeps extends Pick<ItemDeps, 'items' | 'clock'> {
  links: LinkSigner;
  /** The site's own origin (PUBLIC_BASE_URL): a form posted from elsewhere is refused. */
  origin: string;
  linkTtlDays: number;
}

export const page = (status: number, body: string, headers: Record<string, string> = {}): ApiResult => ({ statusCode: status, headers: { ...PAGE_HEADERS, ...headers }, body });

/** The relative way from a path under /p/{token} back to the page itself, whatever the depth. */
function toPage(rawPath: string, token: string): string {
  const depth = rawPath.split('/').filter(Boolean).length - 2;
  return `${'../'.repeat(Math.max(depth, 0))}${encodeURIComponent(token)}`;
}

/** What the page says after an action (Post/Redirect/Get): codes only, never text from the request. */
const MESSAGES: Record<string, { text: string; error?: boolean }> = {
  done: { text: 'Ärendet är markerat som klart. Tack!' },
  extension: { text: 'Din begäran om förlängning är skickad till registratorn. Du får besked i ett e-postmeddelande.' },
  'status-report': { text: 'Lägesrapporten är sparad.' },
  'not-mine': { text: 'Registratorn har fått veta att ärendet inte är ditt.' },
  closed: { text: 'Ärendet är redan stängt, så inget ändrades.', error: true },
  missing: { text: 'Ärendet finns inte bland dina öppna ärenden.', error: true },
  invalid: { text: 'Formuläret var inte rätt ifyllt. Föreslaget datum ska vara efter nuvarande tidsfrist och inom två år; texter får inte vara tomma.', error: true },
};

/** A refused action, as the page's message code. */
const OUTCOME_OF: Partial<Record<DomainError['kind'], string>> = { not_found: 'missing', conflict: 'closed' };

const refusedForm = (back?: string) =>
  page(403, errorPage({ title: 'Formuläret kunde inte tas emot', text: 'Formuläret hör inte till den här sidan. Ladda om sidan och försök igen.', ...(back ? { toPage: back } : {}) }));

/** The link's check, and for an authentic expired link the form token for a fresh one. */
async function check(deps: LinkPageDeps, token: string): Promise<{ link: LinkCheck; csrf?: string }> {
  const link = await deps.links.verify(token);
  if (link.ok || link.reason !== 'expired') return { link };
  return { link, csrf: await deps.links.csrfToken(token, link.kid) };
}

function linkProblem(deps: LinkPageDeps, check: Exclude<LinkCheck, { ok: true }>, csrf: string | undefined, back: string): ApiResult {
  if (check.reason === 'expired' && csrf) return page(410, expiredLinkPage({ toPage: back, csrf, ttlDays: deps.linkTtlDays }));
  return page(404, invalidLinkPage());
}

/**
 * A form from this site's own page: not marked cross-site by the browser (`Sec-Fetch-Site`), not
 * from another origin the browser names (`Origin`; under the pages' `Referrer-Policy: no-referrer`
 * browsers send "null" instead, which tells nothing), and with the form token of this very link.
 */
async function fromOwnPage(deps: LinkPageDeps, headers: Readonly<Record<string, string | undefined>>, token: string, kid: string, csrf: string | undefined): Promise<boolean> {
  if (headers['sec-fetch-site'] === 'cross-site') return false;
  if (headers.origin !== undefined && headers.origin !== 'null' && headers.origin !== new URL(deps.origin).origin) return false;
  return deps.links.checkCsrf(token, kid, csrf);
}

/** `GET /p/{token}`: an official's "Mina ärenden", or a manager's read-only unit list. */
export async function showLinkPage(deps: LinkPageDeps, token: string, rawPath: string, query: Record<string, string | undefined>): Promise<ApiResult> {
  const self = toPage(rawPath, token);
  const { link, csrf } = await check(deps, token);
  if (!link.ok) return linkProblem(deps, link, csrf, self);
  const linkExpiresOn = stockholmDate(new Date(link.expiresAt.getTime() - 1));
  if (link.scope.kind === 'unit') {
    const overview = await unitOverview(deps, link.scope.unit);
    return page(200, unitPage({ ...overview, filters: unitFilters(query), self, linkExpiresOn }));
  }
  const message = MESSAGES[query.m ?? ''];
  return page(
    200,
    officialPage({
      email: link.scope.email,
      items: await openItemsOf(deps, link.scope.email),
      today: stockholmDate(deps.clock()),
      linkExpiresOn,
      csrf: await deps.links.csrfToken(token, link.kid),
      token: self,
      ...(message ? { message: { ...message, ...(query.arende ? { itemId: query.arende } : {}) } } : {}),
    }),
  );
}

/**
 * One action of an official on one of their items: a valid link for an official, a form from its
 * own page, the form's fields as the action wants them; then Post/Redirect/Get back to the page,
 * opened on its message, which links on to the item.
 */
export async function actOnLinkPage(
  deps: LinkPageDeps,
  name: PageAction,
  request: { token: string; id: string; rawPath: string; headers: Readonly<Record<string, string | undefined>>; form: Record<string, string> },
  run: (email: string, form: Record<string, string>) => Promise<unknown>,
): Promise<ApiResult> {
  const back = toPage(request.rawPath, request.token);
  const { link, csrf } = await check(deps, request.token);
  if (!link.ok) return linkProblem(deps, link, csrf, back);
  if (link.scope.kind !== 'official') return page(404, invalidLinkPage());
  if (!(await fromOwnPage(deps, request.headers, request.token, link.kid, request.form.csrf))) return refusedForm(back);
  let outcome: string = name;
  const parsed = PAGE_FORMS[name].safeParse(request.form);
  if (!parsed.success) outcome = 'invalid';
  else {
    try {
      await run(link.scope.email, parsed.data as Record<string, string>);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
      outcome = OUTCOME_OF[error.kind] ?? 'invalid';
    }
  }
  const location = `${back}?m=${outcome}&arende=${encodeURIComponent(request.id)}#meddelande`;
  return { statusCode: 303, headers: { ...PAGE_HEADERS, location }, body: '' };
}

/** `POST /p/{token}/new-link`: a fresh link to the address an authentic (usually expired) link names. */
export async function sendFreshLinkPage(
  deps: LinkPageDeps & Omit<FreshLinkDeps, 'links' | 'clock'>,
  request: { token: string; headers: Readonly<Record<string, string | undefined>>; form: Record<string, string> },
): Promise<ApiResult> {
  const link = await deps.links.verify(request.token);
  if (!link.ok && link.reason === 'invalid') return page(404, invalidLinkPage());
  const form = PAGE_FORMS['new-link'].safeParse(request.form);
  if (!form.success || !(await fromOwnPage(deps, request.headers, request.token, link.kid, form.data.csrf))) return refusedForm();
  const outcome = await sendFreshLink(deps, link.scope);
  return page(outcome === 'sent' ? 200 : 429, freshLinkSentPage(outcome));
}

/** A refusal or failure as a page: no data, a Swedish sentence, and Retry-After when it is "not now". */
export function linkProblemPage(problem: Problem): ApiResult {
  if (problem.status === 503) return page(503, errorPage({ title: 'Tjänsten är inte tillgänglig just nu', text: 'Inget har ändrats. Försök igen om en stund.' }), problem.headers);
  if (problem.status >= 500) return page(500, errorPage({ title: 'Något gick fel', text: 'Sidan kunde inte visas just nu. Försök igen om en stund.' }));
  if (problem.status === 404) return page(404, invalidLinkPage());
  return page(problem.status, errorPage({ title: 'Det gick inte', text: problem.message }), problem.headers);
}
