import type * as z from 'zod';
import { stockholmDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import type { ItemDeps } from '../application/items/service';
import { openItemsOf } from '../application/items/link-actions';
import { sendFreshLink, type FreshLinkDeps } from '../application/links/fresh-link';
import type { LinkCheck, LinkSigner } from '../application/links/signed-link';
import { unitOverview } from '../application/units/lists';
import type { PublicBodies } from '../application/reports/public-bodies';
import { PAGE_FORMS, type PageAction, type RefusedForm } from '../views/pages/forms';
import { PAGE_HEADERS } from '../views/pages/layout';
import { errorPage, expiredLinkPage, freshLinkSentPage, invalidLinkPage } from '../views/pages/notice-pages';
import { officialPage, type OfficialPageInput } from '../views/pages/official';
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
  /** Which bodies' follow-up pages are public, so the page can say where a lägesrapport shows. */
  publicBodies: Pick<PublicBodies, 'list'>;
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

/** "Mina ärenden" for the official a valid link names, with its form token; `extra` adds a message or a refused form. */
async function officialPageOf(
  deps: LinkPageDeps,
  link: { token: string; kid: string; expiresAt: Date; email: string; self: string },
  extra: Pick<OfficialPageInput, 'message' | 'refused'>,
): Promise<string> {
  return officialPage({
    email: link.email,
    items: await openItemsOf(deps, link.email),
    publicBodies: new Set((await deps.publicBodies.list()).filter((setting) => setting.public).map((setting) => setting.body)),
    today: stockholmDate(deps.clock()),
    linkExpiresOn: lastDay(link.expiresAt),
    csrf: await deps.links.csrfToken(link.token, link.kid),
    token: link.self,
    ...extra,
  });
}

/** The last Stockholm day a link works. */
const lastDay = (expiresAt: Date) => stockholmDate(new Date(expiresAt.getTime() - 1));

/** `GET /p/{token}`: an official's "Mina ärenden", or a manager's read-only unit list. */
export async function showLinkPage(deps: LinkPageDeps, token: string, rawPath: string, query: Record<string, string | undefined>): Promise<ApiResult> {
  const self = toPage(rawPath, token);
  const { link, csrf } = await check(deps, token);
  if (!link.ok) return linkProblem(deps, link, csrf, self);
  if (link.scope.kind === 'unit') {
    const overview = await unitOverview(deps, link.scope.unit);
    return page(200, unitPage({ ...overview, filters: unitFilters(query), self, linkExpiresOn: lastDay(link.expiresAt) }));
  }
  const message = MESSAGES[query.m ?? ''];
  return page(200, await officialPageOf(deps, { token, kid: link.kid, expiresAt: link.expiresAt, email: link.scope.email, self }, message ? { message: { ...message, ...(query.arende ? { itemId: query.arende } : {}) } } : {}));
}

/**
 * What to correct in a form: the schema's message per field, or the use case's own sentence
 * beside the field it names (its `issues`), or above the form when it names none of its fields.
 */
function errorsOf(name: PageAction, failure: z.ZodError | DomainError): Record<string, string> {
  const fields = Object.keys(PAGE_FORMS[name].shape).filter((f) => f !== 'csrf');
  const errors: Record<string, string> = {};
  if (failure instanceof DomainError) {
    const named = failure.issues.filter((issue) => fields.includes(issue.path));
    named.forEach((issue, i) => (errors[issue.path] ??= i === 0 ? failure.message : issue.message));
    if (named.length === 0) errors[''] = failure.message;
    return errors;
  }
  for (const issue of failure.issues) {
    const field = String(issue.path[0] ?? '');
    if (fields.includes(field)) errors[field] ??= issue.message;
    else errors[''] ??= 'Formuläret innehöll något som inte hör till det. Ladda om sidan och försök igen.';
  }
  return errors;
}

/**
 * One action of an official on one of their items: a valid link for an official, a form from its
 * own page, the form's fields as the action wants them. Done, or the item closed or not theirs:
 * Post/Redirect/Get back to the page, opened on its message, which links on to the item. Fields
 * the form's schema or the use case refuses: 400 with the page itself, that form open with what
 * was typed and a Swedish message beside each field at fault; nothing is stored.
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
  let failure: z.ZodError | DomainError | undefined;
  const parsed = PAGE_FORMS[name].safeParse(request.form);
  if (!parsed.success) failure = parsed.error;
  else {
    try {
      await run(link.scope.email, parsed.data as Record<string, string>);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
      const known = OUTCOME_OF[error.kind];
      if (known) outcome = known;
      else failure = error;
    }
  }
  if (failure) {
    const { csrf: _token, ...values } = request.form;
    const refused: RefusedForm = { itemId: request.id, action: name, values, errors: errorsOf(name, failure) };
    return page(400, await officialPageOf(deps, { token: request.token, kid: link.kid, expiresAt: link.expiresAt, email: link.scope.email, self: back }, { refused }));
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
