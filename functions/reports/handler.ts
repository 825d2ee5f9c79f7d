import { publicBodyPage, setPublicBody } from '../../shared/application/reports/public-bodies';
import { balanslista, verkstallighet } from '../../shared/application/reports/reports';
import { statisticsReport } from '../../shared/application/reports/statistics';
import { reportAnswer } from '../../shared/http/download';
import { json } from '../../shared/http/problems';
import { publicBodyAnswer, publicProblemAnswer } from '../../shared/http/public-answers';
import { BALANSLISTA_SHAPES, STATISTICS_SHAPES, VERKSTALLIGHET_SHAPES } from '../../shared/http/reports';
import { createRouter } from '../../shared/http/router';
import { REPORTS_ROUTES } from '../../shared/http/routes/reports';
import { reportsDependencies, type ReportsDependencies } from './dependencies';

export function createHandler(deps: () => ReportsDependencies = reportsDependencies) {
  return createRouter(
    REPORTS_ROUTES,
    {
      'GET /reports/balanslista': async ({ query, headers }) => reportAnswer(headers.accept, await balanslista(deps(), query.asOf), BALANSLISTA_SHAPES),
      'GET /reports/verkstallighet': async ({ query, headers }) => reportAnswer(headers.accept, await verkstallighet(deps(), query.body, query.asOf), VERKSTALLIGHET_SHAPES),
      'GET /reports/statistik': async ({ query, headers }) => reportAnswer(headers.accept, await statisticsReport(deps(), query), STATISTICS_SHAPES),
      'PUT /public-bodies/{body}': async ({ caller, params, body }) => json(200, await setPublicBody(deps(), caller, params.body, body)),
      'GET /offentlig/{body}': async ({ params, headers }) => publicBodyAnswer(await publicBodyPage(deps(), params.body), headers),
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES, renderPage: publicProblemAnswer },
  );
}

export const handler = createHandler();
