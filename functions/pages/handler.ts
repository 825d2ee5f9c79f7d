import { apiHandler, type ApiEvent, type ApiRequest, type ApiResult } from '../../shared/http/api';
import { AppError } from '../../shared/domain/app-error';
import { PAGE_FORMS, type PageAction } from '../../shared/views/pages/forms';
import { declineItem, markDone, openItemsOf, reportStatus, requestExtension } from '../../shared/application/items/link-actions';
import { stockholmDate } from '../../shared/domain/dates';
import { sendFreshLink } from '../../shared/application/links/fresh-link';
import type { LinkCheck } from '../../shared/application/links/signed-link';
import { PAGE_HEADERS } from '../../shared/views/pages/layout';
import { errorPage, expiredLinkPage, freshLinkSentPage, invalidLinkPage } from '../../shared/views/pages/notice-pages';
import { officialPage } from '../../shared/views/pages/official';
import { unitFilters, unitPage } from '../../shared/views/pages/unit';
import { unitOverview } from '../../shared/application/units/lists';
import { parseOrThrow } from '../../shared/domain/validation';
import { dependencies, type Dependencies } from '../dependencies';

const page = (status: number, body: string, headers: Record<string, string> = {}): ApiResult => ({
  statusCode: status,
  headers: { ...PAGE_HEADERS, ...headers },
  body,
});

/** The relative way from the requested path back to the page `/p/{token}`, whatever the depth. */
function toPage(event: ApiEvent, token: string): string {
  const depth = event.rawPath.split('/').filter(Boolean).length - 2;
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

const ERROR_CODES: Record<number, string> = { 404: 'missing', 409: 'closed' };

function fields(request: ApiRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of request.form()) {
    if (name in out) throw new AppError(400, 'validation_failed', `Fältet ${name} förekommer två gånger.`);
    out[name] = value;
  }
  return out;
}

function linkProblem(check: Exclude<LinkCheck, { ok: true }>, csrf: string | undefined, back: string, ttlDays: number): ApiResult {
  if (check.reason === 'expired' && csrf) return page(410, expiredLinkPage({ toPage: back, csrf, ttlDays }));
  return page(404, invalidLinkPage());
}

/**
 * An official's request about one item leaves its registrar a notice about that item, so the
 * registrar's email shows the request as it then stands (not one already answered), with a link.
 */
const aboutItem = (d: Dependencies, id: string): Dependencies => ({
  ...d,
  notices: { ...d.notices, addNotice: (recipient: string, text: string, at: string) => d.notices.addNotice(recipient, text, at, id) },
});

export function createHandler(deps: () => Dependencies = dependencies) {
  /** The link's check, and for an authentic expired link the form token for a fresh one. */
  const check = async (token: string): Promise<{ link: LinkCheck; csrf?: string }> => {
    const link = await deps().links.verify(token);
    if (link.ok || link.reason !== 'expired') return { link };
    return { link, csrf: await deps().links.csrfToken(token, link.kid) };
  };

  /**
   * One action of an official on one of their items: a valid link for an official, a form token
   * bound to it, a request from this site's own page; then Post/Redirect/Get.
   */
  const action =
    (name: PageAction, run: (deps: Dependencies, email: string, id: string, form: Record<string, string>) => Promise<unknown>) =>
    async (request: ApiRequest): Promise<ApiResult> => {
      const token = request.pathParameters.token ?? '';
      const back = toPage(request.event, token);
      const { link, csrf } = await check(token);
      if (!link.ok) return linkProblem(link, csrf, back, deps().config.LINK_TTL_DAYS);
      if (link.scope.kind !== 'official') return page(404, invalidLinkPage());
      const form = fields(request);
      if (request.headers['sec-fetch-site'] === 'cross-site' || !(await deps().links.checkCsrf(token, link.kid, form.csrf))) {
        return page(403, errorPage({ title: 'Formuläret kunde inte tas emot', text: 'Formuläret hör inte till den här sidan. Ladda om sidan och försök igen.', toPage: back }));
      }
      const id = request.pathParameters.id ?? '';
      let outcome = name;
      try {
        const parsed = PAGE_FORMS[name].safeParse(form);
        if (!parsed.success) outcome = 'invalid' as typeof name;
        else await run(deps(), link.scope.email, id, parsed.data as Record<string, string>);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        outcome = (ERROR_CODES[error.status] ?? 'invalid') as typeof name;
      }
      // The page opens on its message, at the top, which links on to the item when it is still listed.
      const location = `${back}?m=${outcome}&arende=${encodeURIComponent(id)}#meddelande`;
      return { statusCode: 303, headers: { ...PAGE_HEADERS, location }, body: '' };
    };

  return apiHandler(
    {
      'GET /p/{token}': async (request) => {
        const token = request.pathParameters.token ?? '';
        const self = toPage(request.event, token);
        const { link, csrf } = await check(token);
        if (!link.ok) return linkProblem(link, csrf, self, deps().config.LINK_TTL_DAYS);
        const d = deps();
        const linkExpiresOn = stockholmDate(new Date(link.expiresAt.getTime() - 1));
        if (link.scope.kind === 'unit') {
          // Read-only: the manager's link opens their unit's list and nothing else.
          const overview = await unitOverview(d, link.scope.unit);
          return page(200, unitPage({ ...overview, filters: unitFilters(request.query), self, linkExpiresOn }));
        }
        const message = MESSAGES[request.query.m ?? ''];
        return page(
          200,
          officialPage({
            email: link.scope.email,
            items: await openItemsOf(d, link.scope.email),
            today: stockholmDate(d.clock()),
            linkExpiresOn,
            csrf: await d.links.csrfToken(token, link.kid),
            token: self,
            ...(message ? { message: { ...message, ...(request.query.arende ? { itemId: request.query.arende } : {}) } } : {}),
          }),
        );
      },
      'POST /p/{token}/uppdrag/{id}/done': action('done', (d, email, id, form) => markDone(d, email, id, form.note!)),
      'POST /p/{token}/uppdrag/{id}/extension': action('extension', (d, email, id, form) =>
        requestExtension(aboutItem(d, id), email, id, { date: form.date!, reason: form.reason! }),
      ),
      'POST /p/{token}/uppdrag/{id}/status-report': action('status-report', (d, email, id, form) => reportStatus(d, email, id, form.note!)),
      'POST /p/{token}/uppdrag/{id}/not-mine': action('not-mine', (d, email, id, form) => declineItem(aboutItem(d, id), email, id, form.note || undefined)),

      'POST /p/{token}/new-link': async (request) => {
        const token = request.pathParameters.token ?? '';
        const d = deps();
        // Only a link whose signature holds names an address; an expired one is the usual case.
        const link = await d.links.verify(token);
        if (!link.ok && link.reason === 'invalid') return page(404, invalidLinkPage());
        const form = parseOrThrow(PAGE_FORMS['new-link'], fields(request), 'Formuläret');
        if (request.headers['sec-fetch-site'] === 'cross-site' || !(await d.links.checkCsrf(token, link.kid, form.csrf))) {
          return page(403, errorPage({ title: 'Formuläret kunde inte tas emot', text: 'Formuläret hör inte till den här sidan.' }));
        }
        const outcome = await sendFreshLink(
          {
            links: d.links,
            limiter: d.freshLinkLimiter,
            mailer: d.mailer,
            clock: d.clock,
            publicBaseUrl: d.config.PUBLIC_BASE_URL,
            ttlDays: d.config.LINK_TTL_DAYS,
            suppressed: (emails) => d.reminderStore.suppressed(emails),
          },
          link.scope,
        );
        return page(outcome === 'sent' ? 200 : 429, freshLinkSentPage(outcome));
      },
    },
    {
      maxBodyBytes: () => deps().config.MAX_BODY_BYTES,
      renderError: (error) => {
        if (error?.status === 503) {
          return page(503, errorPage({ title: 'Tjänsten är inte tillgänglig just nu', text: 'Inget har ändrats. Försök igen om en stund.' }), error.headers);
        }
        if (!error || error.status >= 500) return page(500, errorPage({ title: 'Något gick fel', text: 'Sidan kunde inte visas just nu. Försök igen om en stund.' }));
        if (error.status === 404) return page(404, invalidLinkPage());
        return page(error.status, errorPage({ title: 'Det gick inte', text: error.message }), error.headers);
      },
    },
  );
}

export const handler = createHandler();
