import { declineItem, markDone, reportStatus, requestExtension } from '../../shared/application/items/link-actions';
import { actOnLinkPage, linkProblemPage, sendFreshLinkPage, showLinkPage } from '../../shared/http/link-pages';
import { createRouter } from '../../shared/http/router';
import { PAGES_ROUTES } from '../../shared/http/routes/pages';
import type { PageAction } from '../../shared/views/pages/forms';
import { pagesDependencies, type PagesDependencies } from './dependencies';

type ActionInput = { params: { token: string; id: string }; body: Record<string, string>; headers: Readonly<Record<string, string | undefined>>; event: { rawPath: string } };

export function createHandler(deps: () => PagesDependencies = pagesDependencies) {
  const action =
    (name: PageAction, run: (d: PagesDependencies, email: string, id: string, form: Record<string, string>) => Promise<unknown>) =>
    ({ params, body, headers, event }: ActionInput) =>
      actOnLinkPage(deps(), name, { ...params, rawPath: event.rawPath, headers, form: body }, (email, form) => run(deps(), email, params.id, form));

  return createRouter(
    PAGES_ROUTES,
    {
      'GET /p/{token}': async ({ params, query, event }) => showLinkPage(deps(), params.token, event.rawPath, query),
      'POST /p/{token}/uppdrag/{id}/done': action('done', (d, email, id, form) => markDone(d, email, id, form.note!)),
      'POST /p/{token}/uppdrag/{id}/extension': action('extension', (d, email, id, form) => requestExtension(d, email, id, { date: form.date!, reason: form.reason! })),
      'POST /p/{token}/uppdrag/{id}/status-report': action('status-report', (d, email, id, form) => reportStatus(d, email, id, form.note!)),
      'POST /p/{token}/uppdrag/{id}/not-mine': action('not-mine', (d, email, id, form) => declineItem(d, email, id, form.note || undefined)),
      'POST /p/{token}/new-link': async ({ params, headers, body }) => sendFreshLinkPage(deps(), { token: params.token, headers, form: body }),
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES, renderPage: linkProblemPage },
  );
}

export const handler = createHandler();
